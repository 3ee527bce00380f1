// The tagger's weights as a data file (src/core/lexicon/attribution-tagger.json, written by
// `npm run train:attribution`): the emission weights quantised to whole numbers in -127..127 (one byte
// each, base64), the transitions in the same unit, the feature templates and tags they were trained with,
// and what they were trained on. Reading never throws: a file that does not fit this code (other templates,
// other tags, a wrong length) gives no weights and a reason, and the rules run alone.
import { TEMPLATES } from './features';
import { TAG_COUNT, TAG_NAMES } from './tags';
import type { TaggerWeights } from './weights';

export const WEIGHTS_FORMAT = 'source-lens attribution tagger 1';

export interface WeightsFile {
  format: string;
  /** Feature templates, in order (features.ts TEMPLATES). */
  templates: string[];
  tags: string[];
  buckets: number;
  /** Emission weights as signed bytes, bucket-major (weights.ts), base64. */
  emission: string;
  /** (tags + 1) × tags transition weights, in the emission weights' unit. */
  transition: number[];
  /** What the weights came from: data file, its SHA-256, counts, algorithm and settings. */
  training: Record<string, unknown>;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_VALUE[BASE64.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
  }
  return out;
}

/** Base64 to bytes; null on a character outside the alphabet. No atob/Buffer: the core runs anywhere. */
export function decodeBase64(text: string): Uint8Array | null {
  const body = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let k = 0;
  for (let i = 0; i < body.length; i += 4) {
    let n = 0;
    const group = Math.min(4, body.length - i);
    for (let j = 0; j < 4; j++) {
      const code = j < group ? body.charCodeAt(i + j) : 65;
      const value = code < 128 ? BASE64_VALUE[code] : -1;
      if (value < 0) return null;
      n = (n << 6) | value;
    }
    bytes[k++] = (n >> 16) & 255;
    if (group > 2) bytes[k++] = (n >> 8) & 255;
    if (group > 3) bytes[k++] = n & 255;
  }
  return bytes.subarray(0, k);
}

const sameList = (a: unknown, b: readonly string[]): boolean =>
  Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

/** The weights a file holds, or why it cannot be used with this code. */
export function readWeightsFile(file: unknown): { weights: TaggerWeights } | { error: string } {
  const f = file as Partial<WeightsFile> | null;
  if (!f || typeof f !== 'object' || f.format !== WEIGHTS_FORMAT) return { error: `not a ${WEIGHTS_FORMAT} file` };
  if (!sameList(f.templates, TEMPLATES)) return { error: 'trained with other feature templates: retrain' };
  if (!sameList(f.tags, TAG_NAMES)) return { error: 'trained with other tags: retrain' };
  const buckets = f.buckets;
  if (typeof buckets !== 'number' || buckets < 1 || (buckets & (buckets - 1)) !== 0)
    return { error: 'buckets is not a power of two' };
  const bytes = typeof f.emission === 'string' ? decodeBase64(f.emission) : null;
  if (!bytes || bytes.length !== buckets * TAG_COUNT) return { error: 'emission weights of the wrong length' };
  const transition = f.transition;
  if (!Array.isArray(transition) || transition.length !== (TAG_COUNT + 1) * TAG_COUNT)
    return { error: 'transition weights of the wrong length' };
  if (!transition.every((x) => typeof x === 'number' && Number.isFinite(x)))
    return { error: 'transition weights are not numbers' };
  return {
    weights: {
      buckets,
      emission: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
      transition: Float64Array.from(transition),
    },
  };
}

/** Trained weights to the file's form: emission scaled so the largest is ±127 and rounded; transitions in that unit. */
export function writeWeightsFile(weights: TaggerWeights, training: Record<string, unknown>): WeightsFile {
  let largest = 0;
  for (let i = 0; i < weights.emission.length; i++) largest = Math.max(largest, Math.abs(weights.emission[i]));
  const scale = largest > 0 ? largest / 127 : 1;
  const quantised = new Int8Array(weights.emission.length);
  for (let i = 0; i < quantised.length; i++) quantised[i] = Math.round(weights.emission[i] / scale);
  return {
    format: WEIGHTS_FORMAT,
    templates: [...TEMPLATES],
    tags: [...TAG_NAMES],
    buckets: weights.buckets,
    emission: encodeBase64(new Uint8Array(quantised.buffer)),
    transition: Array.from(weights.transition, (w) => Math.round((w / scale) * 1000) / 1000),
    training,
  };
}
