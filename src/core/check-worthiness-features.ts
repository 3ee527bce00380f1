// Features of one sentence for the check-worthiness model, in the spirit of ClaimBuster (Hassan et al.):
// what makes a sentence worth checking is something checkable — numbers, dates, named things, change and
// cause — and what makes it not is talk about the speaker, the listener or the future, opinion, questions
// and small talk. Every feature is a plain function of the text and a hand-written word list
// (lexicon/claim-words.json), so a reason shown to an editor is one they can see in the sentence.
// Shared by the scorer (check-worthiness.ts) and the trainer (scripts/train-claims.ts): one definition.
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

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*/gu;
const DIGIT_NUMBER = /\d/;
const YEAR = /^(?:1[6-9]\d\d|20\d\d)s?$/;
const SHORT_DECADE = /(?:^|[\s(])['’]\d0s\b/;
const PERCENT_SIGN = /\d\s?%|%\s?\d/;
const CURRENCY_SIGN = /[$£€¥₹]\s?\d|\d\s?[$£€¥₹]/;
const ACRONYM = /^(?:\p{Lu}{2,}s?|(?:\p{Lu}\.){2,}\p{Lu}?)$/u;
const INITIAL_UPPER = /^\p{Lu}/u;

const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
const NUMBER_WORDS = lower(words.numberWords);
const SCALE_WORDS = lower(words.scaleWords);
const PERCENT_WORDS = lower(words.percentWords);
const CURRENCY_WORDS = lower(words.currencyWords);
const ECONOMIC_TERMS = lower(words.economicTerms);
const MONTHS = new Set(words.months);
const WEEKDAYS = new Set(words.weekdays);
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
 * The word lists looked up per word (and per two-word phrase), merged into one map from a word to the
 * lists that hold it, so each word of a sentence costs one look-up however many lists there are.
 */
const PHRASE_LISTS = [PERCENT_WORDS, CURRENCY_WORDS, SCALE_WORDS, DATE_WORDS, COMPARATIVES, CAUSAL_OR_CHANGE, ECONOMIC_TERMS, EVIDENCE, QUANTITY, HEDGES, GREETINGS, FIRST_PERSON_SINGULAR, SECOND_PERSON, MODALS, OPINION];
const LISTS_OF = new Map<string, number[]>();
/** First words of the two-word entries: only after one of them is a two-word phrase worth building. */
const PHRASE_STARTS = new Set<string>();
PHRASE_LISTS.forEach((list, index) => {
  for (const entry of list) {
    LISTS_OF.set(entry, [...(LISTS_OF.get(entry) ?? []), index]);
    if (entry.includes(' ')) PHRASE_STARTS.add(entry.slice(0, entry.indexOf(' ')));
  }
});

/** How many words and two-word phrases of the sentence each list holds, by list. */
function listCounts(tokens: Token[]): (list: Set<string>) => number {
  const counts = new Array<number>(PHRASE_LISTS.length).fill(0);
  const add = (gram: string): void => {
    const lists = LISTS_OF.get(gram);
    if (lists) for (const index of lists) counts[index]++;
  };
  for (const t of tokens) add(t.lower);
  for (let i = 0; i + 1 < tokens.length; i++) if (PHRASE_STARTS.has(tokens[i].lower)) add(`${tokens[i].lower} ${tokens[i + 1].lower}`);
  return (list) => counts[PHRASE_LISTS.indexOf(list)];
}

/** Number of hashed word buckets; small on purpose (the model file stays a few KB). */
export const HASH_BUCKETS = 256;

interface Token {
  text: string;
  lower: string;
  start: number;
}

export function extractFeatures(sentence: string): SentenceFeatures {
  const text = sentence.length > MAX_SCORED_LENGTH ? sentence.slice(0, MAX_SCORED_LENGTH) : sentence;
  const tokens = tokenize(text);
  // Two-word phrases ("thank you", "last year", "per cent") are matched as "a b" against the same lists.
  const count = listCounts(tokens);
  const has = (set: Set<string>) => count(set) > 0;

  // One pass over the words for everything judged word by word.
  let numberTokens = 0;
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
    const isYear = YEAR.test(t.text);
    // Years are counted as dates, not numbers: "in 2014" is a date to check, not a quantity.
    if ((DIGIT_NUMBER.test(t.text) && !isYear) || NUMBER_WORDS.has(t.lower)) numberTokens++;
    years ||= isYear;
    calendar ||= isCalendarWord(t.text);
    acronym ||= ACRONYM.test(t.text) && !CAPITALISED_NOT_ENTITIES.has(t.text);
    title ||= TITLES.has(t.text);
    superlative ||= SUPERLATIVES.has(t.lower) || isSuperlativeEst(t.lower);
    if (PAST_IRREGULAR.has(t.lower) || isRegularPast(t.lower)) pastTense++;
    thirdPerson ||= THIRD_PERSON.has(t.lower);
    negation ||= NEGATIONS.has(t.lower) || t.lower.endsWith("n't");
    if (FIRST_PERSON.has(t.lower) && !FIRST_PERSON_SINGULAR.has(t.lower)) firstPersonPlural++;
  }
  const entities = namedEntityCount(text, tokens);
  const trimmed = text.trim();
  const f: Record<string, number> = {
    number: numberTokens > 0 ? 1 : 0,
    numberCount: saturate(numberTokens, 4),
    percentage: PERCENT_SIGN.test(text) || has(PERCENT_WORDS) ? 1 : 0,
    money: CURRENCY_SIGN.test(text) || has(CURRENCY_WORDS) || (has(SCALE_WORDS) && /[$£€¥]/.test(text)) ? 1 : 0,
    year: years || SHORT_DECADE.test(text) ? 1 : 0,
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

/** A month ("Jan.", "March") or a weekday: capitalised, but a date rather than a name. */
function isCalendarWord(word: string): boolean {
  return MONTHS.has(word.endsWith('.') ? word.slice(0, -1) : word) || WEEKDAYS.has(word);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    // Typographic apostrophes and the ASCII one are the same letter for word lists.
    const raw = match[0];
    const lower = raw.toLowerCase();
    tokens.push({ text: raw, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start: match.index ?? 0 });
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
    const capitalised = INITIAL_UPPER.test(t.text) && !isCalendarWord(t.text) && !CAPITALISED_NOT_ENTITIES.has(t.text.includes('’') ? t.text.replace(/’/g, "'") : t.text);
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

/**
 * Hashed word presence: a small, general "bag of words" that lets the model learn what the hand-written
 * lists miss. FNV-1a, so buckets are the same on every machine and in every run.
 */
function hashedBuckets(tokens: Token[]): number[] {
  const seen = new Uint8Array(HASH_BUCKETS);
  for (const t of tokens) {
    const word = DIGIT_NUMBER.test(t.lower) ? '<num>' : t.lower;
    seen[fnv1a(word) % HASH_BUCKETS] = 1;
  }
  // Walking the buckets in order gives them sorted.
  const buckets: number[] = [];
  for (let bucket = 0; bucket < HASH_BUCKETS; bucket++) if (seen[bucket]) buckets.push(bucket);
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
