// The word lists of the check-worthiness features (lexicon/claim-words.json), as sets and as one table
// from a lower-case word to the lists that hold it. Apart from features.ts, which reads them, so that
// file is about the features themselves.
import { HashedWords } from '../text/hashed-words';
import words from '../lexicon/claim-words.json';
import titles from '../lexicon/titles.json';

const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
const NUMBER_WORDS = lower(words.numberWords);
const SCALE_WORDS = lower(words.scaleWords);
const PERCENT_WORDS = lower(words.percentWords);
const CURRENCY_WORDS = lower(words.currencyWords);
const ECONOMIC_TERMS = lower(words.economicTerms);
const MONTHS = new Set(words.months);
const WEEKDAYS = new Set(words.weekdays);
/** Months ("Jan", "March") and weekdays: capitalised, but dates rather than names. One set, looked up once per word. */
export const CALENDAR = new Set([...MONTHS, ...WEEKDAYS]);
const DATE_WORDS = lower(words.dateWords);
const COMPARATIVES = lower(words.comparatives);
const SUPERLATIVES = lower(words.superlatives);
export const NOT_SUPERLATIVE_EST = lower(words.notSuperlativeEst);
const CAUSAL_OR_CHANGE = lower(words.causalOrChangeVerbs);
const PAST_IRREGULAR = lower(words.pastIrregular);
export const NOT_PAST_ED = lower(words.notPastEd);
const FIRST_PERSON = lower(words.firstPerson);
const SECOND_PERSON = lower(words.secondPerson);
const MODALS = lower(words.modals);
const OPINION = lower(words.opinionWords);
const HEDGES = lower(words.hedges);
const GREETINGS = lower(words.greetings);
const EVIDENCE = lower(words.evidenceWords);
const QUANTITY = lower(words.quantityWords);
const NEGATIONS = lower(words.negations);
/** The titles the model was trained with, capitalised: only capitalised words are looked up in it. */
export const TITLES = new Set(titles.checkWorthinessModel.map((title) => title[0].toUpperCase() + title.slice(1)));
export const CAPITALISED_NOT_ENTITIES = new Set(words.capitalisedNotEntities);
const THIRD_PERSON = new Set(['he', 'she', 'they', 'his', 'her', 'their', 'them', 'him', 'it', 'its']);
const FIRST_PERSON_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);

/**
 * The word lists looked up per word (and per two-word phrase), merged into one table from a word to a
 * bit mask of the lists that hold it (`listsOf`), so each word of a sentence costs one look-up however
 * many lists there are. The low bits are the lists counted over words and phrases (PHRASE_LISTS, bit = index);
 * the bits above them (wordBit) are lists only ever asked about single words, which hold no spaces,
 * so a word-only entry with a space matches nothing, as it did as a Set. 15 + 7 bits: room to spare.
 */
const PHRASE_LISTS_BY_NAME = {
  percent: PERCENT_WORDS,
  currency: CURRENCY_WORDS,
  scale: SCALE_WORDS,
  date: DATE_WORDS,
  comparative: COMPARATIVES,
  causalOrChange: CAUSAL_OR_CHANGE,
  economic: ECONOMIC_TERMS,
  evidence: EVIDENCE,
  quantity: QUANTITY,
  hedge: HEDGES,
  greeting: GREETINGS,
  firstPersonSingular: FIRST_PERSON_SINGULAR,
  secondPerson: SECOND_PERSON,
  modal: MODALS,
  opinion: OPINION,
};
export const PHRASE_LISTS = Object.values(PHRASE_LISTS_BY_NAME);
/** Each list's place in PHRASE_LISTS, its bit and its count's index, by name: read without a look-up. */
export const PHRASE_LIST = Object.fromEntries(
  Object.keys(PHRASE_LISTS_BY_NAME).map((name, index) => [name, index]),
) as Record<keyof typeof PHRASE_LISTS_BY_NAME, number>;
const wordBit = (n: number): number => 1 << (PHRASE_LISTS.length + n);
/** First words of the two-word entries: only after one of them is a two-word phrase worth building. */
export const PHRASE_START = wordBit(0);
export const NUMBER_WORD = wordBit(1);
export const SUPERLATIVE = wordBit(2);
export const PAST_IRREGULAR_WORD = wordBit(3);
export const THIRD_PERSON_WORD = wordBit(4);
export const NEGATION = wordBit(5);
export const FIRST_PERSON_WORD = wordBit(6);
export const FIRST_PERSON_SINGULAR_WORD = 1 << PHRASE_LIST.firstPersonSingular;
const listsOfEntry = new Map<string, number>();
const addToLists = (entry: string, bit: number): void => {
  listsOfEntry.set(entry, (listsOfEntry.get(entry) ?? 0) | bit);
};
PHRASE_LISTS.forEach((list, index) => {
  for (const entry of list) {
    addToLists(entry, 1 << index);
    if (entry.includes(' ')) addToLists(entry.slice(0, entry.indexOf(' ')), PHRASE_START);
  }
});
const WORD_LISTS: [Set<string>, number][] = [
  [NUMBER_WORDS, NUMBER_WORD],
  [SUPERLATIVES, SUPERLATIVE],
  [PAST_IRREGULAR, PAST_IRREGULAR_WORD],
  [THIRD_PERSON, THIRD_PERSON_WORD],
  [NEGATIONS, NEGATION],
  [FIRST_PERSON, FIRST_PERSON_WORD],
];
for (const [list, bit] of WORD_LISTS) for (const entry of list) addToLists(entry, bit);
const LISTS_OF = new HashedWords(listsOfEntry);

/**
 * The lists (as bits) that hold `word`, a lower-case word or "word word" phrase whose FNV-1a hash is `hash`; 0 for
 * none.
 */
export function listsOf(word: string, hash: number): number {
  return LISTS_OF.get(word, hash);
}
