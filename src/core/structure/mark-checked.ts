// "Mark as checked": the edit that writes a `disable-next-line` control comment for one finding, placed
// where it silences that finding and leaves the document rendering as before.
import {
  MARKDOWN_PREFIX,
  normalizeMarker,
  scanMarkdown,
  type ControlCommentOptions,
  type LineState,
} from './control-comments';
import { hasContent, isIndentCode, isSpaceCode, linePrefix, Lines } from './markdown-lines';
import { Builder } from './suppression-regions';
import type { DocumentFormat, RuleId, Span } from '../types';

/** A line as the plain-text reading sees it: no code, no comment. */
const NOT_IN_COMMENT = { code: false, commentAt: -1, commentLine: -1, textOpenerAt: -1, endsParagraph: false };

/** The Markdown scan is run only to see its lines: it collects no directive. */
const NO_RULES = new Map<string, number>();

export interface InsertEdit {
  offset: number;
  insert: string;
}

/**
 * The edit that silences one finding: a `disable-next-line` directive for `ruleId` just before the line
 * where `span` starts, keeping that line's indentation and the line ending used there.
 *
 * Plain text: `<indent><marker> disable-next-line RULE<eol>` inserted at the start of the line.
 *
 * Markdown: what keeps the document rendering as before decides the place.
 * - The line before is prose (a paragraph, list-item or block-quote line): the line is a continuation,
 *   and a comment line between the two would end the paragraph (an HTML comment block may interrupt a
 *   paragraph), so the directive is appended to the end of the line before instead, as an inline comment
 *   ` <!-- source-lens-disable-next-line RULE -->` (before trailing spaces or a backslash, so a hard line
 *   break survives). The next line is still the finding's line.
 * - Otherwise (first line, after a blank line, heading, fence, comment or rule): a comment line of its
 *   own, prefixed with the line's indentation and block-quote markers (`> `), so it stays inside the same
 *   block quote; before a list item it takes the item's indentation (a comment before a later item of a
 *   list ends that list and starts another, which renders the same and keeps ordered numbers).
 * - The line starts inside a comment begun on an earlier line: before that comment (a directive inside
 *   it would close it early); the lines between hold only the comment, so the next line is still this one.
 *
 * A rule not among `options.rules` (one a control comment cannot silence) gives an empty insert. Never throws.
 */
export function disableNextLineEdit(
  text: string,
  format: DocumentFormat,
  ruleId: RuleId,
  span: Span,
  options: ControlCommentOptions,
): InsertEdit {
  try {
    return checkedEdit(
      text,
      format,
      options.rules.includes(ruleId) ? ruleId : null,
      span,
      normalizeMarker(options.marker),
    );
  } catch {
    return { offset: 0, insert: '' };
  }
}

function checkedEdit(
  text: string,
  format: DocumentFormat,
  ruleId: RuleId | null,
  span: Span,
  marker: string,
): InsertEdit {
  const length = text.length;
  const raw = Number(span?.start);
  const target = Number.isFinite(raw) ? Math.min(Math.max(Math.floor(raw), 0), length) : 0;
  const markdown = format === 'markdown';
  // The line holding the target and the one before it, with what the Markdown scan knows of them.
  let previous: LineState | null = null;
  let line: LineState | null = null;
  const see = (state: LineState): boolean => {
    if (target < state.next) line = state;
    else previous = state;
    return line !== null;
  };
  if (markdown) scanMarkdown(text, new Builder(NO_RULES), see);
  if (!line) {
    // Plain text, or a line after an unclosed Markdown comment (where nothing is a finding).
    previous = null;
    const lines = new Lines(text);
    while (lines.advance() && !see({ ...NOT_IN_COMMENT, start: lines.start, end: lines.end, next: lines.next }));
  }
  return editFor(
    text,
    markdown,
    ruleId,
    line ?? { ...NOT_IN_COMMENT, start: 0, end: 0, next: length + 1 },
    previous,
    marker,
  );
}

