// Stage 4, second part: statements reported with no source. The text says that something is held or
// said and does not say by whom, so the statement gets a cue and no source mention:
//   passive    Obama is expected to join Clinton …   / The hackers are believed to have …
//   hedge      Clinton has reportedly amassed the delegates …
//   impersonal It is unclear whether the Senate will vote …
//   question   Asked whether he would run, Smith said no.  (who asked is not said)
// These are what a fact-checker most needs to see: they read as sourced and are not.
import {
  AFTER_IMPERSONAL_IT,
  BE,
  BEFORE_ASKED,
  BEFORE_HEDGE,
  BEFORE_PASSIVE,
  DEGREE,
  OPENING_ASKED,
  OPENING_IMPERSONAL_CLAUSE,
  PLACE_OF_ASKING,
} from '../lexicon/attribution-words';
import { cueClassOf, sourceAfterAt } from '../lexicon/cue-lexicon';
import cues from '../lexicon/cues.json';
import { phraseBefore } from './mention-phrases';
import { firstIndexFromEach, insideAnyOf, perTokenList, wordsWithin } from './spans';
import { trimStatement } from './statement-span';
import type { Token } from '../text/tokens';
import type { Attribution, Quote, Span } from '../types';

const PASSIVE = new Set(cues.agentless.passive);
const HEDGES = new Set(cues.agentless.hedges);
const SEEM = new Set(cues.agentless.seem);
const IMPERSONAL = new Set(cues.agentless.impersonal);
export const QUESTION_WORDS: ReadonlySet<string> = new Set<string>(cues.agentless.questionWords);
const MIN_CONTENT_WORDS = 3;
/** The words each pattern turns on: only tokens with one of these words are looked at (triggers.ts). */
export const AGENTLESS_TRIGGERS: ReadonlySet<string> = new Set(['asked', 'it', "it's", ...PASSIVE, ...HEDGES, ...SEEM]);

/** `triggers`: the indices of the tokens whose word is one of AGENTLESS_TRIGGERS, in order. */
export function agentlessAttributions(
  prose: string,
  tokens: Token[],
  quotes: Quote[],
  sentenceEnd: number,
  triggers: readonly number[],
): Attribution[] {
  const found: Attribution[] = [];
  // One search a trigger, not a pass over the quotes: one paragraph can hold thousands of each.
  const insideQuote = insideAnyOf(quotes);
  for (const i of triggers) {
    const token = tokens[i];
    if (insideQuote(token.start, token.end)) continue;
    const statement =
      askedQuestion(tokens, i, quotes) ??
      passive(tokens, i, sentenceEnd) ??
      hedge(tokens, i, sentenceEnd) ??
      seeming(tokens, i, sentenceEnd) ??
      impersonal(tokens, i, sentenceEnd);
    if (!statement || wordCount(tokens, statement.content) < MIN_CONTENT_WORDS) continue;
    const mixed = quotes.some((q) => statement.content.some((c) => q.start >= c.start && q.end <= c.end + 1));
    found.push({
      kind: mixed ? 'mixed' : 'indirect',
      content: statement.content.map((c) => trimStatement(prose, c)),
      cue: statement.cue,
      sourceMention: null,
      source: null,
      channel: null,
      sentences: [],
    });
  }
  return found;
}

interface Found {
  content: Span[];
  cue: Span;
}

/** Whether the sentence opens with a question put by someone unnamed: "Asked …", "When asked …". */
export function opensWithAsked(tokens: Token[]): boolean {
  return tokens[0]?.lower === 'asked' || (OPENING_ASKED.has(tokens[0]?.lower ?? '') && tokens[1]?.lower === 'asked');
}

/** "Asked whether he would run, …" or "… when asked about the polls": the question is the content. */
function askedQuestion(tokens: Token[], at: number, quotes: Quote[]): Found | null {
  if (tokens[at].lower !== 'asked') return null;
  const opensSentence = at <= 1 && opensWithAsked(tokens);
  const afterWhen = at > 0 && BEFORE_ASKED.has(tokens[at - 1].lower);
  if (!opensSentence && !afterWhen) return null;
  let from = at + 1;
  // "Asked on Fox News who leads the party": where it was asked comes first.
  if (PLACE_OF_ASKING.has(tokens[from]?.lower ?? '')) {
    while (from < tokens.length && !QUESTION_WORDS.has(tokens[from].lower) && tokens[from].text !== ',') from++;
  }
  const word = tokens[from];
  if (!word || !QUESTION_WORDS.has(word.lower)) return null;
  const start = word.lower === 'about' ? from + 1 : from;
  let end = punctuationFrom(tokens)(start);
  // "Asked whether he “has the integrity,” 75 percent …": a quote closing after the comma is the question's.
  if (end < tokens.length - 1 && tokens[end].text === ',' && quotes.some((q) => q.end === tokens[end + 1].end))
    end += 2;
  if (end <= start) return null;
  return { content: [{ start: tokens[start].start, end: tokens[end - 1].end }], cue: span(tokens, at) };
}

