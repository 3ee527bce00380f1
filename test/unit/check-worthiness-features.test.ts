import assert from 'node:assert/strict';
import { extractFeatures, FEATURES, fnv1a, HASH_BUCKETS } from '../../src/core/claims/features';
import words from '../../src/core/lexicon/claim-words.json';
import titles from '../../src/core/lexicon/titles.json';

// The word scanner behind extractFeatures is a hand-written stand-in for the regex
// /[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*/gu; these pin down the corners where the two could part.

function value(sentence: string, name: string): number {
  const index = FEATURES.findIndex((d) => d.name === name);
  assert.ok(index >= 0, name);
  return extractFeatures(sentence).values[index];
}

/** How many words the sentence was split into (the `length` feature is words / 40 below 40). */
const wordCount = (sentence: string): number => Math.round(value(sentence, 'length') * 40);

describe('check-worthiness features', () => {
  it('reads a typographic apostrophe as an ASCII one, in word lists and word buckets', () => {
    assert.deepEqual(extractFeatures('Don’t go'), extractFeatures("Don't go"));
    assert.deepEqual(extractFeatures('I’m here'), extractFeatures("I'm here"));
    assert.equal(value('Don’t go', 'negation'), 1);
    assert.equal(value('I’m here', 'firstPersonSingular'), 1 / 3);
  });

  it('joins words only across one apostrophe, period or hyphen with a letter or digit after it', () => {
    assert.equal(wordCount('U.S.-led talks'), 3);
    assert.equal(wordCount("co-op's rock’n’roll"), 2);
    assert.equal(wordCount('well- known'), 2);
    assert.equal(wordCount('a..b a--b a.-b'), 6);
    assert.equal(wordCount("'tis ’twas"), 2);
  });

  it('keeps combining marks in a word, and lets one start a word', () => {
    assert.equal(wordCount('e\u0301te\u0301 x'), 2);
    assert.equal(wordCount('\u0301abc x'), 2);
  });

  it('reads a surrogate pair as one character: astral capitals and digits are word characters, emoji are not', () => {
    assert.deepEqual(
      extractFeatures('They met 𝐀𝐁𝐂 officials on Tuesday.').values,
      extractFeatures('They met ABC officials on Tuesday.').values,
    );
    assert.equal(value('They met 𝐀𝐁𝐂 officials.', 'acronym'), 1);
    assert.equal(wordCount('a😀b'), 2);
    // 𝟙 is a digit (\p{N}) but not an ASCII one: a word, not a number.
    assert.equal(wordCount('𝟙𝟘 cases'), 2);
    assert.equal(value('𝟙𝟘 cases', 'number'), 0);
  });

  it('drops half a surrogate pair left by the length cut', () => {
    const words = 'x'.repeat(3999);
    assert.deepEqual(extractFeatures(`${words}𝐀b`), extractFeatures(words));
    assert.deepEqual(extractFeatures(`${words}😀 We`), extractFeatures(words));
  });

  it('finds numbers, years, percentages and money only where there are ASCII digits or the words for them', () => {
    assert.equal(value('Covid-19 cases', 'number'), 1);
    assert.equal(value('It happened in 2014.', 'number'), 0);
    assert.equal(value('It happened in 2014.', 'year'), 1);
    assert.equal(value('The ’90s were good.', 'year'), 1);
    assert.equal(value('Sales fell 5 % in 2014.', 'percentage'), 1);
    assert.equal(value('Sales fell % in the year.', 'percentage'), 0);
    assert.equal(value('It cost $5.', 'money'), 1);
    assert.equal(value('It cost $ or two.', 'money'), 0);
  });

  it('reads a capitalised month or weekday as a date, not a name, with or without a period', () => {
    for (const sentence of [
      'They met on Jan. 5 at noon.',
      'They met in March at noon.',
      'They met on Tuesday at noon.',
    ]) {
      assert.equal(value(sentence, 'date'), 1, sentence);
      assert.equal(value(sentence, 'namedEntity'), 0, sentence);
    }
    assert.equal(value('they met Éric Zola', 'namedEntityCount'), 1 / 5);
    assert.equal(value('The ÉTAT said', 'acronym'), 1);
  });

  it('has only capitalised months and weekdays, as only capitalised words are looked up in them', () => {
    for (const entry of [...words.months, ...words.weekdays]) assert.match(entry, /^\p{Lu}/u, entry);
  });

  it("reads capitalised titles, from the model's subset of the one list of titles", () => {
    const all = new Set([
      ...titles.abbreviated,
      ...titles.abbreviatedBesideNames,
      ...titles.rareAbbreviated,
      ...titles.spelledOut,
    ]);
    for (const title of titles.checkWorthinessModel) assert.ok(all.has(title), title);
    assert.equal(value('We met Sen Warren', 'title'), 1);
    assert.equal(value('We met sen warren', 'title'), 0);
    // Titles the model was not trained with are not read, until it is retrained.
    assert.equal(value('We met Sir Elton', 'title'), 0);
  });

  it('buckets a word by the FNV-1a hash of its lower-case form, hashed while reading ASCII or after for the rest', () => {
    const bucketsOf = (lowerWords: string[]) =>
      [...new Set(lowerWords.map((w) => fnv1a(w) % HASH_BUCKETS))].sort((a, b) => a - b);
    assert.deepEqual(extractFeatures('HeLLo World, co-op U.S.').buckets, bucketsOf(['hello', 'world', 'co-op', 'u.s']));
    assert.deepEqual(extractFeatures('Ünïcode Don’t ÉTAT 𝐀b').buckets, bucketsOf(['ünïcode', "don't", 'état', '𝐀b']));
    assert.deepEqual(extractFeatures('In 2014 and 42').buckets, bucketsOf(['in', '<num>', 'and']));
  });

  it('gives the same features when called again (no state carried between sentences)', () => {
    const first = extractFeatures('Unemployment in the region fell to 4.2 percent last year.');
    extractFeatures('Thank you all for coming tonight.');
    assert.deepEqual(extractFeatures('Unemployment in the region fell to 4.2 percent last year.'), first);
  });
});
