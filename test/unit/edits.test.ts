import assert from 'node:assert/strict';
import { applyRemovals, removalSpan } from '../../src/core/report/edits';
import { removalSpans } from '../../src/core/report/removal-spans';

const remove = (text: string, passage: string): string => {
  const start = text.lastIndexOf(passage);
  return applyRemovals(text, [removalSpan(text, { start, end: start + passage.length })]);
};

describe('edits', () => {
  it('removes a scraped line with its line break', () => {
    assert.equal(remove('One.\nTwo.\nThree.\n', 'Two.'), 'One.\nThree.\n');
  });

  it('keeps Markdown paragraphs one blank line apart', () => {
    assert.equal(remove('First para.\n\nCopy para.\n\nLast para.\n', 'Copy para.'), 'First para.\n\nLast para.\n');
  });

  it('removes a last line without leaving an empty line, and keeps CRLF intact', () => {
    assert.equal(remove('Keep this.\r\nDrop this.', 'Drop this.'), 'Keep this.');
    assert.equal(remove('A.\r\nB.\r\nC.\r\n', 'B.'), 'A.\r\nC.\r\n');
  });

  it('takes the indentation of a passage with it', () => {
    assert.equal(remove('Intro.\n   Indented copy.\nEnd.\n', 'Indented copy.'), 'Intro.\nEnd.\n');
  });

  it('merges passages that touch into one deletion', () => {
    const text = 'A.\nB.\nC.\nD.\n';
    const spans = removalSpans(text, [
      { start: text.indexOf('C.'), end: text.indexOf('C.') + 2 },
      { start: text.indexOf('B.'), end: text.indexOf('B.') + 2 },
    ]);
    assert.equal(spans.length, 1);
    assert.equal(applyRemovals(text, spans), 'A.\nD.\n');
  });

  it('removes touching passages as one after another: a list item that held only them goes whole', () => {
    const text = '- Copy one.\n\n  Copy two.\n\nNext.\n';
    const spans = ['Copy one.', 'Copy two.'].map((copy) => ({
      start: text.indexOf(copy),
      end: text.indexOf(copy) + copy.length,
    }));
    assert.equal(applyRemovals(text, removalSpans(text, spans)), 'Next.\n');
    assert.equal(applyRemovals(text, removalSpans(text, spans.slice(0, 1))), '- Copy two.\n\nNext.\n');
  });

  it('takes the list or quote marker that held only the passage, so nothing is joined to the next line', () => {
    assert.equal(remove('> - Copy.\n> > Next.\n', 'Copy.'), '> > Next.\n');
    assert.equal(remove('- Copy.\n- Other.\n', 'Copy.'), '- Other.\n');
    assert.equal(remove('1. Copy.\r\n2. Other.\r\n', 'Copy.'), '2. Other.\r\n');
    assert.equal(remove('\uFEFF> ## Copy\r\n\r\nNext.\r\n', '## Copy'), '\uFEFFNext.\r\n');
  });

  it('moves the next content of a list item that held more up to its marker', () => {
    assert.equal(remove('- Copy.\n\n  More.\n', 'Copy.'), '- More.\n');
    assert.equal(remove('> * > Copy.\n>\n>   - Item.\n', 'Copy.'), '> * - Item.\n');
  });

  it('leaves the line of a block that parted a paragraph from its continuation blank, with the quote markers that go on', () => {
    const text = '- > >  You may also like\r\n  > + Copy.\r\n  > >Next.\r\n';
    assert.equal(remove(text, 'Copy.'), '- > >  You may also like\r\n  >\r\n  > >Next.\r\n');
    assert.equal(remove('Intro.\n## Copy\nNext.\n', '## Copy'), 'Intro.\n\nNext.\n');
    // Not where the line after starts a block of its own, nor for a plain line between two others.
    assert.equal(remove('- Intro.\n- Copy.\n- Next.\n', 'Copy.'), '- Intro.\n- Next.\n');
    assert.equal(remove('One.\nTwo.\nThree.\n', 'Two.'), 'One.\nThree.\n');
  });

  it('with CRLF, a blank line after the passage stays when a paragraph comes right before it', () => {
    assert.equal(remove('Intro.\r\n## Copy\r\n\r\nNext.\r\n', '## Copy'), 'Intro.\r\n\r\nNext.\r\n');
  });
});
