// A cue in the passive: "Clinton was asked about …", "Trump is expected to …", "it was revealed that …",
// "he was suspected of …". The subject of a passive cue is what the statement is about or whom it was put
// to, never who made it: with no "by" phrase the text does not say who spoke, and the statement has no
// source. Every finder asks here before it takes the words before a cue as its speaker.
import { phraseAfter, phraseBefore, type Phrase } from './mention-phrases';
import { BE, DEGREE, SUBORDINATORS, TELLING } from '../lexicon/attribution-words';
import { isAuxiliary } from '../lexicon/cue-lexicon';
import verbForms from '../lexicon/verb-forms.json';
import { firstIndexFromEach, lastIndexBeforeEach, perTokenList } from './spans';
import type { Token } from '../text/tokens';
import type { Span } from '../types';

const IRREGULAR_PAST = new Set(verbForms.irregularPast);
/**
 * Participles that after "be" describe the subject's own state of mind, so the subject does hold the
 * statement: "Democrats are worried about …", "she is convinced that …", "Braynard is quoted as saying".
 */
const HOLDER_PARTICIPLES = new Set([
  'worried',
  'concerned',
  'convinced',
  'confident',
  'quoted',
  'focused',
  'assured',
  'pleased',
  'determined',
  'committed',
  'prepared',
  'disappointed',
  'surprised',
  'frustrated',
  'persuaded',
  'agreed',
]);
/** "have been asked": "'s" is left out, as "he's said" is "he has said". */
const PASSIVE_BE = new Set(
  [...BE, 'am', 'become', 'becomes', 'became', 'becoming'].filter((w) => w !== "'s" && w !== '’s'),
);
/** Passive cues whose subject is whom the words were put to ("she was asked about …"), not their topic. */
const ADDRESSEE = new Set([...TELLING, 'asked', 'questioned', 'pressed', 'urged']);
const SUBORDINATE_OPENERS = new Set([...SUBORDINATORS, 'as', 'though', 'although', 'while']);
const CLAUSE_BOUNDARY = new Set([',', ';', ':', '—', '–', '(']);
/**
 * Participles that are never a simple past: with no "have" before them they are passive even without a
 * "be" ("a community known to be supportive of …", "a state known for …", "that became known as …").
 */
const PARTICIPLE_ONLY = new Set(['known']);
/** "have known him for years" is active. */
const HAVE = new Set(['has', 'have', 'had', 'having']);
/** The "it" of "it was revealed that …" stands for the clause after the cue. */
const EXPLETIVE = new Set(['it', 'there']);

/**
 * The index of the "be" before the cue at tokens[cueAt] when the cue is a passive participle ("was not
 * expected", "has been told", "is best known"); null when it is not one. A participle that is never a simple
 * past ("a state known for …") is passive on its own after a noun: its own index is returned.
 */
export function passiveBeAt(tokens: Token[], cueAt: number): number | null {
  const cue = tokens[cueAt].lower;
  if (!isParticiple(cue) || HOLDER_PARTICIPLES.has(cue)) return null;
  let be = cueAt - 1;
  while (be >= 0 && (DEGREE.has(tokens[be].lower) || /^[a-z]+ly$/.test(tokens[be].text))) be--;
  if (be >= 0 && PASSIVE_BE.has(tokens[be].lower)) return be;
  // Not after "have" ("have known him for years") or a possessive ("Trump's known ties").
  const before = tokens[be];
  const reduced = PARTICIPLE_ONLY.has(cue) && before?.word && !HAVE.has(before.lower) && !/['’]s?$/.test(before.text);
  return reduced && phraseBefore(tokens, be + 1) ? cueAt : null;
}

/**
 * The agent of a passive cue: "was endorsed the day before by former rival Carly Fiorina", the first "by"
 * with a speaker phrase after it in tokens[from, to). Returns the "by"'s index and the phrase.
 */
export function passiveAgent(tokens: Token[], from: number, to: number): { by: number; phrase: Phrase } | null {
  // The first "by" from one pass per sentence, not a scan per cue.
  const k = byFrom(tokens)(Math.max(0, from));
  if (k >= Math.min(to, tokens.length) - 1) return null;
  const phrase = phraseAfter(tokens, k + 1, to);
  return phrase ? { by: k, phrase } : null;
}

const byFrom = perTokenList((tokens) => firstIndexFromEach(tokens, (t) => t.lower === 'by'));

/**
 * Whether the passive's clause is a subordinate one ("Shortly after Clinton was declared the winner, …"):
 * its content then ends at the next comma, where the main clause starts.
 */
export function inSubordinateClause(tokens: Token[], be: number): boolean {
  const k = boundaryOrOpenerBefore(tokens)(be);
  return k >= 0 && !CLAUSE_BOUNDARY.has(tokens[k].text);
}

/** The last clause boundary or subordinate opener before each token, from one pass (a sentence can have thousands of cues). */
const boundaryOrOpenerBefore = perTokenList((tokens) =>
  lastIndexBeforeEach(tokens, (t) => CLAUSE_BOUNDARY.has(t.text) || SUBORDINATE_OPENERS.has(t.lower)),
);

/**
 * The subject of a passive cue when it is part of what was said ("Trump is expected to …" is a statement
 * about Trump), as PARC-style annotation has it; null for an "it", for whom the words were put to
 * ("Clinton was asked about …"), or when there is no subject phrase.
 */
export function passiveSubject(tokens: Token[], be: number, cueAt: number): Span | null {
  if (ADDRESSEE.has(tokens[cueAt].lower)) return null;
  let start = be;
  while (start > 0 && isAuxiliary(tokens[start - 1])) start--;
  const subject = phraseBefore(tokens, start);
  if (!subject || (subject.to - subject.from === 1 && EXPLETIVE.has(tokens[subject.from].lower))) return null;
  return { start: tokens[subject.from].start, end: tokens[subject.to - 1].end };
}

function isParticiple(word: string): boolean {
  return /[a-z]ed$/.test(word) || /[a-z](en|wn|rn)$/.test(word) || IRREGULAR_PAST.has(word) || word === 'said';
}
