// Inline control comments, as markdownlint (`<!-- markdownlint-disable -->`) and cSpell (`cspell:disable`)
// users know them: where an editor has checked a finding, a comment in the text silences it.
//
//   Markdown    <!-- source-lens-disable [RULE…] -->              from its line on, until an enable
//               <!-- source-lens-enable [RULE…] -->               from its line on
//               <!-- source-lens-disable-next-line [RULE…] -->    the next line with content
//               <!-- source-lens-disable-line [RULE…] -->         the line(s) the comment is on
//               <!-- source-lens-disable-file [RULE…] -->         the whole file, wherever it is written
//   Plain text  a line `source-lens: disable-next-line RULE…` (the marker is configurable), same keywords.
//
// No rule list means every rule. Rules are separated by spaces or commas; a token of hyphens (`--`)
// starts a free-text reason that is ignored (`… unattributed-claim -- checked with the ministry`).
// Names that are not suppressible rules are listed in `unknownRules` and otherwise ignored; a directive
// that names only unknown rules silences nothing. `disable` and `enable` work per rule, without nesting
// (as markdownlint's do): `enable X` ends X whichever `disable` started it. Regions are whole lines, so
// a `disable` written at the end of a line covers that line and an `enable` there uncovers it.
// "The next line" skips blank lines and lines holding nothing but comments, so directives can be stacked.
//
// Markdown comments count only where an HTML comment would: not in fenced code (``` / ~~~, found by a
// line scan that knows block-quote markers), not in an inline code span on the line, not inside another
// comment. Where a comment ends follows remark: one that starts a line's content is an HTML block, open
// to its `-->` or the end of its block quote (the first line with fewer `>`); one after other text is
// inline HTML, a comment only when its `-->` comes before the paragraph ends (a blank line, a list item,
// a heading, HTML or a fence), else text.
// Indented code blocks are not recognised. Everything is one forward pass over the lines with
// cached `indexOf` searches, so the cost is linear in the text; nothing here throws.
import {
  blockStart,
  codeSpansOf,
  FenceTracker,
  Finder,
  hasContent,
  isIndentCode,
  isSpaceCode,
  linePrefix,
  Lines,
  quoteDepth,
} from './markdown-lines';
import {
  Builder,
  NO_SUPPRESSIONS,
  type Directive,
  type Keyword,
  type RuleIndex,
  type Suppressions,
  type UnknownRule,
} from './suppression-regions';
import type { DocumentFormat, Span } from '../types';

export const DEFAULT_PLAIN_TEXT_MARKER = 'source-lens:';
export const MARKDOWN_PREFIX = 'source-lens-';

const KEYWORDS: ReadonlySet<string> = new Set<Keyword>([
  'disable',
  'enable',
  'disable-next-line',
  'disable-line',
  'disable-file',
]);

/** An unknown token is reported with at most this many characters of its text (its span is exact). */
const MAX_REPORTED_TOKEN = 100;

export interface ControlCommentOptions {
  /** The rule names a directive may hold (the rules stage's suppressible rules); any other name is unknown. */
  rules: readonly string[];
  /** The plain-text marker (`sourceLens.plainTextMarker`). */
  marker?: string;
}

/** Reads the control comments of a document. Never throws: any input gives a (possibly empty) result. */
export function parseSuppressions(
  text: string,
  format: DocumentFormat,
  { rules, marker }: ControlCommentOptions,
): Suppressions {
  if (typeof text !== 'string') return NO_SUPPRESSIONS;
  try {
    const builder = new Builder(ruleIndex(rules));
    if (format === 'markdown') scanMarkdown(text, builder);
    else scanPlainText(text, normalizeMarker(marker), builder);
    return builder.finish(text.length);
  } catch {
    return NO_SUPPRESSIONS;
  }
}

export function ruleIndex(rules: readonly string[]): RuleIndex {
  return new Map(rules.map((id, i) => [id, i]));
}

/**
 * The text with every directive blanked to spaces (line breaks kept, so offsets hold). A plain-text
 * marker line is otherwise prose to the later stages: joined to the hard-wrapped line after it, it would
 * start that line's sentence and take the finding's start off the line the directive covers.
 */
