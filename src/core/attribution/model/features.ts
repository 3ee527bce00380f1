// Token features for the attribution tagger, hashed into a fixed number of buckets, so the weights are one
// flat array and no vocabulary is shipped. Every token gets the same number of features
// (FEATURES_PER_TOKEN), each a bucket index, laid out token after token in one Int32Array.
// A feature is a template (its index in TEMPLATES) and a value, hashed as two integers: the values are
// hashes worked out once per token (its word, suffix, shape), so a sentence costs a few integer steps per
// feature and no strings. The templates are the cheap ones of the attribution literature: the word and its
// neighbours, suffix, shape, cue-lexicon class, "according to", whether the token is inside quote marks,
// where it sits in the sentence, how far and on which side the nearest cue word is, and the clause
// punctuation around it. Changing a template or its order changes every bucket: retrain (npm run train:attribution).
import { cueClassOf, sourceAfterAt } from '../../lexicon/cue-lexicon';
import { fnv1a } from '../../text/hashed-words';
import type { Token } from '../../text/tokens';

export const TEMPLATES = [
  'bias',
  'word',
  'suffix3',
  'shape',
  'cue',
  'according',
  'quoted',
  'quoted|shape',
  'position',
  'previous word',
  'next word',
  'previous cue',
  'cue distance',
  'cue distance|quoted',
  'word -2',
  'word +2',
  'previous|word',
  'word|next',
  'next cue',
  'punctuation before',
  'punctuation after',
  'side of cues|shape',
  'previous cue|shape',
] as const;

export const FEATURES_PER_TOKEN = TEMPLATES.length;

/** Opening and closing double quote marks; the straight " toggles. Single marks are left out: ’ is an apostrophe too. */
const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);
/** Punctuation that ends or opens a clause, as the tagger sees it; other marks are not clause edges. */
const CLAUSE_MARKS = new Set([',', ':', ';', '—', '–', '(', ')', '"', '“', '”', '«', '»', '„']);

/** "Trump" → "Xx", "U.S." → "X.X.", "2016" → "d": character classes with runs collapsed. */
export function wordShape(text: string): string {
  let shape = '';
  for (const character of text) {
    const c = /\p{Lu}/u.test(character)
      ? 'X'
      : /\p{L}/u.test(character)
        ? 'x'
        : /\p{N}/u.test(character)
          ? 'd'
          : character;
    if (!shape.endsWith(c)) shape += c;
  }
  return shape;
}

/**
 * Per token, whether it lies inside double quote marks of its sentence (the marks themselves count as
 * inside): 1 or 0, written into `into` when given (sentenceFeatures' working column).
 */
export function quoteStates<T extends Uint8Array | Int32Array = Uint8Array>(
  tokens: readonly Token[],
  into: T = new Uint8Array(tokens.length) as T,
): T {
  let open = false;
  for (let t = 0; t < tokens.length; t++) {
    const text = tokens[t].text;
    if (OPENING.has(text) || (text === '"' && !open)) {
      open = true;
      into[t] = 1;
    } else if (CLOSING.has(text) || text === '"') {
      into[t] = 1;
      open = false;
    } else into[t] = open ? 1 : 0;
  }
  return into;
}

/** Signed distance from each token to the nearest cue word (`cues[t] !== 0`), bucketed: 0 a cue, -3..3, ±4 "far", 99 none. */
function cueDistances(cues: Int32Array, n: number, left: Int32Array, distances: Int32Array): void {
  const bucket = (d: number) => (d > 3 ? 4 : d < -3 ? -4 : d);
  // Two sweeps, nearest on the left then on the right; the nearer wins, the left one on a tie.
  let last = -1;
  for (let t = 0; t < n; t++) {
    if (cues[t] !== 0) last = t;
    left[t] = last;
  }
  let next = -1;
  for (let t = n - 1; t >= 0; t--) {
    if (cues[t] !== 0) next = t;
    const toLeft = left[t] >= 0 ? t - left[t] : Infinity;
    const toRight = next >= 0 ? next - t : Infinity;
    distances[t] =
      toLeft === Infinity && toRight === Infinity ? 99 : toRight < toLeft ? bucket(toRight) : bucket(-toLeft);
  }
}

/** Per token, the hash of the clause mark nearest before it (or the sentence start) and after it. */
function clauseMarks(tokens: readonly Token[], before: Int32Array, after: Int32Array): void {
  const n = tokens.length;
  let mark = START;
  for (let t = 0; t < n; t++) {
    before[t] = mark;
    if (CLAUSE_MARKS.has(tokens[t].text)) mark = fnv1a(tokens[t].text);
  }
  mark = END;
  for (let t = n - 1; t >= 0; t--) {
    after[t] = mark;
    if (CLAUSE_MARKS.has(tokens[t].text)) mark = fnv1a(tokens[t].text);
  }
}

const START = fnv1a('<s>');
const END = fnv1a('</s>');

