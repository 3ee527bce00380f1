// Stage 4: attribution. Gives every statement in the text its content, cue and source mention:
//   direct   “…,” X said. / “…,” said X. / X said: “…” / “…,” X said, “…”
//   mixed    X said that arrests “have been made …” (reported speech with quoted fragments)
//   indirect X said (that) … / …, X said. / According to X, … / …, according to X.
//   blockquote  a Markdown block quote, introduced by "X said:" or following the last speaker
// A quote standing alone with no cue belongs to the last speaker (the next sentence or paragraph).
// Statements reported with no source at all ("is expected to", "reportedly") are in attribution-agentless.ts.
import { agentlessAttributions } from './agentless';
import { topicAttributions } from './topics';
import { triggersOf, type Triggers } from './triggers';
import { channelAfterAt, channelBeforeAt, cueClassOf, isAuxiliary, isPhrasalNonCue, phrasalCueAt, sourceAfterAt } from '../lexicon/cue-lexicon';
import verbForms from '../lexicon/verb-forms.json';
import { introducedAsTerm, looksLikeTitle } from '../quotes';
import { phraseAfter, phraseBefore, PRONOUNS, type Phrase } from './mention-phrases';
import type { TextMemo } from '../text/text-memo';
import { firstIndexNotBefore } from '../text/search';
import { quotesVariant, rebaseAttribution, rebaseQuote } from './sentence-offsets';
import { trimStatement } from './statement-span';
import { isCapitalized, tokenize, type Token } from '../text/tokens';
import type { Attribution, Block, Quote, Sentence, Span } from '../types';

/** How many blocks back a quote with no cue may look for its speaker. */
const SPEAKER_REACH_BLOCKS = 2;
const MIN_INDIRECT_CONTENT_WORDS = 3;

interface SentenceView {
  sentence: Sentence;
  tokens: Token[];
  /** Speech quotes in the sentence not yet given to a statement. */
  quotes: Quote[];
  /** Every quote in the sentence, scare quotes too: fragments make reported speech "mixed". */
  allQuotes: Quote[];
  /** Where each finder may find something. */
  triggers: Triggers;
}

export function findAttributions(prose: string, blocks: Block[], sentences: Sentence[], quotes: Quote[], memo?: TextMemo<SentenceStatements>): Attribution[] {
  const attributions: Attribution[] = [];
  const speech = quotes.filter((q) => !q.scare && q.open !== '>');
  let lastSpeaker: { attribution: Attribution; block: number } | null = null;
  let quoteIndex = 0;
  let anyQuoteIndex = 0;
  const usedQuotes = new Set<Quote>();

  for (let first = 0, final = 0; first < sentences.length; first = final + 1) {
    final = first;
    if (blocks[sentences[first].block]?.inBlockquote) continue;
    while (quoteIndex < speech.length && speech[quoteIndex].end <= sentences[first].start) quoteIndex++;
    const inSentence: Quote[] = [];
    for (let q = quoteIndex; q < speech.length && speech[q].start < sentences[final].end; q++) {
      if (usedQuotes.has(speech[q])) continue;
      inSentence.push(speech[q]);
      // A quote that runs over sentences or paragraphs is read with all of them, so its speaker is found.
      while (final + 1 < sentences.length && speech[q].end > sentences[final].end) final++;
    }
    const sentence: Sentence = final === first ? sentences[first] : { ...sentences[first], end: sentences[final].end };
    const covered: number[] = [];
    for (let k = first; k <= final; k++) covered.push(sentences[k].index);
    // Top-level quotes never overlap, so sorted by start they are sorted by end too: walk them once.
    while (anyQuoteIndex < quotes.length && quotes[anyQuoteIndex].end <= sentence.start) anyQuoteIndex++;
    const allQuotes: Quote[] = [];
    for (let q = anyQuoteIndex; q < quotes.length && quotes[q].start < sentence.end; q++) if (quotes[q].end > sentence.start) allQuotes.push(quotes[q]);
    const local = sentenceStatements(prose, sentence, inSentence, allQuotes, memo);
    for (let q = 0; q < inSentence.length; q++) if (local.usedQuotes[q]) usedQuotes.add(inSentence[q]);
    const sorted = local.statements;
    for (const attribution of sorted) attribution.sentences = covered;
    // A quote that stands alone continues the last speaker's statement (a quote in the same or the next
    // paragraph; reported speech only in the same one), or is introduced by "X said:" just before it.
    for (const quote of inSentence) {
      if (usedQuotes.has(quote) || !standsAlone(prose, quote, sentence)) continue;
      usedQuotes.add(quote);
      const introduced = introducedBy(prose, sentences[sentence.index - 1]);
      const last = attributions[attributions.length - 1];
      const continues =
        !introduced && sorted.length === 0 && lastSpeaker && last === lastSpeaker.attribution && sentence.block - lastSpeaker.block <= 1 &&
        (last.kind !== 'indirect' || sentence.block === lastSpeaker.block) && !quoteBetween(speech, lastEnd(last), quote.start);
      if (continues) {
        last.content.push(...contentPieces(prose, quote));
        last.sentences.push(...covered);
        lastSpeaker = { attribution: last, block: sentence.block };
        continue;
      }
      const speaker = lastSpeaker && sentence.block - lastSpeaker.block <= SPEAKER_REACH_BLOCKS ? lastSpeaker.attribution : null;
      sorted.push({
        kind: 'direct',
        content: contentPieces(prose, quote),
        cue: introduced?.cue ?? null,
        sourceMention: introduced?.mention ?? speaker?.sourceMention ?? null,
        source: null,
        channel: introduced?.channel ?? null,
        sentences: covered,
      });
    }
    for (const attribution of local.predicates) attribution.sentences = covered;
    sorted.push(...local.predicates);
    sorted.sort((a, b) => a.content[0].start - b.content[0].start);
    for (const attribution of sorted) {
      attributions.push(attribution);
      if (attribution.sourceMention) lastSpeaker = { attribution, block: sentence.block };
    }
  }
  attributions.push(...blockquoteAttributions(prose, blocks, quotes, sentences, attributions));
  return attributions.sort((a, b) => a.content[0].start - b.content[0].start);
}

