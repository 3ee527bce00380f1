// Features of one sentence for the check-worthiness model, in the spirit of ClaimBuster (Hassan et al.):
// what makes a sentence worth checking is something checkable — numbers, dates, named things, change and
// cause — and what makes it not is talk about the speaker, the listener or the future, opinion, questions
// and small talk. Every feature is a plain function of the text and a hand-written word list
// (lexicon/claim-words.json), so a reason shown to an editor is one they can see in the sentence.
// Shared by the scorer (check-worthiness.ts) and the trainer (scripts/train-claims.ts): one definition.
import { CharacterClasses, PAIR } from './character-classes';
import words from './lexicon/claim-words.json';

export interface FeatureDefinition {
  name: string;
  /** What an editor is shown when this feature pushes the score up; null for features never shown. */
  reason: string | null;
}

/** The dense features, in the order of `SentenceFeatures.values` and of the model's weights. */
export const FEATURES: readonly FeatureDefinition[] = [
  { name: 'number', reason: 'number' },
  { name: 'numberCount', reason: 'number' },
  { name: 'percentage', reason: 'percentage' },
  { name: 'money', reason: 'money' },
  { name: 'year', reason: 'date' },
  { name: 'date', reason: 'date' },
  { name: 'namedEntity', reason: 'named entity' },
  { name: 'namedEntityCount', reason: 'named entity' },
  { name: 'acronym', reason: 'named entity' },
  { name: 'title', reason: 'named entity' },
  { name: 'comparative', reason: 'comparative' },
  { name: 'superlative', reason: 'superlative' },
  { name: 'causalOrChangeVerb', reason: 'causal or change verb' },
  { name: 'pastTense', reason: 'past event' },
  { name: 'economicTerm', reason: 'economic term' },
  { name: 'evidenceWord', reason: 'statistic or record' },
  { name: 'quantity', reason: 'quantity' },
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
];

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

const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
const NUMBER_WORDS = lower(words.numberWords);
const SCALE_WORDS = lower(words.scaleWords);
const PERCENT_WORDS = lower(words.percentWords);
const CURRENCY_WORDS = lower(words.currencyWords);
const ECONOMIC_TERMS = lower(words.economicTerms);
const MONTHS = new Set(words.months);
const WEEKDAYS = new Set(words.weekdays);
/** Months ("Jan", "March") and weekdays: capitalised, but dates rather than names. One set, looked up once per word. */
const CALENDAR = new Set([...MONTHS, ...WEEKDAYS]);
const DATE_WORDS = lower(words.dateWords);
const COMPARATIVES = lower(words.comparatives);
const SUPERLATIVES = lower(words.superlatives);
const NOT_SUPERLATIVE_EST = lower(words.notSuperlativeEst);
const CAUSAL_OR_CHANGE = lower(words.causalOrChangeVerbs);
const PAST_IRREGULAR = lower(words.pastIrregular);
const NOT_PAST_ED = lower(words.notPastEd);
const FIRST_PERSON = lower(words.firstPerson);
const SECOND_PERSON = lower(words.secondPerson);
const MODALS = lower(words.modals);
const OPINION = lower(words.opinionWords);
const HEDGES = lower(words.hedges);
const GREETINGS = lower(words.greetings);
const EVIDENCE = lower(words.evidenceWords);
const QUANTITY = lower(words.quantityWords);
const NEGATIONS = lower(words.negations);
const TITLES = new Set(words.titles);
const CAPITALISED_NOT_ENTITIES = new Set(words.capitalisedNotEntities);
const THIRD_PERSON = new Set(['he', 'she', 'they', 'his', 'her', 'their', 'them', 'him', 'it', 'its']);
const FIRST_PERSON_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);

/**
 * The word lists looked up per word (and per two-word phrase), merged into one map from a word to a
 * bit mask of the lists that hold it, so each word of a sentence costs one look-up however many lists
 * there are. The low bits are the lists counted over words and phrases (PHRASE_LISTS, bit = index);
 * the bits above them (wordBit) are lists only ever asked about single words, which hold no spaces,
 * so a word-only entry with a space matches nothing, as it did as a Set. 15 + 7 bits: room to spare.
 */
