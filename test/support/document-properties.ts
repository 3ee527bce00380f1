// The properties every document must keep, as one check each that throws an AssertionError naming what
// broke: the bounded property tests (test/unit/properties/) and the long `npm run fuzz` run the same checks.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { markCheckedEdit, removalSpans } from '../../src/core/report';
import { applyRemovals } from '../../src/core/report/edits';
import type { Analysis, Block, DocumentFormat, Span } from '../../src/core/types';
import { spansOf } from './analysis-spans';
import type { GeneratedDocument } from './document-arbitraries';

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

const analysisOf = (text: string, format: DocumentFormat): Analysis => analyze(text, { format });

/** Every reported range lies within the text, starts no later than it ends, and splits no surrogate pair. */
export function checkRanges({ text, format }: GeneratedDocument, analysis = analysisOf(text, format)): void {
  assert.deepEqual(
    analysis.messages.filter((m) => m.ruleId === 'internal-error').map((m) => m.reason),
    [],
    'no internal error',
  );
  for (const [label, span] of spansOf(analysis)) {
    assert.ok(
      Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start <= span.end,
      `${label} = [${span.start}, ${span.end}) is a range`,
    );
    assert.ok(span.end <= text.length, `${label} = [${span.start}, ${span.end}) ends within ${text.length}`);
    assert.ok(!splitsSurrogatePair(text, span.start), `${label} starts inside a surrogate pair at ${span.start}`);
    assert.ok(!splitsSurrogatePair(text, span.end), `${label} ends inside a surrogate pair at ${span.end}`);
  }
}

/** The same input gives the same analysis. */
export function checkDeterministic({ text, format }: GeneratedDocument): void {
  assert.deepEqual(analysisOf(text, format), analysisOf(text, format), 'two analyses of one text differ');
}

/**
 * The blocks as the structure around an edit is compared: kind, quoting and text (each line's quote
 * markers and indentation left out). Blocks of one kind on consecutive lines count as one: the
 * structure stage splits some paragraphs at a line, by what the line looks like (in plain text, by how
 * the lines around it look), which an edit elsewhere may change without changing those lines. A block's
 * leading ordered-list marker (`2)`, `10.`) is left out too: remark reads one that does not start at 1,
 * at the start of a block quote opened inside a paragraph's container, as text (the rule that such a
 * marker cannot interrupt a paragraph), and as a marker once the paragraph before it is removed; no
 * deletion can keep that reading. For the same reason a later line of a block that starts with such a
 * marker is left out, and blocks of one kind parted only by such a marker count as one: remark reads the
 * line as the paragraph's lazy continuation or as a list item of its own (whose content, `<!-- … -->`,
 * may be no block at all) depending on where the paragraph's first line stands, which a list item's
 * content moved up to its marker changes.
 */
function blockShapes(text: string, blocks: Block[]): string[] {
  const shapes: string[] = [];
  let last: Block | null = null;
  let start = 0;
  const flush = (): void => {
    if (!last) return;
    const words = text
      .slice(start, last.end)
      .replace(/(?:\r\n|\n|\r)[ \t>]*/g, '\n')
      .replace(/^\d{1,9}[.)][ \t]+/, '')
      .replace(/\n(?:\d{2,9}|[02-9])[.)](?:[ \t][^\n]*)?(?=\n|$)/g, '');
    shapes.push(`${last.kind}${last.inBlockquote ? ' (quoted)' : ''}: ${JSON.stringify(words)}`);
  };
  for (const block of blocks) {
    const joined =
      last !== null &&
      last.kind === block.kind &&
      block.kind !== 'heading' &&
      last.inBlockquote === block.inBlockquote &&
      /^(?:\r\n|\n|\r)[ \t>]*(?:(?:\d{2,9}|[02-9])[.)][ \t]+)?$/.test(text.slice(last.end, block.start));
    if (!joined) {
      flush();
      start = block.start;
    }
    last = block;
  }
  flush();
  return shapes;
}

/** A line whose container markers include an ordered-list marker other than `1.` / `1)`. */
const ORDERED_NOT_ONE = /^(?:[ \t>]*(?:[-*+]|1[.)])(?=[ \t]))*[ \t>]*(?:\d{2,9}|[02-9])[.)](?:[ \t]|$)/;

