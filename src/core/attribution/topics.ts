// Stage 4, third part: statements whose content is not a clause but what the verb takes:
//   object         The senator criticized the president’s foreign policy.
//   prepositional  Sanders called for a recount. / She talked about her family.
//   infinitive     Voters want to limit immigration. / He vowed to fight on.
// These report a position rather than words, and a reader checking who holds which position wants them;
// PARC-style annotation (PolNeAR) counts them as attributions. They run after reported speech, so a
// verb with a that-clause ("announced that …") stays reported speech.
import {
  COORDINATORS,
  ENDING_POSITION,
  NOT_AN_OBJECT,
  RELATIVE_SUBJECTS,
  STARTING_PREDICATE,
  VERB_AS_NOUN,
  VERB_LIKE_PREPOSITIONS,
} from '../lexicon/attribution-words';
import { cueClassOf, isAuxiliary } from '../lexicon/cue-lexicon';
import cues from '../lexicon/cues.json';
import { phraseBefore, type Phrase } from './mention-phrases';
import { passiveAgent, passiveBeAt, passiveSubject } from './passive-cues';
import { holdsAnyOf, insideAnyOf, quoteContaining, tokenIndexAt } from './spans';
import { trimStatement } from './statement-span';
import type { Token } from '../text/tokens';
import type { Attribution, Quote } from '../types';

const OBJECT = formsOf(cues.topic.object);
const INFINITIVE = formsOf(cues.topic.infinitive);
const PREPOSITIONS = new Map<string, string[][]>();
for (const { forms, prepositions } of Object.values(cues.topic.prepositional)) {
  for (const form of forms)
    PREPOSITIONS.set(
      form,
      prepositions.map((p) => p.split(' ')),
    );
}

/** Every form of every verb above: only tokens with one of these words are looked at (triggers.ts). */
export const TOPIC_VERBS: ReadonlySet<string> = new Set([...OBJECT, ...INFINITIVE, ...PREPOSITIONS.keys()]);

