// A check-worthy statement in the writer's own voice with no source (claims stage).
import { defineRule } from './rule';

export const unattributedClaim = defineRule({
  id: 'unattributed-claim',
  severity: 'info',
  suppressible: true,
  anchor: 'unattributed-claim',
  summary: 'A check-worthy statement that no source is given for.',
  warningInTextReport: false,
  marksRemovableText: false,
  check({ analysis }, report) {
    for (const claim of analysis.claims)
      report(claim, `Check-worthy statement with no source (${claim.reasons.join(', ') || 'claim-like'}).`);
  },
});
