// What the boilerplate classifier measures in one block, jusText-style: how long it is, how much of it is
// function words (prose has many, menus and link rows have few), how link-like and list-like it looks.
// Everything here is per block and linear in the block's length.
import stopwordList from './lexicon/stopwords-en.json';

const STOPWORDS: ReadonlySet<string> = new Set(stopwordList.words);

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

// Word-like tokens: a letter or digit, then letters, digits and inner apostrophes or dots ("don't", "U.S").
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.]*/gu;
// Cheap test first: most blocks have nothing link-like at all.
const LINK_HINT = /https?:|www\.|@|#\w|\.(com|org|net|co|io|gov|edu|uk|in)\b/i;
const LINK_LIKE = /^(https?:|www\.|[^@\s]+@[^@\s]+\.\w|@\w|#\w)|\.(com|org|net|co|io|gov|edu|uk|in)(\/|$)/i;
const SEPARATOR = /\s[|•»·›>/]\s|\s[|•·]|[|•·]\s/g;
const SENTENCE_END = /[.!?…:;"'”’»)\]。！？」』]$/;

export function blockFeatures(text: string): BlockFeatures {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase().replace(/’/g, "'");
  let words = 0;
  let stopwords = 0;
  // Numbers ("6-4", "2019") are neither function words nor content words: scores and tables would
  // otherwise read as menus. They count as words, but not for the density.
  let numbers = 0;
  for (let word of lower.match(WORD) ?? []) {
    words++;
    if (word.endsWith('.')) word = word.replace(/\.+$/, '');
    if (STOPWORDS.has(word)) stopwords++;
    else if (isDigit(word.charCodeAt(0))) numbers++;
  }
  let links = 0;
  if (LINK_HINT.test(trimmed)) for (const token of trimmed.split(/\s+/)) if (LINK_LIKE.test(token)) links++;
  const separators = trimmed.match(SEPARATOR)?.length ?? 0;
  return {
    chars: collapsedLength(trimmed),
    words,
    stopwordDensity: words > numbers ? stopwords / (words - numbers) : 0,
    linkDensity: words ? Math.min(1, links / words) : 0,
    separators,
    endsLikeSentence: SENTENCE_END.test(trimmed),
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

/**
 * Text as phrase rules see it: lower case, typographic quotes and dashes made plain, whitespace collapsed.
 * Punctuation is kept: "©", "|" and ":" carry meaning for the rules.
 */
export function normaliseForRules(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
