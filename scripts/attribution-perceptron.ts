// Averaged structured perceptron (Collins 2002) for the attribution tagger in src/core/attribution/model.
// Deterministic by construction: the only randomness is the order sentences are visited in each epoch, drawn
// from a seeded generator (mulberry32), never Math.random; updates are whole numbers, so the sums are exact,
// and the averaged weights come from one division at the end ("w - u / c", Daumé's lazy averaging).
import {
  emptyWeights,
  FEATURES_PER_TOKEN,
  TAG_COUNT,
  viterbi,
  type TrainingWeights,
} from '../src/core/attribution/model';
import { mulberry32 } from '../test/support/random';

export interface TrainingSentence {
  /** Feature buckets, FEATURES_PER_TOKEN per token (sentenceFeatures). */
  features: Int32Array;
  /** Gold tag per token. */
  tags: Uint8Array;
}

export interface PerceptronSettings {
  buckets: number;
  epochs: number;
  seed: number;
}

/** 0..n-1 in a seeded Fisher-Yates order. */
function shuffledOrder(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Adds `delta` to the weight at `index` of both the current and the step-weighted sums. */
function bump(current: Float64Array, stepSums: Float64Array, index: number, delta: number, step: number): void {
  current[index] += delta;
  stepSums[index] += step * delta;
}

export function trainPerceptron(sentences: readonly TrainingSentence[], settings: PerceptronSettings): TrainingWeights {
  const weights = emptyWeights(settings.buckets);
  const emissionSums = new Float64Array(weights.emission.length);
  const transitionSums = new Float64Array(weights.transition.length);
  const random = mulberry32(settings.seed);
  let step = 1;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (const index of shuffledOrder(sentences.length, random)) {
      const { features, tags: gold } = sentences[index];
      const predicted = viterbi(weights, features);
      for (let t = 0; t < gold.length; t++) {
        const previousGold = t > 0 ? gold[t - 1] : -1;
        const previousPredicted = t > 0 ? predicted[t - 1] : -1;
        if (gold[t] === predicted[t] && previousGold === previousPredicted) continue;
        if (gold[t] !== predicted[t]) {
          for (let f = 0; f < FEATURES_PER_TOKEN; f++) {
            const row = features[t * FEATURES_PER_TOKEN + f] * TAG_COUNT;
            bump(weights.emission, emissionSums, row + gold[t], 1, step);
            bump(weights.emission, emissionSums, row + predicted[t], -1, step);
          }
        }
        bump(weights.transition, transitionSums, (previousGold + 1) * TAG_COUNT + gold[t], 1, step);
        bump(weights.transition, transitionSums, (previousPredicted + 1) * TAG_COUNT + predicted[t], -1, step);
      }
      step++;
    }
  }
  for (let i = 0; i < weights.emission.length; i++) weights.emission[i] -= emissionSums[i] / step;
  for (let i = 0; i < weights.transition.length; i++) weights.transition[i] -= transitionSums[i] / step;
  return weights;
}
