// Where a reported statement's content runs: the clause after a cue (past "on Monday", "told reporters",
// "that"), up to a second cue joined to the first or a trailing "according to"; a clause that opens the
// sentence before its speaker; the second part of a sentence a speaker clause interrupts.
import { MIN_INDIRECT_CONTENT_WORDS } from './candidates';
import { PRONOUNS } from './mention-phrases';
import { channelSpan, firstIndexFromEach, lastIndexBefore, perTokenList, tokenIndexAt, wordsBetween } from './spans';
import {
  AFTER_CUE,
  BEFORE_TIME_WORD,
  CIRCUMSTANCE,
  CONTRACTED_SUBJECTS,
  COORDINATORS,
  FINITE_VERB,
  IN_INTERRUPTION,
  SUBORDINATORS,
  TELLING,
} from '../lexicon/attribution-words';
import { channelAfterAt, channelBeforeAt, cueClassOf, isAuxiliary, sourceAfterAt } from '../lexicon/cue-lexicon';
import verbForms from '../lexicon/verb-forms.json';
import type { Token } from '../text/tokens';
import type { Span } from '../types';

const IRREGULAR_PAST = new Set(verbForms.irregularPast);

function startsClause(tokens: Token[], at: number): boolean {
  const window = tokens.slice(at, at + 10).filter((t) => t.word);
  // "said he expects …": a subject pronoun opens a clause.
  if (PRONOUNS.has(window[0]?.lower ?? '')) return true;
  return window.some(
    (t, k) =>
      FINITE_VERB.has(t.lower) ||
      (k > 0 && (/^[a-z]{2,}ed$/.test(t.text) || IRREGULAR_PAST.has(t.text))) ||
      (k < 4 && (/^\p{L}+['’](re|ll|d|ve)$/u.test(t.lower) || CONTRACTED_SUBJECTS.has(t.lower))),
  );
}

/** The content clause after a cue: skips "on Monday", "in a statement", "told reporters", "that". */
export function contentAfter(
  tokens: Token[],
  at: number,
  sentenceEnd: number,
): { span: Span; channel: Span | null } | null {
  let i = at;
  let channel: Span | null = null;
  for (let guard = 0; guard < 6 && i < tokens.length; guard++) {
    const channelLength = channelAfterAt(tokens, i) || channelBeforeAt(tokens, i);
    if (channelLength) {
      channel = channelSpan(tokens, i, channelLength);
      while (i < tokens.length && tokens[i].end <= channel.end) i++;
      continue;
    }
    if (AFTER_CUE.has(tokens[i].lower)) {
      i++;
      continue;
    }
    if (
      BEFORE_TIME_WORD.has(tokens[i].lower) &&
      tokens[i + 1] &&
      /day$|week|month|year|night|morning|evening|afternoon|^\p{Lu}/u.test(tokens[i + 1].text)
    ) {
      i += 2;
      continue;
    }
    if (tokens[i].text === ',' || tokens[i].text === ':') {
      i++;
      continue;
    }
    break;
  }
  // "that" opens the reported clause and belongs to the content, as PARC-style annotation has it.
  // "told supporters Tuesday night that …", "said on NBC's “Meet the Press” that …": who was told, and
  // where or when, come before the content.
  const telling = TELLING.has(tokens[at - 1]?.lower ?? '');
  const circumstance = CIRCUMSTANCE.has(tokens[i]?.lower ?? '');
  const that = telling || circumstance ? thatWithin(tokens, i, 12) : -1;
  if (
    that > i &&
    tokens
      .slice(i, that)
      .every((t) => !(t.word && (cueClassOf(t) || FINITE_VERB.has(t.lower))) && !/[.;:!?]/.test(t.text))
  )
    i = that;
  const hasThat = tokens[i]?.lower === 'that';
  const words = wordsBetween(tokens, hasThat ? i + 1 : i, tokens.length);
  if (words < MIN_INDIRECT_CONTENT_WORDS || i >= tokens.length) return null;
  // Without "that", the words after a cue must read as a clause ("said the plan would fail"), not as
  // an object ("declared a so-called caliphate", "announced a plan").
  const opensQuote = /["“„«]/.test(tokens[hasThat ? i + 1 : i]?.text ?? '');
  if (!hasThat && !opensQuote && !startsClause(tokens, i)) return null;
  return {
    span: {
      start: tokens[i].start,
      end: coordinatedCueStart(tokens, i + 1) ?? trailingSourceStart(tokens, i + 1) ?? sentenceEnd,
    },
    channel,
  };
}

/** "…, according to the poll": where a trailing source phrase starts, which the content before it leaves out. */
export function trailingSourceStart(tokens: Token[], from: number): number | null {
  const k = trailingSourceFrom(tokens)(Math.max(0, from));
  return k < tokens.length ? tokens[k].start : null;
}

/** The next ", according to" from each token, from one pass: every cue of a sentence asks. */
const trailingSourceFrom = perTokenList((tokens) =>
  firstIndexFromEach(
    tokens,
    (t, k) => k < tokens.length - 1 && t.text === ',' && Boolean(sourceAfterAt(tokens, k + 1)),
  ),
);

/** The next cue that can join a second statement (any but a belief) from each token, from one pass. */
const joinableCueFrom = perTokenList((tokens) =>
  firstIndexFromEach(tokens, (t) => {
    const cueClass = cueClassOf(t);
    return cueClass !== undefined && cueClass !== 'belief';
  }),
);

/**
 * "The agency concluded its statement by reaffirming …": the cue runs on to the gerund that says what
 * was stated. Returns the gerund's token index.
 */
export function byGerund(tokens: Token[], from: number): number | null {
  for (let i = from; i < Math.min(tokens.length - 2, from + 5); i++) {
    if (!tokens[i].word) return null;
    if (tokens[i].lower === 'by' && tokens[i + 1].lower.endsWith('ing') && cueClassOf(tokens[i + 1])) return i + 1;
  }
  return null;
}

/**
 * "… and said it was …", ", adding that …", "And he added …": a second statement joined to the first.
 * Returns where the first statement's content ends (the joining word's start), or null.
 */
function coordinatedCueStart(tokens: Token[], from: number): number | null {
  // From cue to cue: a sentence with thousands of cues and no full stop is not read once per cue.
  const nextCue = joinableCueFrom(tokens);
  for (let i = nextCue(Math.max(0, from)); i < tokens.length; i = nextCue(i + 1)) {
    let j = i - 1;
    while (j > from && isAuxiliary(tokens[j])) j--;
    if (j > from && PRONOUNS.has(tokens[j].lower)) j--; // "and he added"
    const joiner = tokens[j];
    if (joiner && (COORDINATORS.has(joiner.lower) || (joiner.text === ',' && tokens[i].lower.endsWith('ing')))) {
      const cut = j > from && tokens[j - 1].text === ',' ? j - 1 : j;
      return tokens[cut].start;
    }
  }
  return null;
}

/**
 * "If whites were moving his way, Cohn wrote, “…”": a subordinate clause that opens the sentence, set
 * off by a comma just before the speaker, is part of what was said.
 */
export function leadingClause(tokens: Token[], mentionStart: number, anyClause = false): Span | null {
  if (tokens.length === 0 || !(anyClause || SUBORDINATORS.has(tokens[0].lower))) return null;
  const comma = lastIndexBefore(tokens, tokenIndexAt(tokens, mentionStart), (t) => !t.word);
  if (comma < 3 || tokens[comma].text !== ',' || tokenIndexAt(tokens, mentionStart) !== comma + 1) return null;
  // "In a statement, the agency said …" names the channel, not part of what was said.
  if (
    channelBeforeAt(tokens, 0) ||
    tokens.slice(0, comma).some((t, k) => /["“„«]/.test(t.text) || cueClassOf(t, k === 0))
  )
    return null;
  return { start: tokens[0].start, end: tokens[comma - 1].end };
}

/**
 * "The Republican nominee, he said, watched …", "In cases of abortion, it said, “…”": a speaker clause
 * set into the sentence splits what was said in two. Returns where the second part starts, or null.
 */
export function afterInterruption(tokens: Token[], cueAt: number): number | null {
  let i = cueAt + 1;
  while (i < tokens.length && (isAuxiliary(tokens[i]) || IN_INTERRUPTION.has(tokens[i].lower))) i++;
  const channel = channelAfterAt(tokens, i);
  if (channel) i = tokenIndexAt(tokens, channelSpan(tokens, i, channel).end);
  return tokens[i]?.text === ',' && i + 2 < tokens.length ? i + 1 : null;
}

/** The first "that" in tokens[from, from + reach], or -1: a look at those tokens only, not a search of the sentence. */
function thatWithin(tokens: readonly Token[], from: number, reach: number): number {
  for (let k = Math.max(0, from); k <= from + reach && k < tokens.length; k++) if (tokens[k].lower === 'that') return k;
  return -1;
}
