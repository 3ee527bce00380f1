// Stage 7: duplicated passages. A paragraph (block) that repeats an earlier one — exactly, or with a few
// words changed — in the same document or an earlier one of the corpus. Scraped articles often carry
// their body twice; drafts assembled from earlier copy carry paragraphs over.
//
// Blocks are compared as sets of character 5-gram shingles of their normalised text. MinHash with LSH
// banding (minhash.ts) proposes candidate pairs, so the work grows with the text, not with the number of
// pairs; the exact Jaccard similarity of the shingle sets then decides.
import { bandKeys, estimatedSimilarity, jaccard, shingleHashes, shingleSet, signature } from './minhash';
import type { Block, Duplicate } from './types';

export interface DuplicateInput {
  path: string;
  text: string;
  blocks: Block[];
  /** Blocks not to compare (e.g. boilerplate), by block index. */
  skip?: ReadonlySet<number>;
}

export interface DuplicateOptions {
  /** Jaccard similarity of shingle sets at or above which a block repeats another. Default 0.8. */
  threshold?: number;
}

/**
 * 0.8: each edited word takes about ten shingles out of a paragraph and brings about ten new ones, so a
 * 300-character paragraph with three words edited (a figure updated, a day changed) still scores ~0.82,
 * and a one-sentence paragraph with one word edited ~0.85–0.9. Different paragraphs, even on the same
 * story, score far lower: over 20,000 pairs of news paragraphs the median was 0.02 and the maximum 0.15.
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.8;
/** Shorter blocks (normalised) repeat by chance or by house style ("Photo: AP"): not reported. */
export const MIN_CHARS = 40;
export const MIN_WORDS = 6;
/** Candidates verified exactly per block, most band collisions first: bounds the work on repetitive text. */
const MAX_VERIFIED = 5;
/** Blocks kept per LSH bucket: a bucket this full holds near-copies of one another already. */
const MAX_BUCKET = 64;
/**
 * Candidates whose signatures estimate a similarity this far under the threshold are not verified. With
 * 120 slots the estimate's standard deviation at the threshold is 0.037, so a pair truly at the threshold
 * falls this low with probability about 2e-5; most chance candidates are dropped without building sets.
 */
const ESTIMATE_MARGIN = 0.15;

interface Passage {
  document: number;
  block: Block;
  signature: Uint32Array;
  /** Sorted shingle set, computed when first needed. */
  shingles: Uint32Array | null;
  normalised: string;
}

/** For each input document, the passages that repeat an earlier passage (in it or an earlier document). */
export function findDuplicates(documents: DuplicateInput[], options: DuplicateOptions = {}): Duplicate[][] {
  const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const results: Duplicate[][] = documents.map(() => []);
  // Only first occurrences are indexed, so every copy points at the first occurrence, never at a copy.
  const originals: Passage[] = [];
  const byText = new Map<string, number>();
  const buckets = new Map<number, number[]>();

  documents.forEach((document, d) => {
    for (const block of document.blocks) {
      if (document.skip?.has(block.index)) continue;
      const normalised = normaliseForComparison(document.text.slice(block.start, block.end));
      if (normalised.length < MIN_CHARS || countWords(normalised) < MIN_WORDS) continue;

      const exact = byText.get(normalised);
      if (exact !== undefined) {
        results[d].push(duplicateOf(block, 1, originals[exact], documents));
        continue;
      }
      const hashes = shingleHashes(normalised);
      const passage: Passage = { document: d, block, signature: signature(hashes), shingles: null, normalised };
      const keys = bandKeys(passage.signature);
      const match = bestMatch(passage, hashes, keys, buckets, originals, threshold);
      if (match) {
        results[d].push(duplicateOf(block, match.similarity, originals[match.original], documents));
        continue;
      }
      const index = originals.push(passage) - 1;
      byText.set(normalised, index);
      for (const key of keys) {
        const bucket = buckets.get(key);
        if (!bucket) buckets.set(key, [index]);
        else if (bucket.length < MAX_BUCKET) bucket.push(index);
      }
    }
  });
  return results;
}

