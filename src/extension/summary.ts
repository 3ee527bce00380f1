// The numbers an editor glances at: how much of the article's claim-like content has a source, how
// many distinct sources, named or not, and whether one source carries everything.
import type { Analysis } from '../core';

export interface Summary {
  attributed: number;
  unattributed: number;
  /** Share of claim-like statements that are attributed, 0–1 (1 when there are none). */
  attributedShare: number;
  sources: number;
  named: number;
  anonymous: number;
  singleSource: boolean;
  /** "5 attributed · 3 unattributed" */
  status: string;
  /** "63% attributed · 2 sources (1 named, 1 anonymous)" */
  short: string;
  long: string;
}

export function summarize(analysis: Analysis): Summary {
  const attributed = analysis.attributions.filter((a) => a.source !== null).length;
  const unattributed = analysis.claims.length;
  const total = attributed + unattributed;
  const attributedShare = total === 0 ? 1 : attributed / total;
  const anonymous = analysis.sources.filter((s) => s.type === 'anonymous').length;
  const named = analysis.sources.length - anonymous;
  const singleSource = analysis.sources.length === 1 && attributed > 1;
  const percent = `${Math.round(attributedShare * 100)}%`;
  const sourcesText = `${analysis.sources.length} source${analysis.sources.length === 1 ? '' : 's'} (${named} named, ${anonymous} anonymous)`;
  return {
    attributed,
    unattributed,
    attributedShare,
    sources: analysis.sources.length,
    named,
    anonymous,
    singleSource,
    status: `${attributed} attributed · ${unattributed} unattributed`,
    short: `${percent} attributed · ${sourcesText}`,
    long: [
      `${attributed} attributed statement${attributed === 1 ? '' : 's'}, ${unattributed} unattributed claim${unattributed === 1 ? '' : 's'} (${percent} of claim-like content has a source).`,
      `${sourcesText}.`,
      singleSource ? 'Every statement comes from a single source.' : '',
      `${analysis.duplicates.length} duplicated passage${analysis.duplicates.length === 1 ? '' : 's'}, ${analysis.boilerplate.length} boilerplate block${analysis.boilerplate.length === 1 ? '' : 's'}.`,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
