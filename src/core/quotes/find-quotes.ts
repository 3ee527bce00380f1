// Stage 3: quotes. Pairs quotation marks into top-level quotes (nested ones stay inside their parent),
// follows the news convention of a quote running over paragraphs (an opening mark on each, a closing
// mark only on the last), turns Markdown block quotes into quotes, and reports marks with no partner.
import { QUOTE_CHARS, readMark } from './quote-marks';
import type { Block, Quote, Span } from '../types';

export interface QuoteScan {
  quotes: Quote[];
  /** Double quotation marks that open or close nothing. */
  unbalanced: Span[];
}

interface OpenMark {
  mark: string;
  at: number;
  closers: string;
  double: boolean;
  /** Blocks so far, and the inner text of each (for a quote that runs over paragraphs). */
  blocks: number[];
  pieces: Span[];
  pieceStart: number;
}

/** Words before a quote that make it a term or scare quote rather than speech. */
const SCARE_CUE =
  /\b(so-called|so called|dubbed|termed|known as|the (?:word|term|phrase|label)|labell?ed|branded|nicknamed|coined|self-styled|self-described|referred to as)\s*$/i;
const SENTENCE_PUNCTUATION = /[.!?,;:…]/;

export function findQuotes(prose: string, blocks: Block[]): QuoteScan {
  const quotes: Quote[] = [];
  const unbalanced: Span[] = [];
  let open: OpenMark | null = null; // the top-level quote carried across a paragraph break
  const markAt = (at: number): Span => ({ start: at, end: at + 1 });

  const emit = (o: OpenMark, end: number, closed: boolean): void => {
    const pieces = [...o.pieces, { start: o.pieceStart, end: closed ? end - 1 : end }].filter((p) => p.end > p.start);
    const inner = { start: o.at + 1, end: closed ? end - 1 : end };
    quotes.push({
      start: o.at,
      end,
      inner,
      pieces,
      open: o.mark,
      closed,
      blocks: o.blocks,
      scare: isScare(prose, o.at, inner),
    });
  };

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.inBlockquote) {
      if (open) {
        if (open.double) unbalanced.push(markAt(open.at));
        emit(open, blocks[b - 1].end, false);
        open = null;
      }
      addBlockquote(quotes, block, blocks[b - 1]);
      continue;
    }
    let from = block.start;
    if (open) {
      const first = firstNonSpace(prose, block.start, block.end);
      if (first >= 0 && reopens(prose, first)) {
        // The quote continues: this paragraph reopens it.
        open.pieces.push({ start: open.pieceStart, end: trimEnd(prose, open.pieceStart, blocks[b - 1].end) });
        open.blocks.push(b);
        open.pieceStart = first + 1;
        from = first + 1;
      } else {
        if (open.double) unbalanced.push(markAt(open.at));
        emit(open, blocks[b - 1].end, false);
        open = null;
      }
    }
    const stack: OpenMark[] = open ? [open] : [];
    open = null;
    // The block's own slice: searching the whole text would run past the block, block after block.
    for (const m of prose.slice(from, block.end).matchAll(QUOTE_CHARS)) {
      const at = from + m.index;
      const reading = readMark(prose, at);
      if (reading.role === 'none') continue;
      const mark = prose[at];
      const closes = findCloser(stack, mark, reading.role);
      if (closes >= 0) {
        // Anything opened inside and not closed was an apostrophe or a typo.
        for (const dropped of stack.splice(closes + 1)) if (dropped.double) unbalanced.push(markAt(dropped.at));
        const closed = stack.pop()!;
        if (stack.length === 0) emit(closed, at + 1, true);
      } else if (reading.role === 'open' || reading.role === 'either') {
        stack.push({
          mark,
          at,
          closers: reading.closers,
          double: reading.double,
          blocks: [b],
          pieces: [],
          pieceStart: at + 1,
        });
      } else if (reading.double) {
        unbalanced.push(markAt(at));
      }
    }
    // At the paragraph's end only the outermost double quote may run on into the next paragraph.
    const outer = stack[0];
    for (const dropped of stack.slice(1)) if (dropped.double) unbalanced.push(markAt(dropped.at));
    if (outer && outer.double) open = outer;
  }
  if (open) {
    unbalanced.push(markAt(open.at));
    emit(open, blocks[blocks.length - 1].end, false);
  }
  unbalanced.sort((x, y) => x.start - y.start);
  return { quotes: quotes.sort((x, y) => x.start - y.start), unbalanced };
}

/** Index in the stack of the quote this mark closes, or -1. */
function findCloser(stack: OpenMark[], mark: string, role: string): number {
  if (role === 'open') return -1;
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i].closers.includes(mark)) return i;
    // A single quote never reaches past a double one to close it.
    if (stack[i].double && mark !== '"' && !/[”»“]/.test(mark)) break;
  }
  return -1;
}

/** A paragraph that starts with an opening double mark continues the quote left open before it. */
function reopens(prose: string, at: number): boolean {
  const reading = readMark(prose, at);
  return reading.double && (reading.role === 'open' || reading.role === 'either');
}

function addBlockquote(quotes: Quote[], block: Block, previous: Block | undefined): void {
  const last = quotes[quotes.length - 1];
  const span = { start: block.start, end: block.end };
  if (last && last.open === '>' && previous && previous.inBlockquote && last.end === previous.end) {
    last.end = block.end;
    last.inner = { start: last.start, end: block.end };
    last.pieces.push(span);
    last.blocks.push(block.index);
    return;
  }
  quotes.push({
    ...span,
    inner: { ...span },
    pieces: [{ ...span }],
    open: '>',
    closed: true,
    blocks: [block.index],
    scare: false,
  });
}

/** "a so-called “caliphate”", "dubbed “Operation X”": the words before the mark make it a term. */
export function introducedAsTerm(prose: string, at: number): boolean {
  return SCARE_CUE.test(prose.slice(Math.max(0, at - 40), at));
}

function isScare(prose: string, at: number, inner: Span): boolean {
  if (introducedAsTerm(prose, at)) return true;
  const content = prose.slice(inner.start, inner.end).trim();
  const words = content.split(/\s+/).filter(Boolean);
  if (words.length <= 2 && !SENTENCE_PUNCTUATION.test(content)) return true;
  // A whole quoted sentence standing after another (“That’s Jeb Bush and Marco Rubio.”) is speech,
  // however capitalised its words.
  if (/[.!?]$/.test(content) && opensSentence(prose, at)) return false;
  return looksLikeTitle(content);
}

/** Whether only a sentence end, or the start of the line, comes before `at`. */
function opensSentence(prose: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (prose[i] === ' ' || prose[i] === '\t')) i--;
  return i < 0 || prose[i] === '\n' || /[.!?]["”’»]?$/.test(prose.slice(Math.max(0, i - 1), i + 1));
}

/** A title in quotes: "Sunday Morning Futures," "Real Time." (two to six words, each capitalised). */
export function looksLikeTitle(content: string): boolean {
  const words = content.trim().split(/\s+/).filter(Boolean);
  return (
    words.length >= 2 &&
    words.length <= 6 &&
    words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(of|the|and|a|an|in|on|for|to|with)$/.test(w)) &&
    !/[!?]/.test(content)
  );
}

function firstNonSpace(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (!/\s/.test(text[i])) return i;
  return -1;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
