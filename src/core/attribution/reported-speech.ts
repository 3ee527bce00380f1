// Reported speech: X said (that) … / …, X said. / According to X, … / …, according to X. Each cue in
// the sentence not taken by a direct quote, with its subject and the clause it reports.
import { opensWithAsked, QUESTION_WORDS } from './agentless';
import { MIN_INDIRECT_CONTENT_WORDS, reported, withRole, type Candidate, type SentenceView } from './candidates';
import { afterInterruption, byGerund, contentAfter, leadingClause } from './content-clauses';
import { phraseAfter, phraseBefore } from './mention-phrases';
import { quotedObject } from './object-quotes';
import { passiveBeAt } from './passive-cues';
import { passiveStatement } from './passive-statements';
import { chainedSubject, coordinatedSubject, participleSubject } from './speakers';
import { channelSpan, insideAnyOf, lastIndexBeforeEach, spanOf, wordCounter, wordsBetween, wordsWithin } from './spans';
import {
  BARE_FORM_NOUN_CONTEXT,
  RELATIVE_SUBJECTS,
  SENTENCE_OPENERS,
  TELLING,
  WRITER_OPENERS,
} from '../lexicon/attribution-words';
import {
  channelAfterAt,
  channelBeforeAt,
  cueClassOf,
  isAuxiliary,
  isPhrasalNonCue,
  phrasalCueAt,
  sourceAfterAt,
} from '../lexicon/cue-lexicon';
import type { Token } from '../text/tokens';
import type { Attribution } from '../types';

/** Verbs that give a name rather than report words: "been called", "dubbed", "labeled". */
const NAMING = new Set(['called', 'dubbed', 'labeled', 'labelled', 'termed', 'branded', 'nicknamed']);

