// Offsets stay exact into the original text when it starts with a byte-order mark (remark drops the
// mark and counts from after it), and no walk over remark's tree recurses on the input's depth.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { applyRemovals } from '../../src/core/report/edits';
import { removalSpans } from '../../src/core/report/removal-spans';
import { MAX_CONTAINER_DEPTH } from '../../src/core/structure';
import { parseStructure } from '../../src/core/structure/parse-structure';
import type { Analysis, DocumentFormat, Span } from '../../src/core/types';
import { spansOf } from '../support/analysis-spans';
import { mulberry32 } from '../support/random';

const BOM = '\uFEFF';
const FORMATS: DocumentFormat[] = ['markdown', 'plaintext'];
const slice = (text: string, span: Span | null): string | null => (span ? text.slice(span.start, span.end) : null);

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** An offset between the two halves of a surrogate pair. */
const splitsPair = (text: string, offset: number): boolean =>
  offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));

/** Every span in range and none splitting a surrogate pair; no internal error. */
function checkSpans(text: string, analysis: Analysis, what: string): void {
  const internal = analysis.messages.filter((m) => m.ruleId === 'internal-error').map((m) => m.reason);
  assert.deepEqual(internal, [], `internal-error for ${what} ${JSON.stringify(text)}`);
  for (const [label, span] of spansOf(analysis)) {
    const where = `${label} = [${span.start}, ${span.end}) in ${what} ${JSON.stringify(text)}`;
    assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `out of range: ${where}`);
    assert.ok(!splitsPair(text, span.start) && !splitsPair(text, span.end), `splits a surrogate pair: ${where}`);
  }
}

const HEADING = '# Bridge 🌉 news';
const REPEATED = 'The council said the bridge would reopen in May after the repairs 🚧 were finished.';
const QUOTED = '“We will not raise the fares 🎉 this year,” the mayor said on Monday.';
const OTHER = 'An unrelated paragraph about the weather in the valley.';
const draft = (bom: string): string => `${bom}${HEADING}\n\n${REPEATED}\n\n${QUOTED}\n\n${OTHER}\n\n${REPEATED}\n`;

describe('offsets with a byte-order mark', function () {
  this.timeout(20_000);

  for (const format of FORMATS) {
    it(`${format}: the blocks, the duplicate, its removal and the quote's attribution are the text at their offsets`, () => {
      const text = draft(BOM);
      const analysis = analyze(text, { format });
      checkSpans(text, analysis, format);
      assert.deepEqual(
        analysis.blocks.map((b) => slice(text, b)),
        [HEADING, REPEATED, QUOTED, OTHER, REPEATED],
      );

      assert.equal(analysis.duplicates.length, 1, 'the repeated paragraph is a duplicate');
      const [duplicate] = analysis.duplicates;
      assert.equal(slice(text, duplicate), REPEATED);
      assert.equal(slice(text, duplicate.of), REPEATED);
      assert.equal(duplicate.of.start, text.indexOf(REPEATED));
      const removal = removalSpans(text, [duplicate]);
      assert.deepEqual(
        removal.map((s) => slice(text, s)),
        [`${REPEATED}\n`],
      );
      assert.equal(applyRemovals(text, removal), `${BOM}${HEADING}\n\n${REPEATED}\n\n${QUOTED}\n\n${OTHER}\n\n`);

      const mayor = analysis.attributions.find((a) => slice(text, a.sourceMention) === 'the mayor');
      assert.ok(mayor, 'the mayor’s quote is attributed');
      assert.deepEqual(
        mayor.content.map((c) => slice(text, c)),
        ['“We will not raise the fares 🎉 this year,”'],
      );
      assert.equal(slice(text, mayor.cue), 'said');
    });
  }

  it('gives the structure of the text without the mark, one code unit on', () => {
    for (const format of FORMATS) {
      const without = parseStructure(draft(''), format);
      const withMark = parseStructure(draft(BOM), format);
      assert.deepEqual(
        withMark.blocks.map((b) => [b.kind, b.start, b.end]),
        without.blocks.map((b) => [b.kind, b.start + 1, b.end + 1]),
        format,
      );
      assert.equal(withMark.prose.slice(1), without.prose, `${format} prose view`);
    }
  });

  it('Markdown links and code spans after the mark are the text at their offsets', () => {
    const text = `${BOM}Officials said [the report](https://example.org/r) showed \`42\` cases.\n`;
    const structure = parseStructure(text, 'markdown');
    assert.deepEqual(
      structure.markup.links.map((l) => slice(text, l)),
      ['[the report](https://example.org/r)'],
    );
    assert.deepEqual(
      structure.markup.codeSpans.map((s) => slice(text, s)),
      ['`42`'],
    );
  });

  it('reads front matter after the mark as front matter', () => {
    const text = `${BOM}---\ntitle: Bridge\n---\nThe council met on Monday.\n`;
    const structure = parseStructure(text, 'markdown');
    assert.deepEqual(
      structure.blocks.map((b) => slice(text, b)),
      ['The council met on Monday.'],
    );
  });

  it('300 generated small documents, with and without the mark: every span in range, no pair split', () => {
    const random = mulberry32(14);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const pieces = [
      'The minister said',
      '“we will act 🎉 now,”',
      'according to 👩‍👩‍👧 officials',
      '😀',
      'police said on Monday.',
      '"It is over," she said.',
      '[a link](https://example.org)',
      '`code 🚧`',
      '**bold** and _emphasis_',
      '\uD83D',
      'x',
    ];
    const lineStarts = ['', '', '> ', '- ', '1. ', '# ', '    ', '> > '];
    for (let i = 0; i < 300; i++) {
      const blocks: string[] = [];
      const count = 1 + Math.floor(random() * 5);
      for (let b = 0; b < count; b++) {
        const words = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(pieces)).join(' ');
        blocks.push(pick(lineStarts) + words);
      }
      // A copy of an earlier block now and then, so duplicates and their spans are exercised.
      if (random() < 0.3) blocks.push(blocks[0]);
      const body = blocks.join(random() < 0.7 ? '\n\n' : '\n');
      for (const text of [body, BOM + body]) {
        for (const format of FORMATS) checkSpans(text, analyze(text, { format }), `#${i} ${format}`);
      }
    }
  });
});