// ---------------------------------------------------------------------------------------------
// One sentence on its own

export interface SentenceStatements {
  /** Direct, reported, position and sourceless statements, overlaps resolved. */
  statements: Attribution[];
  /** Quotes in a verb's predicate ("blamed the shootings on “sickos”"), which yield to all the others. */
  predicates: Attribution[];
  /** Which of the sentence's speech quotes a statement took. */
  usedQuotes: boolean[];
}

/**
 * Everything found in one sentence without looking outside it: its text (with any quote running beyond
 * it) and its quotes. What links sentences (a quote standing alone continuing the last speaker) is left
 * to the caller. Computed on that text alone, so the result is a function of it and kept by it (memo.ts).
 */
function sentenceStatements(prose: string, sentence: Sentence, inSentence: Quote[], allQuotes: Quote[], memo?: TextMemo<SentenceStatements>): SentenceStatements {
  let from = sentence.start;
  let to = sentence.end;
  for (const q of allQuotes) {
    from = Math.min(from, q.start);
    to = Math.max(to, q.end);
  }
  const text = prose.slice(from, to);
  const compute = (): SentenceStatements => statementsIn(text, sentence.start - from, sentence.end - from, inSentence, allQuotes, from);
  // Besides the text, the result depends on where the sentence lies in it and on its quotes. With no
  // quotes the sentence is the whole text, so the text alone decides (and a variant with quotes is never empty).
  const relative = memo ? (memo.get(text, compute, allQuotes.length === 0 ? '' : quotesVariant(sentence, inSentence, allQuotes, from))) : compute();
  // The kept result is shared between analyses: hand out copies at this sentence's offsets.
  return {
    statements: relative.statements.map((a) => rebaseAttribution(a, from)),
    predicates: relative.predicates.map((a) => rebaseAttribution(a, from)),
    usedQuotes: relative.usedQuotes,
  };
}

/** The statements in `text`, whose sentence is text[start, end) and whose quotes are given at offset `from` in the document. */
function statementsIn(text: string, start: number, end: number, inSentence: Quote[], allQuotes: Quote[], from: number): SentenceStatements {
  const localAll = allQuotes.map((q) => rebaseQuote(q, -from));
  const localSpeech = inSentence.map((q) => localAll[allQuotes.indexOf(q)]);
  const localSentence: Sentence = { index: 0, block: 0, start, end };
  const tokens = tokenize(text, start, end);
  const view: SentenceView = { sentence: localSentence, tokens, quotes: localSpeech, allQuotes: localAll, triggers: triggersOf(tokens) };
  const used = new Set<Quote>();
  const direct = directAttributions(text, view, used);
  // Of statements that overlap, a direct quotation holds its words first, then reported speech in the
  // order of its cues; a quote in a verb's object ("calling it a “…”") gives way to both.
  const reportedFound = reportedAttributions(text, view, direct).sort((a, b) => objectRank(a) - objectRank(b) || a.cue!.start - b.cue!.start);
  // Statements with no source come last: any that names its source takes the words first.
  const topics = topicAttributions(text, tokens, localAll, end, view.triggers.topics);
  const agentless = agentlessAttributions(text, tokens, localAll, end, view.triggers.agentless);
  const statements = dropOverlaps(text, [...direct, ...reportedFound, ...topics, ...agentless]);
  // A quote standing alone is taken by the caller; predicateQuotes never takes one (no subject before it).
  const predicates = predicateQuotes(text, view, statements);
  return { statements, predicates, usedQuotes: localSpeech.map((q) => used.has(q)) };
}

// ---------------------------------------------------------------------------------------------
// Direct quotes

function directAttributions(prose: string, view: SentenceView, used: Set<Quote>): Attribution[] {
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
    if (speaker.mention && speaker.end <= quote.start && /^(what|which|whom)$/.test(tokens[tokenIndexAt(tokens, speaker.mention.start) - 1]?.lower ?? '')) continue;
    // "X said that “…”" is reported speech with a quoted fragment: the reported-speech pass takes it.
    if (speaker.end <= quote.start && !onlyPunctuation(tokens, speaker.end, quote.start) && !relativeAside(tokens, speaker.end, quote.start)) continue;
    if (speaker.cue.start >= quote.end && !speakerClauseOnly(tokens, quote.end, speaker)) continue;
    // So is a quoted fragment inside a longer clause ("X says “…” despite …", "… in a “burn bag,”
    // the Times reported"): the reported-speech pass gives it its whole clause.
    if (speaker.end <= quote.start && hasWordsBetween(tokens, quote.end, view.sentence.end, quotes)) continue;
    if (speaker.cue.start >= quote.end && wordsBefore(tokens, q > 0 ? quotes[q - 1].end : view.sentence.start, quote.start) > 2) continue;
    const pieces = [quote];
    // “…,” she said, “…” and further quotes in the sentence with no cue of their own are the same speaker's.
    for (let n = q + 1; n < quotes.length && speaker.cue.start >= quote.end && !used.has(quotes[n]); n++) {
      if (!noCueBetween(tokens, pieces[pieces.length - 1].end, quotes[n].start, speaker)) break;
      pieces.push(quotes[n]);
    }
    for (const piece of pieces) used.add(piece);
    // "“…,” Latimer said of Monday's episode": what the words were about is part of the statement.
    const topic = speaker.cue.start >= quote.end ? topicAfter(tokens, speaker.end, pieces.length > 1 ? pieces[1].start : view.sentence.end) : null;
    const lead = speaker.end <= quote.start && speaker.mention ? leadingClause(tokens, speaker.mention.start, true) : null;
    found.push({
      kind: 'direct',
      content: [...(lead ? [lead] : []), ...pieces.flatMap((p) => contentPieces(prose, p)), ...(topic ? [topic] : [])].sort((a, b) => a.start - b.start),
      cue: speaker.cue,
      sourceMention: speaker.mention,
      source: null,
      channel: speaker.channel,
      sentences: [],
    });
  }
  return found;
}