/** The most similar first occurrence at or above the threshold (the earliest on a tie), or null. */
function bestMatch(
  passage: Passage,
  hashes: Uint32Array,
  keys: number[],
  buckets: Map<number, number[]>,
  originals: Passage[],
  threshold: number,
): { original: number; similarity: number } | null {
  const collisions = new Map<number, number>();
  for (const key of keys) for (const original of buckets.get(key) ?? []) collisions.set(original, (collisions.get(original) ?? 0) + 1);
  if (collisions.size === 0) return null;
  const ranked = [...collisions].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_VERIFIED);
  let best: { original: number; similarity: number } | null = null;
  for (const [original] of ranked) {
    const candidate = originals[original];
    if (estimatedSimilarity(passage.signature, candidate.signature) < threshold - ESTIMATE_MARGIN) continue;
    passage.shingles ??= shingleSet(hashes);
    candidate.shingles ??= shingleSet(shingleHashes(candidate.normalised));
    const similarity = jaccard(passage.shingles, candidate.shingles);
    if (similarity < threshold) continue;
    if (!best || similarity > best.similarity || (similarity === best.similarity && original < best.original)) {
      best = { original, similarity };
    }
  }
  return best;
}

function duplicateOf(block: Block, similarity: number, original: Passage, documents: DuplicateInput[]): Duplicate {
  return {
    start: block.start,
    end: block.end,
    similarity,
    of: { path: documents[original.document].path, start: original.block.start, end: original.block.end },
  };
}

/**
 * Text as compared: lower case; quotes and apostrophes dropped ("don’t" = "don't" = "dont"); any other
 * punctuation, symbol or emoji a space; whitespace collapsed. So quote style, dashes, line breaks (CRLF
 * or not) and spacing never make two copies differ.
 */
export function normaliseForComparison(text: string): string {
  const lower = text.toLowerCase();
  const pieces: string[] = [];
  let runStart = -1;
  let gap = false;
  const flush = (end: number) => {
    if (runStart < 0) return;
    if (gap && pieces.length > 0) pieces.push(' ');
    pieces.push(lower.slice(runStart, end));
    runStart = -1;
    gap = false;
  };
  for (let i = 0; i < lower.length; i++) {
    const kind = characterKind(lower, i);
    if (kind === WORD || kind === WORD_PAIR) {
      if (runStart < 0) runStart = i;
    } else {
      flush(i);
      if (kind !== QUOTE) gap = true;
    }
    if (kind === WORD_PAIR || kind === OTHER_PAIR) i++; // the low surrogate was judged with its pair
  }
  flush(lower.length);
  return pieces.join('');
}

// Character kinds: part of a word, a quote mark (dropped), anything else (a word break); the _PAIR kinds
// are the same for a surrogate pair, two code units wide.
const WORD = 1;
const QUOTE = 2;
const OTHER = 3;
const WORD_PAIR = 4;
const OTHER_PAIR = 5;
const QUOTES = new Set(Array.from('\'’‘‛`´"“”„‟«»‹›', (c) => c.charCodeAt(0)));
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;
/** Kinds of the Basic Multilingual Plane's code units, filled in as met (0: not yet known). */
const bmpKinds = new Uint8Array(65536);

function characterKind(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return WORD;
    return QUOTES.has(code) ? QUOTE : OTHER;
  }
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return WORD_CHARACTER.test(text.slice(i, i + 2)) ? WORD_PAIR : OTHER_PAIR;
  }
  let kind = bmpKinds[code];
  if (kind === 0) {
    kind = QUOTES.has(code) ? QUOTE : WORD_CHARACTER.test(String.fromCharCode(code)) ? WORD : OTHER;
    bmpKinds[code] = kind;
  }
  return kind;
}

function countWords(normalised: string): number {
  let words = normalised.length > 0 ? 1 : 0;
  for (let i = 0; i < normalised.length; i++) if (normalised.charCodeAt(i) === 32) words++;
  return words;
}
