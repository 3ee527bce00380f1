// Stage 6: unattributed claims. The part of each sentence that is the writer's own (not boilerplate,
// not a repeated copy, not someone's statement or quotation) is scored for check-worthiness; at or
// above the threshold it is a claim.
import { checkWorthiness } from './check-worthiness';
import { memoized, type TextMemo } from './memo';
import { firstIndexNotBefore } from './search';
import type { Attribution, Boilerplate, Claim, Duplicate, Quote, Sentence, Span } from './types';

/** Fewer words than this left beside a statement ("…, officials said") are not a claim of their own. */
const MIN_OWN_WORDS = 6;

export function findClaims(
  prose: string,
  sentences: Sentence[],
  attributions: Attribution[],
  quotes: Quote[],
  boilerplate: Boilerplate[],
  duplicates: Duplicate[],
  threshold: number,
  memo?: TextMemo<unknown>,
): Claim[] {
  // Everything that belongs to a statement: what was said, who said it, how and where. Reported speech
  // with no source ("is expected to", "reportedly") stays the writer's own: nobody is on record for it.
  const attributed: Span[] = attributions.filter((a) => a.sourceMention !== null || a.kind === 'direct' || a.kind === 'blockquote').flatMap((a) => [...a.content, a.cue, a.sourceMention, a.channel].filter((s): s is Span => s !== null));
  // Speech with no attribution is still speech: a quotation is not the writer's claim.
  const quoted = quotes.filter((q) => !q.scare).map((q) => ({ start: q.start, end: q.end }));
  const notOwn = bySentence(sentences, [...attributed, ...quoted]);
  const excluded = bySentence(sentences, [...boilerplate, ...duplicates]);
  const claims: Claim[] = [];
  for (const sentence of sentences) {
    if (excluded[sentence.index].some((span) => contains(span, sentence))) continue;
    const own = longestOwnPart(prose, sentence, notOwn[sentence.index]);
    if (!own) continue;
    const ownText = prose.slice(own.start, own.end);
    const { score, reasons } = memoized(memo, ownText, () => checkWorthiness(ownText));
    // The kept result is shared between analyses: each claim gets its own list.
    if (score >= threshold) claims.push({ start: own.start, end: own.end, sentence: sentence.index, score: round(score), reasons: [...reasons] });
  }
  return claims;
}

/** The longest stretch of the sentence outside every statement and quotation, or null if too little is left. */
function longestOwnPart(prose: string, sentence: Sentence, overlapping: Span[]): Span | null {
  if (overlapping.length === 0) return sentence;
  let best: Span | null = null;
  let from = sentence.start;
  for (const span of [...overlapping, { start: sentence.end, end: sentence.end }]) {
    const part = trim(prose, { start: from, end: Math.min(span.start, sentence.end) });
    if (part.end > part.start && (!best || part.end - part.start > best.end - best.start)) best = part;
    from = Math.max(from, span.end);
  }
  if (!best) return null;
  const text = prose.slice(best.start, best.end);
  // "…, said Ana Ruiz, who has championed the project": a description of the speaker, not a claim.
  if (/^(who|whose|which)\b/i.test(text)) return null;
  return hasWords(text, MIN_OWN_WORDS) ? best : null;
}

/** Whether `text` has at least `count` words (runs between spaces holding a letter or digit). */
function hasWords(text: string, count: number): boolean {
  let words = 0;
  for (const word of text.split(/\s+/)) {
    if (hasLetterOrDigit(word) && ++words >= count) return true;
  }
  return false;
}

function hasLetterOrDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
    if (code >= 128) return /[\p{L}\p{N}]/u.test(word);
  }
  return false;
}

/** The spans overlapping each sentence, in text order; found by binary search, so linear in practice. */
function bySentence(sentences: Sentence[], spans: Span[]): Span[][] {
  const buckets: Span[][] = sentences.map(() => []);
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const first = firstIndexNotBefore(sentences.length, (i) => sentences[i].end <= span.start);
    for (let i = first; i < sentences.length && sentences[i].start < span.end; i++) buckets[i].push(span);
  }
  return buckets;
}

function trim(prose: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/.test(prose[start])) start++;
  while (end > start && /[\s,;:—–-]/.test(prose[end - 1])) end--;
  return { start, end };
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
