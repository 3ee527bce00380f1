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
// comment. Indented code blocks are not recognised. Everything is one forward pass over the lines with
// cached `indexOf` searches, so the cost is linear in the text; nothing here throws.
import { codeSpansOf, FenceTracker, Finder, hasContent, isIndentCode, isSpaceCode, linePrefix, Lines } from './markdown-lines';
import type { Analysis, DocumentFormat, RuleId, Span } from '../types';

export const DEFAULT_PLAIN_TEXT_MARKER = 'source-lens:';
const MARKDOWN_PREFIX = 'source-lens-';

/** The rules a control comment can silence. `input-too-large` and `internal-error` are about the tool, not the text. */
export const SUPPRESSIBLE_RULES: readonly RuleId[] = [
  'unattributed-claim',
  'duplicate-passage',
  'boilerplate',
  'unbalanced-quote',
  'anonymous-source',
  'unknown-speaker',
];
const RULE_INDEX = new Map<string, number>(SUPPRESSIBLE_RULES.map((id, i) => [id, i]));
const RULE_COUNT = SUPPRESSIBLE_RULES.length;

type Keyword = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
const KEYWORDS: ReadonlySet<string> = new Set<Keyword>(['disable', 'enable', 'disable-next-line', 'disable-line', 'disable-file']);

/** An unknown token is reported with at most this many characters of its text (its span is exact). */
const MAX_REPORTED_TOKEN = 100;

export interface UnknownRule extends Span {
  ruleId: string;
}

export interface Suppressions {
  /** Whether a finding of `ruleId` starting at `span.start` is silenced. */
  isSuppressed(ruleId: RuleId, span: { start: number; end: number }): boolean;
  /** Every control comment (Markdown: the whole `<!-- … -->`; plain text: the marker line without indentation). */
  directives: Span[];
  /** Rule names in directives that are not suppressible rules, with their place. */
  unknownRules: UnknownRule[];
}

export interface InsertEdit {
  offset: number;
  insert: string;
}

