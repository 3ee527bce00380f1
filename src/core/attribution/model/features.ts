// Token features for the attribution tagger, hashed into a fixed number of buckets (FNV-1a, as the claim
// model's words), so the weights are one flat array and no vocabulary is shipped. Every token gets the same
// number of features (FEATURES_PER_TOKEN), each a bucket index, laid out token after token in one Int32Array.
// The features are the cheap ones of the attribution literature: the word and its neighbours, suffix,
// shape, cue-lexicon class, whether the token is inside quote marks, where it sits in the sentence and how
// far the nearest cue word is. Part of speech and clause features are still to come (issue 11).
import { cueClassOf, sourceAfterAt } from '../../lexicon/cue-lexicon';
import { fnv1a } from '../../text/hashed-words';
import type { Token } from '../../text/tokens';

export const FEATURES_PER_TOKEN = 14;

/** Opening and closing double quote marks; the straight " toggles. Single marks are left out: ’ is an apostrophe too. */
const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);

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

/** Per token, whether it lies inside double quote marks of its sentence (the marks themselves count as inside). */
export function quoteStates(tokens: readonly Token[]): Uint8Array {
  const inside = new Uint8Array(tokens.length);
  let open = false;
  for (let t = 0; t < tokens.length; t++) {
    const text = tokens[t].text;
    if (OPENING.has(text) || (text === '"' && !open)) {
      open = true;
      inside[t] = 1;
    } else if (CLOSING.has(text) || text === '"') {
      inside[t] = 1;
      open = false;
    } else inside[t] = open ? 1 : 0;
  }
  return inside;
}

/** Signed distance from each token to the nearest cue-lexicon word, in buckets: "-far", -3..3 (0: a cue), "+far". */
function cueDistances(cues: readonly (string | undefined)[]): string[] {
  const distances: string[] = [];
  for (let t = 0; t < cues.length; t++) {
    let best = Infinity;
    for (let u = 0; u < cues.length; u++) if (cues[u] && Math.abs(u - t) < Math.abs(best)) best = u - t;
    distances.push(best === Infinity ? 'none' : best > 3 ? '+far' : best < -3 ? '-far' : String(best));
  }
  return distances;
}

/** The feature strings of every token of one sentence (exposed for tests and error analysis). */
export function featureStrings(tokens: readonly Token[]): string[][] {
  const cues = tokens.map((token, t) => cueClassOf(token, t === 0));
  const distances = cueDistances(cues);
  const quoted = quoteStates(tokens);
  const n = tokens.length;
  return tokens.map((token, t) => {
    const previous = t > 0 ? tokens[t - 1].lower : '<s>';
    const next = t + 1 < n ? tokens[t + 1].lower : '</s>';
    const position = t === 0 ? 'first' : t === n - 1 ? 'last' : `q${Math.floor((4 * t) / n)}`;
    return [
      'bias',
      `w=${token.lower}`,
      `s3=${token.lower.slice(-3)}`,
      `shape=${wordShape(token.text)}`,
      `cue=${cues[t] ?? '-'}`,
      `according=${sourceAfterAt(tokens as Token[], t) > 0}`,
      `quoted=${quoted[t]}`,
      `quoted|shape=${quoted[t]}|${wordShape(token.text)}`,
      `position=${position}`,
      `previous=${previous}`,
      `next=${next}`,
      `previousCue=${t > 0 ? (cues[t - 1] ?? '-') : '<s>'}`,
      `cueDistance=${distances[t]}`,
      `cueDistance|quoted=${distances[t]}|${quoted[t]}`,
    ];
  });
}

/** The sentence's features as bucket indices, FEATURES_PER_TOKEN per token; `buckets` a power of two. */
export function sentenceFeatures(tokens: readonly Token[], buckets: number): Int32Array {
  const features = new Int32Array(tokens.length * FEATURES_PER_TOKEN);
  const mask = buckets - 1;
  let k = 0;
  for (const strings of featureStrings(tokens)) for (const feature of strings) features[k++] = fnv1a(feature) & mask;
  return features;
}
