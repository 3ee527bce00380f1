import assert from 'node:assert/strict';
import { splitSentences } from '../../src/core/sentences/split-sentences';
import { parseStructure } from '../../src/core/structure/parse-structure';

function sentencesOf(text: string): string[] {
  const { prose, blocks } = parseStructure(text, 'plaintext');
  return splitSentences(prose, blocks).map((s) => text.slice(s.start, s.end));
}

describe('sentences', () => {
  it('splits at sentence ends', () => {
    assert.deepEqual(sentencesOf('The vote failed. Officials were stunned! Was it fair? Nobody knows.'), [
      'The vote failed.',
      'Officials were stunned!',
      'Was it fair?',
      'Nobody knows.',
    ]);
  });

  it('does not split after titles, initials or abbreviations inside a sentence', () => {
    assert.deepEqual(
      sentencesOf('Mr. Smith met Sen. Dianne Feinstein (D-Calif.) at 9 p.m. on Jan. 20 in Washington.'),
      ['Mr. Smith met Sen. Dianne Feinstein (D-Calif.) at 9 p.m. on Jan. 20 in Washington.'],
    );
    assert.deepEqual(sentencesOf('John F. Kennedy won. The U.S. Army agreed.'), [
      'John F. Kennedy won.',
      'The U.S. Army agreed.',
    ]);
    assert.deepEqual(sentencesOf('It ranked No. 1 last year.'), ['It ranked No. 1 last year.']);
  });

  it('splits after an abbreviation that ends a sentence', () => {
    assert.deepEqual(sentencesOf('The talks were held in the U.S. Officials said little.'), [
      'The talks were held in the U.S.',
      'Officials said little.',
    ]);
    assert.deepEqual(sentencesOf('The company is Acme Inc. The deal closed.'), [
      'The company is Acme Inc.',
      'The deal closed.',
    ]);
  });

  it('keeps a quoted sentence whole with its attribution', () => {
    assert.deepEqual(sentencesOf('“We came. We won,” she said. Then she left.'), [
      '“We came. We won,” she said.',
      'Then she left.',
    ]);
  });

  it('takes closing quotes and brackets with the sentence they end', () => {
    assert.deepEqual(sentencesOf('He said “no.” The vote failed (narrowly.) Fine.'), [
      'He said “no.”',
      'The vote failed (narrowly.)',
      'Fine.',
    ]);
  });

  it('keeps a speaker clause after a quote that ends in ? or ! with the quote', () => {
    assert.deepEqual(sentencesOf('“Have we started?” Sanders replied. “Yes.”'), [
      '“Have we started?” Sanders replied.',
      '“Yes.”',
    ]);
  });

  it('never lets a sentence cross a paragraph', () => {
    assert.deepEqual(sentencesOf('No end here\n\nNext paragraph starts'), ['No end here', 'Next paragraph starts']);
  });

  it('survives an unclosed quote by splitting normally', () => {
    assert.deepEqual(sentencesOf('“It opens. It never closes. Really.'), ['“It opens.', 'It never closes.', 'Really.']);
  });
});
