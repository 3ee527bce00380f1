// Removal spans for several passages at once ("remove all", a boilerplate run over several blocks): each
// passage's removal as removalSpan (edits.ts) decides it, read on the text the later removals leave.
import { applyRemovals, itemEndsIn, LINE_PREFIX, lineEndAfter, removalSpan } from './edits';
import type { Span } from '../types';

/** How many characters of text the removals may re-read to see each passage as the later ones leave it. */
const REREAD_BUDGET = 20_000_000;

/**
 * Removal spans for several passages, merged where they touch, in text order.
 *
 * The passages go last first, as if removed one after another: one that only layout parts from the
 * removals after it is read on the text those leave, since what follows it decides its removal (a list
 * item whose next content was the next passage loses its marker too). That re-reading costs a pass over
 * the text, so past a budget the rest are read on the text as it is (the same unless passages touch).
 *
 * A passage over several of `blocks` (the analysis's, in text order: a boilerplate run) goes block by
 * block, each with the markers that held only it, and so does each line of what stands between its blocks
 * (a comment, a code block): a container that holds more than the run keeps its marker.
 */
export function removalSpans(text: string, spans: readonly Span[], blocks: readonly Span[] = []): Span[] {
  const deletions = new Deletions(text);
  const parts = spans.flatMap((span) => partsOf(text, span, blocks)).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = parts.length - 1; i >= 0; i--) deletions.add(deletions.removalOf(parts[i]));
  return deletions.inOrder();
}

/**
 * What removing a passage removes one by one: the passage itself when it covers one block or none, else
 * each block it covers (cut to it) and, between them, each line's content past its container markers.
 */
function partsOf(text: string, span: Span, blocks: readonly Span[]): Span[] {
  const covered = blockParts(span, blocks);
  const parts: Span[] = [];
  covered.forEach((block, k) => {
    parts.push(block);
    const next = covered[k + 1];
    if (!next) return;
    for (let line = lineEndAfter(text, block.end); line < next.start; line = lineEndAfter(text, line)) {
      let end = line;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      if (end >= next.start) break; // the next block's own line
      const content = line + (LINE_PREFIX.exec(text.slice(line, end))?.[0].length ?? 0);
      let contentEnd = end;
      while (contentEnd > content && (text[contentEnd - 1] === ' ' || text[contentEnd - 1] === '\t')) contentEnd--;
      if (contentEnd > content) parts.push({ start: content, end: contentEnd });
      if (end >= text.length) break;
    }
  });
  return parts;
}

/** Deletions in original offsets, disjoint, added from the end of the text towards its start. */
class Deletions {
  /** The earliest last. */
  private readonly done: Span[] = [];
  private budget = REREAD_BUDGET;

  constructor(private readonly text: string) {}

  /**
   * The removal of `part`: read on the text the deletions so far leave when only layout parts it from
   * them, else on the text as it is.
   */
  removalOf(part: Span): Span {
    const { text, done } = this;
    const earliest = done[done.length - 1];
    const touching = earliest && part.end <= earliest.start && onlyLayout(text, part.end, earliest.start);
    if (!touching || this.budget < text.length) return removalSpan(text, part);
    this.budget -= text.length;
    const ascending = [...done].reverse();
    const current = applyRemovals(text, ascending);
    // A list item's next content moves up to its marker only if it was in that item: not when a block
    // at a lesser indentation, now removed, ended the item before it (an outer item may still hold it).
    const reread = removalSpan(
      current,
      part,
      (indent, next) => !itemEndsIn(text, part.end, originalOffset(next, ascending), indent),
    );
    return { start: reread.start, end: originalOffset(reread.end, ascending) };
  }

  add(span: Span): void {
    const { done } = this;
    let removal = span;
    let first = done[done.length - 1];
    if (!first || removal.start <= first.start) {
      // The usual case: it comes before the deletions so far, or touches the first ones.
      while (first && removal.end >= first.start) {
        removal = { start: removal.start, end: Math.max(removal.end, first.end) };
        done.pop();
        first = done[done.length - 1];
      }
      done.push(removal);
    } else {
      // It starts after the earliest deletion (passages on one line): merge them all anew.
      const merged = mergeSpans([...done, removal]);
      done.length = 0;
      done.push(...merged.reverse());
    }
  }

  inOrder(): Span[] {
    return [...this.done].reverse();
  }
}

/** Spans sorted and merged where they touch. */
function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The blocks a passage covers, each cut to it, or the passage itself when it covers one block or none. */
function blockParts(span: Span, blocks: readonly Span[]): Span[] {
  // The first block that ends after the passage starts (blocks are in text order).
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle].end <= span.start) low = middle + 1;
    else high = middle;
  }
  const parts: Span[] = [];
  for (let i = low; i < blocks.length && blocks[i].start < span.end; i++)
    parts.push({ start: Math.max(blocks[i].start, span.start), end: Math.min(blocks[i].end, span.end) });
  return parts.length > 1 ? parts : [{ start: span.start, end: span.end }];
}

/** Only white space and container markers (`>`, `-`, `*`, `+`, `1.`) between `start` and `end`. */
function onlyLayout(text: string, start: number, end: number): boolean {
  return /^[\s>*+\-\d.)]*$/.test(text.slice(start, end));
}

/** An offset in the text left by the deletions `ascending`, as an offset in the original text. */
function originalOffset(offset: number, ascending: readonly Span[]): number {
  let original = offset;
  for (const deletion of ascending) {
    if (deletion.start > original) break;
    original += deletion.end - deletion.start;
  }
  return original;
}
