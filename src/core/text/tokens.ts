// Word tokens with offsets, for the attribution and source stages. A token is a run of letters and
// digits with inner apostrophes, periods (U.S.) and hyphens; punctuation between tokens is kept as
// single-character tokens so clause boundaries (commas, colons, dashes, parentheses) stay visible.
// The word scanner (`scanWord`) is the one every word reader of the core steps by: the check-worthiness
// features read their words with it too, by their own `WordRule`.
//
// The scanner below is a hand-written equivalent of the regex
//   /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.\-&](?=[\p{L}\p{N}]))*\.?|[^\s\p{L}\p{N}]/gu
// run over text.slice(start, end) (it was the attribution stage's hottest function). It walks char
// codes and looks each one's class up in a lazily filled table, so the common ASCII case never runs
// a regex. Like the `u` flag it reads a surrogate pair as one code point (𝐀 is a letter, 😀 a symbol)
// and a lone surrogate as its own punctuation character; like the slice it never looks past `end`.

import { CharacterClasses, PAIR } from './character-classes';
import { FNV_OFFSET, fnvStep } from './hashed-words';
import titles from '../lexicon/titles.json';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Letters and digits (a word) or a single punctuation mark. */
  word: boolean;
}

// Character classes, as bits (see character-classes.ts). A code point with none of them (punctuation,
// a symbol, a lone surrogate) is a one-character punctuation token.
/** `\s`: ASCII and Unicode spaces and line breaks (NBSP, U+2028, U+FEFF, ...); skipped. */
const SPACE = 1;
/** `\p{L}` or `\p{N}`: starts or continues a word. */
export const LETTER_OR_NUMBER = 2;
/** `\p{M}`: continues a word (combining accents); starts one only where a `WordRule` says so. */
export const MARK = 4;
/** `\p{Lu}` (always with LETTER_OR_NUMBER). */
export const UPPER = 8;
const WORD_PART = LETTER_OR_NUMBER | MARK;

const SPACE_CHARACTER = /^\s$/u;
const LETTER_OR_NUMBER_CHARACTER = /^[\p{L}\p{N}]$/u;
const MARK_CHARACTER = /^\p{M}$/u;
const UPPER_CHARACTER = /^\p{Lu}$/u;

function classify(character: string): number {
  if (SPACE_CHARACTER.test(character)) return SPACE;
  if (!LETTER_OR_NUMBER_CHARACTER.test(character)) return MARK_CHARACTER.test(character) ? MARK : 0;
  return UPPER_CHARACTER.test(character) ? LETTER_OR_NUMBER | UPPER : LETTER_OR_NUMBER;
}

const CLASSES = new CharacterClasses(classify);
/** Classes of the ASCII characters, the common case read without a call. */
export const ASCII_WORD_CLASSES = CLASSES.ascii;
const ASCII_CLASSES = ASCII_WORD_CLASSES;

/**
 * Class of the code point at `i` (PAIR set for a surrogate pair); `end` bounds a pair as a slice ending there would.
 */
export function wordClassAt(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? ASCII_CLASSES[code] : CLASSES.at(text, i, end);
}

/** How a reader of words scans them: where `scanWord` differs between the tokenizer and the claim features. */
export interface WordRule {
  /** Whether "&" joins two words (AT&T). */
  ampersand: boolean;
  /** The classes a joiner must be followed by to stay in the word. */
  afterJoiner: number;
  /** Whether to hash the word (see `WordScan.hash`). */
  hash: boolean;
}

/** What `scanWord` saw in a word besides its end: fields of one object the caller keeps, no garbage per word. */
export class WordScan {
  /** An ASCII capital or a non-ASCII code unit: lowering may change the word. */
  cased = false;
  /** An ASCII digit (`\d`). */
  digit = false;
  /** A ’ joiner (read as ' by word lists). */
  curly = false;
  /** Only ASCII code units. */
  ascii = false;
  /** With `WordRule.hash`, and where `ascii`: FNV-1a of the word in lower case (hashed-words.ts). */
  hash = 0;
}

