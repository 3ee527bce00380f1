// A claim's score in words, for the editor: "likely needs a source" or "may need a source". The cut is
// read off the model's calibration, not chosen by taste: in the debate-grouped cross-validation on
// ClaimBuster (npm run eval; held-out scores, sentences as they come, 25% check-worthy), the sentences
// scored 0.75 and above were check-worthy more often than not in every 0.05-wide band (54% at 0.75–0.80,
// 92% at 0.95 and above), and those between the 0.5 threshold and 0.75 less often (27% to 49%).
// Above the cut a claim is more likely than not one a checker would ask a source for; below it, a
// judgement call.

/** The score from which a claim "likely needs a source". */
export const LIKELY_NEEDS_SOURCE = 0.75;

export type ClaimNeed = 'likely needs a source' | 'may need a source';

/** How much a flagged claim needs a source, in words. */
export function claimNeed(score: number): ClaimNeed {
  return score >= LIKELY_NEEDS_SOURCE ? 'likely needs a source' : 'may need a source';
}