/** "X is (widely) expected to …": the subject and what it is expected to do. */
function passive(tokens: Token[], at: number, sentenceEnd: number): Found | null {
  if (!PASSIVE.has(tokens[at].lower) || tokens[at + 1]?.lower !== 'to') return null;
  let be = at - 1;
  while (be >= 0 && DEGREE.has(tokens[be].lower)) be--;
  if (be < 0 || !BE.has(tokens[be].lower)) return null;
  // "It is said to …" has no subject worth naming; "X is expected to" keeps X in the content.
  let auxiliaryStart = be;
  while (auxiliaryStart > 0 && BEFORE_PASSIVE.has(tokens[auxiliaryStart - 1].lower)) auxiliaryStart--;
  const subject = phraseBefore(tokens, auxiliaryStart);
  const rest = clauseFrom(tokens, at + 1, sentenceEnd);
  if (!rest) return null;
  const content = subject ? [{ start: tokens[subject.from].start, end: tokens[subject.to - 1].end }, rest] : [rest];
  return { content, cue: { start: tokens[be].start, end: tokens[at].end } };
}

/** "X has reportedly amassed …": the clause around the adverb, without it. */
function hedge(tokens: Token[], at: number, sentenceEnd: number): Found | null {
  if (!HEDGES.has(tokens[at].lower)) return null;
  // "X reportedly said …" names its source: the cue after the adverb takes it.
  const next = tokens[at + 1];
  if (next && cueClassOf(next)) return null;
  const rest = clauseFrom(tokens, at + 1, sentenceEnd);
  if (!rest) return null;
  let auxiliaryStart = at;
  while (auxiliaryStart > 0 && BEFORE_HEDGE.has(tokens[auxiliaryStart - 1].lower)) auxiliaryStart--;
  const subject = phraseBefore(tokens, auxiliaryStart);
  if (!subject) return at === 0 || tokens[at - 1].text === ',' ? { content: [rest], cue: span(tokens, at) } : null;
  return { content: [{ start: tokens[subject.from].start, end: tokens[at - 1].end }, rest], cue: span(tokens, at) };
}

/**
 * "Trump seemed to appreciate …", "his tone often seems to encourage …": the writer's impression, which no
 * one is on record for. The subject is part of what is said, as with "is expected to".
 */
function seeming(tokens: Token[], at: number, sentenceEnd: number): Found | null {
  if (!SEEM.has(tokens[at].lower) || tokens[at + 1]?.lower !== 'to') return null;
  let start = at;
  while (start > 0 && (DEGREE.has(tokens[start - 1].lower) || BEFORE_PASSIVE.has(tokens[start - 1].lower))) start--;
  const subject = phraseBefore(tokens, start);
  const rest = clauseFrom(tokens, at + 1, sentenceEnd);
  if (!subject || !rest) return null;
  return {
    content: [{ start: tokens[subject.from].start, end: tokens[subject.to - 1].end }, rest],
    cue: { start: tokens[start].start, end: tokens[at].end },
  };
}

/** "It is (not) clear whether …", "it was reported that …": the that-clause. */
function impersonal(tokens: Token[], at: number, sentenceEnd: number): Found | null {
  if (tokens[at].lower !== 'it' && tokens[at].lower !== "it's" && tokens[at].lower !== 'it’s') return null;
  let i = at + 1;
  if (tokens[at].lower === 'it') {
    while (i < tokens.length && AFTER_IMPERSONAL_IT.has(tokens[i].lower)) i++;
    if (i === at + 1) return null;
  }
  while (i < tokens.length && DEGREE.has(tokens[i].lower)) i++;
  if (!IMPERSONAL.has(tokens[i]?.lower ?? '')) return null;
  const opener = tokens[i + 1];
  if (!opener || !OPENING_IMPERSONAL_CLAUSE.has(opener.lower)) return null;
  const rest = clauseFrom(tokens, i + 1, sentenceEnd);
  return rest ? { content: [rest], cue: { start: tokens[at].start, end: tokens[i].end } } : null;
}

/** The next comma, semicolon or colon from each token: where an asked question ends. */
const punctuationFrom = perTokenList((tokens) => firstIndexFromEach(tokens, (t) => /^[,;:]$/.test(t.text)));

/** The next semicolon or ", according to" from each token: where a clause from it ends. */
const clauseBoundaryFrom = perTokenList((tokens) =>
  firstIndexFromEach(tokens, (t, i) => t.text === ';' || (t.text === ',' && Boolean(sourceAfterAt(tokens, i + 1)))),
);

/** From tokens[from] to the end of the clause: the sentence's end, a semicolon, or ", according to". */
export function clauseFrom(tokens: Token[], from: number, sentenceEnd: number): Span | null {
  if (from >= tokens.length) return null;
  const end = clauseBoundaryFrom(tokens)(from);
  return { start: tokens[from].start, end: end < tokens.length ? tokens[end].start : sentenceEnd };
}

function span(tokens: Token[], at: number): Span {
  return { start: tokens[at].start, end: tokens[at].end };
}

/** Words inside any of `spans`, each counted once; searches per span rather than a pass over the sentence. */
function wordCount(tokens: Token[], spans: Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // Spans that do not overlap share no token, so their counts add up; overlapping ones are rare: count by a pass.
  if (sorted.some((s, k) => k > 0 && s.start < sorted[k - 1].end))
    return tokens.filter((t) => t.word && spans.some((s) => s.start <= t.start && t.end <= s.end)).length;
  return sorted.reduce((n, s) => n + wordsWithin(tokens, s), 0);
}
