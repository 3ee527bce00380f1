// The tagger's weights and its decoder: a linear-chain model whose score for a tag sequence is the sum of
// emission weights (feature bucket × tag) and transition weights (previous tag × tag), decoded by Viterbi.
// Deterministic: ties go to the lower tag index, and the sums are taken in a fixed order.
import { FEATURES_PER_TOKEN, sentenceFeatures } from './features';
import type { Token } from '../../text/tokens';
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

/**
 * Emission scores, token by token: n × TAG_COUNT, written whole (`into`, when given, must be that long).
 * The seven sums of a token are kept in locals while its features are read: one store per tag, not one
 * per feature and tag (TAG_COUNT is 7: tags.ts).
 */
/** The unrolled sums below are written for seven tags: this line fails to compile if tags.ts changes that. */
const SEVEN_TAGS: 7 = TAG_COUNT;

export function emissionScores(weights: TaggerWeights, features: Int32Array, into?: Float64Array): Float64Array {
  const n = features.length / FEATURES_PER_TOKEN;
  const scores = into ?? new Float64Array(n * TAG_COUNT);
  const emission = weights.emission;
  for (let t = 0; t < n; t++) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0;
    for (let f = t * FEATURES_PER_TOKEN, end = f + FEATURES_PER_TOKEN; f < end; f++) {
      const row = features[f] * SEVEN_TAGS;
      s0 += emission[row];
      s1 += emission[row + 1];
      s2 += emission[row + 2];
      s3 += emission[row + 3];
      s4 += emission[row + 4];
      s5 += emission[row + 5];
      s6 += emission[row + 6];
    }
    const at = t * SEVEN_TAGS;
    scores[at] = s0;
    scores[at + 1] = s1;
    scores[at + 2] = s2;
    scores[at + 3] = s3;
    scores[at + 4] = s4;
    scores[at + 5] = s5;
    scores[at + 6] = s6;
  }
  return scores;
}

/** allowedTransition as a table: row p + 1 (row 0 the sentence start), column the tag. */
const ALLOWED = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT);
for (let p = -1; p < TAG_COUNT; p++)
  for (let y = 0; y < TAG_COUNT; y++) ALLOWED[(p + 1) * TAG_COUNT + y] = allowedTransition(p, y) ? 1 : 0;

/** Working arrays of `viterbi`, grown to the longest sentence seen: a sentence then allocates only its tags. */
let scratch = { emission: new Float64Array(0), best: new Float64Array(0), back: new Int8Array(0) };

function scratchFor(cells: number): typeof scratch {
  if (scratch.emission.length < cells) {
    const size = Math.max(cells, 2 * scratch.emission.length);
    scratch = { emission: new Float64Array(size), best: new Float64Array(size), back: new Int8Array(size) };
  }
  return scratch;
}

/** The best-scoring well-formed tag sequence for one sentence's features (see tags.ts `allowedTransition`). */
export function viterbi(weights: TaggerWeights, features: Int32Array): Uint8Array {
  const n = features.length / FEATURES_PER_TOKEN;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const { emission: buffer, best, back } = scratchFor(n * TAG_COUNT);
  const emission = emissionScores(weights, features, buffer);
  for (let y = 0; y < TAG_COUNT; y++) {
    best[y] = ALLOWED[y] ? weights.transition[y] + emission[y] : -Infinity;
  }
  for (let t = 1; t < n; t++) {
    for (let y = 0; y < TAG_COUNT; y++) {
      let top = -Infinity;
      let from = -1;
      for (let p = 0; p < TAG_COUNT; p++) {
        if (!ALLOWED[(p + 1) * TAG_COUNT + y]) continue;
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

/** The features buffer of `tagSentence`, grown to the longest sentence seen. */
let featureBuffer = new Int32Array(0);

/** One sentence's tags by these weights: its features, then Viterbi, with working arrays reused. */
export function tagSentence(tokens: readonly Token[], weights: TaggerWeights): Uint8Array {
  const cells = tokens.length * FEATURES_PER_TOKEN;
  if (featureBuffer.length < cells) featureBuffer = new Int32Array(Math.max(cells, 2 * featureBuffer.length));
  return viterbi(weights, sentenceFeatures(tokens, weights.buckets, featureBuffer));
}
