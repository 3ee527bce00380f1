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

/** Where the arrays these functions return come from: a new one each (the default), or an arena's view. */
export type Allocate = (length: number) => Uint32Array;
const newArray: Allocate = (length) => new Uint32Array(length);

/** The rolling hash's base (FNV's prime: odd, with bits spread), and its power that leaves a window. */
const BASE = 0x01000193;
let basePower = 1;
for (let k = 1; k < SHINGLE_SIZE; k++) basePower = Math.imul(basePower, BASE);
const LEAVING = basePower;

/**
 * Hashes of every SHINGLE_SIZE-character window of `text`, repeats included (one window if shorter). A
 * polynomial hash over the window's UTF-16 code units rolls from one window to the next in two
 * multiplications, and Murmur3's finaliser then mixes it.
 */
export function shingleHashes(text: string, allocate: Allocate = newArray): Uint32Array {
  const count = Math.max(1, text.length - SHINGLE_SIZE + 1);
  const hashes = allocate(count);
  let h = 0;
  const first = Math.min(text.length, SHINGLE_SIZE);
  for (let j = 0; j < first; j++) h = (Math.imul(h, BASE) + text.charCodeAt(j)) | 0;
  hashes[0] = mix32(h);
  for (let i = 1; i < count; i++) {
    h = (Math.imul(h - Math.imul(text.charCodeAt(i - 1), LEAVING), BASE) + text.charCodeAt(i + SHINGLE_SIZE - 1)) | 0;
    hashes[i] = mix32(h);
  }
  return hashes;
}

// Scratch hash table for `jaccard`, reused across calls: a slot is in use when its stamp is the current
// call's, so nothing needs clearing between calls.
let tableKeys = new Uint32Array(1024);
let tableStamps = new Uint32Array(1024);
let tableSides = new Uint8Array(1024);
let generation = 0;
const IN_A = 1;
const IN_B = 2;

/**
 * Exact Jaccard similarity |A ∩ B| / |A ∪ B| of the distinct values in two hash lists (repeats allowed).
 * One open-addressing table, no sorting: the hashes are already uniformly mixed, so their low bits index it.
 */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let size = 1024;
  while (size < 2 * (a.length + b.length)) size *= 2;
  if (size > tableKeys.length) {
    tableKeys = new Uint32Array(size);
    tableStamps = new Uint32Array(size);
    tableSides = new Uint8Array(size);
    generation = 0;
  }
  if (++generation === 0xffffffff) {
    tableStamps.fill(0);
    generation = 1;
  }
  // Locals, not the module's variables, in the loops below.
  const keys = tableKeys;
  const stamps = tableStamps;
  const sides = tableSides;
  const stamp = generation;
  const mask = size - 1;
  let distinctA = 0;
  for (let i = 0; i < a.length; i++) {
    const h = a[i];
    let slot = h & mask;
    while (stamps[slot] === stamp && keys[slot] !== h) slot = (slot + 1) & mask;
    if (stamps[slot] === stamp) continue;
    stamps[slot] = stamp;
    keys[slot] = h;
    sides[slot] = IN_A;
    distinctA++;
  }
  let distinctB = 0;
  let common = 0;
  for (let i = 0; i < b.length; i++) {
    const h = b[i];
    let slot = h & mask;
    while (stamps[slot] === stamp && keys[slot] !== h) slot = (slot + 1) & mask;
    if (stamps[slot] !== stamp) {
      stamps[slot] = stamp;
      keys[slot] = h;
      sides[slot] = IN_B;
      distinctB++;
    } else if (sides[slot] === IN_A) {
      sides[slot] = IN_A | IN_B;
      distinctB++;
      common++;
    }
  }
  return common / (distinctA + distinctB - common);
}

// Scratch space for `signature`, reused: only the signature itself is a new array. A bin holds its
// smallest hash so far, or Infinity while empty: one comparison per hash tells both.
const slots = new Float64Array(SLOTS);

/** The MinHash signature of a shingle multiset (repeats do not change it). */
export function signature(hashes: Uint32Array, allocate: Allocate = newArray): Uint32Array {
  slots.fill(Infinity);
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i];
    // The top 16 bits choose the bin; the hash itself orders the bin.
    const bin = ((h >>> 16) * SLOTS) >>> 16;
    if (h < slots[bin]) slots[bin] = h;
  }
  const dense = allocate(SLOTS);
  if (hashes.length === 0) return dense; // no shingles at all
  for (let bin = 0; bin < SLOTS; bin++) {
    // An empty bin copies a full one, chosen by a probe sequence fixed per bin, so two sets copy from
    // the same bin whenever both have it full (optimal densification).
    let source = bin;
    for (let attempt = 1; slots[source] === Infinity; attempt++)
      source = mix32(Math.imul(bin + 1, GOLDEN) ^ attempt) % SLOTS;
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
 * The signatures' estimate (as `estimatedSimilarity`) when it reaches `minimum`, else -1: it stops as
 * soon as too many slots differ, which for unrelated passages is after a third of them.
 */
export function estimateAtLeast(a: Uint32Array, b: Uint32Array, minimum: number): number {
  // The fewest agreeing slots whose share is not below `minimum`, found with the very division
  // `estimatedSimilarity` does, so the two agree exactly at the boundary.
  let needed = Math.max(0, Math.floor(minimum * SLOTS) - 1);
  while (needed / SLOTS < minimum) needed++;
  const allowedMisses = SLOTS - needed;
  let misses = 0;
  for (let i = 0; i < SLOTS; i++) if (a[i] !== b[i] && ++misses > allowedMisses) return -1;
  return (SLOTS - misses) / SLOTS;
}

/**
 * One key per band: a hash of the band's rows and its number, so equal rows in different bands differ.
 * Keys keep 30 bits, so V8 holds them as small integers: a map keyed by them then hashes no heap numbers.
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = Math.imul(band + 1, GOLDEN);
    for (let row = 0; row < ROWS_PER_BAND; row++) h = Math.imul(h ^ sig[band * ROWS_PER_BAND + row], 0x01000193);
    keys.push(mix32(h) & 0x3fffffff);
  }
  return keys;
}
