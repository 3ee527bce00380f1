// Spans read off a sentence's tokens: the token at an offset, a phrase's span, a quote's pieces with
// their marks, a channel phrase with the outlet it names.
import { phraseAfter, type Phrase } from './mention-phrases';
import { BEFORE_OUTLET } from '../lexicon/attribution-words';
import { channelAfterAt } from '../lexicon/cue-lexicon';
import { firstIndexNotBefore } from '../text/search';
import type { Token } from '../text/tokens';
import type { Quote, Span } from '../types';

export function tokenIndexAt(tokens: Token[], offset: number): number {
  return firstIndexNotBefore(tokens.length, (i) => tokens[i].start < offset);
}

export function spanOf(tokens: Token[], phrase: Phrase): Span {
  return { start: tokens[phrase.from].start, end: tokens[phrase.to - 1].end };
}

export function lastIndexBefore(tokens: Token[], at: number, test: (t: Token) => boolean): number {
  for (let i = at - 1; i >= 0; i--) if (test(tokens[i])) return i;
  return -1;
}

/**
 * `lastIndexBefore(tokens, at, test)` for many `at` in one sentence: the answers for every index, found in
 * one pass the first time one is asked. A sentence can have thousands of cues (a paragraph with no full
 * stop), and a backward scan for each cue would read the sentence once per cue.
 */
export function lastIndexBeforeEach(tokens: readonly Token[], test: (t: Token) => boolean): (at: number) => number {
  let last: Int32Array | null = null;
  return (at) => {
    if (!last) {
      last = new Int32Array(tokens.length + 1);
      let found = -1;
      for (let i = 0; i <= tokens.length; i++) {
        last[i] = found;
        if (i < tokens.length && test(tokens[i])) found = i;
      }
    }
    return last[Math.max(0, Math.min(at, tokens.length))];
  };
}

/**
 * The first index `i >= at` with `test(tokens[i], i)`, or tokens.length when there is none, for many `at` in
 * one sentence: the answers for every index, found in one backward pass the first time one is asked (a
 * forward scan for each cue would read a sentence with thousands of cues once per cue).
 */
export function firstIndexFromEach(
  tokens: readonly Token[],
  test: (t: Token, i: number) => boolean,
): (at: number) => number {
  let next: Int32Array | null = null;
  return (at) => {
    if (!next) {
      next = new Int32Array(tokens.length + 1);
      next[tokens.length] = tokens.length;
      for (let i = tokens.length - 1; i >= 0; i--) next[i] = test(tokens[i], i) ? i : next[i + 1];
    }
    return next[Math.max(0, Math.min(at, tokens.length))];
  };
}

/**
 * `make(tokens)` made once per token list and kept while the list lives: finders that are handed only a
 * sentence's tokens share one look-up across all their cues.
 */
export function perTokenList<T>(make: (tokens: Token[]) => T): (tokens: Token[]) => T {
  const kept = new WeakMap<Token[], T>();
  return (tokens) => {
    let value = kept.get(tokens);
    if (value === undefined) kept.set(tokens, (value = make(tokens)));
    return value;
  };
}

/** How many word tokens lie in tokens[from, to), answered from prefix counts made once (on first use). */
export function wordCounter(tokens: readonly Token[]): (from: number, to: number) => number {
  let before: Int32Array | null = null;
  return (from, to) => {
    if (!before) {
      before = new Int32Array(tokens.length + 1);
      for (let i = 0; i < tokens.length; i++) before[i + 1] = before[i] + (tokens[i].word ? 1 : 0);
    }
    const clamp = (i: number): number => Math.max(0, Math.min(i, tokens.length));
    return Math.max(0, before[clamp(to)] - before[clamp(from)]);
  };
}

/** Word counts before each token, made once per token list (kept while the list lives). */
const WORDS_BEFORE = new WeakMap<readonly Token[], Int32Array>();

/**
 * How many word tokens lie in tokens[from, to), as `tokens.slice(from, to).filter((t) => t.word).length`
 * for `from` and `to` not below 0, from prefix counts rather than a pass: finders ask this for each cue,
 * and one sentence can have thousands of cues.
 */
export function wordsBetween(tokens: readonly Token[], from: number, to: number): number {
  let before = WORDS_BEFORE.get(tokens);
  if (!before) {
    before = new Int32Array(tokens.length + 1);
    for (let i = 0; i < tokens.length; i++) before[i + 1] = before[i] + (tokens[i].word ? 1 : 0);
    WORDS_BEFORE.set(tokens, before);
  }
  const clamp = (i: number): number => Math.max(0, Math.min(i, tokens.length));
  return Math.max(0, before[clamp(to)] - before[clamp(from)]);
}

