// A sentence's statements are kept by its text (analysis-cache.ts) and found at offsets within that text: what else
// the result depends on, as a string, and the moves between document and text offsets.
import type { Attribution, Quote, Sentence, Span } from '../types';

/**
 * Where the sentence lies in its text, and its quotes, as a string that analysis-cache.ts compares whole: each number
 * (an offset from the text's start, a count) as two UTF-16 code units, which is cheaper to build than
 * decimal digits, and pieces and opening marks after their count, so that different quotes never read the same.
 */
export function quotesVariant(sentence: Sentence, inSentence: Quote[], allQuotes: Quote[], from: number): string {
  const codes: number[] = [];
  const put = (n: number): void => {
    codes.push(n & 0xffff, n >>> 16);
  };
  put(sentence.start - from);
  put(sentence.end - from);
  for (const q of allQuotes) {
    put(q.start - from);
    put(q.end - from);
    put(q.inner.start - from);
    put(q.inner.end - from);
    put(q.pieces.length);
    for (const piece of q.pieces) {
      put(piece.start - from);
      put(piece.end - from);
    }
    codes.push((q.closed ? 1 : 0) | (q.scare ? 2 : 0) | (inSentence.includes(q) ? 4 : 0));
    put(q.open.length);
    for (let k = 0; k < q.open.length; k++) codes.push(q.open.charCodeAt(k));
  }
  let variant = '';
  // In slices: a call takes only so many arguments.
  for (let k = 0; k < codes.length; k += 4096) variant += String.fromCharCode(...codes.slice(k, k + 4096));
  return variant;
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** The quote `by` further on (negative: back to a text's own offsets). */
export function rebaseQuote(q: Quote, by: number): Quote {
  return { ...q, ...shift(q, by), inner: shift(q.inner, by), pieces: q.pieces.map((p) => shift(p, by)) };
}

/** A copy of the statement `by` further on, for the caller to give its sentences. */
export function rebaseAttribution(a: Attribution, by: number): Attribution {
  const maybe = (s: Span | null): Span | null => (s ? shift(s, by) : null);
  return {
    ...a,
    content: a.content.map((s) => shift(s, by)),
    cue: maybe(a.cue),
    sourceMention: maybe(a.sourceMention),
    channel: maybe(a.channel),
    sentences: [],
  };
}