function editFor(
  text: string,
  markdown: boolean,
  ruleId: RuleId | null,
  line: LineState,
  previous: LineState | null,
  marker: string,
): InsertEdit {
  const length = text.length;
  const lineStart = line.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : line.start;
  if (ruleId === null) return { offset: lineStart, insert: '' };
  const eol = previous
    ? text.slice(previous.end, previous.next)
    : line.next <= length
      ? text.slice(line.end, line.next)
      : '\n';

  if (!markdown) {
    let i = lineStart;
    while (i < line.end && isIndentCode(text.charCodeAt(i))) i++;
    return { offset: lineStart, insert: `${text.slice(lineStart, i)}${marker} disable-next-line ${ruleId}${eol}` };
  }

  const comment = `<!-- ${MARKDOWN_PREFIX}disable-next-line ${ruleId} -->`;
  if (line.commentAt >= 0 && line.commentLine >= 0) {
    // The line starts inside a comment begun on an earlier line: a directive inside it would close it
    // early. Put it before that comment: the lines in between hold nothing but the comment, so "the
    // next line with content" is still this one.
    const start = line.commentLine === 0 && text.charCodeAt(0) === 0xfeff ? 1 : line.commentLine;
    if (hasContent(text, start, line.commentAt, true)) return { offset: line.commentAt, insert: comment };
    // The comment's first line ends before the comment does, so it has a line break.
    let end = start;
    while (end < length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const eol = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? '\r\n' : text[end] || '\n';
    return { offset: start, insert: `${text.slice(start, linePrefix(text, start, end))}${comment}${eol}` };
  }
  if (previous && !previous.code && isProseLine(text, previous)) {
    // An unclosed `<!--` on the line before is text, and the comment appended after it would close it
    // (hiding what lies between): the comment goes just before it instead, still on the line before.
    if (line.textOpenerAt >= previous.start) return { offset: line.textOpenerAt, insert: `${comment} ` };
    if (line.textOpenerAt >= 0) {
      // The `<!--` is on an earlier line of the paragraph: a comment after it would close it and hide
      // the lines between, and one before it would silence an earlier line. A line that ends the
      // paragraph anyway (a list item, a heading) can take a comment line of its own; a continuation
      // line cannot, so no edit is offered (the claim can still be silenced by hand, with a `disable`
      // region around the paragraph).
      if (!line.endsParagraph) return { offset: lineStart, insert: '' };
      const content = linePrefix(text, lineStart, line.end);
      return { offset: lineStart, insert: `${text.slice(lineStart, content)}${comment}${eol}` };
    }
    let at = previous.end;
    while (at > previous.start && isIndentCode(text.charCodeAt(at - 1))) at--;
    let backslashes = at;
    while (backslashes > previous.start && text.charCodeAt(backslashes - 1) === 92) backslashes--;
    if ((at - backslashes) % 2 === 1) at--; // keep a backslash hard break at the end of the line
    return { offset: at, insert: ` ${comment}` };
  }
  const content = linePrefix(text, lineStart, line.end);
  return { offset: lineStart, insert: `${text.slice(lineStart, content)}${comment}${eol}` };
}

/** A line of paragraph text (in a paragraph, list item or block quote) that the next line may continue. */
function isProseLine(text: string, line: LineState): boolean {
  if (line.commentAt >= 0) {
    // The line ends a comment begun above: prose only if text follows the `-->`.
    const close = text.indexOf('-->', line.start);
    return close >= 0 && close < line.end && hasContent(text, close + 3, line.end, true);
  }
  const content = linePrefix(text, line.start, line.end);
  if (content >= line.end) return false; // blank, or only `>`
  const first = text.charCodeAt(content);
  if (first === 35) {
    // ATX heading: 1–6 `#` then a space or the end of the line.
    let i = content;
    while (i < line.end && text.charCodeAt(i) === 35) i++;
    if (i - content <= 6 && (i === line.end || isIndentCode(text.charCodeAt(i)))) return false;
  }
  if (text.startsWith('<!--', content)) return false;
  let end = line.end;
  while (end > content && isSpaceCode(text.charCodeAt(end - 1))) end--;
  // Thematic break, setext underline or an empty list item: only `-`, `*`, `_`, `=` and spaces.
  let onlyRules = true;
  for (let i = content; i < end && onlyRules; i++) {
    const c = text.charCodeAt(i);
    onlyRules = c === 45 || c === 42 || c === 95 || c === 61 || isIndentCode(c);
  }
  return !onlyRules;
}
