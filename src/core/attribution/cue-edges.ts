// Where a cue starts. A finder marks the verb that carries the cue ("said", "called for"); the words that
// qualify it between the speaker and the verb belong to it as well: "has said", "also called for",
// "did not mention", "has repeatedly accused". So an editor sees the whole predicate, and the cue is the one
// PolNeAR annotates (on train, gold cues started at such a word in 1,171 matched statements).
import { isAuxiliary } from '../lexicon/cue-lexicon';
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
  let at = tokens.findIndex((t) => t.start === cue.start);
  if (at <= 0) return attribution;
  const floor = Math.max(
    attribution.sourceMention && attribution.sourceMention.end <= cue.start ? attribution.sourceMention.end : 0,
    ...attribution.content.filter((s) => s.end <= cue.start).map((s) => s.end),
  );
  while (at > 0 && tokens[at - 1].start >= floor && qualifiesVerb(tokens[at - 1])) at--;
  if (tokens[at].start === cue.start) return attribution;
  return { ...attribution, cue: { start: tokens[at].start, end: cue.end } };
}
