// Features of one sentence for the check-worthiness model, in the spirit of ClaimBuster (Hassan et al.):
// what makes a sentence worth checking is something checkable — numbers, dates, named things, change and
// cause — and what makes it not is talk about the speaker, the listener or the future, opinion, questions
// and small talk. Every feature is a plain function of the text and a hand-written word list
// (lexicon/claim-words.json), so a reason shown to an editor is one they can see in the sentence.
// Shared by the scorer (check-worthiness.ts) and the trainer (scripts/train-claims.ts): one definition.
import { PAIR } from '../text/character-classes';
import {
  ASCII_WORD_CLASSES,
  LETTER_OR_NUMBER,
  MARK,
  scanWord,
  UPPER,
  wordClassAt,
  WordScan,
  type WordRule,
} from '../text/tokens';
import {
  CALENDAR,
  CAPITALISED_NOT_ENTITIES,
  FIRST_PERSON_SINGULAR_WORD,
  FIRST_PERSON_WORD,
  NEGATION,
  NOT_PAST_ED,
  NOT_SUPERLATIVE_EST,
  NUMBER_WORD,
  PAST_IRREGULAR_WORD,
  PHRASE_LIST,
  PHRASE_LISTS,
  PHRASE_START,
  SUPERLATIVE,
  THIRD_PERSON_WORD,
  TITLES,
  listsOf,
} from './word-lists';
import { fnv1a } from '../text/hashed-words';
import { isSpace } from '../text/whitespace';

// The trainer hashes words as the features do.
export { fnv1a } from '../text/hashed-words';

export interface FeatureDefinition {
  name: string;
  /**
   * What an editor is shown when this feature pushes the score up, as a plain phrase that completes "No
   * source for …: a number and a past event"; null for features never shown.
   */
  reason: string | null;
}

const FEATURE_DEFINITIONS = [
  { name: 'number', reason: 'a number' },
  { name: 'numberCount', reason: 'a number' },
  { name: 'percentage', reason: 'a percentage' },
  { name: 'money', reason: 'a sum of money' },
  { name: 'year', reason: 'a date' },
  { name: 'date', reason: 'a date' },
  { name: 'namedEntity', reason: 'a name' },
  { name: 'namedEntityCount', reason: 'a name' },
  { name: 'acronym', reason: 'a name' },
  { name: 'title', reason: 'a name' },
  { name: 'comparative', reason: 'a comparison' },
  { name: 'superlative', reason: 'a superlative' },
  { name: 'causalOrChangeVerb', reason: 'a cause or change' },
  { name: 'pastTense', reason: 'a past event' },
  { name: 'economicTerm', reason: 'an economic term' },
  { name: 'evidenceWord', reason: 'a statistic or record' },
  { name: 'quantity', reason: 'a quantity' },
  { name: 'thirdPerson', reason: null },
  { name: 'negation', reason: null },
  { name: 'length', reason: null },
  { name: 'question', reason: null },
  { name: 'firstPersonSingular', reason: null },
  { name: 'firstPersonPlural', reason: null },
  { name: 'secondPerson', reason: null },
  { name: 'modal', reason: null },
  { name: 'opinion', reason: null },
  { name: 'hedge', reason: null },
  { name: 'greeting', reason: null },
  { name: 'veryShort', reason: null },
] as const satisfies readonly FeatureDefinition[];

/** The dense features, in the order of `SentenceFeatures.values` and of the model's weights. */
export const FEATURES: readonly FeatureDefinition[] = FEATURE_DEFINITIONS;
type FeatureName = (typeof FEATURE_DEFINITIONS)[number]['name'];
/** Each feature's index in FEATURES: where `extractFeatures` puts its value, without a look-up by name. */
const AT = Object.fromEntries(FEATURES.map((f, i) => [f.name, i])) as Record<FeatureName, number>;

/**
 * Every feature at 0, copied for each sentence's values. Made from fractions and then zeroed, so V8
 * keeps it (and each copy) an array of doubles: a copy of an array of small integers would be
 * converted, with a new backing store, at the first fraction stored in it.
 */
const NO_VALUES: number[] = FEATURES.map(() => 0.5).fill(0);

export interface SentenceFeatures {
  /** One value per entry of FEATURES, each in [0, 1]. */
  values: number[];
  /** Hashed lower-case word buckets present in the sentence (each counts 1), sorted, no repeats. */
  buckets: number[];
}

/**
 * A "sentence" longer than this is not one (a paragraph with no full stops, pasted data): every feature
 * has saturated well before, and the cap keeps scoring time bounded whatever the input.
 */
const MAX_SCORED_LENGTH = 4000;