describe('deeply nested Markdown', function () {
  this.timeout(30_000);

  // The pre-scan reads anything deeper than MAX_CONTAINER_DEPTH as plain text (markdown-not-parsed), so
  // the tree walk meets at most that depth: these run it there, and check the fallback just past it.
  it(`${MAX_CONTAINER_DEPTH} nested block quotes on one line: one block quote paragraph, no internal error`, () => {
    const text = `${'>'.repeat(MAX_CONTAINER_DEPTH)} The mayor said the bridge would reopen.\n`;
    const analysis = analyze(text, { format: 'markdown' });
    checkSpans(text, analysis, 'deepest `>`');
    assert.deepEqual(
      analysis.blocks.map((b) => [b.kind, slice(text, b)]),
      [['blockquote', 'The mayor said the bridge would reopen.']],
    );
  });

  it(`${MAX_CONTAINER_DEPTH} nested list markers on one line: one list item paragraph`, () => {
    const text = `${'- '.repeat(MAX_CONTAINER_DEPTH)}The mayor said the bridge would reopen.\n`;
    const analysis = analyze(text, { format: 'markdown' });
    checkSpans(text, analysis, 'deepest `- `');
    assert.deepEqual(
      analysis.blocks.map((b) => [b.kind, slice(text, b)]),
      [['listItem', 'The mayor said the bridge would reopen.']],
    );
  });

  it('5,000 nested block quotes or 1,000 list markers: read as plain text, one message, offsets exact', () => {
    for (const prefix of ['>'.repeat(5000) + ' ', '- '.repeat(1000)]) {
      const text = `${prefix}The mayor said the bridge would reopen.\n`;
      const analysis = analyze(text, { format: 'markdown' });
      checkSpans(text, analysis, 'too deep');
      assert.deepEqual(
        analysis.messages.filter((m) => m.ruleId === 'markdown-not-parsed').map((m) => [m.start, m.end]),
        [[0, 1]],
      );
      assert.deepEqual(
        analysis.blocks.map((b) => slice(text, b)),
        [text.trim()],
      );
    }
  });

  it('a link deep in nested block quotes is still found', () => {
    const text = `${'>'.repeat(MAX_CONTAINER_DEPTH)} Officials said [the report](https://example.org/r) was wrong.\n`;
    const structure = parseStructure(text, 'markdown');
    assert.deepEqual(
      structure.markup.links.map((l) => [l.target, slice(text, l)]),
      [['https://example.org/r', '[the report](https://example.org/r)']],
    );
  });
});
