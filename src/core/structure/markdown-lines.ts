// Reading Markdown line by line without a parser, for the control comments (control-comments.ts): lines
// as VS Code counts them, inline code spans, fenced code blocks (block-quote aware), and the character
// classes these need. Every reader here moves forward only, so a scan is linear in the text.

/** `indexOf` with the answer kept: asked with rising positions, it reads the text once in all. */
export class Finder {
  private from = Number.POSITIVE_INFINITY;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  next(from: number): number {
    if (from >= this.from && (this.found < 0 || this.found >= from)) return this.found;
    this.from = from;
    this.found = this.text.indexOf(this.needle, from);
    return this.found;
  }
}

/** Lines ending at \n, \r\n or a lone \r (as VS Code and `LineIndex` count them). */
export class Lines {
  start = 0;
  /** Where the line's break begins (or the text's end). */
  end = 0;
  /** Start of the following line; past the text's end for the last line. */
  next = 0;
  private readonly lf: Finder;
  private readonly cr: Finder;

  constructor(private readonly text: string) {
    this.lf = new Finder(text, '\n');
    this.cr = new Finder(text, '\r');
  }

  advance(): boolean {
    const text = this.text;
    if (this.next > text.length) return false;
    this.start = this.next;
    const lf = this.lf.next(this.start);
    const cr = this.cr.next(this.start);
    const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    if (end < 0) {
      this.end = text.length;
      this.next = text.length + 1;
    } else {
      this.end = end;
      this.next = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    }
    return true;
  }
}

/**
 * Inline code spans in text[from, end) as flat [start, end) pairs: a run of backticks opens one that
 * the next run of the same length closes (CommonMark's rule, kept to one line). Linear in the line.
 */
export function codeSpansOf(text: string, from: number, end: number, ticks: Finder): number[] {
  const first = ticks.next(from);
  if (first < 0 || first >= end) return [];
  const runs: number[] = [];
  for (let i = first; i < end;) {
    if (text.charCodeAt(i) !== 96) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && text.charCodeAt(j) === 96) j++;
    runs.push(i, j - i);
    i = j;
  }
  const count = runs.length / 2;
  const nextSame = new Int32Array(count).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let k = count - 1; k >= 0; k--) {
    nextSame[k] = lastOfLength.get(runs[2 * k + 1]) ?? -1;
    lastOfLength.set(runs[2 * k + 1], k);
  }
  const spans: number[] = [];
  for (let k = 0; k < count;) {
    const m = nextSame[k];
    if (m < 0) {
      k++;
      continue;
    }
    spans.push(runs[2 * k], runs[2 * m] + runs[2 * m + 1]);
    k = m + 1;
  }
  return spans;
}

/** Follows fenced code blocks line by line (block-quote aware: a fence in a quote ends with the quote). */
export class FenceTracker {
  /**
   * The open fence's character (0 when none), length and block-quote depth. Fields, not an object: no garbage per line.
   */
  private char = 0;
  private length = 0;
  private depth = 0;

  /** What `step` will answer for the line, without moving on. */
  peek(text: string, start: number, end: number): boolean {
    const { char, length, depth } = this;
    const code = this.step(text, start, end);
    this.char = char;
    this.length = length;
    this.depth = depth;
    return code;
  }

  /** Whether the line is code: a fence line or inside a fenced block. Call it for every line, in order. */
  step(text: string, start: number, end: number): boolean {
    const first = text.charCodeAt(start);
    // Fast path: a line that starts with a letter or digit opens no fence and is outside any quote.
    if (
      this.char === 0 &&
      start < end &&
      first !== 96 &&
      first !== 126 &&
      first !== 62 &&
      !isIndentCode(first) &&
      !isListCode(first)
    )
      return false;
    const content = linePrefix(text, start, end);
    const depth = quoteDepth(text, start, content);
    if (this.char !== 0) {
      if (depth >= this.depth) {
        if (
          fenceRun(text, content, end, this.char) >= this.length &&
          onlySpaces(text, content + fenceRun(text, content, end, this.char), end)
        )
          this.char = 0;
        return true;
      }
      this.char = 0;
    }
    let at = content;
    let length = opensFence(text, at, end);
    if (length === 0) {
      const item = listMarkerEnd(text, content, end);
      if (item > 0) length = opensFence(text, (at = item), end);
    }
    if (length === 0) return false;
    this.char = text.charCodeAt(at);
    this.length = length;
    this.depth = depth;
    return true;
  }
}

/** Where a line's content starts after indentation and block-quote markers. */
export function linePrefix(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 62 || isIndentCode(text.charCodeAt(i)))) i++;
  return i;
}

/** The block-quote depth of a line: the `>` in its prefix, text[start, content) (`content` from `linePrefix`). */
export function quoteDepth(text: string, start: number, content: number): number {
  let depth = 0;
  for (let i = start; i < content; i++) if (text.charCodeAt(i) === 62) depth++;
  return depth;
}

/** How many `char` in a row from `at`. */
function fenceRun(text: string, at: number, end: number, char: number): number {
  let i = at;
  while (i < end && text.charCodeAt(i) === char) i++;
  return i - at;
}

/** The length of the opening fence at `at`, or 0. */
function opensFence(text: string, at: number, end: number): number {
  const char = text.charCodeAt(at);
  if (char !== 96 && char !== 126) return 0;
  const length = fenceRun(text, at, end, char);
  if (length < 3) return 0;
  // A backtick fence's info string has no backtick (else it is inline code).
  if (char === 96) for (let j = at + length; j < end; j++) if (text.charCodeAt(j) === 96) return 0;
  return length;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** Where a block may start on a line: after indentation, block-quote markers and list markers. */
export function blockStart(text: string, start: number, end: number): number {
  let at = linePrefix(text, start, end);
  for (let item = listMarkerEnd(text, at, end); item > at; item = listMarkerEnd(text, at, end))
    at = linePrefix(text, item, end);
  return at;
}

/** After a list marker (`-`, `+`, `*`, `1.`, `1)`) and its spaces, or -1. */
function listMarkerEnd(text: string, at: number, end: number): number {
  let i = at;
  const c = text.charCodeAt(i);
  if (c === 45 || c === 43 || c === 42) i++;
  else {
    while (i < end && i - at < 9 && isDigitCode(text.charCodeAt(i))) i++;
    if (i === at) return -1;
    const d = text.charCodeAt(i);
    if (d !== 46 && d !== 41) return -1;
    i++;
  }
  if (i < end && !isIndentCode(text.charCodeAt(i))) return -1;
  while (i < end && isIndentCode(text.charCodeAt(i))) i++;
  return i;
}

/** Indentation: space, tab, and a byte-order mark at the start of a file. */
export function isIndentCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xfeff;
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

/** A character a list marker may start with: `-`, `+`, `*` or a digit. */
function isListCode(c: number): boolean {
  return c === 45 || c === 43 || c === 42 || isDigitCode(c);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether text[from, to) has anything but white space (and, in Markdown, block-quote markers). */
export function hasContent(text: string, from: number, to: number, markdown: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c) && !(markdown && c === 62)) return true;
  }
  return false;
}