const YEAR = /^(?:1[6-9]\d\d|20\d\d)s?$/;
const SHORT_DECADE = /(?:^|[\s(])['’]\d0s\b/;
const PERCENT_SIGN = /\d\s?%|%\s?\d/;
const CURRENCY_SIGN = /[$£€¥₹]\s?\d|\d\s?[$£€¥₹]/;
const ACRONYM = /^(?:\p{Lu}{2,}s?|(?:\p{Lu}\.){2,}\p{Lu}?)$/u;

/** The bits of the PHRASE_LISTS in a word's lists. */
const PHRASE_BITS = (1 << PHRASE_LISTS.length) - 1;
/** Every count at 0, copied for each sentence's counts. */
const NO_COUNTS: number[] = PHRASE_LISTS.map(() => 0);

/** How many words and two-word phrases of the sentence each list holds, by list (a PHRASE_LIST index). */
function listCounts(tokens: Token[]): (list: number) => number {
  const counts = NO_COUNTS.slice();
  // Only the PHRASE_LISTS bits are counted; the word-only bits of a looked-up phrase are ignored.
  const add = (lists: number): void => {
    // The set bits of the PHRASE_LISTS part, lowest first.
    for (let bits = lists & PHRASE_BITS; bits !== 0; bits &= bits - 1) counts[31 - Math.clz32(bits & -bits)]++;
  };
  for (const t of tokens) if (t.lists) add(t.lists);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].lists & PHRASE_START) {
      const phrase = `${tokens[i].lower} ${tokens[i + 1].lower}`;
      add(listsOf(phrase, fnv1a(phrase)));
    }
  }
  return (list) => counts[list];
}

/** Number of hashed word buckets; small on purpose (the model file stays a few KB). */
export const HASH_BUCKETS = 256;

interface Token {
  text: string;
  lower: string;
  start: number;
  /** Whether the word holds an ASCII digit (`\d`): only then can it be a number or a year. */
  digit: boolean;
  /** Whether the word's first character is a capital (`\p{Lu}`): only then can it be an acronym or a name. */
  upper: boolean;
  /** Whether the word is a month or a weekday. */
  calendar: boolean;
  /** The lists that hold `lower`, as bits (see word-lists.ts); 0 for none. */
  lists: number;
  /** The word's hashed bucket (see `hashedBuckets`): FNV-1a of `lower`, modulo HASH_BUCKETS. */
  bucket: number;
}

