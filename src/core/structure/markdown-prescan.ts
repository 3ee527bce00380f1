// A linear look at Markdown before remark-parse reads it. remark-parse (micromark) is super-linear on a
// few shapes, measured on remark alone: every unclosed inline HTML opener (`<!--`, `<?`, `<!X`,
// `<![CDATA[`) or unmatched backtick run rescans its paragraph to the end; every list opened inside a
// list item on the same line (`- - x`) costs the whole document again; and containers nested hundreds
// deep cost more per character the deeper they go; and tens of thousands of one-letter lines cost it
// far more per character than prose. This scan estimates that work in one pass, and when
// it is beyond a linear budget the document is read as plain text instead, with one message saying why.
// It over-estimates rather than under-estimates, and ordinary Markdown stays far inside every budget.

/** Why a document is not parsed as Markdown; the words finish "…, so it was read as plain text". */
export interface MarkdownParseRisk {
  reason: string;
}

/**
 * Containers (block quotes and list items) nested deeper than this on one line: markdown-it caps its
 * nesting at 100 too. remark's cost per character grows with the depth, and no real document comes close.
 */
export const MAX_CONTAINER_DEPTH = 100;

/**
 * The rescanning remark may do, in characters, before the document is not parsed: a few times the text
 * (what ordinary Markdown costs, at most), plus a constant so a small document is never refused for it.
 */
/**
 * remark-parse's cost per line is many times its cost per character of prose: a long document whose lines
 * average fewer characters than this (`a\n\n` repeated: tens of thousands of one-letter paragraphs) takes
 * it over ten times as long per MB as news text. Prose, lists and code all average far longer lines.
 */
export const MIN_AVERAGE_LINE_LENGTH = 8;
/** Below this many characters even the shortest lines are parsed quickly enough. */
const SHORT_LINES_FROM = 32 * 1024;

function rescanBudget(length: number): number {
  return 8 * length + 1_000_000;
}

export function markdownParseRisk(text: string): MarkdownParseRisk | null {
  const lines = scanLines(text);
  if (lines.maxDepth > MAX_CONTAINER_DEPTH) {
    return {
      reason: `it nests block quotes or lists ${lines.maxDepth} deep on line ${lines.deepestLine + 1} (more than ${MAX_CONTAINER_DEPTH})`,
    };
  }
  if (text.length >= SHORT_LINES_FROM && lines.count * MIN_AVERAGE_LINE_LENGTH > text.length) {
    return {
      reason: `its ${lines.count} lines average under ${MIN_AVERAGE_LINE_LENGTH} characters, which the Markdown parser reads many times slower than prose`,
    };
  }
  const budget = rescanBudget(text.length);
  if (lines.sameLineLists * text.length > budget) {
    return {
      reason: `it opens ${lines.sameLineLists} lists inside list items on the same line (as in \`- - x\`), which the Markdown parser reads in quadratic time`,
    };
  }
  if (lines.inlineRescan > budget) {
    return {
      reason:
        'it has many unclosed inline HTML openers (`<!--`, `<?`, `<!`) or unmatched backtick runs, which the Markdown parser reads in quadratic time',
    };
  }
  if (lines.emphasisWork > budget) {
    return {
      reason:
        'it has thousands of emphasis marks (`*`, `_`) in one paragraph, which the Markdown parser reads in quadratic time',
    };
  }
  return null;
}

interface LineScan {
  /** Lines, blank ones included. */
  count: number;
  maxDepth: number;
  deepestLine: number;
  /** Lists opened after another container on the same line: each one costs remark the whole document. */
  sameLineLists: number;
  /** Estimated characters rescanned by unclosed inline openers, summed over paragraphs. */
  inlineRescan: number;
  /** Estimated work matching emphasis marks, summed over paragraphs (see emphasisWork). */
  emphasisWork: number;
}

function scanLines(text: string): LineScan {
  const scan: LineScan = { count: 0, maxDepth: 0, deepestLine: 0, sameLineLists: 0, inlineRescan: 0, emphasisWork: 0 };
  // Content columns of the list items still open from earlier lines (nesting by indentation).
  const openItems: number[] = [];
  let paragraphStart = -1;
  let lineNumber = 0;
  for (let lineStart = 0; lineStart <= text.length; lineNumber++) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const indent = indentationOf(text, lineStart, lineEnd);
    const blank = indent.end === lineEnd;
    if (blank) {
      if (paragraphStart >= 0) {
        scan.inlineRescan += inlineRescan(text, paragraphStart, lineStart);
        scan.emphasisWork += emphasisWork(text, paragraphStart, lineStart);
      }
      paragraphStart = -1;
    } else {
      if (paragraphStart < 0) paragraphStart = lineStart;
      while (openItems.length > 0 && indent.columns < openItems[openItems.length - 1]) openItems.pop();
      // Four columns past the enclosing item's content is indented code, not a list.
      const code = indent.columns >= (openItems.length > 0 ? openItems[openItems.length - 1] : 0) + 4;
      const prefix = code ? NO_PREFIX : containerPrefix(text, indent.end, lineEnd, indent.columns);
      const depth = openItems.length + prefix.depth;
      if (depth > scan.maxDepth) {
        scan.maxDepth = depth;
        scan.deepestLine = lineNumber;
      }
      if (prefix.hasContent) scan.sameLineLists += prefix.innerLists;
      if (prefix.firstListColumn >= 0 && prefix.quotes === 0) openItems.push(prefix.firstListColumn);
    }
    lineStart = lineEnd + 1;
  }
  if (paragraphStart >= 0) {
    scan.inlineRescan += inlineRescan(text, paragraphStart, text.length);
    scan.emphasisWork += emphasisWork(text, paragraphStart, text.length);
  }
  scan.count = lineNumber;
  return scan;
}

