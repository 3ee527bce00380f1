// Word tokens with offsets, for the attribution and source stages. A token is a run of letters and
// digits with inner apostrophes, periods (U.S.) and hyphens; punctuation between tokens is kept as
// single-character tokens so clause boundaries (commas, colons, dashes, parentheses) stay visible.
//
// The scanner below is a hand-written equivalent of the regex
//   /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.\-&](?=[\p{L}\p{N}]))*\.?|[^\s\p{L}\p{N}]/gu
// run over text.slice(start, end) (it was the attribution stage's hottest function). It walks char
// codes and looks each one's class up in a lazily filled table, so the common ASCII case never runs
// a regex. Like the `u` flag it reads a surrogate pair as one code point (𝐀 is a letter, 😀 a symbol)
// and a lone surrogate as its own punctuation character; like the slice it never looks past `end`.

import { CharacterClasses, PAIR } from './character-classes';
import titles from '../lexicon/titles.json';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Letters and digits (a word) or a single punctuation mark. */
  word: boolean;
}

// Character classes (see character-classes.ts).
/** `\s`: ASCII and Unicode spaces and line breaks (NBSP, U+2028, U+FEFF, ...); skipped. */
const SPACE = 1;
/** `\p{L}` or `\p{N}`: starts or continues a word. */
const WORD = 2;
/** `\p{M}`: continues a word (combining accents) but cannot start one. */
const MARK = 3;
/** Anything else, lone surrogates included: a one-character punctuation token. */
const OTHER = 4;

const SPACE_CHARACTER = /^\s$/u;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const MARK_CHARACTER = /^\p{M}$/u;

function classify(character: string): number {
  if (SPACE_CHARACTER.test(character)) return SPACE;
  if (WORD_CHARACTER.test(character)) return WORD;
  return MARK_CHARACTER.test(character) ? MARK : OTHER;
}

const CLASSES = new CharacterClasses(classify);
const ASCII_CLASSES = CLASSES.ascii;

/** Class of the code point at `i` (with PAIR set for a surrogate pair); `end` bounds a pair as the slice did. */
function kindAt(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? ASCII_CLASSES[code] : CLASSES.at(text, i, end);
}

/** The characters that may join two word characters: ' ’ . - & (U.S., don't, co-op, AT&T). */
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d || code === 0x26;
}

/** Short forms before or beside a name whose period stays in the token (titles.json). */
const TITLES = new Set([...titles.abbreviated, ...titles.abbreviatedBesideNames]);
const ABBREVIATION = new RegExp(`^(\\p{L}\\.)+$|^(${[...TITLES].join('|')})\\.$`, 'iu');
const LONGEST_TITLE = Math.max(...[...TITLES].map((title) => title.length));

/**
 * Whether a word ending in a period, text[from, to), keeps it: initials (U.S., p.m.) and titles (Mr., Sen.).
 * ASCII is decided by hand, on the text itself (every sentence's last word comes here); anything else
 * goes to the regex, whose case-insensitive Unicode matching has surprises (ſ folds to s, so "Mſ."
 * counts as "Ms.") not worth re-deriving.
 */
function isAbbreviation(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) >= 128) return ABBREVIATION.test(text.slice(from, to));
  if ((to - from) % 2 === 0) {
    let initials = true;
    for (let i = from; i < to && initials; i += 2) initials = isAsciiLetter(text.charCodeAt(i)) && text.charCodeAt(i + 1) === 0x2e;
    if (initials) return true;
  }
  return to - 1 - from <= LONGEST_TITLE && TITLES.has(text.slice(from, to - 1).toLowerCase());
}

/** An ASCII capital or any non-ASCII code unit: lowering may change it. */
function mayHaveCase(code: number): boolean {
  return code >= 128 || (code >= 65 && code <= 90);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function tokenize(text: string, start: number, end: number): Token[] {
  // Offsets outside the text (or not whole numbers) get the old slice semantics: clamp, count a
  // negative offset from the end, and report offsets as `start` plus the place in the slice.
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= 0 && end <= text.length)) {
    const slice = text.slice(start, end);
    return tokenize(slice, 0, slice.length).map((t) => ({ ...t, start: start + t.start, end: start + t.end }));
  }
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? ASCII_CLASSES[code] : CLASSES.at(text, i, end);
    const base = kind & ~PAIR;
    if (base === SPACE) {
      i++; // every \s character is in the BMP
      continue;
    }
    if (base !== WORD) {
      // A single punctuation mark, symbol, emoji, lone combining mark or lone surrogate.
      const next = kind & PAIR ? i + 2 : i + 1;
      const raw = code < 128 ? text[i] : text.slice(i, next);
      // ASCII punctuation has no case; anything else may (Ⓐ lowers to ⓐ), and ’ reads as '.
      const lower = code < 128 ? raw : code === 0x2019 ? "'" : raw.toLowerCase();
      tokens.push({ start: i, end: next, text: raw, lower, word: false });
      i = next;
      continue;
    }
    // A word: letters, digits and marks, plus a joiner when a letter or digit follows it.
    let j = kind & PAIR ? i + 2 : i + 1;
    // Whether lowering could change the word: an ASCII capital or anything non-ASCII. Most words
    // are plain lowercase ASCII, and skipping toLowerCase for them is a good part of the speed-up.
    let cased = mayHaveCase(code);
    let curly = false;
    while (j < end) {
      const next = text.charCodeAt(j);
      const k = next < 128 ? ASCII_CLASSES[next] : CLASSES.at(text, j, end);
      const b = k & ~PAIR;
      if (b === WORD || b === MARK) {
        if (mayHaveCase(next)) cased = true;
        j += k & PAIR ? 2 : 1;
        continue;
      }
      if (isJoiner(next) && j + 1 < end && (kindAt(text, j + 1, end) & ~PAIR) === WORD) {
        if (next === 0x2019) curly = true;
        j++; // the word character after it is taken on the next turn
        continue;
      }
      break;
    }
    // Keep a final period only for abbreviations (U.S., Mr.): a sentence's last period is
    // punctuation, left for the next turn to emit as its own token.
    if (j < end && text.charCodeAt(j) === 0x2e && isAbbreviation(text, i, j + 1)) j++;
    const raw = text.slice(i, j);
    const lower = cased ? raw.toLowerCase() : raw;
    // `word` was decided on the first code unit alone, and half a surrogate pair is no letter:
    // a word starting with an astral letter (𝐀) is word: false. Kept as it was.
    tokens.push({ start: i, end: j, text: raw, lower: curly ? lower.replace(/’/g, "'") : lower, word: !(kind & PAIR) });
    i = j;
  }
  return tokens;
}

/** Whether the word starts with a capital letter; ASCII by its code, anything else by its Unicode category. */
export function isCapitalized(token: Token): boolean {
  if (!token.word) return false;
  const code = token.text.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : /^\p{Lu}/u.test(token.text);
}
