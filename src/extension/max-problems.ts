// Which findings the Problems panel shows when there are more than `sourceLens.maxProblems`. Pure: no
// `vscode`, so the unit tests run it on plain arrays; diagnostics.ts turns the choice into diagnostics.
//
// The choice is made before any Diagnostic is built, so the cost is the cap's, not the document's. The
// most severe come first (errors, then warnings, then information, then hints; within a level, in
// document order): the cap then drops the least important findings, e.g. the thousands of
// information-level claims in a long draft rather than a duplicated passage or an unbalanced quote
// further down; the Problems panel, which sorts by severity, shows at its top what it would have shown
// uncapped; and VS Code's own cut (1000 per document) keeps the same order. The shown findings stay in
// document order.
import type { RuleId } from '../core';
import type { SeveritySetting } from './severity-settings';

/**
 * A severity as vscode.DiagnosticSeverity numbers it (the most severe is the lowest), so a level is
 * the diagnostic's severity as it is.
 */
export const LEVEL = { error: 0, warning: 1, information: 2, hint: 3 } as const satisfies Record<
  Exclude<SeveritySetting, 'off'>,
  number
>;
/** The level of a finding whose rule is turned off: never shown, never counted. */
export const OFF = -1;

/** Each finding's level: the user's severity for its rule, else the rule's default; OFF when turned off. */
export function levelsOf(
  findings: ReadonlyArray<{ ruleId: RuleId }>,
  chosen: Partial<Record<RuleId, SeveritySetting>>,
  defaults: Record<RuleId, SeveritySetting>,
): Int8Array {
  const levels = new Int8Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const setting = chosen[findings[i].ruleId] ?? defaults[findings[i].ruleId];
    levels[i] = setting === 'off' ? OFF : LEVEL[setting];
  }
  return levels;
}

export interface ProblemsShown {
  /** Indexes of the findings shown, in document order. */
  shown: number[];
  /** How many findings (turned-off ones aside) are left out: the overflow notice's count, 0 for none. */
  hidden: number;
}

/**
 * The findings to show: all of them when they fit in `maxProblems`; otherwise `maxProblems - 1`, leaving
 * room for the notice that counts the rest (VS Code itself sends at most 1000 per document to the
 * Problems panel, dropping the rest with its own note, so the default must leave room for ours).
 */
export function chooseProblems(levels: Int8Array, maxProblems: number): ProblemsShown {
  const perLevel = [0, 0, 0, 0];
  for (let i = 0; i < levels.length; i++) if (levels[i] >= 0) perLevel[levels[i]]++;
  const found = perLevel[0] + perLevel[1] + perLevel[2] + perLevel[3];
  // Levels below `cutoff` are shown whole; of level `cutoff`, the first `room`.
  let cutoff = 0;
  let room = found > maxProblems ? maxProblems - 1 : found;
  while (cutoff < perLevel.length && perLevel[cutoff] <= room) room -= perLevel[cutoff++];
  const shown: number[] = [];
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level < 0 || level > cutoff) continue;
    if (level === cutoff) {
      if (room === 0) continue;
      room--;
    }
    shown.push(i);
  }
  return { shown, hidden: found - shown.length };
}

/** The text of the one notice that stands for the findings over the cap. */
export function overflowText(hidden: number, maxProblems: number): string {
  return `${hidden} more Source Lens finding${hidden === 1 ? '' : 's'} not shown (sourceLens.maxProblems is ${maxProblems}).`;
}