interface Speaker {
  cue: Span;
  mention: Span | null;
  channel: Span | null;
  /** End of the whole "she said" clause. */
  end: number;
}

/** A cue with its speaker between tokens[from] and tokens[to]. */
function speakerIn(tokens: Token[], from: number, to: number, afterQuote: boolean): Speaker | null {
  // After a quote the nearest cue is the first one; before a quote, the last one.
  for (let k = 0; k < to - from; k++) {
    const i = afterQuote ? from + k : to - 1 - k;
    const token = tokens[i];
    const according = sourceAfterAt(tokens, i);
    if (according) {
      const phrase = phraseAfter(tokens, i + according, to);
      if (phrase) return speaker(tokens, tokens[i], tokens[i + according - 1], phrase, null);
    }
    const particle = phrasalCueAt(tokens, i);
    if (!cueClassOf(token, i === 0) && particle === null) continue;
    const cueEnd = particle ?? i;
    // "said Smith" after a quote; "Smith said" before or after.
    const before = phraseBefore(tokens, i, from);
    // "“…,” said Smith" after a quote; "Said Comey, “…”" opening the sentence before one.
    const after = afterQuote || i === 0 ? phraseAfter(tokens, cueEnd + 1, to) : null;
    const phrase = before ?? after ?? chainedSubject(tokens, i, from) ?? (afterQuote ? null : participleSubject(tokens, i));
    if (phrase) return speaker(tokens, token, tokens[cueEnd], phrase, channelNear(tokens, cueEnd + 1, to));
    // Before a quote only the nearest cue can introduce it; one further back belongs to another clause.
    if (!afterQuote) return null;
  }
  return null;
}

