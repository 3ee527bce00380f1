// Each token belongs to at most one statement: of statements found in one sentence that overlap, the
// earlier found keeps its words, and the later one keeps what comes before them or is dropped. A
// statement inside the content of an "according to" statement is nested in it, not competing.
import { MIN_INDIRECT_CONTENT_WORDS, type Candidate } from './candidates';
import { trimStatement } from './statement-span';
import type { Attribution, Span } from '../types';

/** The whole of a statement: its content, cue and source mention. */
function extent(attribution: Attribution): Span {
  const spans = [...attribution.content, attribution.cue, attribution.sourceMention].filter(
    (s): s is Span => s !== null,
  );
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/** Whether `inner` lies wholly within the content of the scoping statement `outer`. */
function nestedIn(inner: Candidate, outer: Candidate): boolean {
  if (outer.role !== 'scope') return false;
  const e = extent(inner);
  return outer.content.some((c) => c.start <= e.start && e.end <= c.end);
}

/** Each token belongs to at most one statement: of overlapping finds, the earlier-found (direct) wins. Roles kept. */
export function dropOverlaps(prose: string, found: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const candidate of found) {
    const clashing = kept.filter((k) =>
      k.content.some((a) => candidate.content.some((b) => a.start < b.end && b.start < a.end)),
    );
    // A statement inside an "according to" statement's content is nested, not competing.
    if (clashing.length > 0 && clashing.every((k) => nestedIn(k, candidate) || nestedIn(candidate, k))) {
      kept.push(candidate);
      continue;
    }
    const clashes = clashing
      .flatMap((k) => k.content)
      .filter((a) => candidate.content.some((b) => a.start < b.end && b.start < a.end));
    if (clashes.length === 0) {
      kept.push(candidate);
      continue;
    }
    // Reported speech that runs into someone's quote ("… unserious - “…,” she said - and …") keeps
    // the part before it, if that part is still a statement.
    const firstClash = Math.min(...clashes.map((c) => c.start));
    const before = candidate.content
      .filter((p) => p.end <= firstClash || p.start < firstClash)
      .map((p) => trimStatement(prose, { start: p.start, end: Math.min(p.end, firstClash) }));
    const words = before.reduce(
      (n, p) =>
        n +
        prose
          .slice(p.start, p.end)
          .split(/\s+/)
          .filter((w) => /\p{L}/u.test(w)).length,
      0,
    );
    // A verb's object is defined by its quote: without the quote it is nothing.
    if (candidate.kind !== 'direct' && candidate.role !== 'verbObject' && words >= MIN_INDIRECT_CONTENT_WORDS)
      kept.push({ ...candidate, content: before });
  }
  return kept;
}
