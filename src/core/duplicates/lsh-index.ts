// The LSH index of the duplicates stage: items (numbered 0, 1, 2, … in the order added) by their band
// keys (minhash.ts), for finding the items that share bands with a new one. Everything lives in typed
// arrays: an open-addressing table from band key to a chain of entries, and per-item counters stamped per
// lookup. A document of a few thousand paragraphs adds tens of thousands of keys, and a map of arrays
// spent more time allocating and hashing than the lookups themselves.

/**
 * Items kept per bucket. A bucket this full holds passages much alike already (text built from a
 * template); capping it keeps the work per lookup bounded on such text.
 */
const MAX_BUCKET = 64;
const EMPTY = -1;

export class LshIndex {
  // The table: a slot holds a band key (30 bits, non-negative; EMPTY when free), its chain's first
  // entry and how many entries the chain has.
  private slotKeys: Int32Array<ArrayBuffer>;
  private slotFirst: Int32Array<ArrayBuffer>;
  private slotCount: Int32Array<ArrayBuffer>;
  private slotsUsed = 0;
  // The entries: one per (bucket, item), chained newest first.
  private entryItem: Int32Array<ArrayBuffer>;
  private entryNext: Int32Array<ArrayBuffer>;
  private entryKey: Int32Array<ArrayBuffer>;
  private entries = 0;
  // Per item: bands shared with the current lookup, valid where the stamp is the lookup's number.
  private shared: Int32Array<ArrayBuffer>;
  private stamp: Int32Array<ArrayBuffer>;
  private lookups = 0;
  private readonly touched: number[] = [];

  /** Sized for about `expectedKeys` keys in all (it grows past that): a short document allocates little. */
  constructor(expectedKeys = 256) {
    let slots = 16;
    while (slots < 2 * expectedKeys) slots *= 2;
    this.slotKeys = new Int32Array(slots).fill(EMPTY);
    this.slotFirst = new Int32Array(slots);
    this.slotCount = new Int32Array(slots);
    this.entryItem = new Int32Array(Math.max(16, expectedKeys));
    this.entryNext = new Int32Array(Math.max(16, expectedKeys));
    this.entryKey = new Int32Array(Math.max(16, expectedKeys));
    this.shared = new Int32Array(16);
    this.stamp = new Int32Array(16);
  }

  /** Adds item number `item`, which must be the next number. Keys must be non-negative 30-bit integers. */
  add(item: number, keys: readonly number[]): void {
    if (item >= this.shared.length) {
      this.shared = grown(this.shared, item + 1);
      this.stamp = grown(this.stamp, item + 1);
    }
    for (const key of keys) {
      let slot = this.slotOf(key);
      if (this.slotKeys[slot] === EMPTY) {
        if (2 * (this.slotsUsed + 1) > this.slotKeys.length) {
          this.rehash();
          slot = this.slotOf(key);
        }
        this.slotKeys[slot] = key;
        this.slotCount[slot] = 0;
        this.slotFirst[slot] = EMPTY;
        this.slotsUsed++;
      }
      if (this.slotCount[slot] >= MAX_BUCKET) continue;
      if (this.entries === this.entryItem.length) {
        this.entryItem = grown(this.entryItem, this.entries + 1);
        this.entryNext = grown(this.entryNext, this.entries + 1);
        this.entryKey = grown(this.entryKey, this.entries + 1);
      }
      this.entryItem[this.entries] = item;
      this.entryKey[this.entries] = key;
      this.entryNext[this.entries] = this.slotFirst[slot];
      this.slotFirst[slot] = this.entries++;
      this.slotCount[slot]++;
    }
  }

  /**
   * Forgets items `items` and later: the index is then as if only the items before had been added, since
   * a bucket keeps its earliest items and entries are added in item order (newest first in each chain).
   */
  truncate(items: number): void {
    while (this.entries > 0 && this.entryItem[this.entries - 1] >= items) {
      const entry = --this.entries;
      const slot = this.slotOf(this.entryKey[entry]);
      this.slotFirst[slot] = this.entryNext[entry];
      this.slotCount[slot]--;
    }
  }

  /** The `count` items sharing the most bands with `keys` (the earliest on a tie), best first. */
  candidates(keys: readonly number[], count: number): number[] {
    const lookup = ++this.lookups;
    const { shared, stamp, touched } = this;
    touched.length = 0;
    for (const key of keys) {
      const slot = this.slotOf(key);
      if (this.slotKeys[slot] === EMPTY) continue;
      for (let entry = this.slotFirst[slot]; entry !== EMPTY; entry = this.entryNext[entry]) {
        const item = this.entryItem[entry];
        if (stamp[item] !== lookup) {
          stamp[item] = lookup;
          shared[item] = 0;
          touched.push(item);
        }
        shared[item]++;
      }
    }
    const better = (a: number, b: number) => shared[a] > shared[b] || (shared[a] === shared[b] && a < b);
    const top: number[] = [];
    for (const item of touched) {
      if (top.length === count && !better(item, top[count - 1])) continue;
      let at = top.length < count ? top.length : count - 1;
      top[at] = item;
      for (; at > 0 && better(top[at], top[at - 1]); at--) [top[at], top[at - 1]] = [top[at - 1], top[at]];
    }
    return top;
  }

  /** The key's slot, or the free slot where it would go (linear probing; keys are already hashes). */
  private slotOf(key: number): number {
    const mask = this.slotKeys.length - 1;
    let slot = key & mask;
    while (this.slotKeys[slot] !== EMPTY && this.slotKeys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  /** Doubles the table, moving each key with its chain. */
  private rehash(): void {
    const [keys, first, count] = [this.slotKeys, this.slotFirst, this.slotCount];
    this.slotKeys = new Int32Array(keys.length * 2).fill(EMPTY);
    this.slotFirst = new Int32Array(keys.length * 2);
    this.slotCount = new Int32Array(keys.length * 2);
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === EMPTY) continue;
      const slot = this.slotOf(keys[old]);
      this.slotKeys[slot] = keys[old];
      this.slotFirst[slot] = first[old];
      this.slotCount[slot] = count[old];
    }
  }
}

/** A copy of `array` with room for at least `needed` elements. */
function grown(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  let length = array.length * 2;
  while (length < needed) length *= 2;
  const copy = new Int32Array(length);
  copy.set(array);
  return copy;
}
