// Stage 6: unattributed claims. Every sentence that is not attributed, not boilerplate and not a
// repeated copy is scored for check-worthiness; those at or above the threshold are claims.
import { checkWorthiness } from './check-worthiness';
import type { Attribution, Boilerplate, Claim, Duplicate, Quote, Sentence, Span } from './types';

export function findClaims(
  prose: string,
  sentences: Sentence[],
  attributions: Attribution[],
  quotes: Quote[],
  boilerplate: Boilerplate[],
  duplicates: Duplicate[],
  threshold: number,
): Claim[] {
  // A sentence that carries a statement belongs to its source, not to the writer.
  const attributed = new Set(attributions.flatMap((a) => a.sentences));
  // Speech with no attribution is still speech: a quote is not the writer's claim.
  const covered: Span[] = quotes.filter((q) => !q.scare).map((q) => q.inner);
  const excluded: Span[] = [...boilerplate, ...duplicates];
  const claims: Claim[] = [];
  for (const sentence of sentences) {
    if (attributed.has(sentence.index) || excluded.some((span) => contains(span, sentence))) continue;
    if (mostlyCovered(sentence, covered)) continue;
    const { score, reasons } = checkWorthiness(prose.slice(sentence.start, sentence.end));
    if (score >= threshold) claims.push({ start: sentence.start, end: sentence.end, sentence: sentence.index, score: round(score), reasons });
  }
  return claims;
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** A sentence that is at least half quotation is someone's speech, even when nobody is named. */
function mostlyCovered(sentence: Span, covered: Span[]): boolean {
  let overlap = 0;
  for (const span of covered) {
    const start = Math.max(span.start, sentence.start);
    const end = Math.min(span.end, sentence.end);
    if (end > start) overlap += end - start;
  }
  return overlap * 2 >= sentence.end - sentence.start;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
