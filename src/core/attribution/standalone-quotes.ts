// A quote standing alone, with no cue in its sentence: it continues the last speaker's statement, or
// "X said:" ending the sentence before introduces it.
import { speakerIn, type Speaker } from './speakers';
import { BEFORE_STANDALONE_QUOTE } from '../lexicon/attribution-words';
import { firstIndexNotBefore } from '../text/search';
import { tokenize } from '../text/tokens';
import type { Attribution, Quote, Sentence } from '../types';

/** A quote that is (nearly) the whole sentence: no cue needed to see it as speech. */
export function standsAlone(prose: string, quote: Quote, sentence: Sentence): boolean {
  // "But “…”", "And “…”": a conjunction linking it to what came before does not make it a new statement.
  const before = withoutLinkingWord(prose.slice(sentence.start, Math.max(sentence.start, quote.start)).trim()).trim();
  const after = prose.slice(Math.min(quote.end, sentence.end), sentence.end).trim();
  return before.length <= 2 && after.length <= 2;
}

/** The text without a linking conjunction (any case) and a comma after it, when it opens with one. */
function withoutLinkingWord(text: string): string {
  // The opening word is its run of ASCII word characters, so "Butler" or "so2" is no conjunction.
  const word = /^\w+/.exec(text)?.[0];
  if (word === undefined || !BEFORE_STANDALONE_QUOTE.has(word.toLowerCase())) return text;
  return text.startsWith(',', word.length) ? text.slice(word.length + 1) : text.slice(word.length);
}

/** Whether a quote lies wholly in [from, to): binary search over quotes sorted by start. */
export function quoteBetween(quotes: Quote[], from: number, to: number): boolean {
  const first = firstIndexNotBefore(quotes.length, (i) => quotes[i].start < from);
  return first < quotes.length && quotes[first].end <= to;
}

export function lastEnd(attribution: Attribution): number {
  return attribution.content[attribution.content.length - 1].end;
}

/** "Jane Doe said:" ending the sentence before a quote introduces it. */
export function introducedBy(prose: string, previous: Sentence | undefined): Speaker | null {
  if (!previous || !/:\s*$/.test(prose.slice(previous.start, previous.end))) return null;
  const tokens = tokenize(prose, previous.start, previous.end);
  return speakerIn(tokens, 0, tokens.length, true);
}
