// Text edits the adapters apply (quick fixes, "remove all"): pure offset arithmetic, so the CLI, the
// extension and tests agree on exactly which characters a fix removes.
import type { Span } from '../types';

const isBlank = (text: string, start: number, end: number): boolean => /^[ \t]*$/.test(text.slice(start, end));
/**
 * Only the markers of Markdown containers (block quotes `>`, list items `-`, `*`, `+`, `1.`, `2)`) and
 * spaces: what stands before a block that a list item or block quote holds. Left behind, such a marker
 * would take the next line into its container (`> - ` + `next` reads `> - next`).
 */
const CONTAINER_MARKERS = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*$/;
/** Where the line holding `offset` starts; the first line after a byte-order mark, which stays. */
export function lineStart(text: string, offset: number): number {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return start === 0 && offset > 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
}

/** Length of the line break at `offset` (\r\n, \n or \r), or 0. */
export function lineBreakAt(text: string, offset: number): number {
  if (text.startsWith('\r\n', offset)) return 2;
  return text[offset] === '\n' || text[offset] === '\r' ? 1 : 0;
}

/**
 * Whether the list item whose lines go on with `indent` (its container markers, list markers as spaces)
 * still holds the line at `next`: the caller may know of lines removed between that ended it.
 */
export type ItemGoesOn = (indent: string, next: number) => boolean;
const ALWAYS: ItemGoesOn = () => true;

/**
 * The span to delete to remove a passage cleanly: its whole lines, the line break after it, and the
 * blank lines after it when a blank line already separates it from what comes before (so Markdown
 * paragraphs stay one blank line apart). At the end of the text, the line break before it goes instead.
 */
export function removalSpan(text: string, span: Span, itemGoesOn: ItemGoesOn = ALWAYS): Span {
  let start = span.start;
  const startOfLine = lineStart(text, start);
  const pulled = pullUpNextContent(text, startOfLine, span, itemGoesOn);
  if (pulled) return pulled;
  // The markers of the list item or block quote holding the passage go with it (blank text is a marker-free prefix).
  const wholeLines = CONTAINER_MARKERS.test(text.slice(startOfLine, start));
  if (wholeLines) start = startOfLine;
  let end = span.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const lineBreak = lineBreakAt(text, end);
  // A Markdown block of its own (behind container markers, or a heading, HTML, a fence) may have parted a
  // paragraph from the line after it, which without it would run on into that paragraph (a lazy
  // continuation). Its line then stays as a blank one, with the block-quote markers that held more than
  // it, so the two stay apart. (A plain line between two others goes whole: plain text has no such reading.)
  const ownBlock =
    /\S/.test(text.slice(startOfLine, span.start)) || NOT_PARAGRAPH_TEXT.test(text.slice(span.start, end));
  if (wholeLines && ownBlock && lineBreak > 0 && wouldRunOn(text, startOfLine, end + lineBreak)) {
    return { start: startOfLine + keptQuoteMarkers(text.slice(startOfLine, span.start)).length, end };
  }
  if (lineBreak === 0) {
    // Last line of the text: take the line break before it, so no empty line is left behind.
    let before = start;
    if (text[before - 1] === '\n') before--;
    if (text[before - 1] === '\r') before--;
    return { start: before, end };
  }
  end += lineBreak;
  // Lines of block-quote markers only (`    >`) right after it, then a blank line or the end: the quote
  // they kept open held nothing more. Left behind, such a line after a paragraph would read as its text.
  if (wholeLines) end = pastQuoteOnlyLines(text, startOfLine, end);
  const previousLine = lineStart(text, Math.max(0, startOfLine - lineBreakBefore(text, startOfLine)));
  const separatedBefore =
    startOfLine === 0 ||
    (startOfLine === 1 && text.charCodeAt(0) === 0xfeff) ||
    isBlank(text, previousLine, startOfLine - lineBreakBefore(text, startOfLine));
  if (separatedBefore) {
    for (;;) {
      let next = end;
      while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
      const more = lineBreakAt(text, next);
      if (more === 0) break;
      end = next + more;
    }
  }
  return { start, end };
}

/**
 * Past the lines of only `>` (and spaces) from `from`, when a blank line or the end follows them, or a
 * line that would not run on into the line before `startOfLine` without them (a heading, a deeper quote);
 * else `from`. Such lines left after a paragraph would read as its text.
 */
function pastQuoteOnlyLines(text: string, startOfLine: number, from: number): number {
  let at = from;
  for (;;) {
    let lineEnd = at;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    if (lineEnd === at || !/^[ \t]*>[ \t>]*$/.test(text.slice(at, lineEnd))) {
      if (at === from) return from;
      return isBlank(text, at, lineEnd) || !wouldRunOn(text, startOfLine, at) ? at : from;
    }
    const lineBreak = lineBreakAt(text, lineEnd);
    if (lineBreak === 0) return lineEnd; // they run to the end of the text
    at = lineEnd + lineBreak;
  }
}

