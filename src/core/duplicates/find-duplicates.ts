// Stage 7: duplicated passages. A paragraph (block) that repeats an earlier one — exactly, or with a few
// words changed — in the same document or an earlier one of the corpus. Scraped articles often carry
// their body twice; drafts assembled from earlier copy carry paragraphs over.
//
// Blocks are compared as sets of character 5-gram shingles of their normalised text. MinHash with LSH
// banding (minhash.ts) proposes candidate pairs, so the work grows with the text, not with the number of
// pairs; the exact Jaccard similarity of the shingle sets then decides.
import { hasWords, normaliseForComparison } from './comparable-text';
import { LshIndex } from './lsh-index';
import { BANDS, bandKeys, estimateAtLeast, jaccard, shingleHashes, signature } from './minhash';
import { memoized, type TextMemo } from '../text/text-memo';
import { Uint32Arena } from './typed-arena';
import type { Block, Duplicate } from '../types';

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
  /** Each block's normalised text and signature, kept by its text between analyses (analysis-cache.ts). */
  memo?: TextMemo<BlockPrint>;
  /**
   * Where a document's scan is kept for its next analysis (AnalysisCache), with a single document: the
   * next scan takes over the decisions for the blocks before the first that changed, and compares only
   * from there. A scan's decisions follow from the blocks before it alone, so the result is the same.
   */
  resume?: { scan?: DuplicateScan };
}

/** What the comparison needs of one block, a function of its text alone. */
export interface BlockPrint {
  normalised: string;
  /** Null for a block too short to compare. */
  hashes: Uint32Array | null;
  signature: Uint32Array | null;
  keys: number[] | null;
  /**
   * The latest exact similarities computed with earlier prints, kept on the print (which the cache keeps
   * by its text): after an edit, a paragraph is mostly compared with the same first occurrence as before.
   */
  compared?: { with: BlockPrint; similarity: number }[];
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
 * falls this low with probability about 2e-5; most chance candidates are dropped without an exact comparison.
 */
const ESTIMATE_MARGIN = 0.15;

interface Passage {
  document: number;
  block: Block;
  print: BlockPrint & { hashes: Uint32Array; signature: Uint32Array };
}

/** One block as a scan met it: what it was, and what it decided. */
interface Step {
  /** Null for a block not compared (skipped). */
  print: BlockPrint | null;
  start: number;
  end: number;
  /** How many first occurrences there were before this block. */
  originalsBefore: number;
  duplicate: Duplicate | null;
}

/** The state of a scan over the blocks in order: the first occurrences so far, by text and in the index. */
export class DuplicateScan {
  // Only first occurrences are indexed, so every copy points at the first occurrence, never at a copy.
  readonly originals: Passage[] = [];
  private readonly byText = new Map<string, number>();
  private readonly index: LshIndex;
  readonly arena = new Uint32Arena();
  /** Every block met, in order, when the scan is kept for the next analysis. */
  readonly steps: Step[] = [];
  /** Blocks the latest `findDuplicates` call decided afresh rather than took over (for tests and logs). */
  decided = 0;

  constructor(
    readonly threshold: number,
    readonly path: string,
    expectedBlocks: number,
    private readonly recording: boolean,
  ) {
    this.index = new LshIndex(expectedBlocks * BANDS);
  }

  /** Decides one block: a copy of a first occurrence (returned), or a first occurrence itself (null). */
  visit(document: number, block: Block, print: BlockPrint | null, paths: readonly string[]): Duplicate | null {
    const originalsBefore = this.originals.length;
    this.decided++;
    const duplicate = print ? this.decide(document, block, print, paths) : null;
    if (this.recording) this.steps.push({ print, start: block.start, end: block.end, originalsBefore, duplicate });
    return duplicate;
  }

  /** Back to the state before step `step`: the steps from it on, and the first occurrences they added, go. */
  rewind(step: number): void {
    if (step >= this.steps.length) return;
    const keep = this.steps[step].originalsBefore;
    for (const removed of this.originals.splice(keep)) this.byText.delete(removed.print.normalised);
    this.index.truncate(keep);
    this.steps.length = step;
  }

