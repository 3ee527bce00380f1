// Where a cue starts. A finder marks the verb that carries the cue ("said", "called for"); the words that
// qualify it between the speaker and the verb belong to it as well: "has said", "also called for",
// "did not mention", "has repeatedly accused". So an editor sees the whole predicate, and the cue is the one
// PolNeAR annotates (on train, gold cues started at such a word in 1,171 matched statements).
import { isAuxiliary } from '../lexicon/cue-lexicon';
import { tokenIndexAt } from './spans';
import type { Token } from '../text/tokens';
import type { Attribution } from '../types';

/** A word that may stand between a speaker and the cue verb as part of the predicate; never a capitalised one. */
const qualifiesVerb = (token: Token): boolean => token.word && token.text[0] === token.lower[0] && isAuxiliary(token);

/**
 * The attribution with its cue widened to the left over auxiliaries, negation and adverbs of the lexicon
 * ("has", "did not", "also", "repeatedly"). It stops at anything else and never takes a word of the source
 * mention or of the content.
 */
export function withQualifiedCue(tokens: Token[], attribution: Attribution): Attribution {
  const cue = attribution.cue;
  if (!cue) return attribution;
  let at = tokenStartingAt(tokens, cue.start);
  if (at <= 0) return attribution;
  const floor = Math.max(
    attribution.sourceMention && attribution.sourceMention.end <= cue.start ? attribution.sourceMention.end : 0,
    ...attribution.content.filter((s) => s.end <= cue.start).map((s) => s.end),
  );
  while (at > 0 && tokens[at - 1].start >= floor && qualifiesVerb(tokens[at - 1])) at--;
  if (tokens[at].start === cue.start) return attribution;
  return { ...attribution, cue: { start: tokens[at].start, end: cue.end } };
}

/** Prepositions that complete a cue verb ("called for", "asked about", "said of", "commented on", "known as"). */
const CUE_PREPOSITIONS = new Set(['about', 'for', 'on', 'of', 'as', 'against']);

/**
 * The attribution with a preposition that opens its content moved into the cue: "called for | a recount",
 * "asked about | the emails". What was said is the preposition's object; the preposition belongs to the verb
 * (PolNeAR train: of matched statements whose content followed the cue with one of these, gold content started
 * after the preposition in 66 and at it in 8). "to" stays with the content: "wants to limit …" is what is wanted.
 */
export function withPrepositionInCue(tokens: Token[], attribution: Attribution): Attribution {
  const cue = attribution.cue;
  const first = attribution.content[0];
  if (!cue || !first || first.start < cue.end) return attribution;
  const at = tokenStartingAt(tokens, first.start);
  if (at <= 0 || tokens[at - 1].end !== cue.end || !CUE_PREPOSITIONS.has(tokens[at].lower)) return attribution;
  const next = tokens[at + 1];
  if (!next?.word || next.end > first.end) return attribution;
  return {
    ...attribution,
    cue: { start: cue.start, end: tokens[at].end },
    content: [{ start: next.start, end: first.end }, ...attribution.content.slice(1)],
  };
}

/**
 * `tokens.findIndex((t) => t.start === offset)` by a binary search (tokens are in order and do not overlap):
 * every statement of a sentence asks, and one sentence can have thousands.
 */
function tokenStartingAt(tokens: Token[], offset: number): number {
  const at = tokenIndexAt(tokens, offset);
  return tokens[at]?.start === offset ? at : -1;
}
