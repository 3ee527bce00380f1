// The statement of a cue in the passive (passive-cues.ts): "Clinton was asked whether …", "it was revealed
// in March that …", "Roof is accused of a massacre …". The subject did not say it; unless a "by" phrase
// names who did, the statement has no source, like the other sourceless statements of agentless.ts.
import { clauseFrom } from './agentless';
import { reported, type SentenceView } from './candidates';
import { contentAfter } from './content-clauses';
import { inSubordinateClause, passiveAgent, passiveSubject } from './passive-cues';
import { spanOf, tokenIndexAt, wordsWithin } from './spans';
import { trimStatement } from './statement-span';
import { clauseEnd } from './topics';
import { firstIndexNotBefore } from '../text/search';
import type { Token } from '../text/tokens';
import type { Attribution, Quote, Span } from '../types';

const MIN_CONTENT_WORDS = 3;

/** Words between a passive cue and what it is about, left out of the content: "is accused of …". */
const BEFORE_TOPIC = new Set(['of', 'for', 'as', 'about', 'with']);

/**
 * The statement of a passive cue, with no source: its subject when that is part of what was said, and the
 * clause after the cue ("it was revealed in March that …") or what the cue takes ("is accused of a
 * massacre …"). Null when too little is said to be a statement.
 */
export function passiveStatement(
  prose: string,
  view: SentenceView,
  be: number,
  cueAt: number,
  cueEnd: number,
): Attribution | null {
  const { tokens, allQuotes, sentence } = view;
  const clause = contentAfter(tokens, cueEnd + 1, sentence.end);
  let from = cueEnd + 1;
  if (BEFORE_TOPIC.has(tokens[from]?.lower ?? '')) from++;
  // "are expected to delay casting their ballots (“sit on it” …) so as not to …": an infinitive runs on.
  const infinitive = tokens[from]?.lower === 'to';
  let end =
    clause?.span.end ??
    (from >= tokens.length
      ? sentence.end
      : infinitive
        ? (clauseFrom(tokens, from, sentence.end)?.end ?? sentence.end)
        : clauseEnd(tokens, from, allQuotes, sentence.end));
  // "Shortly after Clinton was declared the winner, Sanders told …": the main clause is not the content.
  if (inSubordinateClause(tokens, be)) end = Math.min(end, commaAfter(tokens, cueEnd + 1, allQuotes) ?? end);
  // "was also endorsed the day before by former rival Carly Fiorina": the agent is the source.
  // The first token past the content after the cue: tokens end in order, so a search rather than a walk.
  const last = Math.max(
    cueEnd + 1,
    firstIndexNotBefore(tokens.length, (k) => tokens[k].end <= end),
  );
  const agent = passiveAgent(tokens, cueEnd + 1, last);
  if (agent) end = Math.min(end, tokens[agent.by].start);
  let start = clause && (!agent || agent.by > tokenIndexAt(tokens, clause.span.start)) ? clause.span.start : null;
  // "was asked about her plan …": the preposition belongs to the cue, as in the fallback below.
  if (start !== null && BEFORE_TOPIC.has(tokens[tokenIndexAt(tokens, start)]?.lower ?? '')) {
    const next = tokens[tokenIndexAt(tokens, start) + 1];
    start = next && next.start < end ? next.start : null;
  }
  const rest =
    start !== null
      ? trimStatement(prose, { start, end })
      : from < tokens.length && tokens[from].word && tokens[from].start < end
        ? trimStatement(prose, { start: tokens[from].start, end })
        : null;
  const subject = passiveSubject(tokens, be, cueAt);
  const pieces = [subject, rest].filter((p): p is Span => p !== null && p.end > p.start);
  if (pieces.length === 0 || pieces.reduce((n, p) => n + wordsWithin(tokens, p), 0) < MIN_CONTENT_WORDS) return null;
  const cue = { start: tokens[be].start, end: tokens[cueEnd].end };
  const mention = agent ? spanOf(tokens, agent.phrase) : null;
  const statement = reported(prose, allQuotes, pieces[pieces.length - 1], cue, mention, clause?.channel ?? null);
  if (pieces.length > 1) statement.content.unshift(pieces[0]);
  return statement;
}

/** The first comma from tokens[from] that is not inside a quote: its offset. */
function commaAfter(tokens: Token[], from: number, quotes: Quote[]): number | null {
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.text === ',' && !quotes.some((q) => q.start < t.start && t.end < q.end)) return t.start;
  }
  return null;
}