/** "“…,” Graham said, adding, “…”": a participle cue just before the quote, spoken by the speaker before it. */
function addedBySameSpeaker(tokens: Token[], quoteAt: number, earlier: Attribution[]): Speaker | null {
  let i = quoteAt - 1;
  while (i > 0 && !tokens[i].word) i--;
  const previous = earlier[earlier.length - 1];
  const setOff = tokens[i - 1]?.text === ',' || (/["”’']/.test(tokens[i - 1]?.text ?? '') && tokens[i - 2]?.text === ',');
  if (i <= 0 || !previous?.sourceMention || !tokens[i].lower.endsWith('ing') || cueClassOf(tokens[i]) !== 'speech' || !setOff) return null;
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

function speaker(tokens: Token[], cueStart: Token, cueEnd: Token, phrase: Phrase, channel: Span | null): Speaker {
  const mention = spanOf(tokens, phrase);
  return { cue: { start: cueStart.start, end: cueEnd.end }, mention, channel, end: Math.max(cueEnd.end, mention.end, channel?.end ?? 0) };
}

/**
 * After a quote, only the speaker clause may come before the cue: "“…,” she said", "“…,” a welcome
 * message on the website reads" (a speaker phrase longer than the one found), never a new clause.
 */
function speakerClauseOnly(tokens: Token[], quoteEnd: number, speaker: Speaker): boolean {
  const until = Math.min(speaker.cue.start, speaker.mention?.start ?? Infinity);
  const between = tokens.filter((t) => t.start >= quoteEnd && t.end <= until);
  return between.every((t) => !t.word) || (between.length <= 6 && between.every((t) => t.word && !cueClassOf(t) && !FINITE_VERB.test(t.lower)));
}

/** "said of Monday's episode", "added, about the plan": the topic right after a speaker clause, up to a comma. */
function topicAfter(tokens: Token[], from: number, limit: number): Span | null {
  let i = tokens.findIndex((t) => t.start >= from);
  if (i < 0) return null;
  if (tokens[i].text === ',') i++;
  if (!/^(of|about)$/.test(tokens[i]?.lower ?? '')) return null;
  let end = i + 1;
  while (end < tokens.length && tokens[end].end <= limit && (tokens[end].word || /^['’-]$/.test(tokens[end].text))) end++;
  return end - i >= 2 ? { start: tokens[i].start, end: tokens[end - 1].end } : null;
}

/** "Said Dorothy Poynter, who grew up with Ali, “…”": only a who-clause about the speaker in between. */
function relativeAside(tokens: Token[], from: number, to: number): boolean {
  const between = tokens.filter((t) => t.start >= from && t.end <= to);
  return between.length > 3 && between[0].text === ',' && /^(who|whose)$/.test(between[1].lower) && between[between.length - 1].text === ',' && !between.some((t) => cueClassOf(t) === 'speech');
}

function onlyPunctuation(tokens: Token[], from: number, to: number): boolean {
  return tokens.every((t) => t.end <= from || t.start >= to || !t.word);
}

function hasWordsBetween(tokens: Token[], from: number, to: number, quotes: Quote[]): boolean {
  return tokens.some((t) => t.word && t.start >= from && t.end <= to && !quotes.some((q) => q.start <= t.start && t.end <= q.end));
}

function wordsBefore(tokens: Token[], from: number, to: number): number {
  return tokens.filter((t) => t.word && t.start >= from && t.end <= to).length;
}

/** Between two quotes, nothing that could start another statement: no cue but the speaker's own. */
function noCueBetween(tokens: Token[], from: number, to: number, speaker: Speaker): boolean {
  // A participle ("said Sherman, speaking of politicians, “…”") describes the speaker, not a new statement.
  // "said Sherman, speaking of politicians, “…”" goes on; "she said, adding, “…”" starts a new statement.
  const startsStatement = (t: Token): boolean => {
    const cueClass = cueClassOf(t);
    return cueClass !== undefined && (cueClass === 'speech' || !t.lower.endsWith('ing'));
  };
  return tokens.every((t) => t.end <= from || t.start >= to || (t.start >= speaker.cue.start && t.end <= speaker.cue.end) || (!startsStatement(t) && !/["“„«]/.test(t.text)));
}

// ---------------------------------------------------------------------------------------------
// Reported speech

function reportedAttributions(prose: string, view: SentenceView, direct: Attribution[]): Attribution[] {
  const { tokens, quotes, allQuotes, sentence, triggers } = view;
  const found: Attribution[] = [];
  if (triggers.statements.length === 0) return found;
  const cuesTaken = new Set(direct.map((a) => a.cue!.start));
  const insideQuote = (t: Token): boolean => quotes.some((q) => q.start <= t.start && t.end <= q.end);
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
    // "A news report published …": a bare form after "a", "an", "this" is a noun, not the verb.
    if (BARE_FORM_NOUN_CONTEXT.test(tokens[i - 2]?.lower ?? '') && tokens[i - 1]?.word && !isAuxiliary(tokens[i - 1]) && !/(s|ed|ing)$/.test(token.lower)) continue;
    // "Trump’s comments", "the mayor's claims": after a possessive the cue word is a noun.
    if (i > 0 && /\p{L}['’]s?$/u.test(tokens[i - 1].text) && tokens[i - 1].word) continue;
    // "a surrogate who said …": the relative pronoun stands for the phrase before it.
    const relative = /^(who|which)$/.test(tokens[i - 1]?.lower ?? '') ? phraseBefore(tokens, i - 1) : null;
    const subject = phraseBefore(tokens, i) ?? relative ?? chainedSubject(tokens, i, 0) ?? participleSubject(tokens, i);
    const mention = subject ? spanOf(tokens, subject) : coordinatedSubject(tokens, i, [...direct, ...found]);
    const cueEnd = particle ?? i;
    const cue = { start: token.start, end: tokens[cueEnd].end };
    // "called Trump a “blowhard,”", "declaring it “another super Tuesday”": a quote in the cue's object.
    const objectQuote = mention ? quotedObject(prose, tokens, cueEnd, allQuotes) : null;
    // "Ramos lamented that …": with a that-clause even these verbs report speech.
    if (cueClass === 'quoteOnly' && tokens[cueEnd + 1]?.lower !== 'that') {
      if (objectQuote) found.push(objectStatement(reported(prose, allQuotes, objectQuote, cue, mention, leadingChannel)));
      continue;
    }
    const interruptedAt = subject ? afterInterruption(tokens, i) : null;
    const lead = subject && interruptedAt !== null ? leadingClause(tokens, mention!.start, true) : null;
    if (lead && interruptedAt !== null) {
      const attribution = reported(prose, allQuotes, { start: tokens[interruptedAt].start, end: sentence.end }, cue, mention, leadingChannel);
      attribution.content.unshift(lead);
      if (allQuotes.some((q) => q.start >= lead.start && q.end <= lead.end + 1)) attribution.kind = 'mixed';
      found.push(attribution);
      continue;
    }
    if (mention) {
      const gerund = byGerund(tokens, i + 1);
      const content = gerund ? { span: { start: tokens[gerund + 1].start, end: sentence.end }, channel: null } : contentAfter(tokens, cueEnd + 1, sentence.end);
      if (content) {
        if (gerund !== null) cue.end = tokens[gerund].end;
        const attribution = reported(prose, allQuotes, content.span, cue, mention, content.channel ?? leadingChannel);
        const lead = leadingClause(tokens, mention.start);
        if (lead) attribution.content.unshift(lead);
        found.push(attribution);
        continue;
      }
      if (objectQuote) {
        found.push(objectStatement(reported(prose, allQuotes, objectQuote, cue, mention, leadingChannel)));
        continue;
      }
    }
    // "…, X said." and "…, said X." at the end of the sentence.
    const trailing = trailingAttribution(prose, view, i);
    if (trailing) found.push(trailing);
  }
  return found;
}

const BARE_FORM_NOUN_CONTEXT = /^(a|an|this|each|every|another)$/;

/** Statements whose content is a verb's object with a quote in it, which yield to every other kind. */
const objectStatements = new WeakSet<Attribution>();

function objectStatement(attribution: Attribution): Attribution {
  objectStatements.add(attribution);
  return attribution;
}

const objectRank = (attribution: Attribution): number => (objectStatements.has(attribution) ? 1 : 0);

/** How far after a cue a quote may start and still be part of the cue's object. */
const OBJECT_QUOTE_REACH = 30;

/** From after the cue to the end of the last quote that starts within reach, in the same clause. */
function quotedObject(prose: string, tokens: Token[], cueAt: number, quotes: Quote[]): Span | null {
  const from = cueAt + 1;
  if (from >= tokens.length || quotes.length === 0) return null;
  let end = -1;
  for (let i = from; i < Math.min(tokens.length, from + OBJECT_QUOTE_REACH); i++) {
    const t = tokens[i];
    if (t.text === ';' || (end >= 0 && t.word && cueClassOf(t))) break;
    const quote = quotes.find((q) => q.start === t.start && !introducedAsTerm(prose, q.start));
    if (quote) {
      end = quote.end;
      while (i + 1 < tokens.length && tokens[i + 1].end <= quote.end) i++;
    }
  }
  if (end <= tokens[from].start) return null;
  // The object runs on past its quote to the clause's end ("the “disheartened” state of the campaign"),
  // unless the quote closes on a comma ("called him a “blowhard,” and …").
  if (!/,["”’']+$/.test(prose.slice(end - 3, end))) {
    const rest = tokens.findIndex((t) => t.start >= end && (t.text === ',' || t.text === ';' || t.text === '—' || t.text === ':' || /["“„«]/.test(t.text)));
    end = rest >= 0 ? tokens[rest].start : tokens[tokens.length - 1].end;
  }
  return { start: tokens[from].start, end };
}

/** "He called it a “crystal ball” and said it was …": the second verb shares the first one's speaker. */
function coordinatedSubject(tokens: Token[], cueAt: number, earlier: Attribution[]): Span | null {
  let j = cueAt - 1;
  while (j > 0 && isAuxiliary(tokens[j])) j--;
  // "and said …", or a participle set off by a comma: ", adding that …".
  const joined = j >= 0 && (/^(and|but)$/.test(tokens[j].lower) || (tokens[j].text === ',' && tokens[cueAt].lower.endsWith('ing')));
  if (!joined) return null;
  const previous = earlier.filter((a) => a.cue && a.cue.end <= tokens[j].start && a.sourceMention).sort((a, b) => b.cue!.start - a.cue!.start)[0];
  if (previous?.sourceMention) return previous.sourceMention;
  // "She greeted supporters in Houston and told them …": the sentence's subject, when it opens the sentence
  // and its verb follows it straight away.
  if (!/^(and|but)$/.test(tokens[j].lower)) return null;
  const subject = openingSubject(tokens, j);
  if (!subject) return null;
  const verb = tokens[subject.to];
  const named = tokens.slice(subject.from, subject.to).some((t) => isCapitalized(t) || PRONOUNS.has(t.lower));
  return named && verb?.word && verb.text === verb.lower && !NOT_A_VERB.test(verb.lower) ? spanOf(tokens, subject) : null;
}

/** Words after a subject that are not its verb. */
const NOT_A_VERB = /^(can|could|will|would|shall|should|may|might|must|been|being|be|as|on|in|at|of|for|with|from|to|by|about|and|or|but|the|a|an|who|which|that|his|her|their|its|my|our|your|this|these|those|\p{L}+ly)$/u;

/**
 * "Trump blamed the shootings on “sickos”", "Ross described the protests as “very peaceful”": a quote
 * in the predicate of a sentence whose subject is named is that subject's words, whatever the verb.
 * Runs last, on quotes no cue claimed.
 */
function predicateQuotes(prose: string, view: SentenceView, found: Attribution[]): Attribution[] {
  const { tokens, allQuotes } = view;
  // The cheapest test first: most quotes are some statement's.
  const free = allQuotes.filter((q) => !found.some((a) => a.content.some((c) => c.start <= q.start && q.end <= c.end + 1)) && !introducedAsTerm(prose, q.start) && !looksLikeTitle(prose.slice(q.inner.start, q.inner.end)));
  if (free.length === 0) return [];
  const subject = openingSubject(tokens, tokens.length);
  if (!subject || !tokens.slice(subject.from, subject.to).some((t) => isCapitalized(t) || PRONOUNS.has(t.lower))) return [];
  if (/['’]s?$/.test(tokens[subject.to - 1].text) || /^(it|whatever|whoever|whichever|what|however)$/.test(tokens[subject.from].lower)) return [];
  let verb = subject.to;
  while (verb < tokens.length && isAuxiliary(tokens[verb])) verb++;
  const cue = tokens[verb];
  if (!cue || !cue.word || cue.text !== cue.lower || NOT_A_VERB.test(cue.lower) || free[0].start <= cue.start) return [];
  const content = quotedObject(prose, tokens, verb, free);
  return content ? [reported(prose, allQuotes, content, { start: cue.start, end: cue.end }, spanOf(tokens, subject), null)] : [];
}

/** Conjunctions that open a subordinate clause reported along with the main one. */
const SUBORDINATORS = /^(if|after|when|because|before|once|unless|since|whether|until|whenever)$/;

/**
 * "If whites were moving his way, Cohn wrote, “…”": a subordinate clause that opens the sentence, set
 * off by a comma just before the speaker, is part of what was said.
 */
function leadingClause(tokens: Token[], mentionStart: number, anyClause = false): Span | null {
  if (tokens.length === 0 || !(anyClause || SUBORDINATORS.test(tokens[0].lower))) return null;
  const comma = lastIndexBefore(tokens, tokenIndexAt(tokens, mentionStart), (t) => !t.word);
  if (comma < 3 || tokens[comma].text !== ',' || tokenIndexAt(tokens, mentionStart) !== comma + 1) return null;
  // "In a statement, the agency said …" names the channel, not part of what was said.
  if (channelBeforeAt(tokens, 0) || tokens.slice(0, comma).some((t, k) => /["“„«]/.test(t.text) || cueClassOf(t, k === 0))) return null;
  return { start: tokens[0].start, end: tokens[comma - 1].end };
}

/**
 * "The Republican nominee, he said, watched …", "In cases of abortion, it said, “…”": a speaker clause
 * set into the sentence splits what was said in two. Returns where the second part starts, or null.
 */
function afterInterruption(tokens: Token[], cueAt: number): number | null {
  let i = cueAt + 1;
  while (i < tokens.length && (isAuxiliary(tokens[i]) || /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|recently)$/.test(tokens[i].lower))) i++;
  const channel = channelAfterAt(tokens, i);
  if (channel) i = tokenIndexAt(tokens, channelSpan(tokens, i, channel).end);
  return tokens[i]?.text === ',' && i + 2 < tokens.length ? i + 1 : null;
}

/**
 * "The email goes on to say: …", "he began by saying …", "she declined to say whether …": the cue
 * hangs off another verb, whose subject is the speaker.
 */
function chainedSubject(tokens: Token[], cueAt: number, lowerBound: number): Phrase | null {
  const link = tokens[cueAt - 1];
  if (!link || !/^(to|by)$/.test(link.lower)) return null;
  let verb = cueAt - 2;
  if (tokens[verb]?.lower === 'on') verb--; // "goes on to say"
  const head = tokens[verb];
  if (!head || verb <= lowerBound || !head.word || head.text !== head.lower || NOT_A_VERB.test(head.lower)) return null;
  const subject = phraseBefore(tokens, verb, lowerBound);
  return subject && subject.to === verb - countAuxiliaries(tokens, verb) ? subject : null;
}

function countAuxiliaries(tokens: Token[], at: number): number {
  let n = 0;
  while (at - n - 1 >= 0 && isAuxiliary(tokens[at - n - 1])) n++;
  return n;
}

/** Words that may open a sentence before its subject ("But Clinton, …"). */
const OPENERS = /^(but|and|so|yet|still|instead|however|meanwhile|then|now|also|later|earlier)$/;

/**
 * ", saying …", "after hinting that …": a participle cue's speaker is the subject of the sentence.
 */
function participleSubject(tokens: Token[], cueAt: number): Phrase | null {
  if (!tokens[cueAt].lower.endsWith('ing') || cueAt < 2) return null;
  const before = tokens[cueAt - 1];
  if (before.text !== ',' && !/^(after|before|while|when|by|in|also|then)$/.test(before.lower)) return null;
  return openingSubject(tokens, cueAt);
}

/** The phrase the sentence opens with ("But Clinton, …" → "Clinton"), when it ends before tokens[limit]. */
function openingSubject(tokens: Token[], limit: number): Phrase | null {
  let start = 0;
  while (start < limit && (OPENERS.test(tokens[start].lower) || tokens[start].text === ',')) start++;
  const subject = phraseAfter(tokens, start);
  return subject && subject.to < limit ? subject : null;
}

function reported(prose: string, quotes: Quote[], content: Span, cue: Span, mention: Span | null, channel: Span | null): Attribution {
  const mixed = quotes.some((q) => q.start >= content.start && q.end <= content.end + 1);
  return { kind: mixed ? 'mixed' : 'indirect', content: [trimStatement(prose, content)], cue, sourceMention: mention, source: null, channel, sentences: [] };
}

/**
 * "The agency concluded its statement by reaffirming …": the cue runs on to the gerund that says what
 * was stated. Returns the gerund's token index.
 */
function byGerund(tokens: Token[], from: number): number | null {
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
  for (let i = from; i < tokens.length; i++) {
    const cueClass = cueClassOf(tokens[i]);
    if (!cueClass || cueClass === 'belief') continue;
    let j = i - 1;
    while (j > from && isAuxiliary(tokens[j])) j--;
    if (j > from && PRONOUNS.has(tokens[j].lower)) j--; // "and he added"
    const joiner = tokens[j];
    if (joiner && (/^(and|but)$/.test(joiner.lower) || (joiner.text === ',' && tokens[i].lower.endsWith('ing')))) {
      const cut = j > from && tokens[j - 1].text === ',' ? j - 1 : j;
      return tokens[cut].start;
    }
  }
  return null;
}

/** Cues whose object is the person addressed: "told reporters that …". */
const TELLING = /^(tell|tells|told|telling|assure[sd]?|assuring|inform(s|ed|ing)?|remind(s|ed|ing)?|warn(s|ed|ing)?|advise[sd]?|advising|notif(y|ies|ied))$/;

/** Words that show a finite verb, so the words before them are a subject and the whole a clause. */
const FINITE_VERB = /^(is|was|were|are|am|be|has|have|had|will|would|could|can|should|shall|may|might|must|did|does|do|won't|can't|didn't|doesn't|don't|isn't|wasn't|aren't|weren't|hasn't|haven't|wouldn't|couldn't|shouldn't|need|needs|remains|remain|wants|want)$/;

const IRREGULAR_PAST = new Set(verbForms.irregularPast);

function startsClause(tokens: Token[], at: number): boolean {
  const window = tokens.slice(at, at + 10).filter((t) => t.word);
  // "said he expects …": a subject pronoun opens a clause.
  if (/^(he|she|it|they|we|i|you)$/.test(window[0]?.lower ?? '')) return true;
  return window.some((t, k) => FINITE_VERB.test(t.lower) || (k > 0 && (/^[a-z]{2,}ed$/.test(t.text) || IRREGULAR_PAST.has(t.text))) || (k < 4 && /^(\p{L}+['’](re|ll|d|ve)|(he|she|it|that|there|what|who|here)['’]s)$/u.test(t.lower)));
}

/** The content clause after a cue: skips "on Monday", "in a statement", "told reporters", "that". */
function contentAfter(tokens: Token[], at: number, sentenceEnd: number): { span: Span; channel: Span | null } | null {
  let i = at;
  let channel: Span | null = null;
  for (let guard = 0; guard < 6 && i < tokens.length; guard++) {
    const channelLength = channelAfterAt(tokens, i) || channelBeforeAt(tokens, i);
    if (channelLength) {
      channel = channelSpan(tokens, i, channelLength);
      while (i < tokens.length && tokens[i].end <= channel.end) i++;
      continue;
    }
    if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|recently|previously|repeatedly|again|privately|publicly)$/.test(tokens[i].lower)) {
      i++;
      continue;
    }
    if (/^(on|last|this|late|early|earlier)$/.test(tokens[i].lower) && tokens[i + 1] && /day$|week|month|year|night|morning|evening|afternoon|^\p{Lu}/u.test(tokens[i + 1].text)) {
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
  const telling = TELLING.test(tokens[at - 1]?.lower ?? '');
  const circumstance = /^(on|in|at|to|during|after|before|with|via|through|over|last|this|late|early|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/.test(tokens[i]?.lower ?? '');
  const that = telling || circumstance ? tokens.findIndex((t, k) => k >= i && k <= i + 12 && t.lower === 'that') : -1;
  if (that > i && tokens.slice(i, that).every((t) => !(t.word && (cueClassOf(t) || FINITE_VERB.test(t.lower))) && !/[.;:!?]/.test(t.text))) i = that;
  const hasThat = tokens[i]?.lower === 'that';
  const words = tokens.slice(hasThat ? i + 1 : i).filter((t) => t.word).length;
  if (words < MIN_INDIRECT_CONTENT_WORDS || i >= tokens.length) return null;
  // Without "that", the words after a cue must read as a clause ("said the plan would fail"), not as
  // an object ("declared a so-called caliphate", "announced a plan").
  const opensQuote = /["“„«]/.test(tokens[hasThat ? i + 1 : i]?.text ?? '');
  if (!hasThat && !opensQuote && !startsClause(tokens, i)) return null;
  return { span: { start: tokens[i].start, end: coordinatedCueStart(tokens, i + 1) ?? trailingSourceStart(tokens, i + 1) ?? sentenceEnd }, channel };
}

/** "…, according to the poll": where a trailing source phrase starts, which the content before it leaves out. */
export function trailingSourceStart(tokens: Token[], from: number): number | null {
  for (let k = from; k < tokens.length - 1; k++) if (tokens[k].text === ',' && sourceAfterAt(tokens, k + 1)) return tokens[k].start;
  return null;
}

/** "…, X said." / "…, said X." / "…, X told reporters." where the cue clause closes the sentence. */
function trailingAttribution(prose: string, view: SentenceView, cueAt: number): Attribution | null {
  const { tokens, allQuotes: quotes } = view;
  const comma = lastIndexBefore(tokens, cueAt, (t) => t.text === ',' || t.text === '—' || t.text === '–');
  if (comma <= 0) return null;
  const before = phraseBefore(tokens, cueAt, comma + 1);
  // ", said Smith": a speaker after the cue only when the cue opens the clause, not in ", compared with
  // 64 percent who say the same".
  const subject = before ?? (cueAt === comma + 1 || isAuxiliary(tokens[cueAt - 1]) ? phraseAfter(tokens, cueAt + 1) : null);
  if (!subject) return null;
  let rest = Math.max(subject.to, cueAt + 1);
  // "…, a spokesman told The Wall Street Journal.": whom it was told is part of the cue clause.
  if (TELLING.test(tokens[cueAt].lower) && subject.to <= cueAt) rest = phraseAfter(tokens, cueAt + 1)?.to ?? rest;
  const channelLength = channelAfterAt(tokens, rest);
  const channel = channelLength ? { start: tokens[rest].start, end: tokens[rest + channelLength - 1].end } : null;
  rest += channelLength;
  // Only a time phrase or punctuation may follow ("…, she said on Monday.").
  const tail = tokens.slice(rest).filter((t) => t.word);
  if (tail.length > 3) return null;
  const contentStart = tokens[0].start;
  const contentEnd = tokens[comma].start;
  if (tokens.slice(0, comma).filter((t) => t.word).length < MIN_INDIRECT_CONTENT_WORDS) return null;
  return reported(prose, quotes, { start: contentStart, end: contentEnd }, { start: tokens[cueAt].start, end: tokens[cueAt].end }, spanOf(tokens, subject), channel);
}

/** "According to X, …" and "…, according to X." */
function accordingTo(prose: string, view: SentenceView, at: number, length: number): Attribution | null {
  const { tokens, allQuotes: quotes, sentence } = view;
  const phrase = phraseAfter(tokens, at + length);
  if (!phrase) return null;
  const cue = { start: tokens[at].start, end: tokens[at + length - 1].end };
  const mention = spanOf(tokens, phrase);
  const after = phrase.to < tokens.length && tokens[phrase.to].text === ',' ? phrase.to + 1 : phrase.to;
  const afterWords = tokens.slice(after).filter((t) => t.word).length;
  const beforeWords = tokens.slice(0, at).filter((t) => t.word).length;
  if (afterWords >= MIN_INDIRECT_CONTENT_WORDS && (at === 0 || afterWords > beforeWords)) {
    return scoping(reported(prose, quotes, { start: tokens[after].start, end: sentence.end }, cue, mention, null));
  }
  if (beforeWords >= MIN_INDIRECT_CONTENT_WORDS) {
    const end = at > 0 && tokens[at - 1].text === ',' ? tokens[at - 1].start : tokens[at].start;
    // "Even so, he raised $5.7 million, according to …": the opener is the writer's.
    let start = 0;
    while (start < at && (OPENERS.test(tokens[start].lower) || /^(even|in|fact|so|,)$/.test(tokens[start].lower)) && tokens.slice(start, Math.min(at, start + 3)).some((t) => t.text === ',')) start++;
    return scoping(reported(prose, quotes, { start: tokens[start].start, end }, cue, mention, null));
  }
  return null;
}

/** "…, according to X": statements whose content may hold another statement (a poll that says voters said …). */
const scopingStatements = new WeakSet<Attribution>();

function scoping(attribution: Attribution): Attribution {
  scopingStatements.add(attribution);
  return attribution;
}

/** The whole of a statement: its content, cue and source mention. */
function extent(attribution: Attribution): Span {
  const spans = [...attribution.content, attribution.cue, attribution.sourceMention].filter((s): s is Span => s !== null);
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/** Whether `inner` lies wholly within the content of the scoping statement `outer`. */
function nestedIn(inner: Attribution, outer: Attribution): boolean {
  if (!scopingStatements.has(outer)) return false;
  const e = extent(inner);
  return outer.content.some((c) => c.start <= e.start && e.end <= c.end);
}

/** Whether a quote lies wholly in [from, to): binary search over quotes sorted by start. */
function quoteBetween(quotes: Quote[], from: number, to: number): boolean {
  const first = firstIndexNotBefore(quotes.length, (i) => quotes[i].start < from);
  return first < quotes.length && quotes[first].end <= to;
}

function lastEnd(attribution: Attribution): number {
  return attribution.content[attribution.content.length - 1].end;
}

/** "Jane Doe said:" ending the sentence before a quote introduces it. */
function introducedBy(prose: string, previous: Sentence | undefined): Speaker | null {
  if (!previous || !/:\s*$/.test(prose.slice(previous.start, previous.end))) return null;
  const tokens = tokenize(prose, previous.start, previous.end);
  return speakerIn(tokens, 0, tokens.length, true);
}

// ---------------------------------------------------------------------------------------------
// Block quotes

function blockquoteAttributions(prose: string, blocks: Block[], quotes: Quote[], sentences: Sentence[], earlier: Attribution[]): Attribution[] {
  const found: Attribution[] = [];
  for (const quote of quotes) {
    if (quote.open !== '>') continue;
    const blockIndex = quote.blocks[0];
    // "She wrote:" closing the paragraph before introduces the block quote.
    const previous = blocks[blockIndex - 1];
    const last = previous && !previous.inBlockquote ? [...sentences].reverse().find((s) => s.block === previous.index) : undefined;
    const speaker = introducedBy(prose, last);
    const fallback = speaker ? null : [...earlier].reverse().find((a) => a.sourceMention && a.content[0].start < quote.start);
    found.push({
      kind: 'blockquote',
      content: quote.pieces.map((p) => ({ ...p })),
      cue: speaker?.cue ?? null,
      sourceMention: speaker?.mention ?? fallback?.sourceMention ?? null,
      source: null,
      channel: speaker?.channel ?? null,
      sentences: sentences.filter((s) => s.start >= quote.start && s.end <= quote.end).map((s) => s.index),
    });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The quote's text with its marks, paragraph by paragraph. */
function contentPieces(prose: string, quote: Quote): Span[] {
  return quote.pieces.map((piece, i) => ({
    start: i === 0 ? quote.start : piece.start > 0 && /["“„«]/.test(prose[piece.start - 1]) ? piece.start - 1 : piece.start,
    end: i === quote.pieces.length - 1 ? quote.end : piece.end,
  }));
}

/** A quote that is (nearly) the whole sentence: no cue needed to see it as speech. */
function standsAlone(prose: string, quote: Quote, sentence: Sentence): boolean {
  // "But “…”", "And “…”": a conjunction linking it to what came before does not make it a new statement.
  const before = prose.slice(sentence.start, Math.max(sentence.start, quote.start)).trim().replace(/^(but|and|so|yet|still|also)\b,?/i, '').trim();
  const after = prose.slice(Math.min(quote.end, sentence.end), sentence.end).trim();
  return before.length <= 2 && after.length <= 2;
}

/** A channel phrase, with the outlet or person it names: "in a statement on X", "in an interview with CNN". */
function channelSpan(tokens: Token[], at: number, length: number): Span {
  let end = at + length;
  if (/^(on|to|with|by)$/.test(tokens[end - 1].lower)) {
    const outlet = phraseAfter(tokens, end);
    if (outlet) end = outlet.to;
  }
  return { start: tokens[at].start, end: tokens[end - 1].end };
}

function channelNear(tokens: Token[], from: number, to: number): Span | null {
  for (let i = from; i < Math.min(to, from + 3); i++) {
    const length = channelAfterAt(tokens, i);
    if (length) return { start: tokens[i].start, end: tokens[i + length - 1].end };
  }
  return null;
}


function lastIndexBefore(tokens: Token[], at: number, test: (t: Token) => boolean): number {
  for (let i = at - 1; i >= 0; i--) if (test(tokens[i])) return i;
  return -1;
}

function tokenIndexAt(tokens: Token[], offset: number): number {
  return firstIndexNotBefore(tokens.length, (i) => tokens[i].start < offset);
}

function spanOf(tokens: Token[], phrase: Phrase): Span {
  return { start: tokens[phrase.from].start, end: tokens[phrase.to - 1].end };
}


/** Each token belongs to at most one statement: of overlapping finds, the earlier-found (direct) wins. */
function dropOverlaps(prose: string, found: Attribution[]): Attribution[] {
  const kept: Attribution[] = [];
  for (const candidate of found) {
    const clashing = kept.filter((k) => k.content.some((a) => candidate.content.some((b) => a.start < b.end && b.start < a.end)));
    // A statement inside an "according to" statement's content is nested, not competing.
    if (clashing.length > 0 && clashing.every((k) => nestedIn(k, candidate) || nestedIn(candidate, k))) {
      kept.push(candidate);
      continue;
    }
    const clashes = clashing.flatMap((k) => k.content).filter((a) => candidate.content.some((b) => a.start < b.end && b.start < a.end));
    if (clashes.length === 0) {
      kept.push(candidate);
      continue;
    }
    // Reported speech that runs into someone's quote ("… unserious - “…,” she said - and …") keeps
    // the part before it, if that part is still a statement.
    const firstClash = Math.min(...clashes.map((c) => c.start));
    const before = candidate.content.filter((p) => p.end <= firstClash || p.start < firstClash).map((p) => trimStatement(prose, { start: p.start, end: Math.min(p.end, firstClash) }));
    const words = before.reduce((n, p) => n + prose.slice(p.start, p.end).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length, 0);
    // A verb's object is defined by its quote: without the quote it is nothing.
    if (candidate.kind !== 'direct' && !objectStatements.has(candidate) && words >= MIN_INDIRECT_CONTENT_WORDS) kept.push({ ...candidate, content: before });
  }
  return kept;
}
