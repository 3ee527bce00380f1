// Direct quotes: “…,” she said. / “…,” said X. / X said: “…” / “…,” X said, “…”. The cue is looked for
// after the quote first, then before it; a quoted fragment inside a longer clause is left to reported speech.
import type { SentenceView } from './candidates';
import { leadingClause } from './content-clauses';
import { phraseBefore } from './mention-phrases';
import { speakerIn, type Speaker } from './speakers';
import { contentPieces, spanOf, tokenIndexAt, wordsWithin } from './spans';
import {
  FINITE_VERB,
  RELATIVE_BEFORE_SPEAKER,
  RELATIVE_FOR_PERSONS,
  TOPIC_AFTER_CUE,
} from '../lexicon/attribution-words';
import { cueClassOf } from '../lexicon/cue-lexicon';
import { firstIndexNotBefore } from '../text/search';
import { isCapitalized, type Token } from '../text/tokens';
import type { Attribution, Quote, Span } from '../types';

export function directAttributions(prose: string, view: SentenceView, used: Set<Quote>): Attribution[] {
  const found: Attribution[] = [];
  const { tokens, quotes } = view;
  for (let q = 0; q < quotes.length; q++) {
    const quote = quotes[q];
    if (used.has(quote)) continue;
    // Look after the quote first (“…,” she said), then before it (She said: “…”).
    const afterFrom = tokenIndexAt(tokens, quote.end);
    const afterTo = q + 1 < quotes.length ? tokenIndexAt(tokens, quotes[q + 1].start) : tokens.length;
    const beforeFrom = q > 0 ? tokenIndexAt(tokens, quotes[q - 1].end) : 0;
    const beforeTo = tokenIndexAt(tokens, quote.start);
    const speaker =
      speakerIn(tokens, afterFrom, afterTo, true) ??
      speakerIn(tokens, beforeFrom, beforeTo, false) ??
      addedBySameSpeaker(tokens, beforeTo, found) ??
      namedBeforeColon(tokens, beforeFrom, beforeTo);
    if (!speaker) continue;
    // "…, what she calls “real solutions”": a relative clause inside another statement, not a quotation of its own.
    if (
      speaker.mention &&
      speaker.end <= quote.start &&
      RELATIVE_BEFORE_SPEAKER.has(tokens[tokenIndexAt(tokens, speaker.mention.start) - 1]?.lower ?? '')
    )
      continue;
    // "X said that “…”" is reported speech with a quoted fragment: the reported-speech pass takes it.
    if (
      speaker.end <= quote.start &&
      !onlyPunctuation(tokens, speaker.end, quote.start) &&
      !relativeAside(tokens, speaker.end, quote.start)
    )
      continue;
    if (speaker.cue.start >= quote.end && !speakerClauseOnly(tokens, quote, endsClause(prose, quote), speaker))
      continue;
    // So is a quoted fragment inside a longer clause ("X says “…” despite …", "… in a “burn bag,”
    // the Times reported"): the reported-speech pass gives it its whole clause.
    if (speaker.end <= quote.start && hasWordsBetween(tokens, quote.end, view.sentence.end, quotes)) continue;
    if (
      speaker.cue.start >= quote.end &&
      wordsBefore(tokens, q > 0 ? quotes[q - 1].end : view.sentence.start, quote.start) > 2
    )
      continue;
    const pieces = [quote];
    // “…,” she said, “…” and further quotes in the sentence with no cue of their own are the same speaker's.
    for (let n = q + 1; n < quotes.length && speaker.cue.start >= quote.end && !used.has(quotes[n]); n++) {
      if (!noCueBetween(tokens, pieces[pieces.length - 1].end, quotes[n].start, speaker)) break;
      pieces.push(quotes[n]);
    }
    for (const piece of pieces) used.add(piece);
    // "“…,” Latimer said of Monday's episode": what the words were about is part of the statement.
    const topic =
      speaker.cue.start >= quote.end
        ? topicAfter(tokens, speaker.end, pieces.length > 1 ? pieces[1].start : view.sentence.end)
        : null;
    // The opening clause is said only when the speaker clause follows it straight away ("If …, Cohn wrote,
    // “…”"), not when the sentence's own verb comes between ("Here in Columbia, Sanders stepped up …, saying").
    const lead =
      speaker.end <= quote.start &&
      speaker.mention &&
      !hasWordsBetween(tokens, speaker.mention.end, speaker.cue.start, [])
        ? leadingClause(tokens, speaker.mention.start, true)
        : null;
    found.push({
      kind: 'direct',
      content: [
        ...(lead ? [lead] : []),
        ...pieces.flatMap((p) => contentPieces(prose, p)),
        ...(topic ? [topic] : []),
      ].sort((a, b) => a.start - b.start),
      cue: speaker.cue,
      sourceMention: speaker.mention,
      source: null,
      channel: speaker.channel,
      sentences: [],
    });
  }
  return found;
}

