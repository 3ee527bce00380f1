// The exit status a CI job gates on, as ESLint's: 1 when any message is an error or the warnings are more
// than --max-warnings, else 0 (2, bad usage or an unreadable path, is decided before any analysis).
import type { Analysis } from '../core';

export interface ExitStatus {
  code: 0 | 1;
  /** Why the status is 1, one line for standard error (standard output stays the report). */
  reason?: string;
}

/** `maxWarnings` undefined: warnings never fail the run. Info and hint messages never do. */
export function exitStatus(analyses: readonly Analysis[], maxWarnings: number | undefined): ExitStatus {
  let errors = 0;
  let warnings = 0;
  for (const analysis of analyses) {
    for (const message of analysis.messages) {
      if (message.severity === 'error') errors++;
      else if (message.severity === 'warning') warnings++;
    }
  }
  if (errors > 0) return { code: 1, reason: `${count(errors, 'error')} (exit status 1)` };
  if (maxWarnings !== undefined && warnings > maxWarnings)
    return { code: 1, reason: `${count(warnings, 'warning')}, more than --max-warnings ${maxWarnings}` };
  return { code: 0 };
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
