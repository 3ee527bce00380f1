// The structure stage's pre-scan (issue 14): Markdown of a shape remark-parse reads in quadratic time is
// read as plain text, with one `markdown-not-parsed` message, and its offsets stay exact; ordinary
// Markdown (this repository's own, the samples, the fixtures) is never refused.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { markdownParseRisk, MAX_CONTAINER_DEPTH } from '../../src/core/structure';
import { PATHOLOGICAL_SHAPES } from '../support/pathological-shapes';

const notParsed = (text: string) =>
  analyze(text, { format: 'markdown' }).messages.filter((m) => m.ruleId === 'markdown-not-parsed');

/** Every Markdown file of the repository outside node_modules and build output. */
function markdownFiles(dir = '.'): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'out', 'dist', '.git', '.vscode-test'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(path));
    else if (/\.md$/.test(entry.name)) found.push(path);
  }
  return found;
}

describe('Markdown pre-scan (markdown-not-parsed)', () => {
  it('never refuses ordinary Markdown: the README, docs, samples and fixtures', () => {
    const files = markdownFiles();
    assert.ok(files.includes('README.md') && files.some((f) => f.startsWith('docs')), files.join(', '));
    for (const file of files) assert.equal(markdownParseRisk(readFileSync(file, 'utf8')), null, file);
    // …nor all of them as one long document.
    assert.equal(markdownParseRisk(files.map((f) => readFileSync(f, 'utf8')).join('\n\n')), null);
  });

  it('lets through the occasional shape that is only slow when repeated', () => {
    const ordinary = [
      '- - nested on one line\n- item\n\n* * *\n\n- - -\n',
      'Write `<!--` to open a comment and `-->` to close it; `` ` `` is a backtick.\n',
      'An unclosed <!-- comment, a <?processing and a <!DOCTYPE in one paragraph.\n',
      `${'> '.repeat(MAX_CONTAINER_DEPTH)}as deep as allowed\n`,
      Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
      '    - indented code, not a list\n        - deeper code\n',
      // A numbered list inside a block quote, as licence texts quote theirs (prettier's notices, 350 KB).
      `${'> 1. Redistributions of source code must retain the above notice.\n'.repeat(6000)}`,
    ];
    for (const text of ordinary) assert.equal(markdownParseRisk(text), null, text);
  });

  for (const shape of PATHOLOGICAL_SHAPES.filter((s) => s.format === 'markdown' && s.slowIn === 'remark-parse')) {
    it(`reads ${shape.name} as plain text, offsets exact`, () => {
      const text = shape.make(40_000);
      const markdown = analyze(text, { format: 'markdown' });
      const messages = markdown.messages.filter((m) => m.ruleId === 'markdown-not-parsed');
      assert.equal(messages.length, 1);
      assert.deepEqual([messages[0].start, messages[0].end], [0, 1]);
      assert.match(messages[0].reason, /read as plain text, because it /);
      assert.equal(markdown.format, 'markdown');
      // The plain-text reading, block for block: the same offsets into the same text.
      const plain = analyze(text, { format: 'plaintext' });
      assert.deepEqual(
        markdown.blocks.map((b) => [b.start, b.end]),
        plain.blocks.map((b) => [b.start, b.end]),
      );
      for (const block of markdown.blocks) assert.ok(0 <= block.start && block.end <= text.length);
    });
  }

  it('says which shape it found', () => {
    assert.match(markdownParseRisk(`${'>'.repeat(500)} x\n`)!.reason, /500 deep on line 1/);
    assert.match(markdownParseRisk('- - x\n'.repeat(5000))!.reason, /lists inside list items on the same line/);
    assert.match(markdownParseRisk('> - > - x\n'.repeat(3000))!.reason, /lists inside list items on the same line/);
    assert.match(markdownParseRisk('text <? '.repeat(2000))!.reason, /unclosed inline HTML openers/);
    assert.match(markdownParseRisk('a\n\n'.repeat(20_000))!.reason, /40001 lines average under 8 characters/);
    assert.match(markdownParseRisk('*a* '.repeat(10_000))!.reason, /thousands of emphasis marks/);
    assert.equal(
      markdownParseRisk('Some *emphasised* words in a paragraph of _ordinary_ length.\n\n'.repeat(2000)),
      null,
      'in short paragraphs emphasis is linear',
    );
    assert.match(markdownParseRisk('`<!-- '.repeat(3000))!.reason, /unmatched backtick runs/);
  });

  it('keeps offsets exact after a byte-order mark and front matter, and never splits a surrogate pair', () => {
    const text = `\ufeff---\ntitle: x\n---\n${'text <!-- '.repeat(2000)}`;
    const [message] = notParsed(text);
    assert.deepEqual([message.start, message.end], [0, 1]);
    const emoji = `😀 ${'text <!-- '.repeat(2000)}`;
    assert.deepEqual(
      notParsed(emoji).map((m) => [m.start, m.end]),
      [[0, 2]],
    );
  });

  it('parses Markdown as before when nothing is found', () => {
    const text = '# Title\n\n> “We will,” said Ana Ruiz.\n\n- one\n- two\n';
    assert.deepEqual(notParsed(text), []);
    assert.equal(analyze(text, { format: 'markdown' }).blocks[0].kind, 'heading');
  });
});
