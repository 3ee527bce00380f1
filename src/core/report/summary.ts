// The numbers an editor glances at: how much of the article's claim-like content has a source, how many
// distinct sources, named or not, and whether one source carries everything.
import type { Analysis } from '../types';

export interface AnalysisSummary {
  /** Statements with an identifiable source. */
  attributed: number;
  /** Check-worthy statements with none (the unattributed claims). */
  unattributed: number;
  /** Check-worthy statements with a link, footnote or URL in their sentence: neither attributed nor unattributed. */
  linked: number;
  /** Share of claim-like statements that are attributed, 0–1 (1 when there are none). */
  attributedShare: number;
  sources: number;
  named: number;
  anonymous: number;
  /** Every attributed statement, and more than one, comes from the one source the article has. */
  singleSource: boolean;
}

export function summarizeAnalysis(analysis: Analysis): AnalysisSummary {
  const attributed = analysis.attributions.filter((a) => a.source !== null).length;
  const linked = analysis.claims.filter((c) => c.evidence).length;
  const unattributed = analysis.claims.length - linked;
  const total = attributed + unattributed;
  const anonymous = analysis.sources.filter((s) => s.type === 'anonymous').length;
  return {
    attributed,
    unattributed,
    linked,
    attributedShare: total === 0 ? 1 : attributed / total,
    sources: analysis.sources.length,
    named: analysis.sources.length - anonymous,
    anonymous,
    singleSource: analysis.sources.length === 1 && attributed > 1,
  };
}
