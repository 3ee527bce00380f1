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
