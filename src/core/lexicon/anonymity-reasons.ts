// The words that give a reason for not naming a source (anonymity-reasons.json).
import words from './anonymity-reasons.json';

const toWords = (phrase: string): readonly string[] => phrase.split(' ');
const REASONS: readonly (readonly string[])[] = words.reasons.map(toWords);
const GRANTS: readonly (readonly string[])[] = words.grants.map(toWords);
const CONNECTORS: ReadonlySet<string> = new Set(words.connectors);

const startsAt = (text: readonly string[], at: number, phrase: readonly string[]): boolean =>
  phrase.every((word, i) => text[at + i] === word);

/** Phrases by their first word: each word of a window is looked up once, not tried against every phrase. */
function byFirstWord(phrases: readonly (readonly string[])[]): ReadonlyMap<string, readonly (readonly string[])[]> {
  const map = new Map<string, (readonly string[])[]>();
  for (const phrase of phrases) map.set(phrase[0], [...(map.get(phrase[0]) ?? []), phrase]);
  return map;
}
const REASONS_BY_FIRST_WORD = byFirstWord(REASONS);
const GRANTS_BY_FIRST_WORD = byFirstWord(GRANTS);

/**
 * Whether the words (lower case, in order) give a reason for anonymity: a reason phrase ("not authorized
 * to", "for fear of"), or a grant of anonymity with the word that opens its reason right after it
 * ("condition of anonymity because"). A grant with nothing after it gives no reason.
 */
export function givesAnonymityReason(text: readonly string[]): boolean {
  for (let at = 0; at < text.length; at++) {
    if (REASONS_BY_FIRST_WORD.get(text[at])?.some((phrase) => startsAt(text, at, phrase))) return true;
    for (const grant of GRANTS_BY_FIRST_WORD.get(text[at]) ?? []) {
      if (startsAt(text, at, grant) && CONNECTORS.has(text[at + grant.length])) return true;
    }
  }
  return false;
}
