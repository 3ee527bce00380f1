// Statements read by the trained tagger (model/): it tags a sentence's tokens as cue, source and content,
// and this module joins the tagged spans into statements. The rules keep what they find precisely (direct
// quotes, "according to", block quotes, reported speech with a known verb): sentence-statements.ts asks
// the tagger only about sentences where no rule found a statement (beliefs, positions, evaluations).
//
// Joining: each content span goes to the nearest cue (in tokens), each source span to the nearest cue,
// and a cue with content is one statement; a statement needs a cue, so a content span alone is dropped.
// The tagger's other spans are kept or dropped by the tests in `modelStatements` below.
import { hasCueWord, spansFromTags, tagSentence, type TaggerWeights, type TokenSpan } from './model';
import { reported, type Candidate } from './candidates';
import { overlapsAnyOf } from './spans';
import { trimStatement } from './statement-span';
import { cueClassOf } from '../lexicon/cue-lexicon';
import { firstIndexNotBefore } from '../text/search';
import type { Token } from '../text/tokens';
import type { Quote, Span } from '../types';

/** Content shorter than this many words is not a statement (the rules' reported-speech minimum too). */
const MIN_CONTENT_WORDS = 3;

function hasLexiconCue(tokens: readonly Token[], cue: TokenSpan): boolean {
  for (let t = cue.start; t < cue.end; t++) if (cueClassOf(tokens[t], true) !== undefined) return true;
  return false;
}

const WRITER = new Set(['i', 'we']);
const ARTICLES = new Set(['a', 'an', 'the']);

const distance = (a: TokenSpan, b: TokenSpan): number =>
  a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;

/**
 * The cue nearest `span`, the first on a tie. The tagger's spans do not overlap and come in order, so the
 * nearest is the last cue before the span or the first after it: a binary search finds them (a sentence
 * with no full stop can have thousands of cues and spans).
 */
export function nearestCue(span: TokenSpan, cues: readonly TokenSpan[]): number {
  const after = firstIndexNotBefore(cues.length, (c) => cues[c].start < span.end);
  if (after === 0) return 0;
  if (after === cues.length) return cues.length - 1;
  return distance(span, cues[after]) < distance(span, cues[after - 1]) ? after : after - 1;
}

function wordCount(tokens: readonly Token[], span: TokenSpan): number {
  let words = 0;
  for (let t = span.start; t < span.end; t++) if (tokens[t].word) words++;
  return words;
}

/** The statements the tagger reads in one sentence's tokens; `quotes` are the sentence's (their words are the rules'). */
export function modelStatements(prose: string, tokens: Token[], quotes: Quote[], weights: TaggerWeights): Candidate[] {
  // A statement needs a cue-lexicon word (below): a sentence without one is not worth tagging.
  if (!hasCueWord(tokens)) return [];
  const spans = spansFromTags(tagSentence(tokens, weights));
  const cues = spans.filter((s) => s.role === 'cue');
  if (cues.length === 0) return [];
  const contents: TokenSpan[][] = cues.map(() => []);
  const sources: (TokenSpan | null)[] = cues.map(() => null);
  for (const span of spans) {
    if (span.role === 'cue') continue;
    const c = nearestCue(span, cues);
    if (span.role === 'content') contents[c].push(span);
    else if (!sources[c] || distance(span, cues[c]) < distance(sources[c]!, cues[c])) sources[c] = span;
  }
  const statements: Candidate[] = [];
  // One search a piece, not a pass over the quotes: a paragraph can hold thousands of each.
  const overlapsQuote = overlapsAnyOf(quotes);
  const charSpan = (s: TokenSpan): Span => ({ start: tokens[s.start].start, end: tokens[s.end - 1].end });
  for (let c = 0; c < cues.length; c++) {
    const pieces = contents[c].filter((s) => wordCount(tokens, s) > 0);
    if (pieces.reduce((n, s) => n + wordCount(tokens, s), 0) < MIN_CONTENT_WORDS) continue;
    const source = sources[c];
    // Chosen by the article-grouped CV on PolNeAR train (scripts/attribution-cv.ts): a content with a
    // quote mark in it is the rules' (they read quotes well; the tagger's took direct-quote precision
    // from 89 to 84), and a cue must be a word of the cue lexicon (the tagger's other cues were right
    // less than half the time: precision of all statements 72 -> 77 for 2.4 points of recall).
    if (pieces.some((p) => overlapsQuote(tokens[p.start].start, tokens[p.end - 1].end))) continue;
    if (!hasLexiconCue(tokens, cues[c])) continue;
    // After an article the cue word is a noun or an adjective ("an estimated 600 billion", "the
    // comments"), not a report (CV: precision up 0.2, recall the same).
    if (cues[c].start > 0 && ARTICLES.has(tokens[cues[c].start - 1].lower)) continue;
    // A capitalised cue word opening a sentence that names no source is its subject, a noun: "Comments
    // that do not meet our guidelines will be rejected" (CV: all F1 and end to end the same, precision +0.1).
    if (!source && cues[c].start === 0 && tokens[0].text !== tokens[0].lower) continue;
    // "We welcome comments…": outside quotes, I and we are the writer's own voice (a comment policy, an
    // editor's note), not a source being reported.
    if (source && source.end - source.start === 1 && WRITER.has(tokens[source.start].lower)) continue;
    const first = reported(prose, quotes, charSpan(pieces[0]), charSpan(cues[c]), source && charSpan(source), null);
    first.content = pieces.map((s) => trimStatement(prose, charSpan(s))).filter((s) => s.end > s.start);
    if (first.content.length > 0) statements.push({ ...first, foundBy: 'tagger' });
  }
  return statements;
}