/** The first line from the one holding `offset` on with more than spaces and `>` (or ''). */
function contentLineFrom(text: string, offset: number): string {
  const rest = text.slice(offset).split(/\r\n|\n|\r/);
  const first = lineAt(text, offset);
  return [first, ...rest.slice(1)].find((line) => !/^[ \t>]*$/.test(line)) ?? '';
}

/** A line's indentation past its block-quote markers (one optional space after each `>` not counted). */
const indentOf = (line: string): number => (/^[ \t>]*/.exec(line)?.[0] ?? '').replace(/> ?/g, '').length;

/** The line of `text` that holds `offset` (the next one when `offset` is at a line's end). */
function lineAt(text: string, offset: number): string {
  const start =
    Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1 ||
    (text.charCodeAt(0) === 0xfeff ? 1 : 0); // the first line after a byte-order mark
  const rest = text.slice(start);
  return rest.slice(0, rest.search(/[\r\n]|$/));
}

/** Only line breaks, spaces, tabs and the container markers (`>`, `-`, `*`, `+`, `1.`, `2)`) were deleted. */
const ONLY_LAYOUT = /^[\s>*+\-\d.)]*$/u;

/**
 * Removing each duplicate and each boilerplate passage (one at a time, as the quick fix does) deletes
 * exactly its block, with the list or quote marker that held only it, and leaves the rest byte for byte:
 * every other block keeps its text, kind and quoting, and nothing is joined to the line after.
 */
export function checkRemovals({ text, format }: GeneratedDocument, analysis = analysisOf(text, format)): void {
  const passages: [string, Span][] = [
    ...analysis.duplicates.map((d, i): [string, Span] => [`duplicates[${i}]`, d]),
    ...analysis.boilerplate.map((b, i): [string, Span] => [`boilerplate[${i}]`, b]),
  ];
  const readAsPlainText = analysis.messages.some((m) => m.ruleId === 'markdown-not-parsed');
  for (const [label, passage] of passages) {
    // A passage over several blocks (a boilerplate run) is removed block by block.
    const covered = analysis.blocks.filter((b) => b.start < passage.end && b.end > passage.start);
    const parts = covered.length > 1 ? covered : [passage];
    const removals = removalSpans(text, [passage], analysis.blocks);
    let extra = '';
    for (const part of parts) {
      // An ordered marker that opens the part (`>+ 10. Story…`, read as text by remark) may stay, with the
      // list item's next content moved up behind it (see `pullUpNextContent`).
      const holding = removals.find((r) => r.end >= part.end && r.start <= part.end - 1) ?? { start: part.end, end: 0 };
      const keptMarker = /^\d{1,9}[.)][ \t]+/.exec(text.slice(part.start, holding.start))?.[0] ?? '';
      const held = part.start + keptMarker.length;
      assert.ok(
        holding.start <= held,
        `${label}: a deletion holds the block [${part.start}, ${part.end}) (deletions: ${JSON.stringify(removals)})`,
      );
    }
    // What lies between a run's blocks (a comment, a code block) is the passage's too, and goes with it.
    for (const r of removals)
      extra += text.slice(r.start, Math.min(r.end, passage.start)) + text.slice(Math.max(r.start, passage.end), r.end);
    assert.match(extra, ONLY_LAYOUT, `${label}: besides the passage only layout is deleted`);
    const after = applyRemovals(text, removals);
    /** Where an offset of the text stands after the removals. */
    const shifted = (offset: number): number =>
      offset - removals.filter((r) => r.end <= offset).reduce((sum, r) => sum + r.end - r.start, 0);
    const removal = { start: removals[0]!.start, end: removals[removals.length - 1]!.end };
    // Known limit: an ordered-list marker that does not start at 1 (`2)`, `10.`) at the start of the
    // line after the removal is read by remark as a marker or as text depending on the paragraph before
    // it (CommonMark's interrupt rule, which micromark applies also inside a newly opened container).
    // That holds for the first line with content after it too (blank lines between change nothing).
    const nextContents = removals.map((r) => contentLineFrom(after, shifted(r.start)));
    if (nextContents.some((line) => ORDERED_NOT_ONE.test(line))) continue;
    // The same limit further on: a removed list item may have parted two lists, and a later `2)` that
    // was text after a paragraph in the second (a new list cannot interrupt a paragraph) is an item once
    // the first list goes on there (micromark lets an item of an open list start on such a line).
    const removedMarker = removals.some((r) =>
      /(?:^|[\r\n])[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]/.test(text.slice(r.start, r.end)),
    );
    if (
      removedMarker &&
      after
        .slice(shifted(removal.start))
        .split(/\r\n|\n|\r/)
        .some((line) => ORDERED_NOT_ONE.test(line))
    )
      continue;
    // Known limit, Markdown's own reading: a block at its container's margin (`All rights reserved.`)
    // ends the list before it; without it, the indented lines after it (`    + more`, an indented code
    // block or a quote at `   >`) go on in that list. No deletion of the block alone can keep them out.
    const joinsList = parts.some((part) => {
      const partLine = lineAt(text, part.start);
      const atMargin = /^[ \t>]*$/.test(text.slice(text.lastIndexOf(partLine, part.start), part.start));
      const next = contentLineFrom(after, shifted(removals.find((r) => r.end >= part.end)?.start ?? part.start));
      return atMargin && indentOf(next) > indentOf(partLine);
    });
    if (joinsList) continue;
    // The other blocks, where they stand in the text after the removal, so both sides are read alike.
    const expected = blockShapes(
      after,
      analysis.blocks
        .filter((b) => !removals.some((r) => b.start < r.end && b.end > r.start))
        .map((b) => ({ ...b, start: shifted(b.start), end: shifted(b.end) })),
    );
    // A document read as plain text (a shape remark-parse is slow on) may be read as Markdown once the
    // passage that made it so is gone: the blocks after are compared under the same reading as before.
    const got = blockShapes(after, analysisOf(after, readAsPlainText ? 'plaintext' : format).blocks);
    assert.deepEqual(got, expected, `${label}: the other blocks are as before (after: ${JSON.stringify(after)})`);
  }
}