function indentationOf(text: string, start: number, end: number): { end: number; columns: number } {
  let columns = 0;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) columns++;
    else if (c === 9) columns += 4 - (columns % 4);
    else if (c !== 13) break;
  }
  return { end: i, columns };
}

interface ContainerPrefix {
  /** Block quote markers and list markers at the start of the line. */
  depth: number;
  quotes: number;
  /** List markers after an earlier list marker on the line: each opens a new list. */
  innerLists: number;
  /** The content column of the line's first list item, when the line starts with one (else -1). */
  firstListColumn: number;
  /** Whether anything follows the markers: `- - -` and `* * *` are thematic breaks, not lists. */
  hasContent: boolean;
}

const NO_PREFIX: ContainerPrefix = { depth: 0, quotes: 0, innerLists: 0, firstListColumn: -1, hasContent: true };

/** Reads the run of `>` and list markers that opens a line, as far as it goes. */
function containerPrefix(text: string, start: number, end: number, startColumn: number): ContainerPrefix {
  const prefix: ContainerPrefix = { depth: 0, quotes: 0, innerLists: 0, firstListColumn: -1, hasContent: false };
  let sawListMarker = false;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    let markerEnd: number;
    if (c === 62 /* > */) {
      prefix.quotes++;
      markerEnd = i + 1;
    } else {
      markerEnd = listMarkerEnd(text, i, end);
      if (markerEnd < 0) break;
      // A list item that starts with a list opens a new one; a quote's list on the next line continues.
      if (sawListMarker) prefix.innerLists++;
      else if (prefix.depth === 0) prefix.firstListColumn = startColumn + (markerEnd - start) + 1;
      sawListMarker = true;
    }
    prefix.depth++;
    i = markerEnd;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  }
  prefix.hasContent = i < end && text.charCodeAt(i) !== 13;
  return prefix;
}

/** End of a list marker (`-`, `*`, `+`, `1.`, `1)`) at `i` that is followed by a space or the line's end. */
function listMarkerEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  let j = i;
  if (c === 45 || c === 42 || c === 43) j = i + 1;
  else {
    while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j === i || j >= end || (text.charCodeAt(j) !== 46 && text.charCodeAt(j) !== 41)) return -1;
    j++;
  }
  if (j === end) return j;
  const next = text.charCodeAt(j);
  return next === 32 || next === 9 || next === 13 ? j : -1;
}

// ---------------------------------------------------------------------------------------------
// Inline openers

/** Opener → closer. A backtick run is closed by the next run of the same length. */
const INLINE_TOKENS = /<!--|-->|<\?|\?>|<!\[CDATA\[|\]\]>|<![A-Za-z]|>|`+/g;
const CLOSER_OF: Readonly<Record<string, string>> = { '<!--': '-->', '<?': '?>', '<![CDATA[': ']]>' };

/**
 * The characters remark rescans in one paragraph: it tries each opener it meets up to its closer or the
 * paragraph's end, and an opener that closes consumes the text up to its closer (openers inside it are
 * never tried). Simulated the same way, with the next closer of each kind found by one backward pass.
 */
function inlineRescan(text: string, start: number, end: number): number {
  const paragraph = text.slice(start, end);
  if (!/[<`]/.test(paragraph)) return 0;
  const tokens: { at: number; token: string }[] = [];
  for (const match of paragraph.matchAll(INLINE_TOKENS)) tokens.push({ at: match.index, token: match[0] });
  // closerAt[k]: where the opener tokens[k] is closed (its closer's end), or -1 when it never is.
  const closerAt = new Array<number>(tokens.length).fill(-1);
  const nextCloser = new Map<string, number>();
  for (let k = tokens.length - 1; k >= 0; k--) {
    const { at, token } = tokens[k];
    const closer = token.startsWith('`')
      ? token
      : token.startsWith('<!') && token.length === 3
        ? '>'
        : CLOSER_OF[token];
    if (closer !== undefined) closerAt[k] = nextCloser.get(closer) ?? -1;
    // A backtick run is both a closer for the runs before it and an opener.
    if (!CLOSER_OF[token] && !(token.startsWith('<') && token.length === 3)) nextCloser.set(token, at + token.length);
    if (token.endsWith('>')) nextCloser.set('>', at + token.length);
  }
  let rescanned = 0;
  let resumeAt = 0;
  for (let k = 0; k < tokens.length; k++) {
    const { at, token } = tokens[k];
    if (at < resumeAt) continue;
    const opener = token.startsWith('`') || token.startsWith('<');
    if (!opener) continue;
    const closedAt = closerAt[k];
    rescanned += (closedAt < 0 ? paragraph.length : closedAt) - at;
    if (closedAt >= 0) resumeAt = closedAt;
  }
  return rescanned;
}

/**
 * remark matches emphasis marks paragraph by paragraph, and each match costs it time in proportion to the
 * paragraph (`*a* ` repeated in one 100 KB paragraph: seconds; in short paragraphs: linear). Marks times
 * paragraph length, scaled to the units of the rescan budget: a match step costs about a 30th of a rescanned
 * character, counted as a 16th to over-estimate.
 */
function emphasisWork(text: string, start: number, end: number): number {
  let runs = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 42 || c === 95) && text.charCodeAt(i - 1) !== c) runs++;
  }
  return (runs * (end - start)) / 16;
}
