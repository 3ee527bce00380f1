// Stage 7: duplicated passages. A paragraph (block) that repeats an earlier one — exactly, or with a few
// words changed — in the same document or an earlier one of the corpus. Scraped articles often carry
// their body twice; drafts assembled from earlier copy carry paragraphs over.
//
// Blocks are compared as sets of character 5-gram shingles of their normalised text. MinHash with LSH
// banding (minhash.ts) proposes candidate pairs, so the work grows with the text, not with the number of
// pairs; the exact Jaccard similarity of the shingle sets then decides.
import { countWords, normaliseForComparison } from './duplicates-text';
import { bandKeys, estimateReaches, jaccard, LshIndex, shingleHashes, shingleSet, signature } from './minhash';
import { memoized, type TextMemo } from './memo';
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
  /** Each block's normalised text and signature, kept by its text between analyses (memo.ts). */
  memo?: TextMemo<unknown>;
}

/** What the comparison needs of one block, a function of its text alone. */
interface BlockPrint {
  normalised: string;
  /** Null for a block too short to compare. */
  hashes: Uint32Array | null;
  signature: Uint32Array | null;
  keys: number[] | null;
  /** Sorted shingle set, computed when first compared and kept with the rest. */
  shingles?: Uint32Array;
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
/**
 * Candidates whose signatures estimate a similarity this far under the threshold are not verified. With
 * 120 slots the estimate's standard deviation at the threshold is 0.037, so a pair truly at the threshold
 * falls this low with probability about 2e-5; most chance candidates are dropped without building sets.
 */
const ESTIMATE_MARGIN = 0.15;

interface Passage {
  document: number;
  block: Block;
  print: BlockPrint & { hashes: Uint32Array; signature: Uint32Array };
}

/** For each input document, the passages that repeat an earlier passage (in it or an earlier document). */
export function findDuplicates(documents: DuplicateInput[], options: DuplicateOptions = {}): Duplicate[][] {
  const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const results: Duplicate[][] = documents.map(() => []);
  // Only first occurrences are indexed, so every copy points at the first occurrence, never at a copy.
  const originals: Passage[] = [];
  const byText = new Map<string, number>();
  const index = new LshIndex();

  documents.forEach((document, d) => {
    for (const block of document.blocks) {
      if (document.skip?.has(block.index)) continue;
      const blockText = document.text.slice(block.start, block.end);
      const print = memoized(options.memo, blockText, () => blockPrint(blockText));
      const { normalised, hashes, keys, signature: sig } = print;
      if (!hashes || !keys || !sig) continue;

      const exact = byText.get(normalised);
      if (exact !== undefined) {
        results[d].push(duplicateOf(block, 1, originals[exact], documents));
        continue;
      }
      // The print itself, not a copy: the shingle set made for a comparison stays on it for the next analysis.
      const passage: Passage = { document: d, block, print: print as Passage['print'] };
      const match = bestMatch(passage, keys, index, originals, threshold);
      if (match) {
        results[d].push(duplicateOf(block, match.similarity, originals[match.original], documents));
        continue;
      }
      const original = originals.push(passage) - 1;
      byText.set(normalised, original);
      index.add(original, keys);
    }
  });
  return results;
}

function blockPrint(blockText: string): BlockPrint {
  const normalised = normaliseForComparison(blockText);
  if (normalised.length < MIN_CHARS || countWords(normalised) < MIN_WORDS) return { normalised, hashes: null, signature: null, keys: null };
  const hashes = shingleHashes(normalised);
  const sig = signature(hashes);
  return { normalised, hashes, signature: sig, keys: bandKeys(sig) };
}

/** The most similar first occurrence at or above the threshold (the earliest on a tie), or null. */
function bestMatch(passage: Passage, keys: number[], index: LshIndex, originals: Passage[], threshold: number): { original: number; similarity: number } | null {
  let best: { original: number; similarity: number } | null = null;
  for (const original of index.candidates(keys, MAX_VERIFIED)) {
    const candidate = originals[original];
    if (!estimateReaches(passage.print.signature, candidate.print.signature, threshold - ESTIMATE_MARGIN)) continue;
    const similarity = jaccard(shinglesOf(passage.print), shinglesOf(candidate.print));
    if (similarity < threshold) continue;
    if (!best || similarity > best.similarity || (similarity === best.similarity && original < best.original)) {
      best = { original, similarity };
    }
  }
  return best;
}

/** The print's sorted shingle set, made once and kept on the print (which the cache keeps by the block's text). */
function shinglesOf(print: Passage['print']): Uint32Array {
  return (print.shingles ??= shingleSet(print.hashes));
}

function duplicateOf(block: Block, similarity: number, original: Passage, documents: DuplicateInput[]): Duplicate {
  return {
    start: block.start,
    end: block.end,
    similarity,
    of: { path: documents[original.document].path, start: original.block.start, end: original.block.end },
  };
}
