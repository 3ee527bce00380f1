// Stage 1, Markdown only: after an edit, remark-parse re-reads only the top-level blocks the edit can
// have changed, not the whole document (issue 15: remark alone was two thirds of a Markdown edit).
//
// Why a window of top-level blocks is enough. CommonMark decides each line's blocks from the blocks left
// open by the lines before it and from the line itself, never from later lines. A top-level block that
// starts on an unchanged line after unchanged text, a blank line and a paragraph or heading therefore
// starts afresh in the new text as in the old, with nothing open before it: parsing from its
// line gives what the whole parse gives from there (see `startsAfresh` for why both matter). So the
// window starts one top-level block before the first one the edit touches, and it ends with the first
// top-level block wholly after the edit. That last block is checked: when the window reads it as the
// same one block as before, it started afresh, and every block after it is the old one moved by the
// edit's length. Otherwise (an edit that opens a code fence or an HTML block, a list that now takes in
// the next paragraph) the whole text is parsed again.
//
// Two things are not local. Link reference definitions (`[label]: url`) apply to the whole document, so
// a text that has `]:` anywhere, before or after the edit, is parsed whole. And only offsets are moved:
// the line and column of a re-read or moved node are not kept right, and no stage reads them.
import type { Node, Parent, Point } from 'unist';
import { textChange, type TextChange } from '../text/text-change';
import { mayDefineLinks } from './markup-links';
import { walkTree } from './tree-walk';

/** The last parse of one document, kept by its analysis cache: the text remark read and its tree. */
export interface MarkdownParseMemo {
  last?: { source: string; tree: Parent; local: boolean };
}

type Parse = (source: string) => Node;

/** remark's tree of `source`, re-reading only the changed top-level blocks of the memo's last parse. */
export function parseWithMemo(source: string, parse: Parse, memo: MarkdownParseMemo | undefined): Node {
  const last = memo?.last;
  let tree: Node | null = null;
  let local: boolean;
  if (last?.local) {
    const change = textChange(last.source, source);
    // The last text had no `]:`, so one in this text has a character in the change (searching the whole
    // text for two characters took 1.4 ms per MB, a quarter of a one-character edit's re-parse).
    const changed = source.slice(Math.max(0, change.prefix - 1), change.length - change.suffix + 1);
    local = !mayDefineLinks(changed);
    if (local) tree = reparse(last.source, last.tree, source, change, parse);
  } else local = !mayDefineLinks(source);
  tree ??= parse(source);
  if (memo) memo.last = { source, tree: tree as Parent, local };
  return tree;
}

/** Top-level blocks that leave nothing open after a blank line (see `startsAfresh`). */
const CLOSED_BY_BLANK_LINE: ReadonlySet<string> = new Set(['paragraph', 'heading', 'thematicBreak']);

const startOf = (node: Node): number => node.position?.start.offset ?? -1;
const endOf = (node: Node): number => node.position?.end.offset ?? -1;
const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;

/**
 * Whether top-level block `i` starts afresh: a parse from its line reads what the whole parse reads. It
 * must follow a blank line, after a paragraph, a heading or a thematic break. Measured on micromark: a
 * block right after a paragraph line is read as interrupting it, and one after an indented code block
 * too, even past a blank line (blank lines belong to the code until a line that is not indented); there
 * an empty list item cannot start (`-` is read as text), which a parse from the block's own line would
 * not know. Lists, block quotes, HTML and code are left out whole: each can keep something open past a
 * blank line (a list item goes on after one, an HTML comment runs across them).
 */
function startsAfresh(text: string, blocks: readonly Node[], i: number): boolean {
  if (i === 0) return true;
  if (!CLOSED_BY_BLANK_LINE.has(blocks[i - 1].type)) return false;
  const at = lineStart(text, startOf(blocks[i]));
  if (at === 0) return true;
  for (let k = lineStart(text, at - 1); k < at - 1; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** The new tree from the old one and a window of re-read blocks, or null when the window cannot say. */
function reparse(oldSource: string, oldTree: Parent, source: string, change: TextChange, parse: Parse): Node | null {
  if (change.delta === 0 && change.prefix === source.length) return oldTree;
  const blocks = oldTree.children;
  if (blocks.some((block) => startOf(block) < 0 || endOf(block) < 0)) return null;
  // The edit: old [from, oldTo) became new [from, oldTo + delta).
  const { prefix: from, suffix, delta } = change;
  const oldTo = oldSource.length - suffix;

  // First: one block before the first block the edit touches (a block ending on the line before it can
  // become a setext heading or take the edited line in), from its line's start, after a blank line.
  let touched = blocks.findIndex((block) => endOf(block) >= from - 1);
  if (touched < 0) touched = blocks.length;
  let first = touched - 1;
  while (first > 0 && !startsAfresh(oldSource, blocks, first)) first--;
  const windowStart = first <= 0 ? 0 : lineStart(oldSource, startOf(blocks[first]));
  if (first > 0 && endOf(blocks[first - 1]) > windowStart) return null;
  // Last: the first block whose line starts after the edit, so its line is unchanged text; the window
  // runs to the line of the next block that follows a blank line.
  let last = blocks.findIndex((block, i) => i > first && lineStart(oldSource, startOf(block)) > oldTo);
  while (last >= 0 && last + 1 < blocks.length && !startsAfresh(oldSource, blocks, last + 1)) last++;
  const windowEnd =
    last < 0
      ? source.length
      : last + 1 < blocks.length
        ? lineStart(oldSource, startOf(blocks[last + 1])) + delta
        : source.length;
  const read = (parse(source.slice(windowStart, windowEnd)) as Parent).children;
  moveOffsets(read, windowStart);
  if (last >= 0) {
    const checked = blocks[last];
    const at = read.findIndex((block) => startOf(block) >= startOf(checked) + delta);
    if (
      at < 0 ||
      at !== read.length - 1 ||
      read[at].type !== checked.type ||
      startOf(read[at]) !== startOf(checked) + delta ||
      endOf(read[at]) !== endOf(checked) + delta
    )
      return null;
  }
  const after = last < 0 ? [] : blocks.slice(last + 1);
  moveOffsets(after, delta);
  const children = [...blocks.slice(0, Math.max(first, 0)), ...read, ...after];
  const position = oldTree.position && { ...oldTree.position, end: { ...oldTree.position.end, offset: source.length } };
  return { ...oldTree, children, position } as Parent;
}

/**
 * Moves the offsets of `nodes` and everything under them `shift` code units on (lines and columns stay).
 * In place: mdast-util-from-markdown gives every node points of its own (its `point()` copies each), so
 * no point is moved twice, and copying them all took 2.5 ms of a one-character edit in 1 MB.
 */
function moveOffsets(nodes: Node[], shift: number): void {
  if (shift === 0) return;
  const move = (point: Point): void => {
    if (point.offset !== undefined) point.offset += shift;
  };
  for (const root of nodes)
    walkTree(root, undefined, (node) => {
      if (node.position) {
        move(node.position.start);
        move(node.position.end);
      }
      return undefined;
    });
}