export function extractFeatures(sentence: string): SentenceFeatures {
  const text = sentence.length > MAX_SCORED_LENGTH ? sentence.slice(0, MAX_SCORED_LENGTH) : sentence;
  const tokens = tokenize(text);
  // Two-word phrases ("thank you", "last year", "per cent") are matched as "a b" against the same lists.
  const count = listCounts(tokens);
  const has = (list: number) => count(list) > 0;

  // One pass over the words for everything judged word by word.
  let numberTokens = 0;
  let digits = false;
  let years = false;
  let calendar = false;
  let acronym = false;
  let title = false;
  let superlative = false;
  let pastTense = 0;
  let thirdPerson = false;
  let negation = false;
  let firstPersonPlural = 0;
  for (const t of tokens) {
    // The digit and capital flags only skip tests that could not pass: YEAR needs a digit, ACRONYM a
    // capital first. A word with a digit is a number (`/\d/`) unless it is a year.
    const isYear = t.digit && YEAR.test(t.text);
    // Years are counted as dates, not numbers: "in 2014" is a date to check, not a quantity.
    if ((t.digit && !isYear) || t.lists & NUMBER_WORD) numberTokens++;
    digits ||= t.digit;
    years ||= isYear;
    calendar ||= t.calendar;
    acronym ||= t.upper && isAcronym(t.text) && !CAPITALISED_NOT_ENTITIES.has(t.text);
    // Titles are capitalised (a test holds the word list to that), so only capitalised words are looked up.
    title ||= t.upper && TITLES.has(t.text);
    superlative ||= (t.lists & SUPERLATIVE) !== 0 || isSuperlativeEst(t.lower);
    if (t.lists & PAST_IRREGULAR_WORD || isRegularPast(t.lower)) pastTense++;
    thirdPerson ||= (t.lists & THIRD_PERSON_WORD) !== 0;
    negation ||= (t.lists & NEGATION) !== 0 || endsWith(t.lower, "n't");
    if (t.lists & FIRST_PERSON_WORD && !(t.lists & FIRST_PERSON_SINGULAR_WORD)) firstPersonPlural++;
  }
  const entities = namedEntityCount(text, tokens);
  // Every ASCII digit of the text is inside a word, so with no digit in any word the three patterns
  // that need one (PERCENT_SIGN, CURRENCY_SIGN, SHORT_DECADE) cannot match and are not run. Nor are
  // the patterns for a percent sign, an apostrophe or a question mark in a text without one.
  const values = NO_VALUES.slice();
  values[AT.number] = numberTokens > 0 ? 1 : 0;
  values[AT.numberCount] = saturate(numberTokens, 4);
  values[AT.percentage] = (digits && text.includes('%') && PERCENT_SIGN.test(text)) || has(PHRASE_LIST.percent) ? 1 : 0;
  values[AT.money] =
    (digits && CURRENCY_SIGN.test(text)) || has(PHRASE_LIST.currency) || (has(PHRASE_LIST.scale) && /[$£€¥]/.test(text))
      ? 1
      : 0;
  values[AT.year] = years || (digits && (text.includes("'") || text.includes('’')) && SHORT_DECADE.test(text)) ? 1 : 0;
  values[AT.date] = calendar || has(PHRASE_LIST.date) ? 1 : 0;
  values[AT.namedEntity] = entities > 0 ? 1 : 0;
  values[AT.namedEntityCount] = saturate(entities, 5);
  values[AT.acronym] = acronym ? 1 : 0;
  values[AT.title] = title ? 1 : 0;
  values[AT.comparative] = has(PHRASE_LIST.comparative) ? 1 : 0;
  values[AT.superlative] = superlative ? 1 : 0;
  values[AT.causalOrChangeVerb] = has(PHRASE_LIST.causalOrChange) ? 1 : 0;
  values[AT.pastTense] = saturate(pastTense, 3);
  values[AT.economicTerm] = has(PHRASE_LIST.economic) ? 1 : 0;
  values[AT.evidenceWord] = has(PHRASE_LIST.evidence) ? 1 : 0;
  values[AT.quantity] = has(PHRASE_LIST.quantity) ? 1 : 0;
  values[AT.thirdPerson] = thirdPerson ? 1 : 0;
  values[AT.negation] = negation ? 1 : 0;
  values[AT.length] = saturate(tokens.length, 40);
  // A question mark at the end, maybe before a closing quote or bracket, and spaces (trim's `\s`).
  values[AT.question] = text.includes('?') && /\?["”’)]?\s*$/.test(text) ? 1 : 0;
  values[AT.firstPersonSingular] = saturate(count(PHRASE_LIST.firstPersonSingular), 3);
  values[AT.firstPersonPlural] = saturate(firstPersonPlural, 3);
  values[AT.secondPerson] = saturate(count(PHRASE_LIST.secondPerson), 3);
  values[AT.modal] = saturate(count(PHRASE_LIST.modal), 2);
  values[AT.opinion] = saturate(count(PHRASE_LIST.opinion), 2);
  values[AT.hedge] = has(PHRASE_LIST.hedge) ? 1 : 0;
  values[AT.greeting] = has(PHRASE_LIST.greeting) ? 1 : 0;
  values[AT.veryShort] = tokens.length <= 5 ? 1 : 0;
  return { values, buckets: hashedBuckets(tokens) };
}

// Words as the regex (run with matchAll) /[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*/gu reads them:
// a run of letters, marks and digits, with single inner apostrophes, periods and hyphens (don't, U.S,
// co-op). They are scanned by the tokenizer's word scanner (text/tokens.ts) under this rule: unlike a token, a word may
// start with a mark, and a mark after a joiner keeps it. Like the `u` flag it reads a surrogate pair as
// one code point (𝐀 and 𝟙 are word characters, 😀 is not) and never takes a lone surrogate (from a cut
// at MAX_SCORED_LENGTH, say) into a word.
const CLAIM_WORDS: WordRule = { ampersand: false, afterJoiner: LETTER_OR_NUMBER | MARK, hash: true };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const scan = new WordScan();
  const end = text.length;
  let i = 0;
  while (i < end) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? ASCII_WORD_CLASSES[code] : wordClassAt(text, i, end);
    if (!(kind & (LETTER_OR_NUMBER | MARK))) {
      // Punctuation, a space, an emoji (both halves at once) or a lone surrogate.
      i += kind & PAIR ? 2 : 1;
      continue;
    }
    const start = i;
    i = scanWord(text, i, end, kind, CLAIM_WORDS, scan);
    const raw = text.slice(start, i);
    const lowered = scan.cased ? raw.toLowerCase() : raw;
    // Typographic apostrophes and the ASCII one are the same letter for word lists. A ’ in a word is
    // always a joiner (it is punctuation, not a letter), so `curly` says whether there is one.
    const lower = scan.curly ? lowered.replace(/’/g, "'") : lowered;
    const hash = scan.ascii ? scan.hash : fnv1a(lower);
    const upper = (kind & UPPER) !== 0;
    tokens.push({
      text: raw,
      lower,
      start,
      digit: scan.digit,
      upper,
      // A word never ends in a period (a joiner needs a letter after it), so "Jan." reaches here as
      // "Jan" and a month or weekday is one exact look-up; only for a capitalised word, as they all are.
      calendar: upper && CALENDAR.has(raw),
      lists: listsOf(lower, hash),
      // Kept small: a full 32-bit hash would be stored as a boxed number in every token.
      bucket: hash % HASH_BUCKETS,
    });
  }
  return tokens;
}