/** The container markers before a block, one token each: `>` or a list marker, with the spaces after it. */
const MARKER_TOKENS = /[ \t]*(?:>|[-*+]|\d{1,9}[.)])[ \t]*/g;
/** An ordered-list marker at the start of a passage, with the spaces after it. */
const LEADING_ORDERED_MARKER = /^\d{1,9}[.)][ \t]+(?=\S)/;

/**
 * A list item that holds more than the passage (`- copy` then, indented under it, `  more`): deleting
 * the marker's line would leave `more` outside the item, so the passage goes and the item's next content
 * moves up to its marker (`- more`). Null when no list item in the passage's prefix goes on past it.
 */
function pullUpNextContent(text: string, startOfLine: number, span: Span, itemGoesOn: ItemGoesOn): Span | null {
  const prefix = text.slice(startOfLine, span.start);
  if (!CONTAINER_MARKERS.test(prefix) || isBlank(text, startOfLine, span.start)) return null;
  const next = nextContentLine(text, span.end);
  if (next < 0) return null;
  // The innermost list item that the next line continues (its indentation there) keeps its marker. An
  // ordered marker that does not start at 1 opening the passage (`>+ 10. Story…`) counts as one too:
  // remark reads it as text when a paragraph stands on the line before, although the block quote opened
  // since ends that paragraph (CommonMark reads a marker); the next content, indented under it, moves up
  // behind it, so it reads as it did (deleting it would leave `>+     Sign up…`, an indented code block).
  // A `>` with no space after it on the marker's line (`>- copy`) still takes one from the next line
  // (`>   more`): the item's indentation there starts one column later.
  const ownMarker = LEADING_ORDERED_MARKER.exec(text.slice(span.start, span.end))?.[0] ?? '';
  let width = 0;
  let indent = '';
  let kept: { start: number; end: number } | null = null;
  for (const token of [...(prefix.match(MARKER_TOKENS) ?? []), ...(ownMarker ? [ownMarker] : [])]) {
    width += token.length;
    const listMarker = !token.trim().startsWith('>');
    if (listMarker && indent.endsWith('>')) indent += ' ';
    indent += listMarker ? ' '.repeat(token.length) : token;
    if (listMarker && text.startsWith(indent, next) && itemGoesOn(indent, next))
      kept = { start: width, end: indent.length };
  }
  if (!kept) return null;
  // Up to three spaces more before the next content are its own (a paragraph may stand so, a nested list
  // item `   - more` does). Moved behind the marker they widen the item, so they go; but a nested list
  // item keeps them when every later line of the item is indented as far (the nested list's own lines
  // then keep their column), unless the marker would then be followed by five spaces or more (an
  // indented code block).
  const extra = /^ {1,3}(?=\S)/.exec(text.slice(next + kept.end))?.[0].length ?? 0;
  const markerSpaces = /[ \t]*$/.exec(text.slice(startOfLine, startOfLine + kept.start))?.[0].length ?? 0;
  const nestedItem =
    extra > 0 &&
    /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(text.slice(next + kept.end + extra, next + kept.end + extra + 11));
  const keepExtra =
    nestedItem && markerSpaces + extra <= 4 && laterLinesIndented(text, next, text.slice(next, next + kept.end), extra);
  return { start: startOfLine + kept.start, end: next + kept.end + (keepExtra ? 0 : extra) };
}

/**
 * Whether each line with content after the one at `from` that goes on in the list item (starts with its
 * continuation `prefix`) is indented by at least `extra` more spaces. Stops at the first line that does
 * not start with the prefix (the item ends there, or a lazy line follows, which no width changes).
 */
function laterLinesIndented(text: string, from: number, prefix: string, extra: number): boolean {
  for (let at = nextContentLine(text, from); at >= 0; at = nextContentLine(text, at)) {
    if (!text.startsWith(prefix, at)) return true;
    let spaces = 0;
    while (spaces < extra && text[at + prefix.length + spaces] === ' ') spaces++;
    if (spaces < extra) return false;
  }
  return true;
}

/** The start of the line after the one holding `offset` (the text's length on the last line). */
export function lineEndAfter(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end + lineBreakAt(text, end);
}

/** The start of the first line after the one holding `from` with more than spaces and `>`, or -1. */
function nextContentLine(text: string, from: number): number {
  let next = from;
  for (;;) {
    next = lineEndAfter(text, next);
    if (next >= text.length) return -1;
    let end = next;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    if (!/^[ \t>]*$/.test(text.slice(next, end))) return next;
  }
}

