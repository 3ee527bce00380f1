// Statements counted once: a statement inside a repeated passage (a scraped page that prints its body
// twice) is the same statement again, so the shares, the summary, the Sources view and single-source
// count it once, at its first copy. The sources stage runs before this one and cannot know which
// statements repeat; this reads its result and the duplicates together, after both are done.
import { firstIndexNotBefore } from '../text/search';
import type { Analysis, Duplicate } from '../types';

export interface StatementCounts {
  /** By attribution index: the repeated passage the statement lies in, or undefined when it counts. */
  repeatIn: (Duplicate | undefined)[];
  /** By source index: its statements outside repeated passages. */
  statements: number[];
  /** By source index: how many of those carry a direct quotation (every kind but `indirect`: a mixed statement quotes). */
  quotes: number[];
  /** Counted statements that have a source (the denominator of every share). */
  attributed: number;
  /** Counted statements with no identifiable source. */
  unsourced: number;
}

/**
 * Which statements repeat and what each source has once repeats are left out. `ownPath` is the path the
 * document was analysed under (`AnalyzeOptions.path`, the corpus document's path): a passage whose first
 * copy is in another document is this document's only copy and counts here. Without it every duplicate
 * is taken to repeat this document, which holds for a document analysed on its own.
 */
export function countStatements(analysis: Analysis, ownPath?: string | readonly string[]): StatementCounts {
  const own = ownPath === undefined ? null : new Set(typeof ownPath === 'string' ? [ownPath] : ownPath);
  const repeats = analysis.duplicates
    .filter((d) => own === null || own.has(d.of.path))
    .sort((a, b) => a.start - b.start);
  const statements = analysis.sources.map(() => 0);
  const quotes = analysis.sources.map(() => 0);
  let attributed = 0;
  let unsourced = 0;
  const repeatIn = analysis.attributions.map((attribution) => {
    const at = attribution.content[0]?.start ?? attribution.cue?.start ?? -1;
    const repeat = containing(repeats, at);
    if (repeat) return repeat;
    if (attribution.source === null || statements[attribution.source] === undefined) unsourced++;
    else {
      attributed++;
      statements[attribution.source]++;
      if (attribution.kind !== 'indirect') quotes[attribution.source]++;
    }
    return undefined;
  });
  return { repeatIn, statements, quotes, attributed, unsourced };
}

/** The repeat (sorted by start, not overlapping) that holds `offset`. */
function containing(spans: readonly Duplicate[], offset: number): Duplicate | undefined {
  const span = spans[firstIndexNotBefore(spans.length, (i) => spans[i].end <= offset)];
  return span && span.start <= offset ? span : undefined;
}