/** How many word tokens lie wholly inside `span` (tokens are in order and do not overlap: two searches). */
export function wordsWithin(tokens: readonly Token[], span: Span): number {
  const from = firstIndexNotBefore(tokens.length, (i) => tokens[i].start < span.start);
  const to = firstIndexNotBefore(tokens.length, (i) => tokens[i].end <= span.end);
  return wordsBetween(tokens, from, to);
}

/**
 * Whether [start, end) lies inside one of `spans` (`spans.some((s) => s.start <= start && end <= s.end)`),
 * in a binary search a question: the spans sorted by start, with the furthest end reached so far. A
 * paragraph can hold thousands of quotes and ask this for thousands of cues.
 */
export function insideAnyOf(spans: readonly Span[]): (start: number, end: number) => boolean {
  const opened = openedBy(spans);
  return (start, end) => opened((s) => s.start <= start) >= end;
}

/**
 * Whether [start, end) overlaps one of `spans` (`spans.some((s) => start < s.end && s.start < end)`), in a
 * binary search a question, as insideAnyOf.
 */
export function overlapsAnyOf(spans: readonly Span[]): (start: number, end: number) => boolean {
  const opened = openedBy(spans);
  return (start, end) => opened((s) => s.start < end) > start;
}

/**
 * Whether one of `spans` lies inside [start, end) (`spans.some((s) => start <= s.start && s.end <= end)`),
 * in a binary search a question: the spans sorted by start, with the least end among those from each on.
 * A topic verb's content is checked for a quote in it, and one paragraph can hold thousands of each.
 */
export function holdsAnyOf(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const leastEnd = new Float64Array(sorted.length + 1).fill(Infinity);
  for (let i = sorted.length - 1; i >= 0; i--) leastEnd[i] = Math.min(leastEnd[i + 1], sorted[i].end);
  return (start, end) => leastEnd[firstIndexNotBefore(sorted.length, (i) => sorted[i].start < start)] <= end;
}

/**
 * For spans sorted by start, the furthest end among those that open early enough (`opensInTime` true for
 * a prefix of them), or -Infinity when none does.
 */
function openedBy(spans: readonly Span[]): (opensInTime: (s: Span) => boolean) => number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const furthestEnd = new Float64Array(sorted.length);
  let furthest = -Infinity;
  sorted.forEach((s, i) => (furthestEnd[i] = furthest = Math.max(furthest, s.end)));
  return (opensInTime) => {
    const opened = firstIndexNotBefore(sorted.length, (i) => opensInTime(sorted[i]));
    return opened > 0 ? furthestEnd[opened - 1] : -Infinity;
  };
}

/**
 * `quotes.find((q) => q.start <= token.start && token.end <= q.end)`, by a binary search when the quotes
 * are in order and do not overlap (as findQuotes gives them: then at most one holds the token), and by
 * that scan otherwise. A paragraph can hold thousands of quotes and ask this for every token.
 */
export function quoteContaining(quotes: readonly Quote[]): (token: Span) => Quote | undefined {
  const disjoint = quotes.every((q, i) => i === 0 || quotes[i - 1].end <= q.start);
  if (!disjoint) return (token) => quotes.find((q) => q.start <= token.start && token.end <= q.end);
  return (token) => {
    const q = quotes[firstIndexNotBefore(quotes.length, (i) => quotes[i].start <= token.start) - 1];
    return q && token.end <= q.end ? q : undefined;
  };
}

/** The quote's text with its marks, paragraph by paragraph. */
export function contentPieces(prose: string, quote: Quote): Span[] {
  return quote.pieces.map((piece, i) => ({
    start:
      i === 0 ? quote.start : piece.start > 0 && /["“„«]/.test(prose[piece.start - 1]) ? piece.start - 1 : piece.start,
    end: i === quote.pieces.length - 1 ? quote.end : piece.end,
  }));
}

/** A channel phrase, with the outlet or person it names: "in a statement on X", "in an interview with CNN". */
export function channelSpan(tokens: Token[], at: number, length: number): Span {
  let end = at + length;
  if (BEFORE_OUTLET.has(tokens[end - 1].lower)) {
    const outlet = phraseAfter(tokens, end);
    if (outlet) end = outlet.to;
  }
  return { start: tokens[at].start, end: tokens[end - 1].end };
}

export function channelNear(tokens: Token[], from: number, to: number): Span | null {
  for (let i = from; i < Math.min(to, from + 3); i++) {
    const length = channelAfterAt(tokens, i);
    if (length) return { start: tokens[i].start, end: tokens[i + length - 1].end };
  }
  return null;
}
