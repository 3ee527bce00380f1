// FNV-1a hashing of words, and a map from words to numbers looked up by that hash. The claim features
// (claims/features.ts) look every word of a sentence up in their word lists and also need its
// FNV-1a hash for the model's word buckets: the tokenizer works the hash out as it reads the word, and
// this map takes it, where a Map would hash each new word string again. The boilerplate scanners hash
// words where they lie in the text with the same steps.

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One FNV-1a step: `hash` followed by the UTF-16 code unit `code`. */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

/** FNV-1a of the UTF-16 code units of `text`: the same on every machine and in every run. */
export function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i));
  return hash;
}

/** Words to non-zero numbers, in an open-addressing table of their FNV-1a hashes; fixed once built. */
export class HashedWords {
  private readonly words: string[] = [];
  private readonly values: number[] = [];
  private readonly hashes: number[] = [];
  /** Per slot, 1 + the index of the word there, or 0 when empty. At most half full, so probes are short. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(entries: Map<string, number>) {
    let size = 16;
    while (size < entries.size * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (const [word, value] of entries) {
      const hash = fnv1a(word);
      let slot = hash & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.words.push(word);
      this.values.push(value);
      this.hashes.push(hash);
      this.slots[slot] = this.words.length;
    }
  }

  /** The number for `word`, whose FNV-1a hash is `hash`; 0 for a word not in the map. */
  get(word: string, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) return 0;
      if (this.hashes[entry] === hash && this.words[entry] === word) return this.values[entry];
    }
  }
}
