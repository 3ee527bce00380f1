// An editor's correction (README "Corrections") that applies to nothing: its anchor starts no statement
// in the paragraph after it (the statement was reworded, or the line moved), or it cannot be read. It is
// never applied to another statement instead; this message says so, at the correction.
import { defineRule } from './rule';

export const unappliedCorrection = defineRule({
  id: 'unapplied-correction',
  severity: 'warning',
  suppressible: false,
  anchor: 'unapplied-correction',
  summary: "An editor's correction in the text matches no statement in the paragraph after it, or cannot be read.",
  warningInTextReport: true,
  marksRemovableText: false,
  check({ unappliedCorrections }, report) {
    for (const correction of unappliedCorrections) report(correction, correction.reason);
  },
});