/** A line's container markers: block quotes `>`, list markers, the spaces around them. */
export const LINE_PREFIX = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*/;
/** Content that cannot go on a paragraph: a heading, HTML, a fence, a thematic break of `*` or `_`. */
const NOT_PARAGRAPH_TEXT = /^(?:#{1,6}(?:[ \t]|$)|<|```|~~~|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)/;
/** A line's container markers up to an ordered-list marker that does not start at 1 (`> 10. `), or no match. */
const PREFIX_BEFORE_ORDERED_NOT_ONE =
  /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*?[ \t]*(?=(?:\d{2,9}|[02-9])[.)](?:[ \t]|$))/;

/** A line's content (past its container markers) that a paragraph's next line may go on with. */
function isParagraphText(content: string): boolean {
  const trimmed = content.trimEnd();
  return trimmed !== '' && !NOT_PARAGRAPH_TEXT.test(trimmed) && !/^[-=\s]+$/.test(trimmed);
}

/** A line's content that interrupts a paragraph instead of going on with it. */
const INTERRUPTS = /^(?:[-*+]|1[.)])[ \t]+\S/;

const quoteCount = (prefix: string): number => prefix.split('>').length - 1;

/**
 * Whether deleting the lines [startOfLine, nextLine) would make the line before run on into the line
 * after: the line before is paragraph text and the line after would read as its continuation (no blank
 * line, no deeper block quote, nothing that starts a block of its own).
 */
function wouldRunOn(text: string, startOfLine: number, nextLine: number): boolean {
  const breakBefore = lineBreakBefore(text, startOfLine);
  if (breakBefore === 0 || nextLine >= text.length) return false;
  const before = text.slice(lineStart(text, startOfLine - breakBefore), startOfLine - breakBefore);
  // An ordered marker that does not start at 1 (`10. <!-- … -->`) may be a paragraph's text, as remark
  // reads it on a line that would go on with the paragraph before: the line before counts as paragraph
  // text when it reads as such either way (a blank line kept needlessly changes nothing).
  const beforePrefix = LINE_PREFIX.exec(before)?.[0] ?? '';
  const textPrefix = PREFIX_BEFORE_ORDERED_NOT_ONE.exec(before)?.[0] ?? beforePrefix;
  if (!isParagraphText(before.slice(beforePrefix.length)) && !isParagraphText(before.slice(textPrefix.length)))
    return false;
  let lineEnd = nextLine;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const after = text.slice(nextLine, lineEnd);
  const afterQuotes = /^[ \t>]*/.exec(after)?.[0] ?? '';
  const afterContent = after.slice(afterQuotes.length);
  if (afterContent.trim() === '' || quoteCount(afterQuotes) > quoteCount(beforePrefix)) return false;
  return !NOT_PARAGRAPH_TEXT.test(afterContent) && !INTERRUPTS.test(afterContent);
}

/** The block-quote markers of a removed line's prefix that stand before its first list marker, trimmed. */
function keptQuoteMarkers(prefix: string): string {
  return (/^[ \t>]*/.exec(prefix)?.[0] ?? '').trimEnd();
}

function lineBreakBefore(text: string, offset: number): number {
  if (offset >= 2 && text.slice(offset - 2, offset) === '\r\n') return 2;
  return offset >= 1 && (text[offset - 1] === '\n' || text[offset - 1] === '\r') ? 1 : 0;
}

/**
 * Whether a list item whose lines go on with `indent` ends within text[from, to) (past the line holding
 * `from`, which ends a block of the item): at a line that does not start with `indent` and is no lazy line.
 */
export function itemEndsIn(text: string, from: number, to: number, indent: string): boolean {
  const lines = text.slice(lineStart(text, Math.max(0, from - 1)), to).split(/\r\n|\n|\r/);
  const contentOf = (line: string): string => line.slice(LINE_PREFIX.exec(line)?.[0].length ?? 0);
  // A line the item does not hold may still go on with a paragraph before it (a lazy line): not after a
  // blank line, nor after a block that is no paragraph (HTML, a heading), nor when it starts a block.
  let lazyAllowed = isParagraphText(contentOf(lines[0] ?? ''));
  for (const line of lines.slice(1)) {
    if (/^[ \t>]*$/.test(line)) {
      lazyAllowed = false;
      continue;
    }
    const content = contentOf(line);
    if (!line.startsWith(indent) && (!lazyAllowed || NOT_PARAGRAPH_TEXT.test(content) || INTERRUPTS.test(content)))
      return true;
    lazyAllowed = isParagraphText(content);
  }
  return false;
}

/** Applies deletions to a text (for tests and the CLI): what an editor shows after the edit. */
export function applyRemovals(text: string, spans: Span[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start);
    at = span.end;
  }
  return out + text.slice(at);
}
