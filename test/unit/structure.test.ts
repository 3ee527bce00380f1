import assert from 'node:assert/strict';
import { formatFor, parseStructure } from '../../src/core/structure/parse-structure';

const blockTexts = (text: string, format: 'markdown' | 'plaintext'): string[] =>
  parseStructure(text, format).blocks.map((b) => text.slice(b.start, b.end));

describe('structure', () => {
  it('chooses Markdown by file extension', () => {
    assert.equal(formatFor('draft.md'), 'markdown');
    assert.equal(formatFor('notes/Draft.MARKDOWN'), 'markdown');
    assert.equal(formatFor('draft.txt'), 'plaintext');
    assert.equal(formatFor(undefined), 'plaintext');
    assert.equal(formatFor('draft.txt', 'markdown'), 'markdown');
  });

  it('reads unwrapped scraped text as one paragraph per line', () => {
    const text = 'First paragraph is here and it ends.\nSecond paragraph follows it directly.\nComments';
    assert.deepEqual(blockTexts(text, 'plaintext'), [
      'First paragraph is here and it ends.',
      'Second paragraph follows it directly.',
      'Comments',
    ]);
  });

  it('keeps hard-wrapped lines of one paragraph together, split at blank lines', () => {
    const text =
      'This paragraph was wrapped by an editor at a\nfixed width so that its lines break in the\nmiddle of sentences.\n\nA second one.';
    const blocks = blockTexts(text, 'plaintext');
    assert.equal(blocks.length, 2);
    assert.ok(blocks[0].startsWith('This paragraph') && blocks[0].endsWith('sentences.'));
    assert.equal(blocks[1], 'A second one.');
  });

  it('keeps CRLF offsets exact', () => {
    const text = 'One line here.\r\nAnother line here.\r\n';
    assert.deepEqual(blockTexts(text, 'plaintext'), ['One line here.', 'Another line here.']);
  });

  it('finds Markdown paragraphs, headings, list items and block quotes, skipping code, HTML and front matter', () => {
    const text = [
      '---',
      'title: Draft',
      '---',
      '',
      '# Headline',
      '',
      'A **bold** paragraph with a [link](https://example.com).',
      '',
      '- a list item',
      '',
      '> quoted words',
      '',
      '```',
      'code "quoted" here',
      '```',
      '',
      '<div>html</div>',
    ].join('\n');
    const structure = parseStructure(text, 'markdown');
    const kinds = structure.blocks.map((b) => b.kind);
    assert.deepEqual(kinds, ['heading', 'paragraph', 'listItem', 'blockquote']);
    const paragraph = structure.blocks[1];
    // The prose view blanks markup but keeps offsets: same length, words where they were.
    assert.equal(structure.prose.length, text.length);
    assert.equal(
      structure.prose.slice(paragraph.start, paragraph.end).replace(/\s+/g, ' ').trim(),
      'A bold paragraph with a link .',
    );
    assert.ok(!structure.prose.includes('title: Draft'));
    assert.ok(!structure.prose.includes('code "quoted"'));
    assert.ok(!structure.prose.includes('https://'));
  });

  it('blanks block-quote markers on continuation lines', () => {
    const text = '> first line of the quote\n> second line of it';
    const structure = parseStructure(text, 'markdown');
    assert.equal(structure.blocks.length, 1);
    assert.ok(!structure.prose.includes('>'));
    assert.ok(structure.blocks[0].inBlockquote);
  });

  it('never throws on malformed Markdown', () => {
    for (const text of ['[unclosed](', '**bold', '> > >', '```\nno end', '<div', '|a|b|\n|-|', '\u0000\u0001', '']) {
      const structure = parseStructure(text, 'markdown');
      assert.equal(structure.prose.length, text.length);
    }
  });
});
