// The tagger's weights and its decoder: a linear-chain model whose score for a tag sequence is the sum of
// emission weights (feature bucket × tag) and transition weights (previous tag × tag), decoded by Viterbi.
// Deterministic: ties go to the lower tag index, and the sums are taken in a fixed order.
import { FEATURES_PER_TOKEN } from './features';
import { allowedTransition, TAG_COUNT } from './tags';

export interface TaggerWeights {
  /** Number of feature buckets, a power of two. */
  buckets: number;
  /**
   * buckets × TAG_COUNT: the weight of feature bucket b for tag y at b * TAG_COUNT + y. Training adds up
   * in a Float64Array; the shipped weights are whole numbers in one byte each (weights-file.ts).
   */
  emission: Float64Array | Int8Array;
  /** (TAG_COUNT + 1) × TAG_COUNT: row 0 is the sentence start, row p + 1 follows tag p. */
  transition: Float64Array;
}

/** Weights being trained: the emission weights still in full precision. */
export type TrainingWeights = TaggerWeights & { emission: Float64Array };

export function emptyWeights(buckets: number): TrainingWeights {
  return {
    buckets,
    emission: new Float64Array(buckets * TAG_COUNT),
    transition: new Float64Array((TAG_COUNT + 1) * TAG_COUNT),
  };
}

/** Emission scores, token by token: n × TAG_COUNT. */
export function emissionScores(weights: TaggerWeights, features: Int32Array): Float64Array {
  const n = features.length / FEATURES_PER_TOKEN;
  const scores = new Float64Array(n * TAG_COUNT);
  for (let t = 0; t < n; t++) {
    for (let f = 0; f < FEATURES_PER_TOKEN; f++) {
      const row = features[t * FEATURES_PER_TOKEN + f] * TAG_COUNT;
      for (let y = 0; y < TAG_COUNT; y++) scores[t * TAG_COUNT + y] += weights.emission[row + y];
    }
  }
  return scores;
}

/** The best-scoring well-formed tag sequence for one sentence's features (see tags.ts `allowedTransition`). */
export function viterbi(weights: TaggerWeights, features: Int32Array): Uint8Array {
  const n = features.length / FEATURES_PER_TOKEN;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const emission = emissionScores(weights, features);
  const best = new Float64Array(n * TAG_COUNT);
  const back = new Int8Array(n * TAG_COUNT);
  for (let y = 0; y < TAG_COUNT; y++) {
    best[y] = allowedTransition(-1, y) ? weights.transition[y] + emission[y] : -Infinity;
  }
  for (let t = 1; t < n; t++) {
    for (let y = 0; y < TAG_COUNT; y++) {
      let top = -Infinity;
      let from = -1;
      for (let p = 0; p < TAG_COUNT; p++) {
        if (!allowedTransition(p, y)) continue;
        const score = best[(t - 1) * TAG_COUNT + p] + weights.transition[(p + 1) * TAG_COUNT + y];
        if (score > top) {
          top = score;
          from = p;
        }
      }
      best[t * TAG_COUNT + y] = top + emission[t * TAG_COUNT + y];
      back[t * TAG_COUNT + y] = from;
    }
  }
  let last = 0;
  for (let y = 1; y < TAG_COUNT; y++) if (best[(n - 1) * TAG_COUNT + y] > best[(n - 1) * TAG_COUNT + last]) last = y;
  tags[n - 1] = last;
  for (let t = n - 1; t > 0; t--) tags[t - 1] = back[t * TAG_COUNT + tags[t]];
  return tags;
}
