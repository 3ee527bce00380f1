// Quotes in a verb's object: "called Trump a “blowhard,”", "blamed the shootings on “sickos”". Such a
// statement is defined by its quote, and yields to every other kind.
import { reported, type SentenceView } from './candidates';
import { PRONOUNS } from './mention-phrases';
import { openingSubject } from './speakers';
import { insideAnyOf, spanOf } from './spans';
import { NOT_PREDICATE_SUBJECTS, notAVerb } from '../lexicon/attribution-words';
import { cueClassOf, isAuxiliary } from '../lexicon/cue-lexicon';
import { introducedAsTerm, looksLikeTitle } from '../quotes';
import { isCapitalized, type Token } from '../text/tokens';
import type { Attribution, Quote, Span } from '../types';

/** How far after a cue a quote may start and still be part of the cue's object. */
const OBJECT_QUOTE_REACH = 30;

/** From after the cue to the end of the last quote that starts within reach, in the same clause. */
export function quotedObject(prose: string, tokens: Token[], cueAt: number, quotes: Quote[]): Span | null {
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
    const rest = tokens.findIndex(
      (t) =>
        t.start >= end &&
        (t.text === ',' || t.text === ';' || t.text === '—' || t.text === ':' || /["“„«]/.test(t.text)),
    );
    end = rest >= 0 ? tokens[rest].start : tokens[tokens.length - 1].end;
  }
  return { start: tokens[from].start, end };
}

/**
 * "Trump blamed the shootings on “sickos”", "Ross described the protests as “very peaceful”": a quote
 * in the predicate of a sentence whose subject is named is that subject's words, whatever the verb.
 * Runs last, on quotes no cue claimed.
 */
export function predicateQuotes(prose: string, view: SentenceView, found: Attribution[]): Attribution[] {
  const { tokens, allQuotes } = view;
  // The cheapest test first: most quotes are some statement's. One search per quote rather than a pass
  // over the statements: a paragraph can hold thousands of quotes, each with its statement (issue 14).
  const taken = insideAnyOf(found.flatMap((a) => a.content.map((c) => ({ start: c.start, end: c.end + 1 }))));
  const free = allQuotes.filter(
    (q) =>
      !taken(q.start, q.end) &&
      !introducedAsTerm(prose, q.start) &&
      !looksLikeTitle(prose.slice(q.inner.start, q.inner.end)),
  );
  if (free.length === 0) return [];
  const subject = openingSubject(tokens, tokens.length);
  if (!subject || !tokens.slice(subject.from, subject.to).some((t) => isCapitalized(t) || PRONOUNS.has(t.lower)))
    return [];
  if (/['’]s?$/.test(tokens[subject.to - 1].text) || NOT_PREDICATE_SUBJECTS.has(tokens[subject.from].lower)) return [];
  let verb = subject.to;
  while (verb < tokens.length && isAuxiliary(tokens[verb])) verb++;
  const cue = tokens[verb];
  if (!cue || !cue.word || cue.text !== cue.lower || notAVerb(cue.lower) || free[0].start <= cue.start) return [];
  const content = quotedObject(prose, tokens, verb, free);
  return content
    ? [reported(prose, allQuotes, content, { start: cue.start, end: cue.end }, spanOf(tokens, subject), null)]
    : [];
}
