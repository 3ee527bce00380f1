// Stage 2: sentences. A sentence ends at . ! ? or … (with any closing quotes and brackets after it)
// when whitespace and a capital, digit or opening mark follow, unless the period belongs to an
// abbreviation (Mr., U.S., p.m., D-Calif., No. 1, initials). A sentence inside a quote is kept whole:
// `“We came. We won,” she said.` is one sentence, so its attribution stays with it.
import { cueClassOf } from '../lexicon/cue-lexicon';
import abbreviations from '../lexicon/abbreviations.json';
import titles from '../lexicon/titles.json';
import { memoized, type TextMemo } from '../text/text-memo';
import { findQuotes } from '../quotes';
import { tokenize } from '../text/tokens';
import type { Block, Sentence, Span } from '../types';

/** Short forms before or beside a name (titles.json): a period after one ends no sentence. */
const TITLES = new Set([...titles.abbreviated, ...titles.abbreviatedBesideNames, ...titles.rareAbbreviated]);
const OTHER_ABBREVIATIONS = new Set(abbreviations.other);
const SENTENCE_STARTERS = new Set(abbreviations.sentenceStarters);

const TERMINATORS = /[.!?…]+/g;
const CLOSERS = /["”’'»)\]]/;
const OPENS_SENTENCE = /[\p{Lu}\p{N}"“„«‘'([¡¿]/u;
/**
 * A footnote reference after the full stop belongs to the sentence it ends: `…since 2009.[^1] The …`.
 * In Markdown with the note defined, remark reads it as a reference and the prose keeps only `^1`,
 * its brackets blanked to spaces.
 */
const FOOTNOTE_AFTER_STOP = /\[\^[^\]\s]+\]|\s\^[^\]\s]+(?=\s)/y;

export function splitSentences(prose: string, blocks: Block[], memo?: TextMemo<number[]>): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    // Each block is split on its own text alone, so the result depends on that text only and is kept
    // by it between analyses (analysis-cache.ts).
    const text = prose.slice(block.start, block.end);
    const bounds = memoized(
      memo,
      text,
      () => blockSentences(text, block.inBlockquote),
      block.inBlockquote ? 'quoted' : '',
      block.start,
    );
    for (let i = 0; i < bounds.length; i += 2) {
      sentences.push({
        index: sentences.length,
        block: block.index,
        start: block.start + bounds[i],
        end: block.start + bounds[i + 1],
      });
    }
  }
  return sentences;
}

/** Sentence bounds in one block's text, as start, end pairs. */
function blockSentences(prose: string, inBlockquote: boolean): number[] {
  const block: Block = { index: 0, kind: 'paragraph', start: 0, end: prose.length, inBlockquote };
  const bounds: number[] = [];
  // Found only once a boundary is in question: a one-sentence paragraph, the most common kind, never is.
  let keepWhole: Span[] | null = null;
  let start = 0;
  let quote = 0; // keepWhole is in text order: walk it alongside, never rescan it
  for (const found of prose.matchAll(TERMINATORS)) {
    const m = { index: found.index, 0: found[0] };
    let end = m.index + m[0].length;
    while (end < block.end && CLOSERS.test(prose[end])) end++;
    // Only at `[` or before `^` is the pattern tried: a footnote after a stop is rare.
    if (prose.charCodeAt(end) === 91 || prose.charCodeAt(end + 1) === 94) {
      FOOTNOTE_AFTER_STOP.lastIndex = end;
      if (FOOTNOTE_AFTER_STOP.test(prose)) end = FOOTNOTE_AFTER_STOP.lastIndex;
    }
    if (end >= block.end) break;
    if (!/\s/.test(prose[end])) continue;
    const next = skipSpace(prose, end, block.end);
    if (next >= block.end || !OPENS_SENTENCE.test(prose[next])) continue;
    keepWhole ??= quotedRegions(prose, block);
    while (quote < keepWhole.length && keepWhole[quote].end <= m.index) quote++;
    const inQuote = quote < keepWhole.length && keepWhole[quote].start < m.index && next < keepWhole[quote].end;
    if (inQuote) continue;
    if (m[0] === '.' && isAbbreviation(prose, m.index, next)) continue;
    if (end > m.index + m[0].length && speakerClauseFollows(prose, next, block.end)) continue;
    push(bounds, prose, start, end);
    start = next;
  }
  push(bounds, prose, start, block.end);
  return bounds;
}

function push(bounds: number[], prose: string, start: number, end: number): void {
  while (start < end && /\s/.test(prose[start])) start++;
  while (end > start && /\s/.test(prose[end - 1])) end--;
  if (end > start) bounds.push(start, end);
}

/** Closed quotes inside the block: a terminator inside one does not end the sentence. */
function quotedRegions(prose: string, block: Block): Span[] {
  if (block.inBlockquote) return [];
  return findQuotes(prose, [block]).quotes.filter((q) => q.closed && !q.scare);
}

/** Whether the period at `at` ends an abbreviation rather than the sentence; `next` starts the next word. */
function isAbbreviation(prose: string, at: number, next: number): boolean {
  let wordStart = at;
  while (wordStart > 0 && /[\p{L}.-]/u.test(prose[wordStart - 1])) wordStart--;
  const word = prose
    .slice(wordStart, at)
    .toLowerCase()
    .replace(/^[-.]+/, '');
  if (word === '') return false;
  const lastPart = word.slice(word.lastIndexOf('-') + 1);
  // An initial: "John F. Kennedy", "J.K. Rowling".
  if (/^\p{L}$/u.test(lastPart) && /\p{Lu}/u.test(prose[at - 1])) return true;
  if (TITLES.has(word) || TITLES.has(lastPart)) return true;
  // Party-and-state labels: "Sen. Dianne Feinstein (D-Calif.) said".
  const known =
    OTHER_ABBREVIATIONS.has(word) ||
    OTHER_ABBREVIATIONS.has(lastPart) ||
    /^[dri]-\p{L}+$/u.test(word) ||
    /^(\p{L}\.)+\p{L}$/u.test(word);
  if (!known) return false;
  if (/\d/.test(prose[next])) return true; // No. 1, Jan. 20
  const nextWord = /^[\p{L}']+/u.exec(prose.slice(next, next + 30));
  return !(nextWord && SENTENCE_STARTERS.has(nextWord[0].toLowerCase()));
}

/** Words a speaker clause may run to: `“Why not?” Sanders replied.` ends after "replied". */
const SPEAKER_CLAUSE_WORDS = 6;

/** After a quote that ends in . ! or ?, a short clause with a cue ("Sanders replied") is the same sentence. */
function speakerClauseFollows(prose: string, from: number, blockEnd: number): boolean {
  const tokens = tokenize(prose, from, Math.min(blockEnd, from + 80));
  const clauseEnd = tokens.findIndex((t) => /^[.,!?;:]$/.test(t.text));
  if (clauseEnd < 0) return false;
  const words = tokens.slice(0, clauseEnd).filter((t) => t.word);
  return (
    words.length <= SPEAKER_CLAUSE_WORDS && words.some((t) => cueClassOf(t) !== undefined && cueClassOf(t) !== 'belief')
  );
}

function skipSpace(text: string, at: number, end: number): number {
  while (at < end && /\s/.test(text[at])) at++;
  return at;
}
