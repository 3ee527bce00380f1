// Results of a pure function of a string, kept by that string across analyses of one document (the
// analysis cache, analysis-cache.ts, holds one per stage that works a paragraph or sentence at a time).

/**
 * Results of a pure function of a string key. Entries the latest analyses did not use are swept once
 * they outnumber the used ones (`endRun`), so the memory held follows the size of the document, not its
 * history, while most analyses sweep nothing: re-inserting every entry into a fresh map each run cost
 * more than the lookups themselves.
 */
export class TextMemo<T> {
  private readonly entries = new Map<string, Kept<T>>();
  private run = 0;
  private used = 0;
  /** How many results were computed rather than found: what an analysis actually redid. */
  computed = 0;

  /**
   * The result for `text` (and `variant`, a short string for whatever else the result depends on, such
   * as quote positions). The text is the map key as it is, never concatenated with anything: a slice
   * of the document is hashed where it lies, where a joined key would first be copied.
   */
  get(text: string, compute: () => T, variant = ''): T {
    let kept = this.entries.get(text);
    if (kept === undefined || kept.variant !== variant) {
      const value = compute();
      this.computed++;
      if (kept === undefined) this.entries.set(ownCopy(text), (kept = { variant, value, run: -1 }));
      else Object.assign(kept, { variant, value });
    }
    if (kept.run !== this.run) {
      kept.run = this.run;
      this.used++;
    }
    return kept.value;
  }

  /** Ends an analysis: once unused entries outnumber used ones (and a few more), they are forgotten. */
  endRun(): void {
    if (this.entries.size > 2 * this.used + SWEEP_SLACK) {
      for (const [text, kept] of this.entries) if (kept.run !== this.run) this.entries.delete(text);
    }
    this.run++;
    this.used = 0;
  }

  /** Entries held, used or not: at most twice those the latest analysis used, plus a few. */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * The text as a string of its own. A key is usually a slice of the document, and an engine keeps a slice
 * as a view of the whole document: a key kept over many edits would keep every version of the document
 * it was cut from. (Prepending forces a flat copy; the slice after it views only that copy.)
 */
function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

/** Unused entries tolerated beyond the used ones before a sweep: a small document never sweeps on every run. */
const SWEEP_SLACK = 64;

interface Kept<T> {
  variant: string;
  value: T;
  /** The analysis that last used it. */
  run: number;
}

/**
 * Computes directly when there is no memo: the same function either way. The variant may be given as a
 * function, so it is only built when a memo will use it.
 */
export function memoized<T>(
  memo: TextMemo<T> | undefined,
  text: string,
  compute: () => T,
  variant: string | (() => string) = '',
): T {
  if (!memo) return compute();
  return memo.get(text, compute, typeof variant === 'string' ? variant : variant());
}
