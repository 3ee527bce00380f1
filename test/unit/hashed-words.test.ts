import assert from 'node:assert/strict';
import { fnv1a, HashedWords } from '../../src/core/text/hashed-words';

describe('hashed words', () => {
  it('hashes as 32-bit FNV-1a over UTF-16 code units', () => {
    assert.equal(fnv1a(''), 0x811c9dc5);
    assert.equal(fnv1a('a'), 0xe40c292c);
    assert.equal(fnv1a('foobar'), 0xbf9cf968);
  });

  it('finds a word by its text and hash, and gives 0 for any other word', () => {
    const entries = new Map(Array.from({ length: 500 }, (_, i): [string, number] => [`word${i}`, i + 1]));
    const table = new HashedWords(entries);
    for (const [word, value] of entries) assert.equal(table.get(word, fnv1a(word)), value);
    assert.equal(table.get('word500', fnv1a('word500')), 0);
    // Same hash, other text (as two words whose hashes collide): not found.
    assert.equal(table.get('other', fnv1a('word7')), 0);
  });
});
