// Text as the duplicates stage compares it: case, quote style, punctuation and spacing removed, so two
// copies of a paragraph that differ only in typography normalise to the same string.
import { CharacterClasses, PAIR } from './character-classes';

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
    const code = lower.charCodeAt(i);
    const kind = code < 128 ? ASCII_KINDS[code] : CLASSES.at(lower, i);
    const base = kind & ~PAIR;
    if (base === WORD) {
      if (runStart < 0) runStart = i;
    } else {
      flush(i);
      if (base !== QUOTE) gap = true;
    }
    if (kind & PAIR) i++; // the low surrogate was judged with its pair
  }
  flush(lower.length);
  return pieces.join('');
}

// Character kinds: part of a word, a quote mark (dropped), anything else (a word break).
const WORD = 1;
const QUOTE = 2;
const OTHER = 3;
const QUOTES = new Set(Array.from('\'’‘‛`´"“”„‟«»‹›', (c) => c.charCodeAt(0)));
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;

function classify(character: string): number {
  if (character.length === 1 && QUOTES.has(character.charCodeAt(0))) return QUOTE;
  return WORD_CHARACTER.test(character) ? WORD : OTHER;
}

const CLASSES = new CharacterClasses(classify);
const ASCII_KINDS = CLASSES.ascii;

/** Words in normalised text (single spaces between them). */
export function countWords(normalised: string): number {
  let words = normalised.length > 0 ? 1 : 0;
  for (let i = 0; i < normalised.length; i++) if (normalised.charCodeAt(i) === 32) words++;
  return words;
}
