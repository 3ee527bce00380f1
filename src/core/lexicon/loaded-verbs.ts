// The attribution verbs that judge what they report (loaded-verbs.json), with the neutral verb for each.
import verbs from './loaded-verbs.json';

const NEUTRAL: ReadonlyMap<string, string> = new Map(Object.entries(verbs.neutral));
const ONLY_BEFORE_THAT: ReadonlySet<string> = new Set(verbs.onlyBeforeThat);

/**
 * The neutral verb in the same tense and person for a loaded one ("claimed" → "said", "Claims" → "Says"),
 * or undefined when `word` is not loaded where it stands. `nextWord` is the word after it, lower case:
 * "alleged" is loaded only before "that".
 */
export function neutralVerbFor(word: string, nextWord: string): string | undefined {
  const lower = word.toLowerCase();
  const neutral = NEUTRAL.get(lower);
  if (neutral === undefined || (ONLY_BEFORE_THAT.has(lower) && nextWord !== 'that')) return undefined;
  return word[0] === lower[0] ? neutral : neutral[0].toUpperCase() + neutral.slice(1);
}
