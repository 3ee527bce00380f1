// Results of a pure function of a string, kept by that string across analyses of one document (the
// analysis cache, analysis-cache.ts, holds one per stage that works a paragraph or sentence at a time).
// A key that is a slice of the document, given with its offset, is found by that offset when the edit
// since the last analysis left it alone: hashing every paragraph and sentence of a 1 MB document again
// cost about 18 ms per edit, an eighth of it (issue 15).
import { type TextChange, unchangedFrom } from './text-change';

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
  /** The change since the last run, while this run's keys are being found (`beginRun`). */
  private change: TextChange | null = null;
  /** The entries the last run used, by the offset of their key in the last run's text. */
  private lastByStart = new Map<number, Kept<T>>();
  /** The same for this run, kept only between `beginRun` and `endRun`, when the offsets are known to be the text's. */
  private byStart: Map<number, Kept<T>> | null = null;
  /** How many results were computed rather than found: what an analysis actually redid. */
  computed = 0;
  /** Keys looked up by their text (hashed) rather than found by their offset. */
  lookedUpByText = 0;

  /**
   * The result for `text` (and `variant`, a short string for whatever else the result depends on, such
   * as quote positions). The text is the map key as it is, never concatenated with anything: a slice
   * of the document is hashed where it lies, where a joined key would first be copied. `at`, the key's
   * offset in the text given to `beginRun`, finds it without hashing when the edit left it alone.
   */
  get(text: string, compute: () => T, variant = '', at?: number): T {
    let kept = at === undefined ? undefined : this.foundByOffset(text, variant, at);
    if (kept === undefined) {
      kept = this.entries.get(text);
      this.lookedUpByText++;
    }
    if (kept === undefined || kept.variant !== variant) {
      const value = compute();
      this.computed++;
      if (kept === undefined)
        this.entries.set(ownCopy(text), (kept = { variant, value, run: -1, length: text.length }));
      else Object.assign(kept, { variant, value });
    }
    if (kept.run !== this.run) {
      kept.run = this.run;
      this.used++;
    }
    if (at !== undefined) this.byStart?.set(at, kept);
    return kept.value;
  }

  /**
   * Starts an analysis of a text that differs from the last run's by `change` (null: unknown, a first
   * run), after which a key given with its offset is looked up by where it lay in the last run's text.
   */
  beginRun(change: TextChange | null): void {
    this.change = change;
    this.byStart = new Map();
  }

  /** The entry the last run used for the same text at the same place, when the edit left that place alone. */
  private foundByOffset(text: string, variant: string, at: number): Kept<T> | undefined {
    if (this.change === null) return undefined;
    const before = unchangedFrom(this.change, at, text.length);
    const kept = before === undefined ? undefined : this.lastByStart.get(before);
    // Same place and length in unchanged text: the same words. The variant is compared as a lookup would.
    return kept !== undefined && kept.length === text.length && kept.variant === variant ? kept : undefined;
  }

  /** Ends an analysis: once unused entries outnumber used ones (and a few more), they are forgotten. */
  endRun(): void {
    if (this.entries.size > 2 * this.used + SWEEP_SLACK) {
      for (const [text, kept] of this.entries) if (kept.run !== this.run) this.entries.delete(text);
    }
    this.run++;
    this.used = 0;
    // Offsets hold for the next run only when this one began with its text known (`beginRun`).
    this.lastByStart = this.byStart ?? new Map();
    this.byStart = null;
    this.change = null;
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
export function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

/** Unused entries tolerated beyond the used ones before a sweep: a small document never sweeps on every run. */
const SWEEP_SLACK = 64;

interface Kept<T> {
  variant: string;
  value: T;
  /** The key's length. */
  length: number;
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
  at?: number,
): T {
  if (!memo) return compute();
  return memo.get(text, compute, typeof variant === 'string' ? variant : variant(), at);
}
