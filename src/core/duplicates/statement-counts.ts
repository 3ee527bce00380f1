// Statements counted once: a statement inside a repeated passage (a scraped page that prints its body
// twice) is the same statement again, so the shares, the summary, the Sources view and single-source
// count it once, at its first copy. The sources stage runs before this one and cannot know which
// statements repeat; this reads its result and the duplicates together, after both are done.
import { firstIndexNotBefore } from '../text/search';
import type { Analysis, Attribution, AttributionKind, Duplicate } from '../types';

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
 * What the count reads of each statement: the analysis's own list, or another reading of it (the editor
 * holds its statements as columns of numbers, not objects: extension/statement-table.ts).
 */
export interface StatementFacts {
  readonly length: number;
  /** Where the statement is: its first content piece's start, else its cue's start, else -1. */
  position(i: number): number;
  source(i: number): number | null;
  kind(i: number): AttributionKind;
}

/**
 * Which statements repeat and what each source has once repeats are left out. `ownPath` is the path the
 * document was analysed under (`AnalyzeOptions.path`, the corpus document's path): a passage whose first
 * copy is in another document is this document's only copy and counts here. Without it every duplicate
 * is taken to repeat this document, which holds for a document analysed on its own.
 */
export function countStatements(
  analysis: Analysis,
  ownPath?: string | readonly string[],
  facts: StatementFacts = factsOf(analysis.attributions),
): StatementCounts {
  const own = ownPath === undefined ? null : new Set(typeof ownPath === 'string' ? [ownPath] : ownPath);
  const repeats = analysis.duplicates
    .filter((d) => own === null || own.has(d.of.path))
    .sort((a, b) => a.start - b.start);
  const statements = analysis.sources.map(() => 0);
  const quotes = analysis.sources.map(() => 0);
  let attributed = 0;
  let unsourced = 0;
  const repeatIn: (Duplicate | undefined)[] = new Array(facts.length);
  for (let i = 0; i < facts.length; i++) {
    repeatIn[i] = containing(repeats, facts.position(i));
    if (repeatIn[i]) continue;
    const source = facts.source(i);
    if (source === null || statements[source] === undefined) unsourced++;
    else {
      attributed++;
      statements[source]++;
      if (facts.kind(i) !== 'indirect') quotes[source]++;
    }
  }
  return { repeatIn, statements, quotes, attributed, unsourced };
}

function factsOf(list: readonly Attribution[]): StatementFacts {
  return {
    length: list.length,
    position: (i) => list[i].content[0]?.start ?? list[i].cue?.start ?? -1,
    source: (i) => list[i].source,
    kind: (i) => list[i].kind,
  };
}

/** The repeat (sorted by start, not overlapping) that holds `offset`. */
function containing(spans: readonly Duplicate[], offset: number): Duplicate | undefined {
  const span = spans[firstIndexNotBefore(spans.length, (i) => spans[i].end <= offset)];
  return span && span.start <= offset ? span : undefined;
}
