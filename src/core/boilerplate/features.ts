// What the boilerplate classifier measures in one block, jusText-style: how long it is, how much of it is
// function words (prose has many, menus and link rows have few), how link-like and list-like it looks.
// Everything here is per block and linear in the block's length. Every block of every analysis comes
// through here, most of them prose that no rule matches: a block is read in one hand-written pass over
// its characters, which does what Unicode regular expressions would (with their own character classes,
// asked once per code point and kept), and the regular expressions left run only where a character they
// need occurs.
import { CharacterClasses, PAIR } from '../text/character-classes';
import { FNV_OFFSET, fnv1a, fnvStep } from '../text/hashed-words';
import stopwordList from '../lexicon/stopwords-en.json';

const STOPWORDS: readonly string[] = [...new Set(stopwordList.words)];
/** A longer word is not a stop word: it is not looked up. */
const STOPWORD_MAX_LENGTH = Math.max(...STOPWORDS.map((word) => word.length));

export interface BlockFeatures {
  /** Length of the block's text, whitespace runs counted once. */
  chars: number;
  words: number;
  /** Share of words that are English function words. */
  stopwordDensity: number;
  /** Share of words that look like URLs, e-mail addresses, @handles or #hashtags. */
  linkDensity: number;
  /** Menu separators ("|", "•", "»", "·", "/" between words): a row of links flattened to text. */
  separators: number;
  /** Ends the way a sentence ends (full stop, question mark, closing quote…). */
  endsLikeSentence: boolean;
}

// ---------------------------------------------------------------------------------------------
// Character classes: what `\p{L}`, `\p{N}`, `\p{M}` and `\s` say of a code point, asked of the regular
// expressions themselves the first time a code point is met, then kept.

/** `\p{L}`: a letter. */
export const LETTER = 1;
/** `\p{N}`: a number (any script's digits, ², ½…). */
export const NUMBER = 2;
/** `\p{M}`: a combining mark. */
export const MARK = 4;
/** `\s`: white space or a line terminator, as `trim()` and `\s` read them. */
export const SPACE = 8;
export const LETTER_OR_NUMBER = LETTER | NUMBER;
export const WORD_CHAR = LETTER | NUMBER | MARK;

function classify(char: string): number {
  return (
    (/\p{L}/u.test(char) ? LETTER : 0) |
    (/\p{N}/u.test(char) ? NUMBER : 0) |
    (/\p{M}/u.test(char) ? MARK : 0) |
    (/\s/u.test(char) ? SPACE : 0)
  );
}

const CLASSES = new CharacterClasses(classify);
/** Classes of the ASCII characters, the common case looked up without a call. */
export const ASCII_CLASSES = CLASSES.ascii;

/**
 * Class of the code point starting at `i` (a lone surrogate is a code point of no class, as in a `u`
 * regular expression). Its length in code units is `codePointWidth(text, i)`.
 */
export function classAt(text: string, i: number): number {
  return CLASSES.at(text, i) & ~PAIR;
}

/**
 * Code units of the word character (letter, number or mark) at `i`: 1, or 2 for a surrogate pair; 0
 * where there is none. What both the features' and the rules' word scanners step by.
 */
export function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_CLASSES[c] & WORD_CHAR ? 1 : 0;
  return classAt(text, i) & WORD_CHAR ? codePointWidth(text, i) : 0;
}

/** 2 where a surrogate pair starts at `i`, else 1. */
export function codePointWidth(text: string, i: number): number {
  return (text.charCodeAt(i) & 0xfc00) === 0xd800 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ? 2
    : 1;
}

// ---------------------------------------------------------------------------------------------
// Look-ups by a hash of the characters where they lie in the text, so that a word is not cut out of
// it (and hashed again) only to be looked up: FNV-1a over UTF-16 code units (hashed-words.ts).

/** Open addressing: slot → 1 + index in STOPWORDS, 0 where empty. */
const STOPWORD_SLOTS = new Int32Array(1 << Math.ceil(Math.log2(STOPWORDS.length * 4)));
const STOPWORD_MASK = STOPWORD_SLOTS.length - 1;
STOPWORDS.forEach((word, index) => {
  let slot = fnv1a(word) & STOPWORD_MASK;
  while (STOPWORD_SLOTS[slot] !== 0) slot = (slot + 1) & STOPWORD_MASK;
  STOPWORD_SLOTS[slot] = index + 1;
});

