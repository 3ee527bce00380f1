// Finding the phrase that names a speaker beside a cue: "The agency added", "said Smith, a
// spokesman", "according to the Pew Research Center". There is no part-of-speech tagger here, so a
// speaker phrase is read as a run of name-like and noun-phrase words between clause boundaries.
import {
  BARE_SPEAKERS,
  CONTRACTED_NOT_SPEAKERS,
  DANGLING,
  QUANTIFIERS,
  RELATIVE_FOR_PERSONS,
  SENTENCE_ADVERBS,
} from '../lexicon/attribution-words';
import { isAuxiliary } from '../lexicon/cue-lexicon';
import { isCapitalized, type Token } from '../text/tokens';

export const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);

/** Words that may sit inside a speaker phrase without being its head. */
const PHRASE_GLUE = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'and',
  'at',
  'from',
  'with',
  'by',
  "'s",
  'de',
  'van',
  'von',
  'al',
  'bin',
  'del',
  'la',
  'le',
  'du',
]);
/** Words that end a speaker phrase: clause openers, verbs of being, prepositions of time and place. */
const PHRASE_BREAKERS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'while',
  'because',
  'but',
  'if',
  'as',
  'after',
  'before',
  'since',
  'than',
  'so',
  'then',
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'being',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'not',
  'to',
  'on',
  'in',
  'into',
  'about',
  'over',
  'under',
  'during',
  'until',
  'where',
  'why',
  'how',
  'what',
  'also',
  'this',
  'there',
  'here',
  'said',
  'says',
  'told',
  'or',
  'nor',
  'yet',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'its',
  'him',
  'them',
  'us',
  'me',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'no',
  'all',
  'only',
  'just',
  'even',
  'still',
  'however',
]);
const BOUNDARY_MARKS = new Set([
  ',',
  ';',
  ':',
  '—',
  '–',
  '-',
  '(',
  '[',
  '“',
  '”',
  '"',
  '«',
  '»',
  '„',
  '‘',
  '’',
  "'",
  '!',
  '?',
  '.',
  '…',
  ')',
  ']',
]);
const MAX_PHRASE_TOKENS = 9;

export interface Phrase {
  /** Token indices, inclusive start, exclusive end. */
  from: number;
  to: number;
}

/** The speaker phrase ending just before `tokens[at]` (skipping "has", "also", "further", …), or null. */
export function phraseBefore(tokens: Token[], at: number, lowerBound = 0): Phrase | null {
  let end = at;
  while (end > lowerBound && isAuxiliary(tokens[end - 1])) end--;
  // "Gov. John Kasich (R-OH), said": the comma after a party label sets nothing off.
  if (end - 2 > lowerBound && tokens[end - 1].text === ',' && tokens[end - 2].text === ')') end--;
  // "greeted supporters in Houston and told them …", "ridiculed Fiorina for criticizing …": a conjunction
  // or preposition before the verb means the words before are not its subject.
  if (end > lowerBound && DANGLING.has(tokens[end - 1].lower)) return null;
  let start = end;
  while (start > lowerBound && end - start < MAX_PHRASE_TOKENS) {
    const token = tokens[start - 1];
    if (token.text === ')') {
      // "Iraqi National Intelligence Service (INIS) said", "Gov. Phil Bryant (R) said", "Reid (D-Nev.) told"
      const open = parentheticalStart(tokens, start - 1, lowerBound);
      if (open < 0) break;
      start = open;
      continue;
    }
    // "“…,” his colleague wrote": a possessive opening the clause is the phrase's determiner; elsewhere
    // ("told his aides") it belongs to another phrase.
    if (POSSESSIVES.has(token.lower) && start < end && (start - 1 === lowerBound || isBoundary(tokens[start - 2]))) {
      start--;
      break;
    }
    if (!token.word || PHRASE_BREAKERS.has(token.lower)) break;
    if (PRONOUNS.has(token.lower)) {
      if (start === end) start--;
      break;
    }
    start--;
  }
  // Leading glue ("of", "and") is not part of a name.
  while (start < end && PHRASE_GLUE.has(tokens[start].lower) && !isDeterminer(tokens[start])) start++;
  if (start >= end) return appositiveName(tokens, end, lowerBound);
  return hasHead(tokens, start, end) ? { from: start, to: end } : null;
}

/** A short parenthetical (acronym or party label) closing at tokens[close]: index of its "(", or -1. */
function parentheticalStart(tokens: Token[], close: number, lowerBound: number): number {
  for (let i = close - 1; i >= Math.max(lowerBound, close - 5); i--) {
    if (tokens[i].text === '(') return i < close - 1 && i > lowerBound && tokens[i - 1].word ? i : -1;
    if (!tokens[i].word && tokens[i].text !== '.' && tokens[i].text !== '-') return -1;
  }
  return -1;
}

/** Longest aside set off by commas between a speaker and the cue: "Stuart Stevens, who served as …, said". */
const MAX_ASIDE_TOKENS = 30;

/**
 * "Jane Doe, the mayor, said", "Fiorina, speaking to Iowans, said": when a comma ends at tokens[at - 1],
 * the speaker is the name before the aside the commas set off.
 */
