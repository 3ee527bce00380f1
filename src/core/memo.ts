// Re-analysis after an edit: most paragraphs and sentences of a document are the same text as in the
// previous analysis, so the stages that work on one paragraph or one sentence at a time keep their
// results by that text. An analysis then only redoes the paragraphs that changed, plus the stages that
// need the whole document (quote pairing, sources, duplicates' index), which are cheap.
//
// A result is a function of its key alone (each stage computes it from that text and nothing else, with
// or without a cache), so an analysis with a cache equals one without, whatever came before.

/**
 * Results of a pure function of a string key. Entries the latest analysis did not use are dropped when
 * it ends (`endRun`), so the memory held follows the size of the document, not its history.
 */
export class TextMemo<T> {
  private previous = new Map<string, T>();
  private current = new Map<string, T>();
  /** How many results were computed rather than found: what an analysis actually redid. */
  computed = 0;

  get(key: string, compute: () => T): T {
    const kept = this.current.get(key) ?? this.previous.get(key);
    if (kept !== undefined) {
      this.current.set(key, kept);
      return kept;
    }
    const value = compute();
    this.computed++;
    this.current.set(key, value);
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
}

export function createAnalysisCache(): AnalysisCache {
  return { sentences: new TextMemo(), statements: new TextMemo(), worthiness: new TextMemo(), passages: new TextMemo(), blockFeatures: new TextMemo() };
}

export function endAnalysis(cache: AnalysisCache): void {
  for (const memo of Object.values(cache) as TextMemo<unknown>[]) memo.endRun();
}

/**
 * Computes directly when there is no memo: the same function either way. The key may be given as a
 * function, so a key that costs something to build (a long string) is only built when it is used.
 */
export function memoized<T>(memo: TextMemo<unknown> | undefined, key: string | (() => string), compute: () => T): T {
  if (!memo) return compute();
  return memo.get(typeof key === 'string' ? key : key(), compute) as T;
}
