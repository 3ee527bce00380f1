// The Markdown parse memo (structure/markdown-reparse.ts): after an edit remark re-reads only a window
// of top-level blocks, and the tree is the whole parse's, offset for offset, whatever the edit does to
// the blocks around it (opens a fence, joins a list, makes a heading).
import assert from 'node:assert/strict';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Parent } from 'unist';
import { parseWithMemo, type MarkdownParseMemo } from '../../src/core/structure/markdown-reparse';
import { parseStructure } from '../../src/core/structure';
import { mulberry32 } from '../support/random';

const parser = unified().use(remarkParse);
const parseWhole = (text: string): Node => parser.parse(text);

/** Every node as type, offsets and what links and code carry, in document order: what the stages read. */
export function outline(tree: Node): string[] {
  const lines: string[] = [];
  const visit = (node: Node, depth: number): void => {
    const { url, identifier, value } = node as Node & { url?: string; identifier?: string; value?: string };
    const at = `${node.position?.start.offset}-${node.position?.end.offset}`;
    lines.push(`${'.'.repeat(depth)}${node.type} ${at} ${url ?? ''} ${identifier ?? ''} ${value ?? ''}`);
    for (const child of (node as Parent).children ?? []) visit(child, depth + 1);
  };
  visit(tree, 0);
  return lines;
}

/** Blocks that interact across lines: lists that absorb what is indented after them, fences, HTML, setext. */
const BLOCKS = [
  'A paragraph of prose, “quoted,” said Ana Ruiz.',
  'A paragraph\nwrapped over two lines.',
  '# A heading',
  'Setext heading\n===',
  '- one\n- two\n\n  still two',
  '1. first\n2. second',
  '> quoted\nlazy line',
  '> > nested\n> back',
  '```\ncode\n```',
  '~~~js\nlet a = 1;\n~~~',
  '    indented code',
  '<div>\nhtml\n</div>',
  '<!-- comment\n\nstill comment -->',
  '***',
  'A [link](https://example.org) and `code` and <https://example.com>.',
  '- a\n  - nested\n    > in a quote',
];

/** Edits that change block structure, not only words. */
export const PIECES = [
  'x',
  '\n',
  '\n\n',
  '```',
  '~~~',
  '- ',
  '1. ',
  '> ',
  '    ',
  '<!--',
  '-->',
  '===',
  '---',
  '# ',
  '*',
  '`',
  '<div>',
  ' ',
];

export function document(random: () => number, blocks: number): string {
  return Array.from({ length: blocks }, () => BLOCKS[Math.floor(random() * BLOCKS.length)]).join(
    random() < 0.8 ? '\n\n' : '\n',
  );
}

export function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  if (random() < 0.6) return text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 12));
}

describe('Markdown parse memo', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`seed ${seed}: after each of 300 random edits, the tree equals a whole parse, offset for offset`, () => {
      const random = mulberry32(seed);
      const memo: MarkdownParseMemo = {};
      let text = document(random, 30);
      let wholes = 0;
      const counted = (window: string): Node => {
        if (window.length === text.length) wholes++;
        return parseWhole(window);
      };
      for (let step = 0; step < 300; step++) {
        assert.deepEqual(outline(parseWithMemo(text, counted, memo)), outline(parseWhole(text)), `step ${step}`);
        text = edit(text, random);
        if (text.length > 4000) text = document(random, 30);
      }
      // Most edits are local: the property is mostly about the window, not the whole parse it falls back to.
      assert.ok(wholes < 150, `${wholes} of 300 parses read the whole text`);
    }).timeout(30_000);
  }

  // Edits the random runs found where a parse from a block's own line read it otherwise than the whole
  // parse: micromark reads an empty list item (`-`) as text after an open paragraph line, and after an
  // indented code block even past a blank line.
  const FOUND: [string, string, string][] = [
    [
      'after a paragraph line, with no blank line between',
      '===`\n<-=  ><xx`iv> < s>a-\nc~* ~~~cs *===````1-\n * > -    -\n\n-`d`----<d>i~ \n===>--```-`\n x-->n```1\n\n> \n.~1  -->---  --- x*t<!--\n=->  l`x',
      '===`\n<-=  ><xx`iv> < s>a-\nc~* ~~~cs *===````1-\n * > -    -\n\n-`d`---    -<d>i~ \n===>--```-`\n x-->n```1\n\n> \n.~1  -->---  --- x*t<!--\n=->  l`x',
    ],
    [
      'after an indented code block and a blank line',
      '1. x\n> >\n\n= \n\n\n~~e1~~~. \n   \n\n     - --*\n\n-\n ~ hea di#  \n\n=rd  x  i \n>  \n-ex\n\n-w1. \n',
      '1. x\n> >\n\n= \n\n\n~~e1~~~. \n   \n\n     - --*\n\n-\n ~ hea di#  \n\n=rd*  x  i \n>  \n-ex\n\n-w1. \n',
    ],
  ];
  for (const [where, before, after] of FOUND)
    it(`reads an empty list item as the whole parse does: ${where}`, () => {
      const memo: MarkdownParseMemo = {};
      parseWithMemo(before, parseWhole, memo);
      assert.deepEqual(outline(parseWithMemo(after, parseWhole, memo)), outline(parseWhole(after)));
    });

  it('re-reads a small window for a one-character edit, and the structure is the same as without the memo', () => {
    const paragraphs = Array.from(
      { length: 200 },
      (_, i) => `Paragraph ${i}, in which Ana Ruiz said the bridge will open.`,
    );
    const memo: MarkdownParseMemo = {};
    let read = 0;
    const counted = (text: string): Node => {
      read += text.length;
      return parseWhole(text);
    };
    parseWithMemo(paragraphs.join('\n\n'), counted, memo);
    read = 0;
    paragraphs[100] += ' x';
    const text = paragraphs.join('\n\n');
    parseWithMemo(text, counted, memo);
    assert.ok(read > 0 && read < 400, `${read} characters re-read of ${text.length}`);
    const structureMemo: MarkdownParseMemo = {};
    parseStructure(paragraphs.join('\n\n').replace(' x', ''), 'markdown', structureMemo);
    assert.deepEqual(parseStructure(text, 'markdown', structureMemo), parseStructure(text, 'markdown'));
  });

  it('parses the whole text again when an edit opens a fence over the blocks after it', () => {
    const before = 'One.\n\nTwo.\n\nThree.\n\nFour.';
    const memo: MarkdownParseMemo = {};
    parseWithMemo(before, parseWhole, memo);
    const after = before.replace('Two.', '```\nTwo.');
    const tree = parseWithMemo(after, parseWhole, memo) as Parent;
    assert.deepEqual(outline(tree), outline(parseWhole(after)));
    assert.deepEqual(
      tree.children.map((node) => node.type),
      ['paragraph', 'code'],
    );
  });

  it('parses the whole text when it defines a link anywhere: a definition applies to the whole document', () => {
    const memo: MarkdownParseMemo = {};
    const reads: number[] = [];
    const counted = (text: string): Node => {
      reads.push(text.length);
      return parseWhole(text);
    };
    const text = `See [the report].\n\n${'Words. '.repeat(50)}\n\n[the report]: https://example.org`;
    parseWithMemo(text, counted, memo);
    const edited = text.replace('Words.', 'Word.');
    assert.deepEqual(outline(parseWithMemo(edited, counted, memo)), outline(parseWhole(edited)));
    assert.deepEqual(reads, [text.length, edited.length]);
  });
});
