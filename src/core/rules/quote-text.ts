// The document's words as the rules' messages quote them: one line in the Problems panel, as cSpell and
// markdownlint name the exact word. Whitespace is squeezed, Markdown markers are dropped (the panel shows
// plain text, and "**Mayor**" is not what the editor reads), and a long passage is cut at a word boundary
// with "…", so "No source for “More than 300 homes in Riverside flooded…”" fits beside its reason.
import type { Span } from '../types';

/** The longest quotation a message holds, in characters: about six words, room for the reason beside it. */
export const QUOTE_LENGTH = 40;

const LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const EMPHASIS_AND_CODE = /\*+|_{2,}|`+/g;
const MAY_EMPHASISE = /[*_`]/;
const LINE_MARKERS = /^\s*(?:#{1,6}\s+|>\s*|[-+*]\s+)/;
/** A passage's own outer quotation marks: a quotation is quoted as “I'll believe it…”, not ““I'll believe it…”. */
const OUTER_OPEN = /^["“«„‘]/u;
const OUTER_CLOSE = /[,.]?["”»’]$/u;
/** Left at a cut's end they read as the sentence going on: "flooded, …" becomes "flooded…". */
const TRAILING_PUNCTUATION = /[\s,;:.\u2013\u2014-]+$/u;

/**
 * The words of a passage as plain text: Markdown links reduced to their label, emphasis and code marks
 * dropped, whitespace squeezed, and the passage's own outer quotation marks taken off.
 */
export function plainWords(passage: string): string {
  // Most passages hold no link and no emphasis: those replacements are skipped, not run to find nothing.
  const unlinked = passage.includes('[') ? passage.replace(LINK, '$1') : passage;
  const plain = MAY_EMPHASISE.test(unlinked) ? unlinked.replace(EMPHASIS_AND_CODE, '') : unlinked;
  const words = plain.replace(LINE_MARKERS, '').replace(/\s+/g, ' ').trim();
  return OUTER_OPEN.test(words) ? words.replace(OUTER_OPEN, '').replace(OUTER_CLOSE, '') : words;
}

/** The start of `words`, at most `max` characters, cut after a whole word with "…" when it is longer. */
export function cutAtWord(words: string, max = QUOTE_LENGTH): string {
  if (words.length <= max) return words.replace(/[,;:.]+$/, '');
  const head = words.slice(0, max + 1);
  const space = head.lastIndexOf(' ');
  // One long word (a URL) is cut where it must be.
  const kept = space > max / 2 ? head.slice(0, space) : words.slice(0, max);
  return `${kept.replace(TRAILING_PUNCTUATION, '')}…`;
}

/** The end of `words`, at most `max` characters, after "…" when it is longer: what stands before a place. */
export function cutEndAtWord(words: string, max = QUOTE_LENGTH): string {
  const ended = words.replace(/[,;:.]+$/, '');
  if (ended.length <= max) return ended;
  const tail = ended.slice(-max - 1);
  const space = tail.indexOf(' ');
  const kept = space >= 0 && space < max / 2 ? tail.slice(space + 1) : ended.slice(-max);
  return `…${kept}`;
}

/** The start of the passage at `span`, in curly quotation marks: “More than 300 homes in Riverside flooded…”. */
export function quoteStart(text: string, span: Span, max = QUOTE_LENGTH): string {
  // Only the start is read: a repeated passage or a boilerplate block can run to pages.
  const end = Math.min(span.end, span.start + 4 * max);
  const words = cutAtWord(plainWords(text.slice(span.start, end)), max);
  return `“${end < span.end && !words.endsWith('…') ? `${words}…` : words}”`;
}

/** The words just before `at` (from `from`), in quotation marks: “…said the budget does not add up”. */
export function quoteBefore(text: string, from: number, at: number, max = QUOTE_LENGTH): string {
  return `“${cutEndAtWord(plainWords(text.slice(Math.max(from, at - 4 * max), at)), max)}”`;
}

/** A list as a sentence: "a number", "a number and a date", "a number, a date and a name". */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