/** Words that end the content: a new clause starts ("and said …", ", who …"). */
const CLAUSE_END = /^[;(—–]$/;

/** `verbs`: the indices of the tokens whose word is one of TOPIC_VERBS, in order. */
export function topicAttributions(
  prose: string,
  tokens: Token[],
  quotes: Quote[],
  sentenceEnd: number,
  verbs: readonly number[],
): Attribution[] {
  const found: Attribution[] = [];
  if (verbs.length === 0) return found;
  // Made once, not a pass over the quotes per verb: a paragraph can hold thousands of verbs and quotes.
  const inQuote = insideAnyOf(quotes);
  const holdsQuote = holdsAnyOf(quotes);
  for (const i of verbs) {
    const token = tokens[i];
    if (i < 1 || token.text !== token.lower || inQuote(token.start, token.end)) continue;
    // "the support of", "a strong defense": a verb form used as a noun.
    if (VERB_AS_NOUN.has(tokens[i - 1].lower)) continue;
    const contentStart = contentStartAfter(tokens, i);
    if (contentStart === null) continue;
    // "Roof is accused of …", "she was asked about …": a passive verb's subject is not who holds the position.
    const be = passiveBeAt(tokens, i);
    const subject = be === null ? subjectOf(tokens, i) : null;
    if (!subject && be === null) continue;
    const end = clauseEnd(tokens, contentStart, quotes, sentenceEnd);
    if (end <= tokens[contentStart].start) continue;
    const content = trimStatement(prose, { start: tokens[contentStart].start, end });
    if (content.end <= content.start) continue;
    const cueEnd = tokens[contentStart - 1];
    const mixed = holdsQuote(content.start, content.end + 1);
    const patient = be === null ? null : passiveSubject(tokens, be, i);
    // "was supported Friday by Sen. Dianne Feinstein": a passive's agent holds the position.
    const agent = be === null ? null : passiveAgent(tokens, contentStart, tokenIndexAt(tokens, end));
    const holder = subject ?? agent?.phrase ?? null;
    if (agent) content.end = trimStatement(prose, { start: content.start, end: tokens[agent.by].start }).end;
    if (content.end <= content.start) continue;
    found.push({
      kind: mixed ? 'mixed' : 'indirect',
      content: patient ? [patient, content] : [content],
      cue: {
        start: tokens[be ?? i].start,
        end: cueEnd.lower === 'to' && INFINITIVE.has(token.lower) ? token.end : cueEnd.end,
      },
      sourceMention: holder ? { start: tokens[holder.from].start, end: tokens[holder.to - 1].end } : null,
      source: null,
      channel: null,
      sentences: [],
    });
  }
  return found;
}

/** Where the content starts after the verb at `at`, or null when the verb takes no content here. */
function contentStartAfter(tokens: Token[], at: number): number | null {
  const form = tokens[at].lower;
  const next = tokens[at + 1];
  if (!next || !next.word) return null;
  if (INFINITIVE.has(form) && next.lower === 'to' && tokens[at + 2]?.word) return at + 1;
  for (const words of PREPOSITIONS.get(form) ?? []) {
    if (words.every((w, k) => tokens[at + 1 + k]?.lower === w) && tokens[at + 1 + words.length]?.word)
      return at + 1 + words.length;
  }
  // A direct object: not a clause ("denied that …" is reported speech) and not a particle.
  if (OBJECT.has(form) && !NOT_AN_OBJECT.has(next.lower)) return at + 1;
  return null;
}

/** The named subject right before the verb (auxiliaries allowed), or the phrase a "who" stands for. */
function subjectOf(tokens: Token[], at: number): Phrase | null {
  // "the party leaders who can support …": the phrase a "who" stands for, auxiliaries between.
  let relative = at - 1;
  while (relative > 0 && isAuxiliary(tokens[relative])) relative--;
  if (RELATIVE_SUBJECTS.has(tokens[relative].lower)) return relative >= 1 ? phraseBefore(tokens, relative) : null;
  const subject = phraseBefore(tokens, at);
  if (!subject) return null;
  // "Rubio’s poor showings have …": the subject must end on its head, not on a possessive.
  if (/['’]s?$/.test(tokens[subject.to - 1].text)) return null;
  return subject;
}

/** Where the clause from each token ends, for one token list, its quotes and its sentence's end. */
interface ClauseEnds {
  quotes: Quote[];
  sentenceEnd: number;
  /** The answer for a scan that starts at each token, NaN until one has passed there. */
  from: Float64Array;
  quoteAt: (token: Token) => Quote | undefined;
}

/** Kept per token list: topic and passive statements ask for a clause's end once per cue. */
const CLAUSE_ENDS = new WeakMap<Token[], ClauseEnds>();

/**
 * The content runs to the clause's end: punctuation, "and"/"but" before another verb, or the sentence's end.
 * The scan from a token always ends at the same place, so each answer is kept for every token the scan
 * passed: a sentence with thousands of cues and no clause end (a paragraph with no full stop) is read once,
 * not once per cue.
 */
export function clauseEnd(tokens: Token[], from: number, quotes: Quote[], sentenceEnd: number): number {
  let memo = CLAUSE_ENDS.get(tokens);
  if (!memo || memo.quotes !== quotes || memo.sentenceEnd !== sentenceEnd) {
    memo = { quotes, sentenceEnd, from: new Float64Array(tokens.length).fill(NaN), quoteAt: quoteContaining(quotes) };
    CLAUSE_ENDS.set(tokens, memo);
  }
  const passed: number[] = [];
  let end = sentenceEnd;
  for (let k = from; k < tokens.length; k++) {
    if (!Number.isNaN(memo.from[k])) {
      end = memo.from[k];
      break;
    }
    passed.push(k);
    const t = tokens[k];
    const quote = memo.quoteAt(t);
    if (quote) {
      // Punctuation inside a quote ("a “disgrace,” and …") ends nothing: skip to the quote's end.
      while (k + 1 < tokens.length && tokens[k + 1].end <= quote.end) k++;
      continue;
    }
    // A comma ends the object only where a new clause or a participle starts after it; a list or an
    // appositive ("a ban on all cloning, including …") stays.
    if (
      CLAUSE_END.test(t.text) ||
      (t.text === ',' && opensClause(tokens[k + 1])) ||
      (COORDINATORS.has(t.lower) && startsPredicate(tokens[k + 1]))
    ) {
      end = t.start;
      break;
    }
  }
  for (const k of passed) memo.from[k] = end;
  return end;
}

function opensClause(token: Token | undefined): boolean {
  // A participle starts a clause; "including", "regarding" and the like are prepositions.
  const participle = /^[a-z]+ing$/.test(token?.text ?? '') && !VERB_LIKE_PREPOSITIONS.has(token!.text);
  return !token || !token.word || ENDING_POSITION.has(token.lower) || participle;
}

function startsPredicate(token: Token | undefined): boolean {
  if (!token || !token.word || token.text !== token.lower) return false;
  return (
    cueClassOf(token) !== undefined ||
    OBJECT.has(token.lower) ||
    INFINITIVE.has(token.lower) ||
    PREPOSITIONS.has(token.lower) ||
    /^[a-z]{3,}ed$/.test(token.text) ||
    STARTING_PREDICATE.has(token.lower)
  );
}

function formsOf(lemmas: Record<string, string[]>): Set<string> {
  return new Set(Object.values(lemmas).flat());
}