/** Reads the control comments of a document. Never throws: any input gives a (possibly empty) result. */
export function parseSuppressions(text: string, format: DocumentFormat, marker: string = DEFAULT_PLAIN_TEXT_MARKER): Suppressions {
  if (typeof text !== 'string') return NO_SUPPRESSIONS;
  const builder = new Builder();
  try {
    if (format === 'markdown') scanMarkdown(text, builder);
    else scanPlainText(text, normalizeMarker(marker), builder);
    return builder.finish(text.length);
  } catch {
    return NO_SUPPRESSIONS;
  }
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
 * A rule that cannot be suppressed gives an empty insert. Never throws.
 */
export function markCheckedEdit(
  text: string,
  format: DocumentFormat,
  ruleId: RuleId,
  span: Span,
  marker: string = DEFAULT_PLAIN_TEXT_MARKER,
): InsertEdit {
  try {
    return checkedEdit(text, format, ruleId, span, normalizeMarker(marker));
  } catch {
    return { offset: 0, insert: '' };
  }
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

/** The analysis without silenced findings: messages, and the claim, duplicate and boilerplate lists the highlights use. */
export function applySuppressions(analysis: Analysis, suppressions: Suppressions): Analysis {
  if (suppressions.directives.length === 0) return analysis;
  const keep =
    (ruleId: RuleId) =>
    (span: Span): boolean =>
      !suppressions.isSuppressed(ruleId, span);
  return {
    ...analysis,
    claims: analysis.claims.filter(keep('unattributed-claim')),
    duplicates: analysis.duplicates.filter(keep('duplicate-passage')),
    boilerplate: analysis.boilerplate.filter(keep('boilerplate')),
    messages: analysis.messages.filter((message) => !suppressions.isSuppressed(message.ruleId, message)),
  };
}

// ---------------------------------------------------------------------------------------------
// Directives

interface Directive {
  keyword: Keyword;
  /** One flag per suppressible rule, in `SUPPRESSIBLE_RULES` order. */
  rules: boolean[];
  unknown: UnknownRule[];
}

/** Reads `[prefix]keyword [rules…] [-- reason]` in text[from, to), or null when it is not a directive. */
function parseDirective(text: string, from: number, to: number, prefix: string): Directive | null {
  let i = from;
  while (i < to && isSpaceCode(text.charCodeAt(i))) i++;
  if (prefix && !text.startsWith(prefix, i)) return null;
  i += prefix.length;
  let k = i;
  while (k < to && isKeywordCode(text.charCodeAt(k))) k++;
  const keyword = text.slice(i, k);
  if (!KEYWORDS.has(keyword) || (k < to && !isSeparatorCode(text.charCodeAt(k)))) return null;

  const rules = new Array<boolean>(RULE_COUNT).fill(false);
  const unknown: UnknownRule[] = [];
  let named = false;
  for (let j = k; j < to; ) {
    while (j < to && isSeparatorCode(text.charCodeAt(j))) j++;
    if (j >= to) break;
    let e = j;
    while (e < to && !isSeparatorCode(text.charCodeAt(e))) e++;
    const token = text.slice(j, e);
    if (/^-+$/.test(token)) break; // the rest is a reason
    named = true;
    const index = RULE_INDEX.get(token);
    if (index === undefined) {
      const ruleId = token.length > MAX_REPORTED_TOKEN ? `${token.slice(0, MAX_REPORTED_TOKEN)}…` : token;
      unknown.push({ ruleId, start: j, end: e });
    } else rules[index] = true;
    j = e;
  }
  if (!named) rules.fill(true);
  return { keyword: keyword as Keyword, rules, unknown };
}

/** Collects regions line by line, then answers `isSuppressed` by binary search. */
class Builder {
  readonly directives: Span[] = [];
  readonly unknownRules: UnknownRule[] = [];
  /** Per rule, silenced regions [starts[i], ends[i]), pushed mostly in text order. */
  private readonly starts: number[][] = Array.from({ length: RULE_COUNT }, () => []);
  private readonly ends: number[][] = Array.from({ length: RULE_COUNT }, () => []);
  private readonly inOrder = new Array<boolean>(RULE_COUNT).fill(true);
  /** Where each rule's open `disable` region began, -1 when the rule is enabled. */
  private readonly openFrom = new Array<number>(RULE_COUNT).fill(-1);
  private readonly wholeFile = new Array<boolean>(RULE_COUNT).fill(false);
  /** disable-next-line rules waiting for a line with content. */
  private pending: boolean[] | null = null;
  /** disable-next-line rules from the current line; they wait from the next line on. */
  private incoming: boolean[] | null = null;

  /** A directive whose comment starts on the line at `firstLineStart` and ends on the line before `lastLineNext`. */
  add(directive: Directive, span: Span, firstLineStart: number, lastLineNext: number): void {
    this.directives.push(span);
    for (const unknown of directive.unknown) this.unknownRules.push(unknown);
    const { rules } = directive;
    for (let r = 0; r < RULE_COUNT; r++) {
      if (!rules[r]) continue;
      switch (directive.keyword) {
        case 'disable':
          if (this.openFrom[r] < 0) this.openFrom[r] = firstLineStart;
          break;
        case 'enable':
          if (this.openFrom[r] >= 0) this.region(r, this.openFrom[r], firstLineStart);
          this.openFrom[r] = -1;
          break;
        case 'disable-line':
          this.region(r, firstLineStart, lastLineNext);
          break;
        case 'disable-next-line':
          this.incoming ??= new Array<boolean>(RULE_COUNT).fill(false);
          this.incoming[r] = true;
          break;
        case 'disable-file':
          this.wholeFile[r] = true;
          break;
      }
    }
  }

  /** Ends a line; `content` says whether it has anything but blanks and comments. */
  endLine(start: number, next: number, content: boolean): void {
    if (this.pending && content) {
      for (let r = 0; r < RULE_COUNT; r++) if (this.pending[r]) this.region(r, start, next);
      this.pending = null;
    }
    if (this.incoming) {
      if (this.pending) for (let r = 0; r < RULE_COUNT; r++) this.pending[r] ||= this.incoming[r];
      else this.pending = this.incoming;
      this.incoming = null;
    }
  }

  finish(length: number): Suppressions {
    if (this.directives.length === 0) return NO_SUPPRESSIONS;
    for (let r = 0; r < RULE_COUNT; r++) if (this.openFrom[r] >= 0) this.region(r, this.openFrom[r], length + 1);
    const starts: number[][] = [];
    const ends: number[][] = [];
    for (let r = 0; r < RULE_COUNT; r++) {
      // Out of order only when directive kinds mix (an enable closing a region that began before a line region).
      const rs = this.starts[r];
      const re = this.ends[r];
      let order: number[] | null = null;
      if (!this.inOrder[r]) {
        order = new Array<number>(rs.length);
        for (let i = 0; i < rs.length; i++) order[i] = i;
        order.sort((a, b) => rs[a] - rs[b]);
      }
      const s: number[] = [];
      const e: number[] = [];
      let last = -1;
      for (let k = 0; k < rs.length; k++) {
        const i = order ? order[k] : k;
        if (last >= 0 && rs[i] <= e[last]) {
          if (re[i] > e[last]) e[last] = re[i];
        } else {
          s.push(rs[i]);
          e.push(re[i]);
          last++;
        }
      }
      starts.push(s);
      ends.push(e);
    }
    const wholeFile = this.wholeFile.slice();
    return {
      directives: this.directives,
      unknownRules: this.unknownRules,
      isSuppressed(ruleId: RuleId, span: { start: number; end: number }): boolean {
        const r = RULE_INDEX.get(ruleId);
        if (r === undefined) return false;
        if (wholeFile[r]) return true;
        const at = span?.start;
        if (typeof at !== 'number' || Number.isNaN(at)) return false;
        const s = starts[r];
        let lo = 0;
        let hi = s.length - 1;
        let found = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (s[mid] <= at) {
            found = mid;
            lo = mid + 1;
          } else hi = mid - 1;
        }
        return found >= 0 && at < ends[r][found];
      },
    };
  }

  private region(r: number, start: number, end: number): void {
    if (end <= start) return;
    const starts = this.starts[r];
    if (starts.length && start < starts[starts.length - 1]) this.inOrder[r] = false;
    starts.push(start);
    this.ends[r].push(end);
  }
}

const NO_SUPPRESSIONS: Suppressions = Object.freeze({
  directives: [],
  unknownRules: [],
  isSuppressed: () => false,
}) as Suppressions;

// ---------------------------------------------------------------------------------------------
// Scanning

function scanPlainText(text: string, marker: string, builder: Builder): void {
  const lines = new Lines(text);
  while (lines.advance()) {
    const { start, end, next } = lines;
    let i = start;
    while (i < end && isIndentCode(text.charCodeAt(i))) i++;
    if (i + marker.length <= end && text.startsWith(marker, i)) {
      const directive = parseDirective(text, i + marker.length, end, '');
      if (directive) {
        let e = end;
        while (e > i && isSpaceCode(text.charCodeAt(e - 1))) e--;
        builder.add(directive, { start: i, end: e }, start, next);
        builder.endLine(start, next, false);
        continue;
      }
    }
    builder.endLine(start, next, hasContent(text, i, end, false));
  }
}

/** What the Markdown scan knows of a line at its start: whether it is fenced code, and the comment it starts inside of. */
interface LineState extends LineSpan {
  code: boolean;
  /** Offset of the `<!--` of a comment still open at the line's start, or -1. */
  commentAt: number;
  /** Start of the line that comment began on, or -1. */
  commentLine: number;
}

/** Reads a Markdown document's directives into `builder`; `observe` sees each line and may stop the scan by returning true. */
function scanMarkdown(text: string, builder: Builder, observe?: (line: LineState) => boolean): void {
  const lines = new Lines(text);
  const opens = new Finder(text, '<!--');
  const closes = new Finder(text, '-->');
  const ticks = new Finder(text, '`');
  const fences = new FenceTracker();
  /** A comment that began on an earlier line. */
  let open: { at: number; close: number; lineStart: number } | null = null;

  while (lines.advance()) {
    const { start, end, next } = lines;
    let pos = start;
    let content = false;
    if (observe) {
      const code = !open && fences.peek(text, start, end);
      if (observe({ start, end, next, code, commentAt: open ? open.at : -1, commentLine: open ? open.lineStart : -1 })) return;
    }
    if (open) {
      if (open.close >= end) {
        builder.endLine(start, next, false);
        continue;
      }
      directiveAt(text, open.at, open.close, open.lineStart, next, builder);
      pos = open.close + 3;
      open = null;
    } else if (fences.step(text, start, end)) {
      builder.endLine(start, next, hasContent(text, start, end, true));
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
      if (close < 0) {
        // Unclosed: the rest of the document is the comment, with no directive in it.
        builder.endLine(start, next, content);
        return;
      }
      if (close >= end) {
        open = { at, close, lineStart: start };
        restInComment = true;
        break;
      }
      directiveAt(text, at, close, start, next, builder);
      pos = close + 3;
    }
    if (!restInComment && !content && pos < end) content = hasContent(text, pos, end, true);
    builder.endLine(start, next, content);
  }
}

/** The comment text[at, close + 3) as a directive, when it is one. */
function directiveAt(text: string, at: number, close: number, firstLineStart: number, lastLineNext: number, builder: Builder): void {
  if (close < at + 4) return;
  const directive = parseDirective(text, at + 4, close, MARKDOWN_PREFIX);
  if (directive) builder.add(directive, { start: at, end: close + 3 }, firstLineStart, lastLineNext);
}

// ---------------------------------------------------------------------------------------------
// Mark as checked

interface LineSpan {
  start: number;
  end: number;
  next: number;
}

function checkedEdit(text: string, format: DocumentFormat, ruleId: RuleId, span: Span, marker: string): InsertEdit {
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
  if (markdown) scanMarkdown(text, new Builder(), see);
  if (!line) {
    // Plain text, or a line after an unclosed Markdown comment (where nothing is a finding).
    previous = null;
    const lines = new Lines(text);
    while (lines.advance() && !see({ start: lines.start, end: lines.end, next: lines.next, code: false, commentAt: -1, commentLine: -1 }));
  }
  return editFor(text, markdown, ruleId, line ?? { start: 0, end: 0, next: length + 1, code: false, commentAt: -1, commentLine: -1 }, previous, marker);
}

function editFor(text: string, markdown: boolean, ruleId: RuleId, line: LineState, previous: LineState | null, marker: string): InsertEdit {
  const length = text.length;
  const lineStart = line.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : line.start;
  if (!RULE_INDEX.has(ruleId)) return { offset: lineStart, insert: '' };
  const eol = previous ? text.slice(previous.end, previous.next) : line.next <= length ? text.slice(line.end, line.next) : '\n';

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

// ---------------------------------------------------------------------------------------------
// Characters

function normalizeMarker(marker: unknown): string {
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
