// What an edit changed between two versions of a text: the characters they share at the start and at
// the end. Text outside the change is the old text moved by `delta`, so what was computed on it can be
// found by its offsets instead of by its words (text-memo.ts), and re-read only where it changed
// (structure/markdown-reparse.ts).

export interface TextChange {
  /** Characters the two versions share at the start. */
  prefix: number;
  /** Characters they share at the end, after the prefix (the two never overlap in either version). */
  suffix: number;
  /** New length minus old length. */
  delta: number;
  /** The new version's length. */
  length: number;
}

export function textChange(before: string, after: string): TextChange {
  const shortest = Math.min(before.length, after.length);
  // Whole chunks first, compared as strings (the engine compares them a word at a time, where a loop
  // of charCodeAt takes about 4 ns a character), then the characters of the chunk that differs.
  let prefix = 0;
  while (prefix + CHUNK <= shortest && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK))
    prefix += CHUNK;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const room = shortest - prefix;
  let suffix = 0;
  while (
    suffix + CHUNK <= room &&
    before.slice(before.length - suffix - CHUNK, before.length - suffix) ===
      after.slice(after.length - suffix - CHUNK, after.length - suffix)
  )
    suffix += CHUNK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix))
    suffix++;
  return { prefix, suffix, delta: after.length - before.length, length: after.length };
}

const CHUNK = 256;

/**
 * Where the new text's [start, start + length) lay in the old one when the edit left it alone (wholly in
 * the shared start or the shared end), else undefined.
 */
export function unchangedFrom(change: TextChange, start: number, length: number): number | undefined {
  if (start + length <= change.prefix) return start;
  if (start >= change.length - change.suffix) return start - change.delta;
  return undefined;
}
