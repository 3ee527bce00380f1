import assert from 'node:assert/strict';
import { tokenize } from '../../src/core/text/tokens';

/** Each token as [start, end, text, lower, word], the fields a reader checks. */
function tokensOf(text: string, start = 0, end = text.length): [number, number, string, string, boolean][] {
  return tokenize(text, start, end).map((t) => [t.start, t.end, t.text, t.lower, t.word]);
}

const textsOf = (text: string): string[] => tokenize(text, 0, text.length).map((t) => t.text);

describe('tokens', () => {
  it('keeps the period of titles and initials, and makes a sentence-final period its own token', () => {
    assert.deepEqual(textsOf('Mr. Smith met Sen. Jones in the U.S. at 9 p.m. today.'), [
      'Mr.',
      'Smith',
      'met',
      'Sen.',
      'Jones',
      'in',
      'the',
      'U.S.',
      'at',
      '9',
      'p.m.',
      'today',
      '.',
    ]);
    assert.deepEqual(tokensOf('The vote failed.'), [
      [0, 3, 'The', 'the', true],
      [4, 8, 'vote', 'vote', true],
      [9, 15, 'failed', 'failed', true],
      [15, 16, '.', '.', false],
    ]);
  });

  it('joins inner apostrophes, hyphens and ampersands, and lowers ’ to an ASCII apostrophe', () => {
    assert.deepEqual(tokensOf("Don’t call AT&T a co-op, O'Neil said."), [
      [0, 5, 'Don’t', "don't", true],
      [6, 10, 'call', 'call', true],
      [11, 15, 'AT&T', 'at&t', true],
      [16, 17, 'a', 'a', true],
      [18, 23, 'co-op', 'co-op', true],
      [23, 24, ',', ',', false],
      [25, 31, "O'Neil", "o'neil", true],
      [32, 36, 'said', 'said', true],
      [36, 37, '.', '.', false],
    ]);
    // A joiner with no letter after it is punctuation: a trailing hyphen, a closing quote.
    assert.deepEqual(textsOf('well- known ‘quote’'), ['well', '-', 'known', '‘', 'quote', '’']);
  });

  it('keeps accents and combining marks inside a word; a lone mark is punctuation', () => {
    assert.deepEqual(textsOf('Café re\u0301sume\u0301 \u0301x'), ['Café', 're\u0301sume\u0301', '\u0301', 'x']);
    assert.deepEqual(tokensOf('ÉTAT'), [[0, 4, 'ÉTAT', 'état', true]]);
  });

  it('reads a surrogate pair as one character: an astral letter joins a word, an emoji is one token', () => {
    // `word` is decided on the first code unit, so a word starting with 𝐀 (U+1D400) is word: false.
    assert.deepEqual(tokensOf('𝐀lpha 😀 ok'), [
      [0, 6, '𝐀lpha', '𝐀lpha', false],
      [7, 9, '😀', '😀', false],
      [10, 12, 'ok', 'ok', true],
    ]);
    // Half a pair (a slice cut through it) is a punctuation token of its own.
    assert.deepEqual(tokensOf('a😀', 0, 2), [
      [0, 1, 'a', 'a', true],
      [1, 2, '\ud83d', '\ud83d', false],
    ]);
  });

  it('skips Unicode spaces (NBSP, line separator, BOM) as it does ASCII ones', () => {
    assert.deepEqual(textsOf('one\u00a0two\u2028three\ufeff four\r\nfive'), ['one', 'two', 'three', 'four', 'five']);
  });

  it('reports offsets in the whole text when tokenizing a span of it', () => {
    assert.deepEqual(tokensOf('xx The vote failed. yy', 3, 19), [
      [3, 6, 'The', 'the', true],
      [7, 11, 'vote', 'vote', true],
      [12, 18, 'failed', 'failed', true],
      [18, 19, '.', '.', false],
    ]);
    // The span's end is a hard stop: "U.S" cut before its period has no period to keep.
    assert.deepEqual(textsOf('U.S.'), ['U.S.']);
    assert.deepEqual(tokensOf('in the U.S. now', 7, 10), [[7, 10, 'U.S', 'u.s', true]]);
  });
});
