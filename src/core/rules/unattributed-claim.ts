// A check-worthy statement in the writer's own voice with no source (claims stage).
import { defineRule } from './rule';

export const unattributedClaim = defineRule({
  id: 'unattributed-claim',
  severity: 'info',
  suppressible: true,
  anchor: 'unattributed-claim',
  summary: 'A check-worthy statement that no source, link or footnote is given for.',
  warningInTextReport: false,
  marksRemovableText: false,
  check({ analysis }, report) {
    // A linked claim (a link, footnote or URL in its sentence) points the reader to its proof.
    for (const claim of analysis.claims)
      if (!claim.evidence)
        report(claim, `Check-worthy statement with no source (${claim.reasons.join(', ') || 'claim-like'}).`);
  },
});
