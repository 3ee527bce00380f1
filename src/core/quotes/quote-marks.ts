// Which characters open and close a quotation, and which are apostrophes. Shared by the sentence
// splitter (a sentence inside a quote is kept whole) and the quote stage.

export type MarkRole = 'open' | 'close' | 'either' | 'none';

export interface MarkReading {
  role: MarkRole;
  /** Marks that close a quote this one opens. */
  closers: string;
  /** Double-style marks are speech; single-style marks are often apostrophes, so they are never reported. */
  double: boolean;
}

const NONE: MarkReading = { role: 'none', closers: '', double: false };

/** Characters worth looking at; everything else is skipped in one test. */
export const QUOTE_CHARS = /["“”„‟«»‹›‘’‚']/g;

const isLetterOrDigit = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);
const isSpaceOrStart = (c: string): boolean => c === '' || /[\s([{\u2014\u2013-]/.test(c);
const isSpaceOrEnd = (c: string): boolean => c === '' || /[\s)\]}.,;:!?\u2014\u2013…-]/.test(c);

/**
 * Reads one quotation-mark character from its neighbours, the way a typesetter would: a mark after a
 * space and before a word opens; a mark after a word and before a space or punctuation closes.
 */
export function readMark(text: string, at: number): MarkReading {
  const mark = text[at];
  const before = at > 0 ? text[at - 1] : '';
  const after = at + 1 < text.length ? text[at + 1] : '';
  const leftFlanking = isSpaceOrStart(before) || /["“„«‘']/.test(before);
  const rightFlanking = isSpaceOrEnd(after) || /["”»’']/.test(after);
  switch (mark) {
    case '“':
      // Opens in English; closes a German „…“ (the caller checks which is open).
      return { role: leftFlanking || !rightFlanking ? 'open' : 'either', closers: '”"“', double: true };
    case '„':
      return { role: 'open', closers: '“”"', double: true };
    case '‟':
      return { role: 'open', closers: '”', double: true };
    case '”':
      // Some typists (and Swedish style) use ” to open: after a space and before a word.
      return { role: leftFlanking && !rightFlanking ? 'either' : 'close', closers: '”', double: true };
    case '«':
      return { role: 'open', closers: '»', double: true };
    case '»':
      // Danish and some German print »…«.
      return { role: leftFlanking && !rightFlanking ? 'either' : 'close', closers: '«', double: true };
    case '‹':
      return { role: 'open', closers: '›', double: false };
    case '›':
      return { role: 'close', closers: '', double: false };
    case '"':
      if (leftFlanking && !rightFlanking) return { role: 'open', closers: '"”', double: true };
      if (rightFlanking && !leftFlanking) return { role: 'close', closers: '', double: true };
      return { role: 'either', closers: '"”', double: true };
    case '‘':
    case '‚':
      // ‘90s and ‘em are elisions, not quotes.
      if (/\d/.test(after) || !leftFlanking || after === '' || /\s/.test(after)) return NONE;
      return { role: 'open', closers: mark === '‚' ? '‘’' : '’', double: false };
    case '’':
    case "'":
      // Between letters (don’t, O’Brien) or before a digit ('90s) it is an apostrophe.
      if (isLetterOrDigit(before) && isLetterOrDigit(after)) return NONE;
      if (/\d/.test(after)) return NONE;
      if (leftFlanking && !rightFlanking) return mark === "'" ? { role: 'open', closers: "'’", double: false } : NONE;
      if (rightFlanking && !leftFlanking) return { role: 'close', closers: '', double: false };
      return NONE;
    default:
      return NONE;
  }
}
