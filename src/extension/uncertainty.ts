// Which statements the analysis is unsure of. The editor draws them in a quieter style than the statements
// it is sure of (highlights.ts), so a wrong speaker does not look as certain as a right one. Pure: no
// `vscode`, so the unit tests run it, and one place decides what "unsure" means as more kinds are added
// (a pronoun with two candidates, a speaker far from the quote, a low model score).
import type { Attribution } from '../core';

/** Whether the editor should show this statement as uncertain: for now, when the trained tagger found it. */
export function isUncertain(attribution: Pick<Attribution, 'foundBy'>): boolean {
  return attribution.foundBy === 'tagger';
}