/** Mixes two 32-bit values (murmur3's finaliser steps), so (template, value) pairs spread over the buckets. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** What the features read of one word, the same wherever it stands: kept by its text (see `wordInfo`). */
interface WordInfo {
  word: number;
  shape: number;
  suffix: number;
  /** The hash of its cue-lexicon class in any case, 0 for none. */
  cue: number;
  /** Lower case: a capitalised cue word inside a sentence is a name ("Keep the Promise"), not a cue. */
  lowerCase: boolean;
}

/** Words seen, by their text: news repeats its words, and hashing a word's shape costs more than a look-up. */
const WORDS = new Map<string, WordInfo>();
const MAX_KEPT_WORDS = 1 << 16;

function wordInfo(token: Token): WordInfo {
  let info = WORDS.get(token.text);
  if (info) return info;
  const cue = cueClassOf(token, true);
  info = {
    word: fnv1a(token.lower),
    shape: fnv1a(wordShape(token.text)),
    suffix: fnv1a(token.lower.slice(-3)),
    cue: cue ? fnv1a(cue) : 0,
    lowerCase: token.text === token.lower,
  };
  // A bounded memory: past the limit it starts afresh (the result is the same either way).
  if (WORDS.size >= MAX_KEPT_WORDS) WORDS.clear();
  WORDS.set(token.text, info);
  return info;
}

/** Whether any token is a word of the cue lexicon (in any case): a sentence with none has no tagged statement. */
export function hasCueWord(tokens: readonly Token[]): boolean {
  for (const token of tokens) if (token.word && wordInfo(token).cue !== 0) return true;
  return false;
}

/** Per-token working columns of `sentenceFeatures`, grown to the longest sentence seen and reused. */
const columns = {
  size: 0,
  words: new Int32Array(0),
  shapes: new Int32Array(0),
  suffixes: new Int32Array(0),
  cues: new Int32Array(0),
  quoted: new Int32Array(0),
  left: new Int32Array(0),
  distances: new Int32Array(0),
  before: new Int32Array(0),
  after: new Int32Array(0),
};

function columnsFor(n: number): typeof columns {
  if (columns.size < n) {
    const size = Math.max(n, 2 * columns.size, 64);
    for (const key of Object.keys(columns) as (keyof typeof columns)[])
      if (key !== 'size') columns[key] = new Int32Array(size);
    columns.size = size;
  }
  return columns;
}

/**
 * The sentence's features as bucket indices, FEATURES_PER_TOKEN per token; `buckets` a power of two.
 * Written into `into` when it is given and long enough (the tagger's own buffer), else a new array.
 */
export function sentenceFeatures(tokens: readonly Token[], buckets: number, into?: Int32Array): Int32Array {
  const n = tokens.length;
  const features =
    into && into.length >= n * FEATURES_PER_TOKEN
      ? into.subarray(0, n * FEATURES_PER_TOKEN)
      : new Int32Array(n * FEATURES_PER_TOKEN);
  const mask = buckets - 1;
  const { words, shapes, suffixes, cues, quoted, left, distances, before, after } = columnsFor(n);
  let firstCue = -1;
  let lastCue = -1;
  for (let t = 0; t < n; t++) {
    const token = tokens[t];
    const info = wordInfo(token);
    words[t] = info.word;
    shapes[t] = info.shape;
    suffixes[t] = info.suffix;
    // cueClassOf's rule: in the sentence, only a lower-case word; at its start, any case.
    cues[t] = token.word && (t === 0 || info.lowerCase) ? info.cue : 0;
    if (cues[t] !== 0) {
      if (firstCue < 0) firstCue = t;
      lastCue = t;
    }
  }
  quoteStates(tokens, quoted);
  cueDistances(cues, n, left, distances);
  clauseMarks(tokens, before, after);
  let k = 0;
  const add = (template: number, value: number) => {
    features[k++] = mix(template + 1, value) & mask;
  };
  for (let t = 0; t < n; t++) {
    const previous = t > 0 ? words[t - 1] : START;
    const next = t + 1 < n ? words[t + 1] : END;
    const position = t === 0 ? 4 : t === n - 1 ? 5 : Math.floor((4 * t) / n);
    const side = firstCue < 0 ? 0 : t < firstCue ? 1 : t > lastCue ? 2 : cues[t] !== 0 ? 3 : 4;
    const previousCue = t > 0 ? cues[t - 1] : START;
    add(0, 0);
    add(1, words[t]);
    add(2, suffixes[t]);
    add(3, shapes[t]);
    add(4, cues[t]);
    add(5, sourceAfterAt(tokens as Token[], t) > 0 ? 1 : 0);
    add(6, quoted[t]);
    add(7, mix(quoted[t], shapes[t]));
    add(8, position);
    add(9, previous);
    add(10, next);
    add(11, previousCue);
    add(12, distances[t]);
    add(13, mix(distances[t], quoted[t]));
    add(14, t > 1 ? words[t - 2] : START);
    add(15, t + 2 < n ? words[t + 2] : END);
    add(16, mix(previous, words[t]));
    add(17, mix(words[t], next));
    add(18, t + 1 < n ? cues[t + 1] : END);
    add(19, before[t]);
    add(20, after[t]);
    add(21, mix(side, shapes[t]));
    add(22, mix(previousCue, shapes[t]));
  }
  return features;
}