function appositiveName(tokens: Token[], at: number, lowerBound: number): Phrase | null {
  if (at - 1 < lowerBound || tokens[at - 1].text !== ',') return null;
  let open = at - 2;
  while (open > lowerBound && at - open <= MAX_ASIDE_TOKENS && tokens[open].text !== ',') {
    if (!tokens[open].word && !/^[()'"“”—–.-]$/.test(tokens[open].text)) return null;
    open--;
  }
  if (open <= lowerBound || tokens[open].text !== ',' || open === at - 2) return null;
  // "her senior policy adviser, Jake Sullivan, said": the aside is the name.
  const aside = tokens.slice(open + 1, at - 1);
  // "Instead, he is emphasizing …, asserting": a clause with its own subject is not an aside.
  if (PRONOUNS.has(aside[0]?.lower ?? '')) return null;
  // "Woodrow Benford, 58, who lives outside Minneapolis, says": a relative clause after an aside (an age).
  if (RELATIVE_FOR_PERSONS.has(aside[0]?.lower ?? '') && open - 1 > lowerBound && /^\d+$/.test(tokens[open - 1].text))
    return appositiveName(tokens, open + 1, lowerBound);
  if (aside.length <= 4 && aside.every((t) => isCapitalized(t) && !isDeterminer(t)))
    return { from: open + 1, to: at - 1 };
  const name = phraseBefore(tokens, open, lowerBound);
  if (name && name.to - name.from === 1 && SENTENCE_ADVERBS.has(tokens[name.from].lower)) return null;
  if (!name || !(name.from === lowerBound || isBoundary(tokens[name.from - 1]))) return null;
  const named = tokens
    .slice(name.from, name.to)
    .some((t) => (isCapitalized(t) && !isDeterminer(t)) || PRONOUNS.has(t.lower));
  return named ? name : null;
}

/**
 * The speaker phrase starting at `tokens[at]` ("said Smith", "according to the agency"), or null; it ends
 * before tokens[limit] (a quote after the cue), as if the tokens ended there.
 */
export function phraseAfter(tokens: Token[], at: number, limit = tokens.length): Phrase | null {
  let end = at;
  if (end < limit && PRONOUNS.has(tokens[end].lower)) return { from: end, to: end + 1 };
  if (end < limit && PHRASE_GLUE.has(tokens[end].lower) && !isDeterminer(tokens[end])) return null; // "said of the …"

  while (end < limit && end - at < MAX_PHRASE_TOKENS) {
    const token = tokens[end];
    if (token.text === '(' && end + 2 < limit && isAcronym(tokens[end + 1]) && tokens[end + 2].text === ')') {
      end += 3;
      continue;
    }
    if (!token.word || PHRASE_BREAKERS.has(token.lower) || PRONOUNS.has(token.lower)) break;
    // After a name only more of the name continues it: "Okafor voted …" ends at "Okafor".
    const afterName = end > at && isCapitalized(tokens[end - 1]) && !isDeterminer(tokens[end - 1]);
    if (afterName && !isCapitalized(token) && !PHRASE_GLUE.has(token.lower)) break;
    end++;
  }
  while (end > at && PHRASE_GLUE.has(tokens[end - 1].lower)) end--;
  return end > at && hasHead(tokens, at, end) ? { from: at, to: end } : null;
}

export function isAcronym(token: Token): boolean {
  return (
    token.word &&
    token.text.length >= 2 &&
    /^[\p{Lu}\d&.-]+s?$/u.test(token.text) &&
    /\p{Lu}.*\p{Lu}|\p{Lu}\./u.test(token.text)
  );
}

const isDeterminer = (token: Token): boolean => token.lower === 'the' || token.lower === 'a' || token.lower === 'an';

/** Possessive determiners: "his colleague", "their spokesman". */
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/**
 * A speaker phrase needs a head: a name, a pronoun, or a common noun after a determiner or number
 * ("the agency", "two officials"); a bare plural ("officials", "analysts") also names speakers.
 */
function hasHead(tokens: Token[], start: number, end: number): boolean {
  // The phrase's words (its punctuation aside), read in one pass: this runs for every cue's neighbours.
  let count = 0;
  let first: Token | undefined;
  let last: Token | undefined;
  let named = false;
  for (let i = start; i < Math.min(end, tokens.length); i++) {
    const t = tokens[i];
    if (!t.word) continue;
    count++;
    first ??= t;
    last = t;
    named ||= isCapitalized(t) && !isDeterminer(t);
  }
  if (!first || !last) return false;
  // "That’s not to suggest …": a pronoun with "is" folded in is a clause's start, not a speaker.
  if (count === 1 && CONTRACTED_NOT_SPEAKERS.has(first.lower)) return false;
  if (count === 1 && PRONOUNS.has(first.lower)) return true;
  if (named) return true;
  if (PHRASE_GLUE.has(last.lower)) return false;
  if (count === 1) return /[^s]s$/.test(last.lower) || /people$/.test(last.lower) || BARE_SPEAKERS.has(last.lower);
  return (
    isDeterminer(first) ||
    POSSESSIVES.has(first.lower) ||
    /^\d/.test(first.lower) ||
    QUANTIFIERS.has(first.lower) ||
    /s$/.test(last.lower)
  );
}

export function isBoundary(token: Token): boolean {
  return !token.word && BOUNDARY_MARKS.has(token.text);
}