/** Characters after which (spaces aside) a capital starts a sentence or a quotation, not a name. */
const CLAUSE_OPENERS = new Set(Array.from('.!?:;"“‘([—–-'));
/** How far back `opensClause` looks: the punctuation and at most two spaces. */
const CLAUSE_LOOKBACK = 3;

/** Whether only clause-opening punctuation and spaces come in the few characters before `at`. */
function opensClause(text: string, at: number): boolean {
  const limit = Math.max(0, at - CLAUSE_LOOKBACK);
  let i = at - 1;
  while (i >= limit && isSpace(text.charCodeAt(i))) i--;
  return i >= limit && CLAUSE_OPENERS.has(text[i]);
}

/**
 * Capitalised words that are not where any word would be capitalised: not the first word, not after a
 * full stop, colon or opening quote, not "I", not a month or weekday. A run of them ("New York Post") is one entity.
 */
function namedEntityCount(text: string, tokens: Token[]): number {
  let entities = 0;
  let inRun = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Months and weekdays are capitalised but are dates, which have their own feature.
    const capitalised =
      t.upper &&
      !t.calendar &&
      !CAPITALISED_NOT_ENTITIES.has(t.text.includes('’') ? t.text.replace(/’/g, "'") : t.text);
    if (!capitalised) {
      inRun = false;
      continue;
    }
    const clauseStart = i === 0 || opensClause(text, t.start);
    const entity = !clauseStart || isAcronym(t.text);
    if (entity && !inRun) entities++;
    inRun = entity || inRun;
  }
  return entities;
}

/** ACRONYM, run only on a word it may match: one whose second character is no lower-case ASCII letter. */
function isAcronym(word: string): boolean {
  const second = word.charCodeAt(1);
  return !(second >= 97 && second <= 122) && ACRONYM.test(word);
}

function isSuperlativeEst(word: string): boolean {
  return word.length > 5 && endsWith(word, 'est') && !NOT_SUPERLATIVE_EST.has(word);
}

function isRegularPast(word: string): boolean {
  return word.length > 4 && endsWith(word, 'ed') && !NOT_PAST_ED.has(word);
}

/** `word.endsWith(suffix)` without the built-in's call, which shows when run on every word. */
function endsWith(word: string, suffix: string): boolean {
  const offset = word.length - suffix.length;
  if (offset < 0) return false;
  for (let i = 0; i < suffix.length; i++) if (word.charCodeAt(offset + i) !== suffix.charCodeAt(i)) return false;
  return true;
}

/** 0 for none, 1 at `full` or more, linear between: counts matter but the fifth number adds nothing. */
function saturate(n: number, full: number): number {
  return n >= full ? 1 : n / full;
}

/** The bucket of every word with a digit: they count as the word "<num>", so numbers share one. */
const NUMBER_BUCKET = fnv1a('<num>') % HASH_BUCKETS;

/**
 * Scratch for hashedBuckets: one bit per bucket, in 32-bit words, all zero between calls (it clears
 * what it set). Saves an allocation per sentence, and reading it back skips empty stretches 32 at a time.
 */
const seen = new Uint32Array(HASH_BUCKETS / 32);

/**
 * Hashed word presence: a small, general "bag of words" that lets the model learn what the hand-written
 * lists miss. FNV-1a, so buckets are the same on every machine and in every run.
 */
function hashedBuckets(tokens: Token[]): number[] {
  for (const t of tokens) {
    // Lowering neither makes nor removes an ASCII digit, so the word's digit flag holds for `lower`.
    const bucket = t.digit ? NUMBER_BUCKET : t.bucket;
    seen[bucket >>> 5] |= 1 << (bucket & 31);
  }
  // Taking each word's bits lowest first gives the buckets sorted.
  const buckets: number[] = [];
  for (let word = 0; word < seen.length; word++) {
    for (let bits = seen[word]; bits !== 0; bits &= bits - 1) buckets.push(word * 32 + 31 - Math.clz32(bits & -bits));
    seen[word] = 0;
  }
  return buckets;
}
