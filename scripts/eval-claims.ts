// Training and cross-validation of the check-worthiness model. One implementation, used by
// scripts/train-claims.ts (which writes the model) and scripts/eval.ts (which reports CV accuracy), so the
// number in the eval table is the number the shipped model was chosen by.
import { readFileSync } from 'node:fs';
import { extractFeatures, FEATURES, fnv1a, HASH_BUCKETS, type SentenceFeatures } from '../src/core/claims/features';
import type { ClaimModel } from '../src/core/claims/check-worthiness';
import { contiguousFolds, type Scored, type Split } from './claims-cv';

export interface LabelledSentence {
  sentence_id: number;
  label: 0 | 1;
  text: string;
}

export interface Example {
  id: number;
  label: 0 | 1;
  features: SentenceFeatures;
}

export interface TrainingOptions {
  /** L2 penalty on the hand-written features' weights (the intercept is not penalised). */
  l2Dense: number;
  /** L2 penalty on the hashed word buckets: stronger, so they adjust and never dominate. */
  l2Hashed: number;
  iterations: number;
  learningRate: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { l2Dense: 1e-4, l2Hashed: 3e-3, iterations: 800, learningRate: 0.5 };
export const FOLDS = 5;

export function loadClaims(path: string): LabelledSentence[] {
  return JSON.parse(readFileSync(path, 'utf8')) as LabelledSentence[];
}

export function toExamples(data: LabelledSentence[]): Example[] {
  return data.map((d) => ({ id: d.sentence_id, label: d.label === 1 ? 1 : 0, features: extractFeatures(d.text) }));
}

/** Deterministic fold of a sentence: a hash of its id, so folds do not depend on the file's order. */
export function foldOf(id: number, folds = FOLDS): number {
  return fnv1a(String(id)) % folds;
}

interface Weights {
  intercept: number;
  dense: number[];
  hashed: number[];
}

/**
 * Logistic regression by full-batch gradient descent with Nesterov momentum: no randomness anywhere (no
 * shuffling, zero initialisation, fixed iteration count), so the same data always gives the same model.
 */
export function fitLogistic(examples: Example[], options: TrainingOptions = DEFAULT_TRAINING): Weights {
  const nDense = FEATURES.length;
  const w: Weights = {
    intercept: 0,
    dense: new Array<number>(nDense).fill(0),
    hashed: new Array<number>(HASH_BUCKETS).fill(0),
  };
  const velocity: Weights = {
    intercept: 0,
    dense: new Array<number>(nDense).fill(0),
    hashed: new Array<number>(HASH_BUCKETS).fill(0),
  };
  const momentum = 0.9;
  const n = examples.length || 1;
  for (let iter = 0; iter < options.iterations; iter++) {
    // Look-ahead point for Nesterov's gradient.
    const ahead: Weights = {
      intercept: w.intercept + momentum * velocity.intercept,
      dense: w.dense.map((v, i) => v + momentum * velocity.dense[i]),
      hashed: w.hashed.map((v, i) => v + momentum * velocity.hashed[i]),
    };
    const grad: Weights = {
      intercept: 0,
      dense: new Array<number>(nDense).fill(0),
      hashed: new Array<number>(HASH_BUCKETS).fill(0),
    };
    for (const ex of examples) {
      const error = sigmoid(linear(ahead, ex.features)) - ex.label;
      grad.intercept += error;
      const values = ex.features.values;
      for (let i = 0; i < nDense; i++) grad.dense[i] += error * values[i];
      for (const b of ex.features.buckets) grad.hashed[b] += error;
    }
    velocity.intercept = momentum * velocity.intercept - options.learningRate * (grad.intercept / n);
    w.intercept += velocity.intercept;
    for (let i = 0; i < nDense; i++) {
      velocity.dense[i] =
        momentum * velocity.dense[i] - options.learningRate * (grad.dense[i] / n + options.l2Dense * ahead.dense[i]);
      w.dense[i] += velocity.dense[i];
    }
    for (let i = 0; i < HASH_BUCKETS; i++) {
      velocity.hashed[i] =
        momentum * velocity.hashed[i] -
        options.learningRate * (grad.hashed[i] / n + options.l2Hashed * ahead.hashed[i]);
      w.hashed[i] += velocity.hashed[i];
    }
  }
  return w;
}

function linear(w: Weights, f: SentenceFeatures): number {
  let z = w.intercept;
  for (let i = 0; i < f.values.length; i++) z += w.dense[i] * f.values[i];
  for (const b of f.buckets) z += w.hashed[b];
  return z;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * The training data is 25% check-worthy; news background prose is not debate talk, and the ClaimBuster test
 * set (and our threshold of 0.5) treat the two classes as equally likely. By Bayes, moving from the
 * training prior odds p/(1-p) to even odds adds log((1-p)/p) to the logit: that shift is stored in the model
 * separately from the fitted intercept so anyone can see it and undo it.
 */
export function priorShiftFor(examples: Example[]): number {
  const positives = examples.filter((e) => e.label === 1).length;
  const negatives = examples.length - positives;
  if (positives === 0 || negatives === 0) return 0;
  return Math.log(negatives / positives);
}

export function toModel(
  weights: Weights,
  priorShift: number,
  trainedOn: string,
  cv: CrossValidation | null,
): ClaimModel {
  const round = (v: number) => Math.round(v * 10000) / 10000;
  return {
    about: [
      'Logistic regression for check-worthiness, written by scripts/train-claims.ts: do not edit by hand, retrain.',
      'score = sigmoid(intercept + priorShift + sum of weights[f] * feature f + sum of hashed[bucket] over distinct words).',
    ].join(' '),
    trainedOn,
    crossValidation: cv && {
      folds: cv.folds,
      scheme: cv.scheme,
      threshold: cv.threshold,
      balancedAccuracy: round(cv.balancedAccuracy),
      accuracy: round(cv.accuracy),
    },
    intercept: round(weights.intercept),
    priorShift: round(priorShift),
    weights: Object.fromEntries(FEATURES.map((f, i) => [f.name, round(weights.dense[i])])),
    hashBuckets: HASH_BUCKETS,
    hashed: weights.hashed.map(round),
  };
}

export interface CrossValidation {
  folds: number;
  /** How the folds were made: by a hash of sentence_id, or contiguous id ranges (debates, see claims-cv.ts). */
  scheme: FoldScheme;
  /** The cut on the shipped score (prior shift included) that the figures below are at. */
  threshold: number;
  /** Mean of the two classes' recalls: the expected accuracy on a class-balanced test set. */
  balancedAccuracy: number;
  /** Accuracy on a balanced subsample of each held-out fold (all positives, as many negatives by id hash). */
  balancedSubsampleAccuracy: number;
  /** Accuracy on the held-out folds as they are (25% positive), at the threshold. */
  accuracy: number;
  /** Accuracy on the held-out folds without the prior shift: the best a 0.5 cut does on the raw mix. */
  accuracyWithoutShift: number;
  precision: number;
  recall: number;
  f1: number;
  examples: number;
  /** Every sentence's score from the fold model that did not see it, fold by fold, for choosing a threshold. */
  outOfFold: Scored[][];
}

export type FoldScheme = 'random' | 'debate';

/**
 * Ids either side of a held-out range kept out of training in debate folds: about one debate's worth (33
 * debates over about 34,500 ids), so a debate cut by a fold's end is not on both sides (claims-cv.ts).
 */
export const DEBATE_PURGE = 1000;

export function splitsFor(examples: Example[], scheme: FoldScheme, folds = FOLDS): Split<Example>[] {
  if (scheme === 'debate') return contiguousFolds(examples, (e) => e.id, folds, DEBATE_PURGE);
  return Array.from({ length: folds }, (_, k) => ({
    train: examples.filter((e) => foldOf(e.id, folds) !== k),
    test: examples.filter((e) => foldOf(e.id, folds) === k),
  }));
}

export function crossValidate(
  examples: Example[],
  scheme: FoldScheme = 'debate',
  threshold = 0.5,
  options: TrainingOptions = DEFAULT_TRAINING,
  folds = FOLDS,
): CrossValidation {
  const cut = Math.log(threshold / (1 - threshold));
  let tp = 0,
    fp = 0,
    tn = 0,
    fn = 0,
    unshiftedCorrect = 0,
    subsampleCorrect = 0,
    subsampleTotal = 0;
  const outOfFold: Scored[][] = [];
  const splits = splitsFor(examples, scheme, folds);
  for (const { train, test } of splits) {
    const weights = fitLogistic(train, options);
    const shift = priorShiftFor(train);
    const scores: Scored[] = [];
    outOfFold.push(scores);
    const predictions = test.map((e) => {
      const z = linear(weights, e.features);
      scores.push({ score: sigmoid(z + shift), label: e.label });
      return { e, shifted: z + shift >= cut, unshifted: z >= 0 };
    });
    for (const { e, shifted, unshifted } of predictions) {
      if (shifted && e.label === 1) tp++;
      else if (shifted) fp++;
      else if (e.label === 1) fn++;
      else tn++;
      if (unshifted === (e.label === 1)) unshiftedCorrect++;
    }
    const positives = predictions.filter((p) => p.e.label === 1);
    const negatives = predictions
      .filter((p) => p.e.label === 0)
      .sort((a, b) => fnv1a(`neg${a.e.id}`) - fnv1a(`neg${b.e.id}`) || a.e.id - b.e.id)
      .slice(0, positives.length);
    for (const p of [...positives, ...negatives]) if (p.shifted === (p.e.label === 1)) subsampleCorrect++;
    subsampleTotal += positives.length + negatives.length;
  }
  const total = tp + fp + tn + fn || 1;
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return {
    folds: splits.length,
    scheme,
    threshold,
    balancedAccuracy: (recall + tn / (tn + fp || 1)) / 2,
    balancedSubsampleAccuracy: subsampleCorrect / (subsampleTotal || 1),
    accuracy: (tp + tn) / total,
    accuracyWithoutShift: unshiftedCorrect / total,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall || 1),
    examples: examples.length,
    outOfFold,
  };
}