const PHRASE_LISTS = [PERCENT_WORDS, CURRENCY_WORDS, SCALE_WORDS, DATE_WORDS, COMPARATIVES, CAUSAL_OR_CHANGE, ECONOMIC_TERMS, EVIDENCE, QUANTITY, HEDGES, GREETINGS, FIRST_PERSON_SINGULAR, SECOND_PERSON, MODALS, OPINION];
const wordBit = (n: number): number => 1 << (PHRASE_LISTS.length + n);
/** First words of the two-word entries: only after one of them is a two-word phrase worth building. */
const PHRASE_START = wordBit(0);
const NUMBER_WORD = wordBit(1);
const SUPERLATIVE = wordBit(2);
const PAST_IRREGULAR_WORD = wordBit(3);
const THIRD_PERSON_WORD = wordBit(4);
const NEGATION = wordBit(5);
const FIRST_PERSON_WORD = wordBit(6);
const FIRST_PERSON_SINGULAR_WORD = 1 << PHRASE_LISTS.indexOf(FIRST_PERSON_SINGULAR);
const LISTS_OF = new Map<string, number>();
const addToLists = (entry: string, bit: number): void => {
  LISTS_OF.set(entry, (LISTS_OF.get(entry) ?? 0) | bit);
};
PHRASE_LISTS.forEach((list, index) => {
  for (const entry of list) {
    addToLists(entry, 1 << index);
    if (entry.includes(' ')) addToLists(entry.slice(0, entry.indexOf(' ')), PHRASE_START);
  }
});
const WORD_LISTS: [Set<string>, number][] = [[NUMBER_WORDS, NUMBER_WORD], [SUPERLATIVES, SUPERLATIVE], [PAST_IRREGULAR, PAST_IRREGULAR_WORD], [THIRD_PERSON, THIRD_PERSON_WORD], [NEGATIONS, NEGATION], [FIRST_PERSON, FIRST_PERSON_WORD]];
for (const [list, bit] of WORD_LISTS) for (const entry of list) addToLists(entry, bit);

/** How many words and two-word phrases of the sentence each list holds, by list. */
function listCounts(tokens: Token[]): (list: Set<string>) => number {
  const counts = new Array<number>(PHRASE_LISTS.length).fill(0);
  // Only the PHRASE_LISTS bits are counted; the word-only bits of a looked-up phrase are ignored.
  const add = (lists: number): void => {
    for (let index = 0; index < PHRASE_LISTS.length; index++) if (lists & (1 << index)) counts[index]++;
  };
  for (const t of tokens) if (t.lists) add(t.lists);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].lists & PHRASE_START) add(LISTS_OF.get(`${tokens[i].lower} ${tokens[i + 1].lower}`) ?? 0);
  }
  return (list) => counts[PHRASE_LISTS.indexOf(list)];
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
  /** The lists that hold `lower`, as LISTS_OF bits; 0 for none. */
  lists: number;
}

