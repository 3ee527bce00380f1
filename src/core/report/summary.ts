// The numbers an editor glances at: how much of the article's claim-like content has a source, how many
// distinct sources, named, anonymous or vague, and whether one source carries the article. Statements
// inside a repeated passage count once (countStatements), as they do in single-source.
import { countStatements, type StatementCounts } from '../duplicates';
import { isVagueSourceName } from '../rules';
import type { Analysis, Source } from '../types';

/** How a source is identified, for the balance: by name, as unnamed ("a senior official"), or as a vague group ("experts"). */
export type SourceIdentity = 'named' | 'anonymous' | 'vague';

export interface AnalysisSummary {
  /** Statements with an identifiable source, each counted once. */
  attributed: number;
  /** Check-worthy statements with none (the unattributed claims). */
  unattributed: number;
  /** Check-worthy statements with a link, footnote or URL in their sentence: neither attributed nor unattributed. */
  linked: number;
  /** Share of claim-like statements that are attributed, 0–1 (1 when there are none). */
  attributedShare: number;
  /** Sources with at least one counted statement. */
  sources: number;
  named: number;
  anonymous: number;
  vague: number;
  /** Statements in repeated passages, not counted above. */
  repeated: number;
  /** single-source reported (its message survived the control comments). */
  singleSource: boolean;
}

/** Named, anonymous or vague: a vague group's name ("officials", "many experts") says so, whatever its type. */
export function sourceIdentity(source: Source): SourceIdentity {
  if (isVagueSourceName(source.name)) return 'vague';
  return source.type === 'anonymous' ? 'anonymous' : 'named';
}

/** `ownPath` as countStatements takes it: the path(s) the document was analysed under. */
export function summarizeAnalysis(
  analysis: Analysis,
  ownPath?: string | readonly string[],
  counts: StatementCounts = countStatements(analysis, ownPath),
): AnalysisSummary {
  const linked = analysis.claims.filter((c) => c.evidence).length;
  const unattributed = analysis.claims.length - linked;
  const total = counts.attributed + unattributed;
  const balance = { named: 0, anonymous: 0, vague: 0 };
  analysis.sources.forEach((source, i) => {
    if (counts.statements[i] > 0) balance[sourceIdentity(source)]++;
  });
  return {
    attributed: counts.attributed,
    unattributed,
    linked,
    attributedShare: total === 0 ? 1 : counts.attributed / total,
    sources: balance.named + balance.anonymous + balance.vague,
    ...balance,
    repeated: counts.repeatIn.filter((repeat) => repeat !== undefined).length,
    singleSource: analysis.messages.some((message) => message.ruleId === 'single-source'),
  };
}
