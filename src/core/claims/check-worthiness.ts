// Check-worthiness of one sentence, for stage 8 (claims): a small logistic regression over the features in
// features.ts. The weights are data (lexicon/claim-model.json, written by
// scripts/train-claims.ts from ClaimBuster), so retraining never touches code.
import { extractFeatures, FEATURES, HASH_BUCKETS } from './features';
import modelJson from '../lexicon/claim-model.json';

export interface CheckWorthiness {
  score: number;
  reasons: string[];
}

/** The shape of lexicon/claim-model.json. */
export interface ClaimModel {
  about: string;
  trainedOn: string;
  /** How the model was measured: `scheme` "debate" is grouped by debate, at the score cut `threshold`. */
  crossValidation: {
    folds: number;
    scheme: string;
    threshold: number;
    balancedAccuracy: number;
    accuracy: number;
  } | null;
  intercept: number;
  /** Added to the logit: log(negatives/positives) of the training data, i.e. even prior odds (see train-claims). */
  priorShift: number;
  weights: Record<string, number>;
  hashBuckets: number;
  hashed: number[];
}

const model = modelJson as ClaimModel;
const denseWeights = FEATURES.map((f) => model.weights[f.name] ?? 0);
// A model trained with another bucket count would read the wrong buckets: ignore its hashed part instead.
const hashedWeights = model.hashBuckets === HASH_BUCKETS && model.hashed.length === HASH_BUCKETS ? model.hashed : null;
/**
 * The reasons, each once, and the index in it of each feature's reason (-1 for none): summed in an array, not a map.
 */
const REASONS = [...new Set(FEATURES.flatMap((f) => (f.reason ? [f.reason] : [])))];
const REASON_INDEX = FEATURES.map((f) => (f.reason ? REASONS.indexOf(f.reason) : -1));
/** Scratch for `checkWorthiness`: what each of REASONS adds to the logit. Saves an allocation per sentence. */
const contributionScratch = new Float64Array(REASONS.length);

/**
 * A feature is given as a reason when it moves the logit up by at least this much: about a 5-point rise
 * in score around 0.5, enough that an editor would agree it mattered.
 */
const MIN_REASON_CONTRIBUTION = 0.2;

/** Scores one sentence's text for check-worthiness, in [0, 1], with the features that drove it. */
export function checkWorthiness(sentence: string): CheckWorthiness {
  // No character outside `\s` (what trim removes) is an empty sentence; tested without a trimmed copy.
  if (typeof sentence !== 'string' || !/\S/.test(sentence)) return { score: 0, reasons: [] };
  const features = extractFeatures(sentence);
  let logit = model.intercept + model.priorShift;
  // What each reason adds to the logit, counting only the features that push it up.
  const contributions = contributionScratch.fill(0);
  for (let i = 0; i < features.values.length; i++) {
    const contribution = denseWeights[i] * features.values[i];
    logit += contribution;
    if (REASON_INDEX[i] >= 0 && contribution > 0) contributions[REASON_INDEX[i]] += contribution;
  }
  if (hashedWeights) for (const bucket of features.buckets) logit += hashedWeights[bucket] ?? 0;
  const score = Number.isFinite(logit) ? 1 / (1 + Math.exp(-logit)) : 0;
  return { score, reasons: reasonsGiven(contributions) };
}

/** The reasons that mattered (see MIN_REASON_CONTRIBUTION), the strongest first, from what each added to the logit. */
function reasonsGiven(contributions: Float64Array): string[] {
  const given: number[] = [];
  // A reason nothing pushed up stays at 0: never given, whatever the minimum.
  for (let r = 0; r < REASONS.length; r++)
    if (contributions[r] > 0 && contributions[r] >= MIN_REASON_CONTRIBUTION) given.push(r);
  return given
    .sort((a, b) => contributions[b] - contributions[a] || REASONS[a].localeCompare(REASONS[b]))
    .map((r) => REASONS[r]);
}
