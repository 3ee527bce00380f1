// A check-worthy statement in the writer's own voice with no source (claims stage). The message quotes
// the statement's start and names what makes it worth checking, as an editor would write in the margin:
// No source for “More than 300 homes in Riverside flooded…”: a number and a past event.
import { defineRule } from './rule';
import { inWords, quoteStart } from './quote-text';

/** Reasons a more specific one already says: "$12 million" is a number, and "a sum of money" says more. */
const NUMERIC = new Set(['a sum of money', 'a percentage', 'a quantity', 'a statistic or record']);

/** At most two of the claim's reasons (the strongest first), as words: "a number and a past event". */
export function claimReasonWords(reasons: readonly string[]): string {
  const specific = reasons.some((reason) => NUMERIC.has(reason));
  return inWords(reasons.filter((reason) => !(specific && reason === 'a number')).slice(0, 2));
}

export const unattributedClaim = defineRule({
  id: 'unattributed-claim',
  severity: 'info',
  suppressible: true,
  anchor: 'unattributed-claim',
  summary: 'A check-worthy statement that no source, link or footnote is given for.',
  warningInTextReport: false,
  marksRemovableText: false,
  check({ text, analysis }, report) {
    // A linked claim (a link, footnote or URL in its sentence) points the reader to its proof.
    for (const claim of analysis.claims) {
      if (claim.evidence) continue;
      const what = claimReasonWords(claim.reasons);
      report(claim, `No source for ${quoteStart(text, claim)}${what ? `: ${what}` : ''}.`);
    }
  },
});