/** The characters that may join two word characters: ' ’ . - and, by rule, & (U.S., don't, co-op, AT&T). */
function isJoiner(code: number, rule: WordRule): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d || (code === 0x26 && rule.ampersand);
}

/** An ASCII code in lower case, as toLowerCase gives it. */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * The end of the word whose first code point, of class `kind`, is at `i`: word characters (letters,
 * digits and marks), with a joiner where the rule's classes follow it; never past `end`. What it saw on
 * the way is written to `scan`.
 */
export function scanWord(text: string, i: number, end: number, kind: number, rule: WordRule, scan: WordScan): number {
  const first = text.charCodeAt(i);
  let j = kind & PAIR ? i + 2 : i + 1;
  // Most words are plain lowercase ASCII: their readers skip toLowerCase.
  let cased = first >= 128 || (first >= 65 && first <= 90);
  let digit = first >= 48 && first <= 57;
  let curly = false;
  // The hash of the lower-cased word, while it is ASCII: its ASCII capitals lowered as it goes.
  const hashes = rule.hash;
  let ascii = first < 128;
  let hash = ascii && hashes ? fnvStep(FNV_OFFSET, lowerAscii(first)) : 0;
  while (j < end) {
    const code = text.charCodeAt(j);
    const k = code < 128 ? ASCII_CLASSES[code] : CLASSES.at(text, j, end);
    if (k & WORD_PART) {
      if (code >= 128) cased = true;
      else if (code <= 57)
        digit = true; // the ASCII word characters below 'A' are the digits
      else if (code <= 90) cased = true;
      j += k & PAIR ? 2 : 1;
    } else if (isJoiner(code, rule) && j + 1 < end && (wordClassAt(text, j + 1, end) & rule.afterJoiner) !== 0) {
      // A joiner stays in the word only when a word character follows; the next turn takes that.
      if (code === 0x2019) curly = true;
      j++;
    } else break;
    if (code >= 128) ascii = false;
    else if (ascii && hashes) hash = fnvStep(hash, lowerAscii(code));
  }
  scan.cased = cased;
  scan.digit = digit;
  scan.curly = curly;
  scan.ascii = ascii;
  scan.hash = hash;
  return j;
}

/** Tokens' words: a mark cannot start one or follow a joiner; "&" joins (AT&T). */
const TOKEN_WORDS: WordRule = { ampersand: true, afterJoiner: LETTER_OR_NUMBER, hash: false };

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
    for (let i = from; i < to && initials; i += 2)
      initials = isAsciiLetter(text.charCodeAt(i)) && text.charCodeAt(i + 1) === 0x2e;
    if (initials) return true;
  }
  return to - 1 - from <= LONGEST_TITLE && TITLES.has(text.slice(from, to - 1).toLowerCase());
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
  const scan = new WordScan();
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? ASCII_CLASSES[code] : CLASSES.at(text, i, end);
    if (kind & SPACE) {
      i++; // every \s character is in the BMP
      continue;
    }
    if ((kind & LETTER_OR_NUMBER) === 0) {
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
    let j = scanWord(text, i, end, kind, TOKEN_WORDS, scan);
    // Keep a final period only for abbreviations (U.S., Mr.): a sentence's last period is
    // punctuation, left for the next turn to emit as its own token.
    if (j < end && text.charCodeAt(j) === 0x2e && isAbbreviation(text, i, j + 1)) j++;
    const raw = text.slice(i, j);
    const lower = scan.cased ? raw.toLowerCase() : raw;
    // `word` was decided on the first code unit alone, and half a surrogate pair is no letter:
    // a word starting with an astral letter (𝐀) is word: false. Kept as it was.
    tokens.push({
      start: i,
      end: j,
      text: raw,
      lower: scan.curly ? lower.replace(/’/g, "'") : lower,
      word: !(kind & PAIR),
    });
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