export function extractFeatures(sentence: string): SentenceFeatures {
  const text = sentence.length > MAX_SCORED_LENGTH ? sentence.slice(0, MAX_SCORED_LENGTH) : sentence;
  const tokens = tokenize(text);
  // Two-word phrases ("thank you", "last year", "per cent") are matched as "a b" against the same lists.
  const count = listCounts(tokens);
  const has = (set: Set<string>) => count(set) > 0;

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
    acronym ||= t.upper && ACRONYM.test(t.text) && !CAPITALISED_NOT_ENTITIES.has(t.text);
    title ||= TITLES.has(t.text);
    superlative ||= (t.lists & SUPERLATIVE) !== 0 || isSuperlativeEst(t.lower);
    if (t.lists & PAST_IRREGULAR_WORD || isRegularPast(t.lower)) pastTense++;
    thirdPerson ||= (t.lists & THIRD_PERSON_WORD) !== 0;
    negation ||= (t.lists & NEGATION) !== 0 || t.lower.endsWith("n't");
    if (t.lists & FIRST_PERSON_WORD && !(t.lists & FIRST_PERSON_SINGULAR_WORD)) firstPersonPlural++;
  }
  const entities = namedEntityCount(text, tokens);
  const trimmed = text.trim();
  // Every ASCII digit of the text is inside a word, so with no digit in any word the three patterns
  // that need one (PERCENT_SIGN, CURRENCY_SIGN, SHORT_DECADE) cannot match and are not run.
  const f: Record<string, number> = {
    number: numberTokens > 0 ? 1 : 0,
    numberCount: saturate(numberTokens, 4),
    percentage: (digits && PERCENT_SIGN.test(text)) || has(PERCENT_WORDS) ? 1 : 0,
    money: (digits && CURRENCY_SIGN.test(text)) || has(CURRENCY_WORDS) || (has(SCALE_WORDS) && /[$£€¥]/.test(text)) ? 1 : 0,
    year: years || (digits && SHORT_DECADE.test(text)) ? 1 : 0,
    date: calendar || has(DATE_WORDS) ? 1 : 0,
    namedEntity: entities > 0 ? 1 : 0,
    namedEntityCount: saturate(entities, 5),
    acronym: acronym ? 1 : 0,
    title: title ? 1 : 0,
    comparative: has(COMPARATIVES) ? 1 : 0,
    superlative: superlative ? 1 : 0,
    causalOrChangeVerb: has(CAUSAL_OR_CHANGE) ? 1 : 0,
    pastTense: saturate(pastTense, 3),
    economicTerm: has(ECONOMIC_TERMS) ? 1 : 0,
    evidenceWord: has(EVIDENCE) ? 1 : 0,
    quantity: has(QUANTITY) ? 1 : 0,
    thirdPerson: thirdPerson ? 1 : 0,
    negation: negation ? 1 : 0,
    length: saturate(tokens.length, 40),
    question: trimmed.endsWith('?') || /\?["”’)]?\s*$/.test(trimmed) ? 1 : 0,
    firstPersonSingular: saturate(count(FIRST_PERSON_SINGULAR), 3),
    firstPersonPlural: saturate(firstPersonPlural, 3),
    secondPerson: saturate(count(SECOND_PERSON), 3),
    modal: saturate(count(MODALS), 2),
    opinion: saturate(count(OPINION), 2),
    hedge: has(HEDGES) ? 1 : 0,
    greeting: has(GREETINGS) ? 1 : 0,
    veryShort: tokens.length <= 5 ? 1 : 0,
  };
  return { values: FEATURES.map((d) => f[d.name] ?? 0), buckets: hashedBuckets(tokens) };
}

// The tokenizer is a hand-written equivalent of the regex (run with matchAll)
//   /[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*/gu
// — a run of letters, marks and digits, with single inner apostrophes, periods and hyphens (don't,
// U.S, co-op). It walks char codes and looks each one's class up in a table filled on first sight, so
// ASCII text never runs a regex (see tokens.ts for the same approach). Like the `u` flag it reads a
// surrogate pair as one code point (𝐀 and 𝟙 are word characters, 😀 is not) and never takes a lone
// surrogate (from a cut at MAX_SCORED_LENGTH, say) into a word.

// Character classes, as bits (see character-classes.ts).
/** `[\p{L}\p{M}\p{N}]`: part of a word. Unlike tokens.ts, a mark may start one. */
const PART = 1;
/** `\p{Lu}` (always with PART). */
const UPPER = 2;
/** Looked up, and not part of a word. */
const NOT_PART = 4;

const PART_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;
const UPPER_CHARACTER = /^\p{Lu}$/u;

function classify(character: string): number {
  if (!PART_CHARACTER.test(character)) return NOT_PART;
  return UPPER_CHARACTER.test(character) ? PART | UPPER : PART;
}

const CLASSES = new CharacterClasses(classify);
/** Classes of the ASCII characters, read directly in the loops below. */
const ASCII = CLASSES.ascii;

/** Class of the code point at `i` (with PAIR set for a surrogate pair). */
function kindAt(text: string, i: number): number {
  return CLASSES.at(text, i);
}

