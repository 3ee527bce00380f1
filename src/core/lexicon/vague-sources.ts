// The words that credit a statement to an unnamed group or to nobody in particular (vague-sources.json).
import words from './vague-sources.json';

const QUANTIFIERS: readonly string[][] = words.quantifiers.map((phrase) => phrase.split(' '));
const GROUP_HEADS: ReadonlySet<string> = new Set(words.groupHeads);
const STANCE_HEADS: ReadonlySet<string> = new Set(words.stanceHeads);
export const DESCRIBED_AFTER: ReadonlySet<string> = new Set(words.describedAfter);
const SPREAD_ADVERBS: ReadonlySet<string> = new Set(words.spreadAdverbs);
const IMPERSONAL_VERBS: ReadonlySet<string> = new Set(words.impersonalVerbs);
const AFTER_IT_ONLY: ReadonlySet<string> = new Set(words.impersonalAfterItOnly);
/** What may stand between "it" and the participle of an impersonal cue, besides the spread adverbs. */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const PASSIVE_FILLERS: ReadonlySet<string> = new Set(['has', 'have', 'had', 'will', 'also', 'still', 'now', 'long']);

/** A vague mention: a group ("experts", "critics of the plan"), or a quantifier alone ("many", "some"). */
export type VagueMention = { kind: 'group'; head: string } | { kind: 'quantifier' };

/** The words after the leading quantifiers ("many other experts" → "experts"), and how many were read. */
function afterQuantifiers(mention: readonly string[]): { rest: readonly string[]; quantified: boolean } {
  let at = 0;
  for (let matched = true; matched;) {
    matched = false;
    for (const phrase of QUANTIFIERS) {
      if (phrase.every((word, i) => mention[at + i] === word)) {
        at += phrase.length;
        matched = true;
        break;
      }
    }
  }
  return { rest: mention.slice(at), quantified: at > 0 };
}

/**
 * Whether a source mention's words (lower case) name an unnamed group and nothing more: a group head
 * after any quantifiers ("experts", "many officials"), a stance head with what it stands for ("critics of
 * the plan"), or a quantifier alone ("many"). Any other word identifies the group a little ("senior
 * officials", "sources close to the minister", "some 200 people") and the mention is not vague.
 */
export function vagueMention(mention: readonly string[]): VagueMention | undefined {
  const { rest, quantified } = afterQuantifiers(mention);
  if (rest.length === 0) return quantified ? { kind: 'quantifier' } : undefined;
  const head = rest[0];
  if (rest.length === 1 && (GROUP_HEADS.has(head) || STANCE_HEADS.has(head))) return { kind: 'group', head };
  if (rest.length >= 3 && STANCE_HEADS.has(head) && rest[1] === 'of') return { kind: 'group', head };
  return undefined;
}

/**
 * Whether an agentless statement's cue (its words, lower case) credits it to nobody in particular: a
 * passive of a believing or saying verb after a spread adverb ("is widely believed", "are generally
 * expected"), or after a bare "it" (`afterIt`: "it is said", "it is understood"), where the speaker is
 * left out on purpose.
 */
export function isImpersonalCue(cue: readonly string[], afterIt: boolean): boolean {
  const start = cue[0] === 'it' || cue[0] === "it's" || cue[0] === 'it’s' ? 1 : 0;
  const verb = cue[cue.length - 1];
  if (!IMPERSONAL_VERBS.has(verb)) return false;
  // "it's said": the contraction is the auxiliary.
  let passive = start === 1 && cue[0] !== 'it';
  let spread = false;
  for (let i = start; i < cue.length - 1; i++) {
    const word = cue[i];
    if (PASSIVE_AUXILIARIES.has(word)) passive = true;
    else if (SPREAD_ADVERBS.has(word)) spread = true;
    else if (!PASSIVE_FILLERS.has(word)) return false;
  }
  if (!passive) return false;
  return spread || ((afterIt || start === 1) && AFTER_IT_ONLY.has(verb));
}
