import assert from 'node:assert/strict';
import { findQuotes } from '../../src/core/quotes/find-quotes';
import { parseStructure } from '../../src/core/structure/parse-structure';

function scan(text: string, format: 'markdown' | 'plaintext' = 'plaintext') {
  const { prose, blocks } = parseStructure(text, format);
  const result = findQuotes(prose, blocks);
  return {
    quotes: result.quotes.map((q) => ({
      text: text.slice(q.start, q.end),
      inner: text.slice(q.inner.start, q.inner.end),
      closed: q.closed,
      scare: q.scare,
      blocks: q.blocks,
    })),
    unbalanced: result.unbalanced.map((s) => s.start),
  };
}

describe('quotes', () => {
  it('pairs curly, straight, guillemet and German marks', () => {
    const text = 'He said “one thing,” then "another thing," then «a third thing» and „ein viertes Ding“ too.';
    assert.deepEqual(
      scan(text).quotes.map((q) => q.inner),
      ['one thing,', 'another thing,', 'a third thing', 'ein viertes Ding'],
    );
    assert.deepEqual(scan(text).unbalanced, []);
  });

  it('pairs UK single quotes and leaves apostrophes alone', () => {
    const text = "Jones' team said ‘we don’t know’ about the ’90s, and 'it is fine' in O’Brien’s view.";
    assert.deepEqual(
      scan(text).quotes.map((q) => q.inner),
      ['we don’t know', 'it is fine'],
    );
    assert.deepEqual(scan(text).unbalanced, []);
  });

  it('keeps a nested quote inside its parent', () => {
    const text = '“She told me ‘never again’ and left,” he said.';
    const { quotes } = scan(text);
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].inner, 'She told me ‘never again’ and left,');
  });

  it('runs a quote over paragraphs when each paragraph reopens it', () => {
    const text =
      '“The first paragraph of the quote goes on.\n“The second paragraph goes on too.\n“The last one closes,” she said.';
    const { quotes, unbalanced } = scan(text);
    assert.equal(quotes.length, 1);
    assert.deepEqual(quotes[0].blocks, [0, 1, 2]);
    assert.ok(quotes[0].closed);
    assert.deepEqual(unbalanced, []);
  });

  it('reports an unclosed quote and a stray closing mark without crashing', () => {
    const text = 'He said “this never closes.\nThen a stray mark” appears.';
    const { quotes, unbalanced } = scan(text);
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].closed, false);
    assert.deepEqual(unbalanced, [text.indexOf('“'), text.indexOf('”')]);
  });

  it('marks scare quotes and terms', () => {
    const { quotes } = scan(
      'The group declared a so-called “caliphate” and a “new era of peace and prosperity for all.”',
    );
    assert.deepEqual(
      quotes.map((q) => q.scare),
      [true, false],
    );
  });

  it('keeps a whole quoted sentence after another as speech, however capitalised, and a title in mid-sentence as a title', () => {
    const { quotes } = scan(
      '“We can win,” said Ann Lee, a strategist. “That’s Jeb Bush and Marco Rubio.” She appeared on “Meet the Press.”',
    );
    assert.deepEqual(
      quotes.map((q) => q.scare),
      [false, false, true],
    );
  });

  it('turns a Markdown block quote into one quote', () => {
    const { quotes } = scan('She wrote:\n\n> We will not stop.\n> Not now.\n\nThe end.', 'markdown');
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].inner, '> We will not stop.\n> Not now.'.slice(2));
  });
});
