// Squiggles are for what needs action; highlights for what was found (the legend, legend-html.ts, shows
// both). VS Code draws every Information diagnostic with a blue squiggle, so an unattributed claim, already
// filled amber, got a squiggle too: nearly every paragraph was marked twice and the warnings drowned.
// VS Code has no diagnostic that stays in the Problems panel without a squiggle; the one level drawn
// without it is Hint (three faint dots at its start, left out of the Problems panel and its counts). So
// an information-level finding whose text a highlight already marks with the same meaning is reported as a
// hint, unless `sourceLens.diagnostics.underlineHighlighted` asks for the squiggle (and the Problems row),
// or the highlights are off (then the squiggle is the only mark). Warnings and errors are never lowered:
// raising a rule's severity is how a user says "this needs action". Pure: no `vscode`, for the unit tests.
import type { RuleId } from '../core';
import { LEVEL } from './max-problems';

/** Rules each of whose findings a highlight draws, saying the same thing: unattributed-claim (amber fill). */
export const HIGHLIGHTED_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['unattributed-claim']);

export interface UnderlineOptions {
  /** Whether the editor highlights are on (`sourceLens.highlights.enabled`). */
  highlights: boolean;
  /** `sourceLens.diagnostics.underlineHighlighted`: keep the squiggle under highlighted findings. */
  underlineHighlighted: boolean;
}

/** Whether information-level findings of HIGHLIGHTED_RULES are lowered to hints with these settings. */
export function lowersHighlighted(options: UnderlineOptions): boolean {
  return options.highlights && !options.underlineHighlighted;
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
