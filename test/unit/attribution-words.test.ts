import assert from 'node:assert/strict';
import words from '../../src/core/lexicon/attribution-words.json';
import { notAVerb } from '../../src/core/lexicon/attribution-words';

describe('attribution words (lexicon/attribution-words.json)', () => {
  it('lists single lower-case words, each once, so a token’s lower-cased word can be looked up', () => {
    for (const [group, lists] of Object.entries(words)) {
      if (typeof lists === 'string') continue;
      for (const [name, list] of Object.entries(lists)) {
        if (typeof list === 'string') continue;
        assert.equal(new Set(list).size, list.length, `${group}.${name} has a word twice`);
        for (const word of list) assert.match(word, /^[a-z'’]+$/, `${group}.${name}: ${word}`);
      }
    }
  });

  it('reads an adverb in -ly as no verb, besides the listed words', () => {
    assert.deepEqual(['could', 'the', 'quickly', 'élly', 'said', 'ly', 'fly2'].map(notAVerb), [
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
