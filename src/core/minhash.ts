// Character shingles, MinHash signatures and LSH band keys: the machinery that finds near-duplicate
// passages without comparing every pair. Pure functions over strings and typed arrays, deterministic
// (fixed seeds), linear in the text.
//
// The signature is one-permutation MinHash (Li, Owen & Zhang 2012) with optimal densification
// (Shrivastava 2017): each shingle is hashed once and falls into one of SLOTS bins, the bin keeps its
// smallest hash, and an empty bin copies a full one picked by a fixed pseudo-random probe. Two sets agree
// in a slot with probability equal to their Jaccard similarity, as with SLOTS independent hash functions,
// at the cost of one hash per shingle instead of SLOTS. (Copying from the next full bin instead — rotation
// — makes neighbouring slots agree together, and short paragraphs then collide in whole bands.)

export const SHINGLE_SIZE = 5;
/**
 * 20 bands of 6 rows: a pair with Jaccard similarity s shares at least one band with probability
 * 1 − (1 − s⁶)²⁰ — 0.998 at s = 0.8, 0.28 at 0.5, 0.015 at 0.3 — so pairs at the duplicate threshold are
 * all but certainly found, and unrelated paragraphs (s ≈ 0.1–0.2) almost never become candidates.
 */
export const BANDS = 20;
export const ROWS_PER_BAND = 6;
const SLOTS = BANDS * ROWS_PER_BAND;
const GOLDEN = 0x9e3779b9;

/** Murmur3's finaliser: spreads every input bit over the whole 32-bit word. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes of every SHINGLE_SIZE-character window of `text`, repeats included (one window if shorter). */
export function shingleHashes(text: string): Uint32Array {
  const count = Math.max(1, text.length - SHINGLE_SIZE + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    // FNV-1a over the window's UTF-16 code units, then mixed.
    let h = 0x811c9dc5;
    const end = Math.min(text.length, i + SHINGLE_SIZE);
    for (let j = i; j < end; j++) {
      h ^= text.charCodeAt(j);
      h = Math.imul(h, 0x01000193);
    }
    hashes[i] = mix32(h);
  }
  return hashes;
}

/** The distinct shingle hashes, sorted: the set the Jaccard similarity is computed on. */
export function shingleSet(hashes: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(hashes).sort();
  let size = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[size++] = sorted[i];
  return sorted.slice(0, size);
}

/** Exact Jaccard similarity of two sorted sets: |A ∩ B| / |A ∪ B|. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** The MinHash signature of a shingle multiset (repeats do not change it). */
/** Scratch space for `signature`, reused: only the signature itself is a new array. */
const slots = new Uint32Array(SLOTS);
const filled = new Uint8Array(SLOTS);

export function signature(hashes: Uint32Array): Uint32Array {
  filled.fill(0);
  let anyFilled = false;
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i];
    // The top 16 bits choose the bin; the hash itself orders the bin.
    const bin = ((h >>> 16) * SLOTS) >>> 16;
    if (!filled[bin] || h < slots[bin]) {
      slots[bin] = h;
      filled[bin] = 1;
      anyFilled = true;
    }
  }
  const dense = new Uint32Array(SLOTS);
  if (!anyFilled) return dense; // no shingles at all
  for (let bin = 0; bin < SLOTS; bin++) {
    // An empty bin copies a full one, chosen by a probe sequence fixed per bin, so two sets copy from
    // the same bin whenever both have it full (optimal densification).
    let source = bin;
    for (let attempt = 1; !filled[source]; attempt++) source = mix32(Math.imul(bin + 1, GOLDEN) ^ attempt) % SLOTS;
    dense[bin] = slots[source];
  }
  return dense;
}

/** Share of slots two signatures agree on: an unbiased estimate of the sets' Jaccard similarity. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SLOTS; i++) if (a[i] === b[i]) same++;
  return same / SLOTS;
}

/**
 * Whether the signatures' estimate reaches `minimum`: the same answer as comparing
 * `estimatedSimilarity`, but it stops as soon as too many slots differ, which for unrelated passages is
 * after a third of them.
 */
export function estimateReaches(a: Uint32Array, b: Uint32Array, minimum: number): boolean {
  // The fewest agreeing slots whose share is not below `minimum`, found with the very division
  // `estimatedSimilarity` does, so the two agree exactly at the boundary.
  let needed = Math.max(0, Math.floor(minimum * SLOTS) - 1);
  while (needed / SLOTS < minimum) needed++;
  const allowedMisses = SLOTS - needed;
  let misses = 0;
  for (let i = 0; i < SLOTS; i++) if (a[i] !== b[i] && ++misses > allowedMisses) return false;
  return true;
}

/** One key per band: a hash of the band's rows and its number, so equal rows in different bands differ. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = mix32(band + 1);
    for (let row = 0; row < ROWS_PER_BAND; row++) h = mix32(h ^ Math.imul(sig[band * ROWS_PER_BAND + row], GOLDEN));
    keys.push(h);
  }
  return keys;
}

/**
 * Items kept per bucket. A bucket this full holds passages much alike already (text built from a
 * template); capping it keeps the work per lookup bounded on such text.
 */
const MAX_BUCKET = 64;

/**
 * Items (numbered 0, 1, 2, … in the order added) by band key, for finding the items that share bands
 * with a new one. Shared bands are counted in typed arrays stamped per lookup: no map per query.
 */
export class LshIndex {
  private readonly buckets = new Map<number, number[]>();
  private shared = new Int32Array(1024);
  private stamp = new Int32Array(1024);
  private lookups = 0;

  /** Adds item number `item`, which must be the next number. */
  add(item: number, keys: number[]): void {
    if (item >= this.shared.length) {
      const grow = (array: Int32Array) => {
        const grown = new Int32Array(array.length * 2);
        grown.set(array);
        return grown;
      };
      this.shared = grow(this.shared);
      this.stamp = grow(this.stamp);
    }
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, [item]);
      else if (bucket.length < MAX_BUCKET) bucket.push(item);
    }
  }

  /** The `count` items sharing the most bands with `keys` (the earliest on a tie), best first. */
  candidates(keys: number[], count: number): number[] {
    const lookup = ++this.lookups;
    const touched: number[] = [];
    for (const key of keys) {
      for (const item of this.buckets.get(key) ?? []) {
        if (this.stamp[item] !== lookup) {
          this.stamp[item] = lookup;
          this.shared[item] = 0;
          touched.push(item);
        }
        this.shared[item]++;
      }
    }
    const better = (a: number, b: number) => this.shared[a] > this.shared[b] || (this.shared[a] === this.shared[b] && a < b);
    const top: number[] = [];
    for (const item of touched) {
      if (top.length === count && !better(item, top[count - 1])) continue;
      let at = top.length < count ? top.length : count - 1;
      top[at] = item;
      for (; at > 0 && better(top[at], top[at - 1]); at--) [top[at], top[at - 1]] = [top[at - 1], top[at]];
    }
    return top;
  }
}
