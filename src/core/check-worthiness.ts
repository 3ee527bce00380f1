// Check-worthiness of one sentence, for stage 6 (claims): a small logistic regression over the features in
// check-worthiness-features.ts. The weights are data (lexicon/claim-model.json, written by
// scripts/train-claims.ts from ClaimBuster), so retraining never touches code.
import { extractFeatures, FEATURES, HASH_BUCKETS } from './check-worthiness-features';
import modelJson from './lexicon/claim-model.json';

export interface CheckWorthiness {
  score: number;
  reasons: string[];
}

/** The shape of lexicon/claim-model.json. */
export interface ClaimModel {
  about: string;
  trainedOn: string;
  crossValidation: { folds: number; balancedAccuracy: number; accuracy: number } | null;
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
 * A feature is given as a reason when it moves the logit up by at least this much: about a 5-point rise
 * in score around 0.5, enough that an editor would agree it mattered.
 */
const MIN_REASON_CONTRIBUTION = 0.2;

/** Scores one sentence's text for check-worthiness, in [0, 1], with the features that drove it. */
export function checkWorthiness(sentence: string): CheckWorthiness {
  if (typeof sentence !== 'string' || sentence.trim() === '') return { score: 0, reasons: [] };
  const features = extractFeatures(sentence);
  let logit = model.intercept + model.priorShift;
  const contributions = new Map<string, number>();
  features.values.forEach((value, i) => {
    const contribution = denseWeights[i] * value;
    logit += contribution;
    const reason = FEATURES[i].reason;
    if (reason && contribution > 0) contributions.set(reason, (contributions.get(reason) ?? 0) + contribution);
  });
  if (hashedWeights) for (const bucket of features.buckets) logit += hashedWeights[bucket] ?? 0;
  const score = Number.isFinite(logit) ? 1 / (1 + Math.exp(-logit)) : 0;
  const reasons = [...contributions]
    .filter(([, c]) => c >= MIN_REASON_CONTRIBUTION)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason]) => reason);
  return { score, reasons };
}
