// A small seeded generator (mulberry32) for generated inputs: the same seed gives the same text on every
// run, so a failing fuzz case or a benchmark input can be reproduced. And the loop that makes a generated
// document of a given length, for the benchmarks.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces from `next` joined by `separator` until there are `length` characters, cut at exactly that many. */
export function textOfLength(length: number, separator: string, next: () => string): string {
  const pieces: string[] = [];
  let size = 0;
  while (size < length) {
    const piece = next();
    pieces.push(piece);
    size += piece.length + separator.length;
  }
  return pieces.join(separator).slice(0, length);
}