/** Claims for which "mark as checked" offered no edit (see `checkMarkChecked`), counted for `npm run fuzz`. */
export const noEditOffered = { claims: 0 };

/**
 * Whether a `<!--` that nothing closes stands before the line holding `offset`, at least one line above
 * it, with no blank line (nothing but spaces and `>`) between: the paragraph holding it goes on there.
 */
function unclosedOpenerAbove(text: string, offset: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(0, lineStart).replace(/\r\n?/g, '\n');
  for (let opener = before.indexOf('<!--'); opener >= 0; opener = before.indexOf('<!--', opener + 4)) {
    if (before.includes('-->', opener + 2)) continue;
    const between = before.slice(before.indexOf('\n', opener));
    if (between.split('\n').length - 1 >= 2 && !/\n[ \t>]*\n/.test(between)) return true;
  }
  return false;
}

/** "Mark as checked" on each unattributed claim silences that claim: re-analysed, it is no longer reported. */
export function checkMarkChecked({ text, format }: GeneratedDocument, analysis = analysisOf(text, format)): void {
  const claims = analysis.messages.filter((m) => m.ruleId === 'unattributed-claim');
  for (const claim of claims) {
    const { offset, insert } = markCheckedEdit(text, format, 'unattributed-claim', claim);
    if (insert === '') {
      // No edit is offered only where no comment can silence the claim without changing the text: its
      // line continues a paragraph in which an unclosed `<!--` stands on an earlier line (a comment after
      // it would close it; one before it would cover an earlier line).
      assert.ok(
        format === 'markdown' && unclosedOpenerAbove(text, claim.start),
        `no edit is offered for ${JSON.stringify(text.slice(claim.start, claim.end))}`,
      );
      noEditOffered.claims++;
      continue;
    }
    const after = text.slice(0, offset) + insert + text.slice(offset);
    const shift = offset <= claim.start ? insert.length : 0;
    const claimed = text.slice(claim.start, claim.end);
    const still = analysisOf(after, format).messages.filter(
      (m) =>
        m.ruleId === 'unattributed-claim' && after.slice(m.start, m.end) === claimed && m.start === claim.start + shift,
    );
    assert.equal(
      still.length,
      0,
      `the claim ${JSON.stringify(claimed)} is still reported after ${JSON.stringify(after)}`,
    );
  }
}

/** Every property for one document. */
export function checkDocument(document: GeneratedDocument): void {
  const analysis = analysisOf(document.text, document.format);
  checkRanges(document, analysis);
  checkRemovals(document, analysis);
  checkMarkChecked(document, analysis);
}
