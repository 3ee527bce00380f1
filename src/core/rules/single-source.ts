// One source carries most of the article: at least `minStatements` of the counted attributed statements
// and `share` of them all. A story told by one voice may be right, but the desk should see it before the
// reader does. Statements inside a repeated passage count once (duplicates/statement-counts.ts), so a
// scraped page that prints its body twice is not one source's twice. One message, on the source's first
// mention, pointing at each of its statements.
import { countStatements, type StatementCounts } from '../duplicates';
import type { Analysis, RelatedSpan } from '../types';
import { defineRule, type SingleSourceOptions } from './rule';

/**
 * Three in five: past a half the source has more statements than every other together, and a little over
 * it, so a two-source story whose sides are 5 and 4 is not flagged. Three statements: one or two from the
 * only source a short item has is news style, not a sourcing problem. README "single-source" has the
 * PolNeAR figures these were checked on.
 */
export const DEFAULT_SINGLE_SOURCE: SingleSourceOptions = { share: 0.6, minStatements: 3 };

/** The thresholds with each missing or unusable one at its default. */
export function singleSourceOptions(options: Partial<SingleSourceOptions> = {}): SingleSourceOptions {
  const { share, minStatements } = options;
  return {
    share: typeof share === 'number' && share >= 0 && share <= 1 ? share : DEFAULT_SINGLE_SOURCE.share,
    minStatements:
      typeof minStatements === 'number' && Number.isFinite(minStatements) && minStatements >= 1
        ? Math.floor(minStatements)
        : DEFAULT_SINGLE_SOURCE.minStatements,
  };
}

export interface DominantSource {
  /** Index into `Analysis.sources`. */
  source: number;
  /** Its counted statements. */
  statements: number;
  /** Of the counted attributed statements, 0–1. */
  share: number;
}

/** The source that carries the article by these thresholds, or undefined (the first one on a tie). */
export function dominantSource(counts: StatementCounts, options: SingleSourceOptions): DominantSource | undefined {
  let source = -1;
  counts.statements.forEach((n, i) => {
    if (source < 0 || n > counts.statements[source]) source = i;
  });
  if (source < 0 || counts.attributed === 0) return undefined;
  const statements = counts.statements[source];
  const share = statements / counts.attributed;
  return statements >= options.minStatements && share >= options.share ? { source, statements, share } : undefined;
}

export const singleSource = defineRule({
  id: 'single-source',
  severity: 'info',
  suppressible: true,
  anchor: 'single-source',
  summary: 'One source carries most of the attributed statements (share and minimum count are settings).',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ analysis, path, singleSource: options }, report) {
    const counts = countStatements(analysis, path);
    const dominant = dominantSource(counts, options);
    if (!dominant) return;
    const source = analysis.sources[dominant.source];
    const own = ownStatements(analysis, counts, dominant.source);
    if (own.length === 0) return;
    const place = firstMention(analysis, dominant.source) ?? own[0].content[0];
    const percent = Math.round(dominant.share * 100);
    const related: RelatedSpan[] = own.map((statement, i) => ({
      start: statement.content[0].start,
      end: statement.content[statement.content.length - 1].end,
      reason: `Statement ${i + 1} of ${own.length} from ${source.name}.`,
    }));
    report(
      { start: place.start, end: place.end },
      `One source carries the article: ${source.name} has ${dominant.statements} of the ${counts.attributed} ` +
        `attributed statements (${percent}%). Is there another voice to hear?`,
      undefined,
      undefined,
      related,
    );
  },
});

/** The source's counted statements, in text order. */
function ownStatements(analysis: Analysis, counts: StatementCounts, source: number) {
  return analysis.sources[source].attributions
    .filter((i) => counts.repeatIn[i] === undefined && analysis.attributions[i].content.length > 0)
    .map((i) => analysis.attributions[i])
    .sort((a, b) => a.content[0].start - b.content[0].start);
}

/** Where the source is first named (a mention may be a pronoun; the first seldom is). */
function firstMention(analysis: Analysis, source: number) {
  const mentions = analysis.sources[source].mentions;
  return mentions.length ? mentions.reduce((a, b) => (b.start < a.start ? b : a)) : undefined;
}