/** Whether text[start, end), with ’ read as ', is a stop word; `hash` is its hash, read so. */
function isStopword(text: string, start: number, end: number, hash: number): boolean {
  for (let slot = hash & STOPWORD_MASK; STOPWORD_SLOTS[slot] !== 0; slot = (slot + 1) & STOPWORD_MASK) {
    const word = STOPWORDS[STOPWORD_SLOTS[slot] - 1];
    if (word.length !== end - start) continue;
    let k = 0;
    while (k < word.length) {
      const c = text.charCodeAt(start + k);
      if ((c === CURLY_APOSTROPHE ? APOSTROPHE : c) !== word.charCodeAt(k)) break;
      k++;
    }
    if (k === word.length) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Features

// Words as /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.]*/u reads them: a letter or digit, then letters, digits and
// inner apostrophes or dots ("don't", "U.S").
const APOSTROPHE = 0x27;
const CURLY_APOSTROPHE = 0x2019;
const DOT = 0x2e;
const LOWER_W = 0x77;

const DOMAIN_ENDINGS = ['com', 'org', 'net', 'co', 'io', 'gov', 'edu', 'uk', 'in'];
// Cheap test first: most blocks have nothing link-like at all.
const LINK_HINT = new RegExp(`https?:|www\\.|@|#\\w|\\.(${DOMAIN_ENDINGS.join('|')})\\b`, 'i');
const LINK_LIKE = new RegExp(
  `^(https?:|www\\.|[^@\\s]+@[^@\\s]+\\.\\w|@\\w|#\\w)|\\.(${DOMAIN_ENDINGS.join('|')})(\\/|$)`,
  'i',
);
const SEPARATOR = /\s[|•»·›>/]\s|\s[|•·]|[|•·]\s/g;

// What a block's characters say before any regular expression is tried: a block without these has
// no LINK_HINT or SEPARATOR match. Every LINK_HINT match has "@", "#" or ":" in it, or a dot after
// "www" or before the first letter of a domain ending (of either case); every SEPARATOR match has one
// of SEPARATOR_CHARS.
const MAY_LINK = 1;
const MAY_SEPARATE = 2;
const SEPARATOR_CHARS = '|•»·›>/';
const ASCII_HINTS = new Uint8Array(128);
for (const c of '@#:') ASCII_HINTS[c.charCodeAt(0)] |= MAY_LINK;
for (const c of SEPARATOR_CHARS) if (c.charCodeAt(0) < 128) ASCII_HINTS[c.charCodeAt(0)] |= MAY_SEPARATE;
const DOMAIN_INITIALS = new Uint8Array(128);
for (const ending of DOMAIN_ENDINGS)
  DOMAIN_INITIALS[ending.charCodeAt(0)] = DOMAIN_INITIALS[ending.toUpperCase().charCodeAt(0)] = 1;

/** Whether the dot at `i` may be part of a LINK_HINT match (a dot after "www", or before a domain ending). */
function dotMayLink(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  if (next < 128 && DOMAIN_INITIALS[next]) return true;
  return (
    i >= 3 &&
    text.charCodeAt(i - 1) === LOWER_W &&
    text.charCodeAt(i - 2) === LOWER_W &&
    text.charCodeAt(i - 3) === LOWER_W
  );
}

/** The last characters of a block that ends like a sentence. */
const SENTENCE_END_CHARS = '.!?…:;"\'”’»)]。！？」』';

/**
 * A block's text in the forms its readers need: trimmed, lower-cased, and normalised for the phrase
 * rules (`normaliseForRules`). The boilerplate stage reads each block with one of these, handed to the
 * features and then to the phrase rules, so that each form is made at most once per block.
 */
export class BlockText {
  readonly trimmed: string;
  /** `trimmed` in lower case. */
  readonly lower: string;
  private normalisedText: string | undefined;

  constructor(text: string) {
    this.trimmed = text.trim();
    this.lower = this.trimmed.toLowerCase();
  }

  /** `normaliseForRules` of the block; `lowerIsNormal` where the caller has found `lower` already is. */
  normalised(lowerIsNormal = false): string {
    return (this.normalisedText ??= lowerIsNormal ? this.lower : normaliseLowerCase(this.lower));
  }
}

export function blockFeatures(block: BlockText): BlockFeatures {
  const { trimmed, lower } = block;
  // Lower-casing keeps every character in its place (but "İ", two characters in lower case), and never
  // makes or unmakes white space, dots, apostrophes, separators, "@#:" or an ASCII letter.
  const n = lower.length;
  let words = 0;
  let stopwords = 0;
  // Numbers ("6-4", "2019") are neither function words nor content words: scores and tables would
  // otherwise read as menus. They count as words, but not for the density.
  let numbers = 0;
  // White space characters (code 32 and below) that continue a run, for the collapsed length.
  let spaceRepeats = 0;
  let hints = 0;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c < 128 ? (ASCII_CLASSES[c] & LETTER_OR_NUMBER) === 0 : (classAt(lower, i) & LETTER_OR_NUMBER) === 0) {
      if (c <= 32) {
        if (i > 0 && lower.charCodeAt(i - 1) <= 32) spaceRepeats++;
      } else if (c < 128) {
        hints |= ASCII_HINTS[c];
        if (c === DOT && dotMayLink(lower, i)) hints |= MAY_LINK;
      } else if (SEPARATOR_CHARS.includes(lower[i])) hints |= MAY_SEPARATE;
      i += c < 128 ? 1 : codePointWidth(lower, i);
      continue;
    }
    // A word: its hash as the stop word table reads it (’ as '), up to its last character but dots.
    const start = i;
    let hash = FNV_OFFSET;
    let hashToLastLetter = FNV_OFFSET;
    while (i < n) {
      const d = lower.charCodeAt(i);
      if (d === DOT) {
        if (dotMayLink(lower, i)) hints |= MAY_LINK;
        hash = fnvStep(hash, DOT);
        i++;
        continue;
      }
      if (d === APOSTROPHE || d === CURLY_APOSTROPHE) {
        hash = fnvStep(hash, APOSTROPHE);
        i++;
      } else {
        const width = wordCharWidth(lower, i);
        if (width === 0) break;
        hash = fnvStep(hash, d);
        if (width === 2) hash = fnvStep(hash, lower.charCodeAt(i + 1));
        i += width;
      }
      hashToLastLetter = hash;
    }
    words++;
    let end = i;
    while (lower.charCodeAt(end - 1) === DOT) end--;
    if (end - start <= STOPWORD_MAX_LENGTH && isStopword(lower, start, end, hashToLastLetter)) stopwords++;
    else if (isDigit(lower.charCodeAt(start))) numbers++;
  }
  let links = 0;
  if (hints & MAY_LINK && LINK_HINT.test(trimmed))
    for (const token of trimmed.split(/\s+/)) if (LINK_LIKE.test(token)) links++;
  const separators = hints & MAY_SEPARATE ? (trimmed.match(SEPARATOR)?.length ?? 0) : 0;
  return {
    chars: n === trimmed.length ? n - spaceRepeats : collapsedLength(trimmed),
    words,
    stopwordDensity: words > numbers ? stopwords / (words - numbers) : 0,
    linkDensity: words ? Math.min(1, links / words) : 0,
    separators,
    endsLikeSentence: trimmed.length > 0 && SENTENCE_END_CHARS.includes(trimmed[trimmed.length - 1]),
  };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function collapsedLength(text: string): number {
  let length = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space || !inSpace) length++;
    inSpace = space;
  }
  return length;
}

