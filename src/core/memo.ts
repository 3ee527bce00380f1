// Re-analysis after an edit: most paragraphs and sentences of a document are the same text as in the
// previous analysis, so the stages that work on one paragraph or one sentence at a time keep their
// results by that text. An analysis then only redoes the paragraphs that changed, plus the stages that
// need the whole document (quote pairing, sources, duplicates' index), which are cheap. The duplicates
// scan keeps its decisions too, and resumes from the first paragraph that changed.
//
// A result is a function of its key alone (each stage computes it from that text and nothing else, with
// or without a cache), so an analysis with a cache equals one without, whatever came before.

import type { DuplicateScan } from './duplicates';

/**
 * Results of a pure function of a string key. Entries the latest analysis did not use are dropped when
 * it ends (`endRun`), so the memory held follows the size of the document, not its history.
 */
export class TextMemo<T> {
  private previous = new Map<string, Kept<T>>();
  private current = new Map<string, Kept<T>>();
  /** How many results were computed rather than found: what an analysis actually redid. */
  computed = 0;

  /**
   * The result for `text` (and `variant`, a short string for whatever else the result depends on, such
   * as quote positions). The text is the map key as it is, never concatenated with anything: a slice
   * of the document is hashed where it lies, where a joined key would first be copied.
   */
  get(text: string, compute: () => T, variant = ''): T {
    const kept = this.current.get(text) ?? this.previous.get(text);
    if (kept !== undefined && kept.variant === variant) {
      this.current.set(text, kept);
      return kept.value;
    }
    const value = compute();
    this.computed++;
    this.current.set(text, { variant, value });
    return value;
  }

  /** Ends an analysis: what it did not use is forgotten. */
  endRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** Entries held: those the latest analysis used. */
  get size(): number {
    return this.current.size + (this.current.size === 0 ? this.previous.size : 0);
  }
}

interface Kept<T> {
  variant: string;
  value: T;
}

/** One document's cache, kept by the caller between analyses of that document (see `AnalyzeOptions.cache`). */
export interface AnalysisCache {
  /** Sentence boundaries of a block, by the block's text. */
  readonly sentences: TextMemo<unknown>;
  /** Statements of a sentence, by its text and the quotes in it. */
  readonly statements: TextMemo<unknown>;
  /** Check-worthiness of a sentence's own words. */
  readonly worthiness: TextMemo<unknown>;
  /** A block's normalised text and MinHash signature, for duplicates. */
  readonly passages: TextMemo<unknown>;
  /** A block's boilerplate features. */
  readonly blockFeatures: TextMemo<unknown>;
  /** How a source mention reads ("INIS": a name, an acronym, an organisation). */
  readonly mentions: TextMemo<unknown>;
  /** The duplicates stage's scan of the document, resumed from the first changed block (duplicates.ts). */
  readonly duplicates: { scan?: DuplicateScan };
}

export function createAnalysisCache(): AnalysisCache {
  return {
    sentences: new TextMemo(),
    statements: new TextMemo(),
    worthiness: new TextMemo(),
    passages: new TextMemo(),
    blockFeatures: new TextMemo(),
    mentions: new TextMemo(),
    duplicates: {},
  };
}

export function endAnalysis(cache: AnalysisCache): void {
  for (const memo of Object.values(cache)) if (memo instanceof TextMemo) memo.endRun();
}

/**
 * Computes directly when there is no memo: the same function either way. The variant may be given as a
 * function, so it is only built when a memo will use it.
 */
export function memoized<T>(memo: TextMemo<unknown> | undefined, text: string, compute: () => T, variant: string | (() => string) = ''): T {
  if (!memo) return compute();
  return memo.get(text, compute, typeof variant === 'string' ? variant : variant()) as T;
}