/** The characters that may join two runs of word characters: ' ’ . - */
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const end = text.length;
  let i = 0;
  while (i < end) {
    const first = text.charCodeAt(i);
    const kind = first < 128 ? ASCII[first] : kindAt(text, i);
    if (!(kind & PART)) {
      // Punctuation, a space, an emoji (both halves at once) or a lone surrogate.
      i += kind & PAIR ? 2 : 1;
      continue;
    }
    const start = i;
    i += kind & PAIR ? 2 : 1;
    // Whether lowering could change the word: an ASCII capital or anything non-ASCII. Most words
    // are plain lowercase ASCII, and skipping toLowerCase for them is a good part of the speed-up.
    let cased = first >= 128 || (first >= 65 && first <= 90);
    let digit = first >= 48 && first <= 57;
    let curly = false;
    while (i < end) {
      const code = text.charCodeAt(i);
      const k = code < 128 ? ASCII[code] : kindAt(text, i);
      if (k & PART) {
        if (code >= 128) cased = true;
        else if (code <= 57) digit = true; // the ASCII word characters below 'A' are the digits
        else if (code <= 90) cased = true;
        i += k & PAIR ? 2 : 1;
        continue;
      }
      // A joiner stays in the word only when a word character follows; the next turn takes that.
      if (isJoiner(code) && i + 1 < end && (kindAt(text, i + 1) & PART) !== 0) {
        if (code === 0x2019) curly = true;
        i++;
        continue;
      }
      break;
    }
    const raw = text.slice(start, i);
    const lowered = cased ? raw.toLowerCase() : raw;
    // Typographic apostrophes and the ASCII one are the same letter for word lists. A ’ in a word is
    // always a joiner (it is punctuation, not a letter), so `curly` says whether there is one.
    const lower = curly ? lowered.replace(/’/g, "'") : lowered;
    tokens.push({
      text: raw,
      lower,
      start,
      digit,
      upper: (kind & UPPER) !== 0,
      // A word never ends in a period (a joiner needs a letter after it), so "Jan." reaches here as
      // "Jan" and a month or weekday is one exact look-up.
      calendar: CALENDAR.has(raw),
      lists: LISTS_OF.get(lower) ?? 0,
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
  while (i >= limit && /\s/.test(text[i])) i--;
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
    const capitalised = t.upper && !t.calendar && !CAPITALISED_NOT_ENTITIES.has(t.text.includes('’') ? t.text.replace(/’/g, "'") : t.text);
    if (!capitalised) {
      inRun = false;
      continue;
    }
    const clauseStart = i === 0 || opensClause(text, t.start);
    const entity = !clauseStart || ACRONYM.test(t.text);
    if (entity && !inRun) entities++;
    inRun = entity || inRun;
  }
  return entities;
}

function isSuperlativeEst(word: string): boolean {
  return word.length > 5 && word.endsWith('est') && !NOT_SUPERLATIVE_EST.has(word);
}

function isRegularPast(word: string): boolean {
  return word.length > 4 && word.endsWith('ed') && !NOT_PAST_ED.has(word);
}

/** 0 for none, 1 at `full` or more, linear between: counts matter but the fifth number adds nothing. */
function saturate(n: number, full: number): number {
  return n >= full ? 1 : n / full;
}

/** Scratch for hashedBuckets, all zero between calls (it clears what it set): saves an allocation per sentence. */
const seen = new Uint8Array(HASH_BUCKETS);

/**
 * Hashed word presence: a small, general "bag of words" that lets the model learn what the hand-written
 * lists miss. FNV-1a, so buckets are the same on every machine and in every run.
 */
function hashedBuckets(tokens: Token[]): number[] {
  for (const t of tokens) {
    // Lowering neither makes nor removes an ASCII digit, so the word's digit flag holds for `lower`.
    const word = t.digit ? '<num>' : t.lower;
    seen[fnv1a(word) % HASH_BUCKETS] = 1;
  }
  // Walking the buckets in order gives them sorted.
  const buckets: number[] = [];
  for (let bucket = 0; bucket < HASH_BUCKETS; bucket++) {
    if (seen[bucket]) {
      buckets.push(bucket);
      seen[bucket] = 0;
    }
  }
  return buckets;
}

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
