// Text as the duplicates stage compares it: case, quote style, punctuation and spacing removed, so two
// copies of a paragraph that differ only in typography normalise to the same string.

/**
 * Lower case; quotes and apostrophes dropped ("don’t" = "don't" = "dont"); any other
 * punctuation, symbol or emoji a space; whitespace collapsed. So quote style, dashes, line breaks (CRLF
 * or not) and spacing never make two copies differ.
 */
export function normaliseForComparison(text: string): string {
  const lower = text.toLowerCase();
  const pieces: string[] = [];
  let runStart = -1;
  let gap = false;
  const flush = (end: number) => {
    if (runStart < 0) return;
    if (gap && pieces.length > 0) pieces.push(' ');
    pieces.push(lower.slice(runStart, end));
    runStart = -1;
    gap = false;
  };
  for (let i = 0; i < lower.length; i++) {
    const kind = characterKind(lower, i);
    if (kind === WORD || kind === WORD_PAIR) {
      if (runStart < 0) runStart = i;
    } else {
      flush(i);
      if (kind !== QUOTE) gap = true;
    }
    if (kind === WORD_PAIR || kind === OTHER_PAIR) i++; // the low surrogate was judged with its pair
  }
  flush(lower.length);
  return pieces.join('');
}

// Character kinds: part of a word, a quote mark (dropped), anything else (a word break); the _PAIR kinds
// are the same for a surrogate pair, two code units wide.
const WORD = 1;
const QUOTE = 2;
const OTHER = 3;
const WORD_PAIR = 4;
const OTHER_PAIR = 5;
const QUOTES = new Set(Array.from('\'’‘‛`´"“”„‟«»‹›', (c) => c.charCodeAt(0)));
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;
/** Kinds of the Basic Multilingual Plane's code units, filled in as met (0: not yet known). */
const bmpKinds = new Uint8Array(65536);

/** Kinds of the ASCII characters, as a table: the common case costs one array read. */
const asciiKinds = Uint8Array.from({ length: 128 }, (_, code) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? WORD : QUOTES.has(code) ? QUOTE : OTHER,
);

function characterKind(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return asciiKinds[code];
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return WORD_CHARACTER.test(text.slice(i, i + 2)) ? WORD_PAIR : OTHER_PAIR;
  }
  let kind = bmpKinds[code];
  if (kind === 0) {
    kind = QUOTES.has(code) ? QUOTE : WORD_CHARACTER.test(String.fromCharCode(code)) ? WORD : OTHER;
    bmpKinds[code] = kind;
  }
  return kind;
}

/** Words in normalised text (single spaces between them). */
export function countWords(normalised: string): number {
  let words = normalised.length > 0 ? 1 : 0;
  for (let i = 0; i < normalised.length; i++) if (normalised.charCodeAt(i) === 32) words++;
  return words;
}