// ---------------------------------------------------------------------------------------------
// Text as the phrase rules see it

// Typographic quotes and dashes made plain.
const PLAIN_CODES: ReadonlyMap<number, number> = new Map([
  ...[...'‘’‛′`´'].map((c): [number, number] => [c.charCodeAt(0), 0x27]),
  ...[...'“”„‟″«»'].map((c): [number, number] => [c.charCodeAt(0), 0x22]),
  ...[...'‐‑‒–—―'].map((c): [number, number] => [c.charCodeAt(0), 0x2d]),
]);
const BACKTICK = 0x60;

/** The plain quote or dash `normaliseForRules` makes of a typographic one; any other code unit as it is. */
export function plainCode(c: number): number {
  return c < 128 && c !== BACKTICK ? c : (PLAIN_CODES.get(c) ?? c);
}

/** `text` with its typographic quotes and dashes made plain (a token: short). */
export function plainQuotesAndDashes(text: string): string {
  let plain = '';
  for (let i = 0; i < text.length; i++) plain += String.fromCharCode(plainCode(text.charCodeAt(i)));
  return plain;
}

/**
 * Text as phrase rules see it: lower case, typographic quotes and dashes made plain, whitespace collapsed.
 * Punctuation is kept: "©", "|" and ":" carry meaning for the rules.
 */
export function normaliseForRules(text: string): string {
  return normaliseLowerCase(text.toLowerCase());
}

/** `normaliseForRules` of a text already in lower case (with or without white space around it). */
export function normaliseLowerCase(lower: string): string {
  const n = lower.length;
  // Pieces of `lower` kept as they are, from `from` on, with what replaces the characters between them.
  let out = '';
  let from = 0;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if ((c < 128 ? ASCII_CLASSES[c] : classAt(lower, i)) & SPACE) {
      let j = i + 1;
      while (j < n && classAt(lower, j) & SPACE) j++;
      // One space between words stays as it is; any other run becomes one space, or none at either end.
      if (!(c === 32 && j === i + 1 && i > 0 && j < n)) {
        out += lower.slice(from, i) + (i > 0 && j < n ? ' ' : '');
        from = j;
      }
      i = j;
      continue;
    }
    const plain = plainCode(c);
    if (plain !== c) {
      out += lower.slice(from, i) + String.fromCharCode(plain);
      from = i + 1;
    }
    i++;
  }
  return from === 0 ? lower : out + lower.slice(from);
}
