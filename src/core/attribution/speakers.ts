// Who said it: the cue with its speaker phrase beside a quote, and the subjects a cue may take from
// elsewhere in the sentence (a chained verb, a participle, a coordinated verb, the sentence's opening phrase).
import { phraseAfter, phraseBefore, PRONOUNS, type Phrase } from './mention-phrases';
import { channelNear, spanOf } from './spans';
import {
  BEFORE_PARTICIPLE_CUE,
  CHAINING_CUE,
  COORDINATORS,
  notAVerb,
  SENTENCE_OPENERS,
} from '../lexicon/attribution-words';
import { cueClassOf, isAuxiliary, phrasalCueAt, sourceAfterAt } from '../lexicon/cue-lexicon';
import { isCapitalized, type Token } from '../text/tokens';
import type { Attribution, Span } from '../types';

export interface Speaker {
  cue: Span;
  mention: Span | null;
  channel: Span | null;
  /** End of the whole "she said" clause. */
  end: number;
}

/** A cue with its speaker between tokens[from] and tokens[to]. */
export function speakerIn(tokens: Token[], from: number, to: number, afterQuote: boolean): Speaker | null {
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
    const phrase =
      before ??
      after ??
      chainedSubject(tokens, i, from) ??
      (afterQuote ? null : (participleSubject(tokens, i) ?? subjectAfterOpeningPhrase(tokens, i)));
    if (phrase) return speaker(tokens, token, tokens[cueEnd], phrase, channelNear(tokens, cueEnd + 1, to));
    // Before a quote only the nearest cue can introduce it; one further back belongs to another clause.
    if (!afterQuote) return null;
  }
  return null;
}

export function speaker(
  tokens: Token[],
  cueStart: Token,
  cueEnd: Token,
  phrase: Phrase,
  channel: Span | null,
): Speaker {
  const mention = spanOf(tokens, phrase);
  return {
    cue: { start: cueStart.start, end: cueEnd.end },
    mention,
    channel,
    end: Math.max(cueEnd.end, mention.end, channel?.end ?? 0),
  };
}

/**
 * "The email goes on to say: …", "he began by saying …", "she declined to say whether …": the cue
 * hangs off another verb, whose subject is the speaker.
 */
export function chainedSubject(tokens: Token[], cueAt: number, lowerBound: number): Phrase | null {
  const link = tokens[cueAt - 1];
  if (!link || !CHAINING_CUE.has(link.lower)) return null;
  let verb = cueAt - 2;
  if (tokens[verb]?.lower === 'on') verb--; // "goes on to say"
  const head = tokens[verb];
  if (!head || verb <= lowerBound || !head.word || head.text !== head.lower || notAVerb(head.lower)) return null;
  const subject = phraseBefore(tokens, verb, lowerBound);
  return subject && subject.to === verb - countAuxiliaries(tokens, verb) ? subject : null;
}

function countAuxiliaries(tokens: Token[], at: number): number {
  let n = 0;
  while (at - n - 1 >= 0 && isAuxiliary(tokens[at - n - 1])) n++;
  return n;
}

/**
 * ", saying …", "after hinting that …": a participle cue's speaker is the subject of the sentence.
 */
export function participleSubject(tokens: Token[], cueAt: number): Phrase | null {
  if (!tokens[cueAt].lower.endsWith('ing') || cueAt < 2) return null;
  const before = tokens[cueAt - 1];
  if (before.text !== ',' && !BEFORE_PARTICIPLE_CUE.has(before.lower)) return null;
  return openingSubject(tokens, cueAt);
}

/**
 * "Here in Columbia, Sanders stepped up his emphasis …, saying, “…”": a speech participle set off by a
 * comma before a quote, in a sentence that opens with a phrase of place, time or concession before its
 * subject. The subject is the phrase after that opening comma, followed by its (lower-case) verb.
 */
function subjectAfterOpeningPhrase(tokens: Token[], cueAt: number): Phrase | null {
  if (!tokens[cueAt].lower.endsWith('ing') || cueClassOf(tokens[cueAt]) !== 'speech') return null;
  if (tokens[cueAt - 1]?.text !== ',') return null;
  const comma = tokens.findIndex((t, k) => k < cueAt - 1 && t.text === ',');
  if (comma < 1) return null;
  const subject = phraseAfter(tokens, comma + 1, cueAt - 1);
  const verb = subject ? tokens[subject.to] : undefined;
  const named =
    subject && tokens.slice(subject.from, subject.to).some((t) => isCapitalized(t) || PRONOUNS.has(t.lower));
  return subject && named && verb?.word && verb.text === verb.lower && !notAVerb(verb.lower) ? subject : null;
}

/** The phrase the sentence opens with ("But Clinton, …" → "Clinton"), when it ends before tokens[limit]. */
export function openingSubject(tokens: Token[], limit: number): Phrase | null {
  let start = 0;
  while (start < limit && (SENTENCE_OPENERS.has(tokens[start].lower) || tokens[start].text === ',')) start++;
  const subject = phraseAfter(tokens, start);
  return subject && subject.to < limit ? subject : null;
}

/**
 * "He called it a “crystal ball” and said it was …": the second verb shares the first one's speaker.
 * `earlier` holds the statements found so far, in lists read in order and never copied: a paragraph can
 * have thousands of cues and as many statements, and copying them for each cue was quadratic (issue 14).
 */
export function coordinatedSubject(
  tokens: Token[],
  cueAt: number,
  earlier: readonly (readonly Attribution[])[],
): Span | null {
  let j = cueAt - 1;
  while (j > 0 && isAuxiliary(tokens[j])) j--;
  // "and said …", or a participle set off by a comma: ", adding that …".
  const joined =
    j >= 0 && (COORDINATORS.has(tokens[j].lower) || (tokens[j].text === ',' && tokens[cueAt].lower.endsWith('ing')));
  if (!joined) return null;
  // The statement with a speaker whose cue ends before the joiner and starts last (the first such, on a tie).
  let previous: Attribution | undefined;
  for (const list of earlier)
    for (const a of list)
      if (a.cue && a.cue.end <= tokens[j].start && a.sourceMention && (!previous || a.cue.start > previous.cue!.start))
        previous = a;
  if (previous?.sourceMention) return previous.sourceMention;
  // "She greeted supporters in Houston and told them …": the sentence's subject, when it opens the sentence
  // and its verb follows it straight away.
  if (!COORDINATORS.has(tokens[j].lower)) return null;
  const subject = openingSubject(tokens, j);
  if (!subject) return null;
  const verb = tokens[subject.to];
  const named = tokens.slice(subject.from, subject.to).some((t) => isCapitalized(t) || PRONOUNS.has(t.lower));
  return named && verb?.word && verb.text === verb.lower && !notAVerb(verb.lower) ? spanOf(tokens, subject) : null;
}
