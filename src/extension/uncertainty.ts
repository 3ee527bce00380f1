// Which statements the analysis is unsure of. The editor draws them in a quieter style than the statements
// it is sure of (highlights.ts), so a wrong speaker does not look as certain as a right one. Pure: no
// `vscode`, so the unit tests run it, and one place decides what "unsure" means: the core's
// `Attribution.uncertainty` (a pronoun with a rival, a speaker far from the words, the tagger's reading).
import type { Attribution } from '../core';

/** Whether the editor should show this statement as uncertain. */
export function isUncertain(attribution: Pick<Attribution, 'foundBy' | 'uncertainty'>): boolean {
  return attribution.uncertainty !== undefined || attribution.foundBy === 'tagger';
}
