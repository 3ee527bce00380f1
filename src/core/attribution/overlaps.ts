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

const contentsOverlap = (a: Candidate, b: Candidate): boolean =>
  a.content.some((x) => b.content.some((y) => x.start < y.end && y.start < x.end));

/** Whether the two overlap and neither is nested in the other: then they compete for their words. */
const crossing = (a: Candidate, b: Candidate): boolean => contentsOverlap(a, b) && !nestedIn(a, b) && !nestedIn(b, a);

/**
 * The kept statements' content pieces in order of start, each with its statement, and the furthest end
 * reached by each prefix: the first piece that ends after a point is then a binary search, and it is the
 * earliest-starting piece that can overlap a span from that point.
 */
function pieceIndex() {
  const pieces: Span[] = [];
  const owners: Candidate[] = [];
  const reach: number[] = [];
  /** The index of the first piece ending after `span.start` (pieces.length when none does). */
  const firstEndingAfter = (span: Span): number => {
    let low = 0;
    let high = pieces.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (reach[mid] > span.start) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  return {
    // Statements mostly come in the order of their words, so a piece mostly goes at the end.
    add(piece: Span, owner: Candidate): void {
      let at = pieces.length;
      while (at > 0 && pieces[at - 1].start > piece.start) at--;
      pieces.splice(at, 0, piece);
      owners.splice(at, 0, owner);
      reach.splice(at, 0, 0);
      for (let i = at; i < pieces.length; i++) reach[i] = Math.max(i > 0 ? reach[i - 1] : -Infinity, pieces[i].end);
    },
    /** The least start of a piece overlapping `span`, Infinity when none does. */
    firstStartOverlapping(span: Span): number {
      const first = firstEndingAfter(span);
      return first < pieces.length && pieces[first].start < span.end ? pieces[first].start : Infinity;
    },
    /**
     * Whether `test` holds for the statement of some piece overlapping `span`, asked piece by piece in
     * order of start and stopping at the first that passes.
     */
    someOverlapping(span: Span, test: (owner: Candidate) => boolean): boolean {
      for (let i = firstEndingAfter(span); i < pieces.length && pieces[i].start < span.end; i++)
        if (pieces[i].end > span.start && test(owners[i])) return true;
      return false;
    },
  };
}

/**
 * Each token belongs to at most one statement: of overlapping finds, the earlier-found (direct) wins, and
 * the later keeps what comes before the earliest word it shares or is dropped. Roles kept.
 */
export function dropOverlaps(prose: string, found: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const index = pieceIndex();
  const keep = (candidate: Candidate): void => {
    kept.push(candidate);
    for (const piece of candidate.content) index.add(piece, candidate);
  };
  // Whether `test` holds for a kept statement whose content overlaps the candidate's: only those can
  // compete with it or hold it. Comparing each candidate with every kept statement was quadratic on a
  // paragraph of thousands of quotes with their speakers ("“…,” said Smith, “…,” said Smith, …"), which
  // overlap none (issue 14). The search goes by start and stops at the first found, as the scan in the
  // order kept did: for "…, according to X" after a chain, the chain's earliest statement.
  const anyOverlapping = (candidate: Candidate, test: (k: Candidate) => boolean): boolean =>
    candidate.content.some((piece) => index.someOverlapping(piece, test));
  // Whether every kept statement whose content overlaps the last kept one's holds it nested. Then a
  // candidate nested in the last kept one is nested in everything it overlaps, and is kept without
  // comparing it with every kept statement: what it overlaps overlaps the last one, which is nested in
  // that, and nesting is transitive. "according to X, …" repeated without a full stop is such a chain,
  // each one inside all earlier ones, and comparing each with all of them was quadratic (issue 14).
  let lastIsInnermost = true;
  for (const candidate of found) {
    const last = kept.at(-1);
    if (last && lastIsInnermost && nestedIn(candidate, last)) {
      keep(candidate);
      continue;
    }
    // A statement inside an "according to" statement's content is nested, not competing.
    if (!anyOverlapping(candidate, (k) => crossing(k, candidate))) {
      keep(candidate);
      lastIsInnermost = !anyOverlapping(candidate, (k) => k !== candidate && !nestedIn(candidate, k));
      continue;
    }
    // Reported speech that runs into someone's quote ("… unserious - “…,” she said - and …") keeps
    // the part before it, if that part is still a statement.
    const firstClash = Math.min(...candidate.content.map((b) => index.firstStartOverlapping(b)));
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
    if (candidate.kind !== 'direct' && candidate.role !== 'verbObject' && words >= MIN_INDIRECT_CONTENT_WORDS) {
      keep({ ...candidate, content: before });
      // Its pieces end before the first word of any kept piece they overlapped, so they overlap none.
      lastIsInnermost = true;
    }
  }
  return kept;
}