/** "“…,” Graham said, adding, “…”": a participle cue just before the quote, spoken by the speaker before it. */
function addedBySameSpeaker(tokens: Token[], quoteAt: number, earlier: Attribution[]): Speaker | null {
  let i = quoteAt - 1;
  while (i > 0 && !tokens[i].word) i--;
  const previous = earlier[earlier.length - 1];
  const setOff =
    tokens[i - 1]?.text === ',' || (/["”’']/.test(tokens[i - 1]?.text ?? '') && tokens[i - 2]?.text === ',');
  if (
    i <= 0 ||
    !previous?.sourceMention ||
    !tokens[i].lower.endsWith('ing') ||
    cueClassOf(tokens[i]) !== 'speech' ||
    !setOff
  )
    return null;
  const cue = { start: tokens[i].start, end: tokens[i].end };
  return { cue, mention: previous.sourceMention, channel: null, end: cue.end };
}

/** "Frank Newport and Jim Harter: “We found …”": a name and a colon introduce a quote with no verb. */
function namedBeforeColon(tokens: Token[], from: number, quoteAt: number): Speaker | null {
  const colon = quoteAt - 1;
  if (colon <= from || tokens[colon].text !== ':') return null;
  const phrase = phraseBefore(tokens, colon, from);
  if (!phrase || !(phrase.from === from || !tokens[phrase.from - 1].word)) return null;
  if (!tokens.slice(phrase.from, phrase.to).some((t) => isCapitalized(t) && t.lower !== 'the')) return null;
  const cue = { start: tokens[colon].start, end: tokens[colon].end };
  return { cue, mention: spanOf(tokens, phrase), channel: null, end: cue.end };
}

/**
 * After a quote, only the speaker clause may come before the cue: "“…,” she said", "“…,” a welcome
 * message on the website reads" (a speaker phrase longer than the one found), never a new clause.
 */
function speakerClauseOnly(tokens: Token[], quote: Quote, closed: boolean, speaker: Speaker): boolean {
  const until = Math.min(speaker.cue.start, speaker.mention?.start ?? Infinity);
  // The tokens wholly between the quote and the speaker: a run of the sentence's tokens, found by two searches.
  const between = tokens.slice(tokenIndexAt(tokens, quote.end), tokenIndexAfter(tokens, until));
  if (between.every((t) => !t.word)) return true;
  // "“…,” Sanders's campaign manager, Jeff Weaver, said": a title set off by commas before the name, after
  // a quote that closes its clause with its own comma; "“…” for Clinton, Kunin said" goes on past the quote.
  const words = between.filter((t) => (closed && t.text === ',' ? false : true));
  return words.length <= 6 && words.every((t) => t.word && !cueClassOf(t) && !FINITE_VERB.has(t.lower));
}

/** A quote whose words end on their own punctuation ("…," / "…?"): a whole clause, not a fragment. */
function endsClause(prose: string, quote: Quote): boolean {
  return /[,.!?…—-]$/.test(prose.slice(quote.inner.start, quote.inner.end).trimEnd());
}

/** "said of Monday's episode", "added, about the plan": the topic right after a speaker clause, up to a comma. */
function topicAfter(tokens: Token[], from: number, limit: number): Span | null {
  let i = tokenIndexAt(tokens, from);
  if (i === tokens.length) return null;
  if (tokens[i].text === ',') i++;
  if (!TOPIC_AFTER_CUE.has(tokens[i]?.lower ?? '')) return null;
  let end = i + 1;
  while (end < tokens.length && tokens[end].end <= limit && (tokens[end].word || /^['’-]$/.test(tokens[end].text)))
    end++;
  return end - i >= 2 ? { start: tokens[i].start, end: tokens[end - 1].end } : null;
}

/** "Said Dorothy Poynter, who grew up with Ali, “…”": only a who-clause about the speaker in between. */
function relativeAside(tokens: Token[], from: number, to: number): boolean {
  const between = tokens.filter((t) => t.start >= from && t.end <= to);
  return (
    between.length > 3 &&
    between[0].text === ',' &&
    RELATIVE_FOR_PERSONS.has(between[1].lower) &&
    between[between.length - 1].text === ',' &&
    !between.some((t) => cueClassOf(t) === 'speech')
  );
}

function onlyPunctuation(tokens: Token[], from: number, to: number): boolean {
  return tokens.every((t) => t.end <= from || t.start >= to || !t.word);
}

function hasWordsBetween(tokens: Token[], from: number, to: number, quotes: Quote[]): boolean {
  return tokens.some(
    (t) => t.word && t.start >= from && t.end <= to && !quotes.some((q) => q.start <= t.start && t.end <= q.end),
  );
}

function wordsBefore(tokens: Token[], from: number, to: number): number {
  return wordsWithin(tokens, { start: from, end: to });
}

/** The first token that ends after `offset` (tokens are in order and do not overlap). */
function tokenIndexAfter(tokens: Token[], offset: number): number {
  return firstIndexNotBefore(tokens.length, (i) => tokens[i].end <= offset);
}

/** Between two quotes, nothing that could start another statement: no cue but the speaker's own. */
function noCueBetween(tokens: Token[], from: number, to: number, speaker: Speaker): boolean {
  // A participle ("said Sherman, speaking of politicians, “…”") describes the speaker, not a new statement.
  // "said Sherman, speaking of politicians, “…”" goes on; "she said, adding, “…”" starts a new statement.
  const startsStatement = (t: Token): boolean => {
    const cueClass = cueClassOf(t);
    return cueClass !== undefined && (cueClass === 'speech' || !t.lower.endsWith('ing'));
  };
  // Only tokens that reach into [from, to) are looked at: a run of the sentence's tokens, found by two searches.
  return tokens
    .slice(tokenIndexAfter(tokens, from), tokenIndexAt(tokens, to))
    .every(
      (t) =>
        t.end <= from ||
        t.start >= to ||
        (t.start >= speaker.cue.start && t.end <= speaker.cue.end) ||
        (!startsStatement(t) && !/["“„«]/.test(t.text)),
    );
}
