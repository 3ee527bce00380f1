// The attribution verbs that judge what they report (loaded-verbs.json), with the neutral verb for each.
import { CONTRACTED_SUBJECTS } from './attribution-words';
import verbs from './loaded-verbs.json';

const NEUTRAL: ReadonlyMap<string, string> = new Map(Object.entries(verbs.neutral));
const ONLY_BEFORE_THAT: ReadonlySet<string> = new Set(verbs.onlyBeforeThat);
const NOT_BEFORE_TO: ReadonlySet<string> = new Set(verbs.notBeforeTo);
const NOUN_AFTER: ReadonlySet<string> = new Set(verbs.nounAfter);
const POSSESSIVE = /['’]s?$/;

/** The words either side of a form, lower case, '' where there is none; `before` keeps an "'s" ("trump's"). */
export interface VerbContext {
  before: string;
  after: string;
}

/**
 * The neutral verb in the same tense and person for a loaded one ("claimed" → "said", "Claims" → "Says"),
 * or undefined when `word` is not a loaded verb where it stands: "alleged" only before "that", "claims"
 * not before "to", and no
 * form after a determiner or a possessive ("their claims", "Trump's claims"), where it is a noun. The
 * context is asked for only when the word is on the list.
 */
export function neutralVerbFor(word: string, context: () => VerbContext): string | undefined {
  const lower = word.toLowerCase();
  const neutral = NEUTRAL.get(lower);
  if (neutral === undefined) return undefined;
  const { before, after } = context();
  if (ONLY_BEFORE_THAT.has(lower) && after !== 'that') return undefined;
  // "claims to be" has no neutral twin in one word ("says to be" is no sentence).
  if (NOT_BEFORE_TO.has(lower) && after === 'to') return undefined;
  // "he's claimed" is "he has claimed"; "Trump's claims" is a noun.
  if (NOUN_AFTER.has(before) || (POSSESSIVE.test(before) && !CONTRACTED_SUBJECTS.has(before))) return undefined;
  return word[0] === lower[0] ? neutral : neutral[0].toUpperCase() + neutral.slice(1);
}