  private decide(document: number, block: Block, print: BlockPrint, paths: readonly string[]): Duplicate | null {
    const { normalised, hashes, keys, signature: sig } = print;
    if (!hashes || !keys || !sig) return null;
    const exact = this.byText.get(normalised);
    if (exact !== undefined) return duplicateOf(block, 1, this.originals[exact], paths);
    const passage: Passage = { document, block, print: print as Passage['print'] };
    const match = bestMatch(passage, keys, this.index, this.originals, this.threshold);
    if (match) return duplicateOf(block, match.similarity, this.originals[match.original], paths);
    const original = this.originals.push(passage) - 1;
    this.byText.set(normalised, original);
    this.index.add(original, keys);
    return null;
  }
}

/** For each input document, the passages that repeat an earlier passage (in it or an earlier document). */
export function findDuplicates(documents: DuplicateInput[], options: DuplicateOptions = {}): Duplicate[][] {
  const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const paths = documents.map((document) => document.path);
  const resume = documents.length === 1 ? options.resume : undefined;
  const kept = resume?.scan;
  const scan =
    kept && kept.threshold === threshold && kept.path === paths[0]
      ? kept
      : new DuplicateScan(
          threshold,
          paths[0] ?? '',
          documents.reduce((n, document) => n + document.blocks.length, 0),
          resume !== undefined,
        );
  if (resume) resume.scan = scan;
  scan.decided = 0;
  let resuming = scan.steps.length > 0;
  let step = 0;

  const results = documents.map((document, d) => {
    const found: Duplicate[] = [];
    for (const block of document.blocks) {
      const skipped = document.skip?.has(block.index) ?? false;
      const blockText = skipped ? '' : document.text.slice(block.start, block.end);
      // Looked up even where the kept decision stands, so the memo keeps the print for later analyses.
      const print = skipped
        ? null
        : memoized(options.memo, blockText, () => blockPrint(blockText, scan.arena), '', block.start);
      if (resuming) {
        const before = scan.steps[step];
        if (before && before.print === print && before.start === block.start && before.end === block.end) {
          if (before.duplicate) found.push({ ...before.duplicate, of: { ...before.duplicate.of } });
          step++;
          continue;
        }
        scan.rewind(step);
        resuming = false;
      }
      const duplicate = scan.visit(d, block, print, paths);
      if (duplicate) found.push(duplicate);
      step++;
    }
    return found;
  });
  // A document that is the start of the one before: what came after it goes.
  if (resuming) scan.rewind(step);
  return results;
}

function blockPrint(blockText: string, arena: Uint32Arena): BlockPrint {
  const normalised = normaliseForComparison(blockText);
  if (normalised.length < MIN_CHARS || !hasWords(normalised, MIN_WORDS))
    return { normalised, hashes: null, signature: null, keys: null };
  const allocate = (length: number) => arena.take(length);
  const hashes = shingleHashes(normalised, allocate);
  const sig = signature(hashes, allocate);
  return { normalised, hashes, signature: sig, keys: bandKeys(sig) };
}

/**
 * A first occurrence at or above the threshold, or null. Candidates are verified exactly in the order of
 * their signatures' estimate (the earliest on a tie), and the first that verifies is the match: the
 * exact similarity is what is reported, and computing it for the rest would only pick between first
 * occurrences that are each under the threshold to one another.
 */
function bestMatch(
  passage: Passage,
  keys: number[],
  index: LshIndex,
  originals: Passage[],
  threshold: number,
): { original: number; similarity: number } | null {
  const minimum = threshold - ESTIMATE_MARGIN;
  const ranked: { original: number; estimate: number }[] = [];
  for (const original of index.candidates(keys, MAX_VERIFIED)) {
    const estimate = estimateAtLeast(passage.print.signature, originals[original].print.signature, minimum);
    if (estimate >= minimum) ranked.push({ original, estimate });
  }
  ranked.sort((a, b) => b.estimate - a.estimate || a.original - b.original);
  for (const { original } of ranked) {
    const similarity = exactSimilarity(passage.print, originals[original].print);
    if (similarity >= threshold) return { original, similarity };
  }
  return null;
}

/** The Jaccard similarity of two prints' shingles: recalled when this pair was compared before. */
function exactSimilarity(print: Passage['print'], earlier: Passage['print']): number {
  const known = print.compared?.find((pair) => pair.with === earlier);
  if (known) return known.similarity;
  const similarity = jaccard(print.hashes, earlier.hashes);
  const compared = (print.compared ??= []);
  // Only the latest few: older pairs are of paragraphs since edited away, and would keep them alive.
  if (compared.length === MAX_VERIFIED) compared.shift();
  compared.push({ with: earlier, similarity });
  return similarity;
}

function duplicateOf(block: Block, similarity: number, original: Passage, paths: readonly string[]): Duplicate {
  return {
    start: block.start,
    end: block.end,
    similarity,
    of: { path: paths[original.document], start: original.block.start, end: original.block.end },
  };
}
