// Squiggles are for what needs action; highlights for what was found (the legend, legend-html.ts, shows
// both). An unattributed claim is both: it was found, and it needs a source. Marked with a squiggle and an
// amber fill at once, nearly every paragraph was marked twice and the warnings drowned. VS Code has no
// diagnostic that stays in the Problems panel without a squiggle (the one level drawn without it, Hint, is
// left out of the Problems panel and its counts), so `sourceLens.claims.mark` chooses one mark:
// - "squiggle" (default): an information squiggle and a Problems row, no fill: the Problems panel is where an
//   editor goes through what needs a source, and it reads like cSpell's or markdownlint's;
// - "highlight": the amber fill, and the diagnostic lowered to a hint (no squiggle, no Problems row; the
//   Sources view still lists the claims);
// - "both": fill and squiggle, for those who want them.
// With the highlights off there is no fill, so the squiggle stays whatever the setting. Warnings and errors
// are never lowered: raising a rule's severity is how a user says "this needs action". Pure: no `vscode`.
import type { RuleId } from '../core';
import { LEVEL } from './max-problems';

export type ClaimMark = 'squiggle' | 'highlight' | 'both';
export const CLAIM_MARKS: readonly ClaimMark[] = ['squiggle', 'highlight', 'both'];

/** The setting's value, "squiggle" for anything else. */
export function readClaimMark(value: unknown): ClaimMark {
  return CLAIM_MARKS.includes(value as ClaimMark) ? (value as ClaimMark) : 'squiggle';
}

/** Rules each of whose findings the claim highlight draws, saying the same thing. */
export const HIGHLIGHTED_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['unattributed-claim']);

export interface UnderlineOptions {
  /** Whether the editor highlights are on (`sourceLens.highlights.enabled`). */
  highlights: boolean;
  claimMark: ClaimMark;
}

/** Whether unattributed claims get the amber fill. */
export function fillsClaims(options: UnderlineOptions): boolean {
  return options.highlights && options.claimMark !== 'squiggle';
}

/** Whether information-level findings of HIGHLIGHTED_RULES are lowered to hints: the fill is their mark. */
export function lowersHighlighted(options: UnderlineOptions): boolean {
  return options.highlights && options.claimMark === 'highlight';
}

/**
 * The findings' levels (max-problems.ts's levelsOf), with each information-level finding of a highlighted rule
 * lowered to a hint when lowersHighlighted. Changes `levels` in place and returns it.
 */
export function withoutDoubledUnderlines(
  levels: Int8Array,
  findings: ReadonlyArray<{ ruleId: RuleId }>,
  options: UnderlineOptions,
): Int8Array {
  if (!lowersHighlighted(options)) return levels;
  for (let i = 0; i < levels.length; i++)
    if (levels[i] === LEVEL.information && HIGHLIGHTED_RULES.has(findings[i].ruleId)) levels[i] = LEVEL.hint;
  return levels;
}
