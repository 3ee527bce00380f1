// One sentence on its own: every finder run on its tokens, overlaps resolved, the result kept by the
// sentence's text (analysis-cache.ts) and handed out at the sentence's offsets.
import { agentlessAttributions } from './agentless';
import { withPrepositionInCue, withQualifiedCue } from './cue-edges';
import { withAppositives } from './mention-edges';
import { withoutRole, type Candidate, type SentenceView } from './candidates';
import { directAttributions } from './direct-quotes';
import { modelStatements } from './model-statements';
import type { TaggerWeights } from './model';
import { predicateQuotes } from './object-quotes';
import { dropOverlaps } from './overlaps';
import { reportedAttributions } from './reported-speech';
import { quotesVariant, rebaseAttribution, rebaseQuote } from './sentence-offsets';
import { topicAttributions } from './topics';
import { triggersOf } from './triggers';
import type { TextMemo } from '../text/text-memo';
import { tokenize } from '../text/tokens';
import type { Attribution, Quote, Sentence } from '../types';

export interface SentenceStatements {
  /** Direct, reported, position and sourceless statements, overlaps resolved. */
  statements: Attribution[];
  /** Statements only the trained tagger read, which yield to every rule's (model-statements.ts). */
  tagged: Attribution[];
  /** Quotes in a verb's predicate ("blamed the shootings on “sickos”"), which yield to all the others. */
  predicates: Attribution[];
  /** Which of the sentence's speech quotes a statement took. */
  usedQuotes: boolean[];
}

/**
 * Everything found in one sentence without looking outside it: its text (with any quote running beyond
 * it) and its quotes. What links sentences (a quote standing alone continuing the last speaker) is left
 * to the caller. Computed on that text alone, so the result is a function of it and kept by it (analysis-cache.ts).
 */
export function sentenceStatements(
  prose: string,
  sentence: Sentence,
  inSentence: Quote[],
  allQuotes: Quote[],
  memo?: TextMemo<SentenceStatements>,
  model?: TaggerWeights | null,
): SentenceStatements {
  let from = sentence.start;
  let to = sentence.end;
  for (const q of allQuotes) {
    from = Math.min(from, q.start);
    to = Math.max(to, q.end);
  }
  const text = prose.slice(from, to);
  const compute = (): SentenceStatements =>
    statementsIn(text, sentence.start - from, sentence.end - from, inSentence, allQuotes, from, model ?? null);
  // Besides the text, the result depends on where the sentence lies in it and on its quotes. With no
  // quotes the sentence is the whole text, so the text alone decides (and a variant with quotes is never empty).
  const relative = memo
    ? memo.get(text, compute, allQuotes.length === 0 ? '' : quotesVariant(sentence, inSentence, allQuotes, from), from)
    : compute();
  // The kept result is shared between analyses: hand out copies at this sentence's offsets.
  return {
    statements: relative.statements.map((a) => rebaseAttribution(a, from)),
    tagged: relative.tagged.map((a) => rebaseAttribution(a, from)),
    predicates: relative.predicates.map((a) => rebaseAttribution(a, from)),
    usedQuotes: relative.usedQuotes,
  };
}

/**
 * The statements in `text`, whose sentence is text[start, end) and whose quotes are given at offset `from` in the
 * document.
 */
function statementsIn(
  text: string,
  start: number,
  end: number,
  inSentence: Quote[],
  allQuotes: Quote[],
  from: number,
  model: TaggerWeights | null,
): SentenceStatements {
  const localAll = allQuotes.map((q) => rebaseQuote(q, -from));
  // By a map, not indexOf: a sentence can hold thousands of quotes.
  const indexOfQuote = new Map<Quote, number>();
  allQuotes.forEach((q, i) => {
    if (!indexOfQuote.has(q)) indexOfQuote.set(q, i);
  });
  const localSpeech = inSentence.map((q) => localAll[indexOfQuote.get(q) ?? -1]);
  const localSentence: Sentence = { index: 0, block: 0, start, end };
  const tokens = tokenize(text, start, end);
  const view: SentenceView = {
    sentence: localSentence,
    tokens,
    quotes: localSpeech,
    allQuotes: localAll,
    triggers: triggersOf(tokens),
  };
  const used = new Set<Quote>();
  const direct = directAttributions(text, view, used);
  // Of statements that overlap, a direct quotation holds its words first, then reported speech in the
  // order of its cues; a quote in a verb's object ("calling it a “…”") gives way to both.
  const reportedFound = reportedAttributions(text, view, direct).sort(
    (a, b) => verbObjectLast(a) - verbObjectLast(b) || a.cue!.start - b.cue!.start,
  );
  const topics = topicAttributions(text, tokens, localAll, end, view.triggers.topics);
  const agentless = agentlessAttributions(text, tokens, localAll, end, view.triggers.agentless);
  // Statements with no source come after the rules' sourced ones: any that names its source takes the
  // words first.
  const sourced = (a: Attribution): boolean => a.sourceMention !== null;
  // A sentence is the rules' or the tagger's: the tagger reads only sentences where no rule found a
  // statement (chosen by the article-grouped CV: all F1 68.2 -> 67.8, end to end 58.9 -> 59.3, and the
  // tagger runs on a fraction of the sentences).
  const ruleFinds = direct.length + reportedFound.length + topics.length + agentless.length;
  const tagged = model && ruleFinds === 0 ? modelStatements(text, tokens, localAll, model) : [];
  // "Asked whether he would run, Smith said no.": the question put by someone unnamed is its own
  // statement, not the opening of Smith's, so it takes its words before any sourced statement does.
  const asked = agentless.filter((a) => isAskedQuestion(text, a));
  const kept = dropOverlaps(text, [
    ...direct,
    ...asked,
    ...reportedFound.filter(sourced),
    ...topics.filter(sourced),
    ...reportedFound.filter((a) => !sourced(a)),
    ...topics.filter((a) => !sourced(a)),
    ...agentless.filter((a) => !asked.includes(a)),
    ...tagged,
  ]);
  // The rules' cues take their auxiliaries ("has said") and a preposition that opens the content ("said of").
  const withCueEdges = (a: Attribution): Attribution => withPrepositionInCue(tokens, withQualifiedCue(tokens, a));
  const statements = kept.filter((c) => c.foundBy !== 'tagger').map((c) => withCueEdges(withoutRole(c)));
  // A quote standing alone is taken by the caller; predicateQuotes never takes one (no subject before it).
  const predicates = predicateQuotes(text, view, statements).map(withCueEdges);
  // The rules' speakers take the appositive that describes them ("said Smith, a spokesman for …").
  const widened = withAppositives(tokens, [...statements, ...predicates]);
  return {
    statements: widened.slice(0, statements.length),
    tagged: kept.filter((c) => c.foundBy === 'tagger').map(withoutRole),
    predicates: widened.slice(statements.length),
    usedQuotes: localSpeech.map((q) => used.has(q)),
  };
}

const isAskedQuestion = (text: string, a: Attribution): boolean =>
  a.cue !== null && text.slice(a.cue.start, a.cue.end).toLowerCase() === 'asked';

const verbObjectLast = (candidate: Candidate): number => (candidate.role === 'verbObject' ? 1 : 0);
