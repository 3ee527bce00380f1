// Text as the duplicates stage compares it: case, quote style, punctuation and spacing removed, so two
// copies of a paragraph that differ only in typography normalise to the same string.
import { CharacterClasses, PAIR } from '../text/character-classes';

/**
 * Lower case; quotes and apostrophes dropped ("don’t" = "don't" = "dont"); any other
 * punctuation, symbol or emoji a space; whitespace collapsed. So quote style, dashes, line breaks (CRLF
 * or not) and spacing never make two copies differ.
 */
export function normaliseForComparison(text: string): string {
  const lower = text.toLowerCase();
  // Prose mostly normalises to itself: words and the single spaces between them. So the output is built
  // from stretches of `lower` copied as they are, broken only where something is dropped or replaced,
  // rather than from one piece per word.
  let out = '';
  let from = -1; // the open stretch is lower[from, to); none before the first word character
  let to = -1;
  let gap = false; // a word break (not a quote) since the last word character
  let gapStart = -1;
  let gapLength = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const kind = code < 128 ? ASCII_KINDS[code] : CLASSES.at(lower, i);
    const base = kind & ~PAIR;
    const next = kind & PAIR ? i + 2 : i + 1;
    if (base === WORD) {
      if (from < 0) from = i;
      else if (!gap && i === to) {
        // the word goes on
      } else if (gap && gapLength === 1 && gapStart === to && i === to + 1 && lower.charCodeAt(to) === 32) {
        // one plain space between words: kept as it is
      } else {
        out += lower.slice(from, to);
        if (gap) out += ' ';
        from = i;
      }
      to = next;
      gap = false;
    } else if (base !== QUOTE) {
      if (!gap) {
        gap = true;
        gapStart = i;
        gapLength = 0;
      }
      gapLength += next - i;
    }
    i = next - 1; // a surrogate pair was judged whole
  }
  return from < 0 ? '' : out + lower.slice(from, to);
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

/** Whether normalised text (single spaces between words) has at least `minimum` words; stops once it has. */
export function hasWords(normalised: string, minimum: number): boolean {
  if (minimum <= 0) return true;
  if (normalised.length === 0) return false;
  let words = 1;
  for (let space = normalised.indexOf(' '); words < minimum && space >= 0; space = normalised.indexOf(' ', space + 1))
    words++;
  return words >= minimum;
}
