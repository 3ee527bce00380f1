// The summary's numbers (the core's summarizeAnalysis) in the words the status bar, the language status
// item and the Sources view show them in.
import { summarizeAnalysis, type Analysis, type AnalysisSummary } from '../core';

export interface Summary extends AnalysisSummary {
  /** "5 attributed · 3 unattributed" */
  status: string;
  /** "63% attributed · 2 sources (1 named, 1 anonymous)" */
  short: string;
  long: string;
}

export function summarize(analysis: Analysis): Summary {
  const numbers = summarizeAnalysis(analysis);
  const { attributed, unattributed, named, anonymous, sources, singleSource } = numbers;
  const percent = `${Math.round(numbers.attributedShare * 100)}%`;
  const sourcesText = `${sources} source${sources === 1 ? '' : 's'} (${named} named, ${anonymous} anonymous)`;
  return {
    ...numbers,
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