export function reportedAttributions(prose: string, view: SentenceView, direct: Attribution[]): Candidate[] {
  const { tokens, quotes, allQuotes, sentence, triggers } = view;
  const found: Candidate[] = [];
  if (triggers.statements.length === 0) return found;
  const cuesTaken = new Set(direct.map((a) => a.cue!.start));
  const inQuote = insideAnyOf(quotes);
  const insideQuote = (t: Token): boolean => inQuote(t.start, t.end);
  // Looked up once per sentence, not once per cue: a paragraph with no full stop is one sentence of
  // thousands of cues (issue 14).
  const lookups: SentenceLookups = {
    clauseMarkBefore: lastIndexBeforeEach(tokens, (t) => t.text === ',' || t.text === '—' || t.text === '–'),
    wordsIn: wordCounter(tokens),
  };
  // "In a statement on X, the agency said …": a channel that opens the sentence.
  const leadingChannelLength = channelBeforeAt(tokens, 0);
  const leadingChannel = leadingChannelLength ? channelSpan(tokens, 0, leadingChannelLength) : null;
  // "according to X": the tokens of the phrase after "according" start nothing.
  let skipTo = 0;
  for (const i of triggers.statements) {
    const token = tokens[i];
    if (i < skipTo || insideQuote(token) || cuesTaken.has(token.start)) continue;
    const according = sourceAfterAt(tokens, i);
    if (according) {
      const attribution = accordingTo(prose, view, i, according);
      if (attribution) found.push(attribution);
      skipTo = i + according + 1;
      continue;
    }
    const particle = phrasalCueAt(tokens, i);
    const cueClass = isPhrasalNonCue(tokens, i) ? undefined : particle !== null ? 'speech' : cueClassOf(token, i === 0);
    if (!cueClass) continue;
    // "Clinton was asked whether …", "it was revealed that …": a passive cue's subject did not say it
    // ("a community known to be …" too, which the bare-form test below would read as a noun).
    const be = passiveBeAt(tokens, i);
    if (be !== null) {
      const statement = passiveStatement(prose, view, be, i, particle ?? i);
      // "women being told to “smile”": a passive gerund names what happens to someone, no statement.
      const gerund = tokens[be].lower === 'being';
      if (
        statement &&
        !gerund &&
        (cueClass !== 'quoteOnly' || passiveQuoteOnlyIsSpeech(tokens, i, particle ?? i, statement))
      )
        found.push(statement);
      continue;
    }
    // "A news report published …": a bare form after "a", "an", "this" is a noun, not the verb.
    if (
      BARE_FORM_NOUN_CONTEXT.has(tokens[i - 2]?.lower ?? '') &&
      tokens[i - 1]?.word &&
      !isAuxiliary(tokens[i - 1]) &&
      !/(s|ed|ing)$/.test(token.lower)
    )
      continue;
    // "Trump’s comments", "the mayor's claims": after a possessive the cue word is a noun.
    if (i > 0 && /\p{L}['’]s?$/u.test(tokens[i - 1].text) && tokens[i - 1].word) continue;
    // "a surrogate who said …": the relative pronoun stands for the phrase before it.
    const relative = RELATIVE_SUBJECTS.has(tokens[i - 1]?.lower ?? '') ? phraseBefore(tokens, i - 1) : null;
    const subject = phraseBefore(tokens, i) ?? relative ?? chainedSubject(tokens, i, 0) ?? participleSubject(tokens, i);
    const mention = subject ? spanOf(tokens, subject) : coordinatedSubject(tokens, i, [direct, found]);
    const cueEnd = particle ?? i;
    const cue = { start: token.start, end: tokens[cueEnd].end };
    // "called Trump a “blowhard,”", "declaring it “another super Tuesday”": a quote in the cue's object.
    const objectQuote = mention ? quotedObject(prose, tokens, cueEnd, allQuotes) : null;
    // "Ramos lamented that …": with a that-clause even these verbs report speech.
    if (cueClass === 'quoteOnly' && tokens[cueEnd + 1]?.lower !== 'that') {
      if (objectQuote)
        found.push(withRole(reported(prose, allQuotes, objectQuote, cue, mention, leadingChannel), 'verbObject'));
      continue;
    }
    const interruptedAt = subject ? afterInterruption(tokens, i) : null;
    const lead = subject && interruptedAt !== null ? leadingClause(tokens, mention!.start, true) : null;
    if (lead && interruptedAt !== null) {
      const attribution = reported(
        prose,
        allQuotes,
        { start: tokens[interruptedAt].start, end: sentence.end },
        cue,
        mention,
        leadingChannel,
      );
      attribution.content.unshift(lead);
      if (allQuotes.some((q) => q.start >= lead.start && q.end <= lead.end + 1)) attribution.kind = 'mixed';
      found.push(attribution);
      continue;
    }
    if (mention) {
      const gerund = byGerund(tokens, i + 1);
      const content = gerund
        ? { span: { start: tokens[gerund + 1].start, end: sentence.end }, channel: null }
        : contentAfter(tokens, cueEnd + 1, sentence.end);
      // "during the public comment period": one word after a cue is a noun phrase read as a verb, not speech.
      if (
        content &&
        !gerund &&
        wordsWithin(tokens, content.span) < 2 &&
        !allQuotes.some((q) => overlaps(q, content.span))
      )
        continue;
      if (content) {
        if (gerund !== null) cue.end = tokens[gerund].end;
        const attribution = reported(prose, allQuotes, content.span, cue, mention, content.channel ?? leadingChannel);
        const lead = leadingClause(tokens, mention.start);
        if (lead) attribution.content.unshift(lead);
        found.push(attribution);
        continue;
      }
      if (objectQuote) {
        found.push(withRole(reported(prose, allQuotes, objectQuote, cue, mention, leadingChannel), 'verbObject'));
        continue;
      }
    }
    // "…, X said." and "…, said X." at the end of the sentence.
    const trailing = trailingAttribution(prose, view, i, lookups);
    if (trailing) found.push(trailing);
  }
  return found;
}

/**
 * Most quote-only verbs in the passive are not speech ("the bill was rejected"): only with a quote said
 * ("is described on Amazon as a “riveting book”") or a question put ("was asked whether …"). A name given
 * ("has been called the “Trump of the East”") is not a statement either.
 */
function passiveQuoteOnlyIsSpeech(tokens: Token[], cueAt: number, cueEnd: number, statement: Attribution): boolean {
  if (QUESTION_WORDS.has(tokens[cueEnd + 1]?.lower ?? '')) return true;
  return statement.kind === 'mixed' && !NAMING.has(tokens[cueAt].lower);
}

/** Words that open an aside describing the speaker after "…, said X": "who …", "a spokesman for …". */
const SPEAKER_ASIDE_OPENERS: ReadonlySet<string> = new Set(['who', 'whose', 'a', 'an', 'the']);

/** What trailingAttribution asks of the whole sentence for each cue, answered from one pass over it. */
interface SentenceLookups {
  /** The last comma or dash before a token index, or -1. */
  clauseMarkBefore: (at: number) => number;
  /** How many word tokens lie in tokens[from, to). */
  wordsIn: (from: number, to: number) => number;
}

/** "…, X said." / "…, said X." / "…, X told reporters." where the cue clause closes the sentence. */
function trailingAttribution(
  prose: string,
  view: SentenceView,
  cueAt: number,
  lookups: SentenceLookups,
): Attribution | null {
  const { tokens, allQuotes: quotes } = view;
  const comma = lookups.clauseMarkBefore(cueAt);
  if (comma <= 0) return null;
  // "Asked who leads the party, he said Ryan.": the words before the comma are the question, not his.
  if (opensWithAsked(tokens)) return null;
  const before = phraseBefore(tokens, cueAt, comma + 1);
  // ", said Smith": a speaker after the cue only when the cue opens the clause, not in ", compared with
  // 64 percent who say the same".
  const subject =
    before ?? (cueAt === comma + 1 || isAuxiliary(tokens[cueAt - 1]) ? phraseAfter(tokens, cueAt + 1) : null);
  if (!subject) return null;
  let rest = Math.max(subject.to, cueAt + 1);
  // "…, a spokesman told The Wall Street Journal.": whom it was told is part of the cue clause.
  if (TELLING.has(tokens[cueAt].lower) && subject.to <= cueAt) rest = phraseAfter(tokens, cueAt + 1)?.to ?? rest;
  const channelLength = channelAfterAt(tokens, rest);
  const channel = channelLength ? { start: tokens[rest].start, end: tokens[rest + channelLength - 1].end } : null;
  rest += channelLength;
  // Only a time phrase or punctuation may follow ("…, she said on Monday."), or an aside about the
  // speaker set off by a comma ("…, said Maria Lopez, who spoke at a news conference.").
  if (
    lookups.wordsIn(rest, tokens.length) > 3 &&
    !(tokens[rest]?.text === ',' && SPEAKER_ASIDE_OPENERS.has(tokens[rest + 1]?.lower ?? ''))
  )
    return null;
  const contentStart = tokens[0].start;
  const contentEnd = tokens[comma].start;
  if (lookups.wordsIn(0, comma) < MIN_INDIRECT_CONTENT_WORDS) return null;
  return reported(
    prose,
    quotes,
    { start: contentStart, end: contentEnd },
    { start: tokens[cueAt].start, end: tokens[cueAt].end },
    spanOf(tokens, subject),
    channel,
  );
}

/** "According to X, …" and "…, according to X." */
function accordingTo(prose: string, view: SentenceView, at: number, length: number): Candidate | null {
  const { tokens, allQuotes: quotes, sentence } = view;
  const phrase = phraseAfter(tokens, at + length);
  if (!phrase) return null;
  const cue = { start: tokens[at].start, end: tokens[at + length - 1].end };
  const mention = spanOf(tokens, phrase);
  const after = phrase.to < tokens.length && tokens[phrase.to].text === ',' ? phrase.to + 1 : phrase.to;
  const afterWords = wordsBetween(tokens, after, tokens.length);
  const beforeWords = wordsBetween(tokens, 0, at);
  if (afterWords >= MIN_INDIRECT_CONTENT_WORDS && (at === 0 || afterWords > beforeWords)) {
    return withRole(
      reported(prose, quotes, { start: tokens[after].start, end: sentence.end }, cue, mention, null),
      'scope',
    );
  }
  if (beforeWords >= MIN_INDIRECT_CONTENT_WORDS) {
    const end = at > 0 && tokens[at - 1].text === ',' ? tokens[at - 1].start : tokens[at].start;
    // "Even so, he raised $5.7 million, according to …": the opener is the writer's.
    let start = 0;
    while (
      start < at &&
      (SENTENCE_OPENERS.has(tokens[start].lower) ||
        WRITER_OPENERS.has(tokens[start].lower) ||
        tokens[start].lower === ',') &&
      tokens.slice(start, Math.min(at, start + 3)).some((t) => t.text === ',')
    )
      start++;
    return withRole(reported(prose, quotes, { start: tokens[start].start, end }, cue, mention, null), 'scope');
  }
  return null;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;