export function blankDirectives(text: string, directives: readonly Span[]): string {
  if (directives.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of directives) {
    if (!(start >= at && end > start && end <= text.length)) continue;
    parts.push(text.slice(at, start), text.slice(start, end).replace(/[^\r\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Directives

/** Reads `[prefix]keyword [rules…] [-- reason]` in text[from, to), or null when it is not a directive. */
function parseDirective(text: string, from: number, to: number, prefix: string, index: RuleIndex): Directive | null {
  let i = from;
  while (i < to && isSpaceCode(text.charCodeAt(i))) i++;
  if (prefix && !text.startsWith(prefix, i)) return null;
  i += prefix.length;
  let k = i;
  while (k < to && isKeywordCode(text.charCodeAt(k))) k++;
  const keyword = text.slice(i, k);
  if (!KEYWORDS.has(keyword) || (k < to && !isSeparatorCode(text.charCodeAt(k)))) return null;

  const rules = new Array<boolean>(index.size).fill(false);
  const unknown: UnknownRule[] = [];
  let named = false;
  for (let j = k; j < to;) {
    while (j < to && isSeparatorCode(text.charCodeAt(j))) j++;
    if (j >= to) break;
    let e = j;
    while (e < to && !isSeparatorCode(text.charCodeAt(e))) e++;
    const token = text.slice(j, e);
    if (/^-+$/.test(token)) break; // the rest is a reason
    named = true;
    const rule = index.get(token);
    if (rule === undefined) {
      const ruleId = token.length > MAX_REPORTED_TOKEN ? `${token.slice(0, MAX_REPORTED_TOKEN)}…` : token;
      unknown.push({ ruleId, start: j, end: e });
    } else rules[rule] = true;
    j = e;
  }
  if (!named) rules.fill(true);
  return { keyword: keyword as Keyword, rules, unknown };
}

// ---------------------------------------------------------------------------------------------
// Scanning

function scanPlainText(text: string, marker: string, builder: Builder): void {
  const lines = new Lines(text);
  while (lines.advance()) {
    const { start, end, next } = lines;
    let i = start;
    while (i < end && isIndentCode(text.charCodeAt(i))) i++;
    if (i + marker.length <= end && text.startsWith(marker, i)) {
      const directive = parseDirective(text, i + marker.length, end, '', builder.index);
      if (directive) {
        let e = end;
        while (e > i && isSpaceCode(text.charCodeAt(e - 1))) e--;
        builder.add(directive, { start: i, end: e }, start, next);
        builder.endLine(next, false);
        continue;
      }
    }
    builder.endLine(next, hasContent(text, i, end, false));
  }
}

export interface LineSpan {
  start: number;
  end: number;
  next: number;
}

/**
 * What the Markdown scan knows of a line at its start: whether it is fenced code, and the comment it starts inside of.
 */
export interface LineState extends LineSpan {
  code: boolean;
  /** Offset of the `<!--` of a comment still open at the line's start, or -1. */
  commentAt: number;
  /** Start of the line that comment began on, or -1. */
  commentLine: number;
  /**
   * The first `<!--` read as text (no `-->` closes it within the paragraph) in the paragraph that the line
   * before ends or goes on with, or -1: a comment appended to the line before would close it.
   */
  textOpenerAt: number;
  /** Whether the line ends the paragraph before it (see `ParagraphTracker`). */
  endsParagraph: boolean;
}

/**
 * Reads a Markdown document's directives into `builder`; `observe` sees each line and may stop the scan by returning
 * true.
 */
export function scanMarkdown(text: string, builder: Builder, observe?: (line: LineState) => boolean): void {
  const lines = new Lines(text);
  const opens = new Finder(text, '<!--');
  const closes = new Finder(text, '-->');
  const ticks = new Finder(text, '`');
  const paragraphEnds = new ParagraphEndFinder(text);
  const paragraphs = new ParagraphTracker(text);
  const fences = new FenceTracker();
  /** A comment that began on an earlier line; `close` is -1 when no `-->` follows. */
  let open: { at: number; close: number; lineStart: number; depth: number } | null = null;
  /** The first `<!--` read as text in the current paragraph, or -1 (see `LineState.textOpenerAt`). */
  let textOpener = -1;

  while (lines.advance()) {
    const { start, end, next } = lines;
    let pos = start;
    let content = false;
    // An HTML block ends with its container, as remark ends it: a comment begun in a block quote ends
    // at the first line with fewer `>` (the line is read as usual from there).
    if (open && open.depth > 0 && quoteDepth(text, start, linePrefix(text, start, end)) < open.depth) open = null;
    const endsParagraph = paragraphs.step(start, end);
    if (observe) {
      const code = !open && fences.peek(text, start, end);
      const commentAt = open ? open.at : -1;
      const commentLine = open ? open.lineStart : -1;
      if (observe({ start, end, next, code, commentAt, commentLine, textOpenerAt: textOpener, endsParagraph })) return;
    }
    if (endsParagraph) textOpener = -1;
    if (open) {
      if (open.close < 0 || open.close >= end) {
        builder.endLine(next, false);
        continue;
      }
      directiveAt(text, open.at, open.close, open.lineStart, next, builder);
      pos = open.close + 3;
      open = null;
    } else if (fences.step(text, start, end)) {
      builder.endLine(next, hasContent(text, start, end, true));
      continue;
    }

    let codeSpans: number[] | null = null;
    let c = 0;
    let restInComment = false;
    while (pos < end) {
      const at = opens.next(pos);
      if (at < 0 || at >= end) break;
      if (!content && hasContent(text, pos, at, true)) content = true;
      codeSpans ??= codeSpansOf(text, pos, end, ticks);
      while (c < codeSpans.length && codeSpans[c + 1] <= at) c += 2;
      if (c < codeSpans.length && codeSpans[c] <= at) {
        content = true;
        pos = codeSpans[c + 1];
        continue;
      }
      const close = closes.next(at + 2); // `<!-->` and `<!--->` are (empty) comments too
      // A comment that starts the line's content is an HTML block: it runs to its `-->` or the end of its
      // container. One after other text is inline HTML, which CommonMark takes only when it closes within
      // the paragraph (see `endsParagraph`); an unclosed `<!--` there is text, as remark reads it.
      const block = pos === start && at === blockStart(text, start, end);
      if (!block && (close < 0 || close >= paragraphEnds.after(at))) {
        if (textOpener < 0) textOpener = at;
        content = true;
        pos = at + 4;
        continue;
      }
      if (close < 0 || close >= end) {
        const depth = quoteDepth(text, start, linePrefix(text, start, end));
        open = { at, close, lineStart: start, depth };
        restInComment = true;
        break;
      }
      directiveAt(text, at, close, start, next, builder);
      pos = close + 3;
    }
    if (!restInComment && !content && pos < end) content = hasContent(text, pos, end, true);
    if (!content) textOpener = -1; // a blank line ends the paragraph
    builder.endLine(next, content);
  }
}

/**
 * Whether a line ends the paragraph before it: a blank line (nothing but white space and `>`), or one
 * whose content starts a block that interrupts a paragraph (a list item, a heading, HTML, a fence).
 */
function endsParagraph(text: string, start: number, end: number): boolean {
  const content = linePrefix(text, start, end);
  if (content >= end || blockStart(text, start, end) > content) return true;
  const c = text.charCodeAt(content);
  if (c === 60 || text.startsWith('```', content) || text.startsWith('~~~', content)) return true; // `<`, fences
  return c === 35 && /^#{1,6}(?:[ \t]|$)/.test(text.slice(content, Math.min(end, content + 8)));
}

/**
 * Reads a document's lines in order and tells which end the paragraph before them: those `endsParagraph`
 * names, and a line deeper in block quotes than the paragraph's first line (a block quote interrupts a
 * paragraph; a line with fewer `>` may still be its lazy continuation).
 */
class ParagraphTracker {
  /** The block-quote depth of the current paragraph's first line; -1 after a blank line. */
  private depth = -1;

  constructor(private readonly text: string) {}

  /** Whether the line [start, end) ends the paragraph before it. Call once per line, in order. */
  step(start: number, end: number): boolean {
    const content = blockStart(this.text, start, end);
    const depth = quoteDepth(this.text, start, content); // the `>` among list markers too (`- > text`)
    const ends = endsParagraph(this.text, start, end) || (this.depth >= 0 && depth > this.depth);
    if (content >= end) this.depth = -1;
    else if (ends || this.depth < 0) this.depth = depth;
    return ends;
  }
}

/**
 * The start of the first line after the one holding a position that ends the paragraph (`ParagraphTracker`):
 * where an inline comment must have closed. Asked with rising positions, it reads the text once in all.
 */
class ParagraphEndFinder {
  private readonly lines: Lines;
  private readonly paragraphs: ParagraphTracker;
  /** The paragraph end found last (its start), or the text's length when there is none. */
  private blank = -1;

  constructor(private readonly text: string) {
    this.lines = new Lines(text);
    this.paragraphs = new ParagraphTracker(text);
  }

  after(at: number): number {
    if (this.blank > at) return this.blank;
    // Every line is stepped, those before `at` too, so the tracker knows the paragraph's depth.
    while (this.lines.advance()) {
      const { start, end } = this.lines;
      if (this.paragraphs.step(start, end) && start > at) return (this.blank = start);
    }
    return (this.blank = this.text.length + 1);
  }
}

/** The comment text[at, close + 3) as a directive, when it is one. */
function directiveAt(
  text: string,
  at: number,
  close: number,
  firstLineStart: number,
  lastLineNext: number,
  builder: Builder,
): void {
  if (close < at + 4) return;
  const directive = parseDirective(text, at + 4, close, MARKDOWN_PREFIX, builder.index);
  if (directive) builder.add(directive, { start: at, end: close + 3 }, firstLineStart, lastLineNext);
}

// ---------------------------------------------------------------------------------------------
// Characters

export function normalizeMarker(marker: unknown): string {
  const trimmed = typeof marker === 'string' ? marker.trim() : '';
  return trimmed || DEFAULT_PLAIN_TEXT_MARKER;
}

/** Between rule names: white space, commas, and `>` (a multi-line comment inside a block quote). */
function isSeparatorCode(c: number): boolean {
  return isSpaceCode(c) || c === 44 || c === 62;
}

function isKeywordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 45;
}
