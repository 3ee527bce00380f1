// Where the sources stage is unsure who said a statement, and who else it may be. Two readings are weak:
//   pronoun-ambiguous  "she" goes to the nearest source before it of a compatible type, but another one
//                      was named in the same or the previous sentence ("Reyes said … Delgado said … she said")
//   speaker-far        the speaker is named more than FAR_SENTENCES sentences from the words
// and a statement the trained tagger read is 'tagger'. The editor draws such statements in a quieter style
// and offers the alternatives as one-click corrections. Each statement looks only at the mentions between
// two offsets (a binary search, then a capped walk), so a long text costs no more than its statements.
import { firstIndexNotBefore } from '../text/search';
import type { Attribution, Sentence, Source, SourceType, SpeakerUncertainty, UncertaintyReason } from '../types';

/**
 * A speaker named more sentences than this from the nearest piece of the words is "far". On PolNeAR
 * train (scripts/eval-uncertainty.ts) every one of the 24 matched statements with a gap of 2 or more had
 * the wrong source; at a gap of 1, 7 of 27 (26%), near the 20% of all.
 */
export const FAR_SENTENCES = 1;
/** At most this many alternatives are offered: a hover lists them, and more would be noise. */
const MAX_ALTERNATIVES = 3;
/** At most this many mentions are looked at per statement, so a crowded paragraph stays cheap. */
const MAX_STEPS = 40;

/** The source types a pronoun can stand for: the classes the sources stage resolves it within. */
const PRONOUN_TYPES: Record<string, readonly SourceType[] | undefined> = {
  he: ['person', 'unknown'],
  she: ['person', 'unknown'],
  it: ['organization', 'document'],
  they: ['person', 'organization', 'anonymous', 'document', 'unknown'],
  we: ['person', 'organization', 'anonymous', 'document', 'unknown'],
};

interface SourceMentionAt {
  at: number;
  source: number;
}

/** The attributions, each with `uncertainty` where its speaker is in doubt; the others as they were. */
export function markUncertainSpeakers(
  prose: string,
  sentences: readonly Sentence[],
  attributions: readonly Attribution[],
  sources: readonly Source[],
): Attribution[] {
  const mentions: SourceMentionAt[] = sources
    .flatMap((s, source) => s.mentions.map((m) => ({ at: m.start, source })))
    .sort((a, b) => a.at - b.at || a.source - b.source);
  // Read only for the rivals of a "he" or "she", and once each: most sources are never asked.
  const genders: ('he' | 'she' | null | undefined)[] = new Array(sources.length);
  const genderAt = (source: number) => {
    let gender = genders[source];
    if (gender === undefined) gender = genders[source] = genderOf(prose, sources[source]);
    return gender;
  };
  const otherGender = (pronoun: string, source: number): boolean =>
    (pronoun === 'he' && genderAt(source) === 'she') || (pronoun === 'she' && genderAt(source) === 'he');
  const sentenceAt = (offset: number): number =>
    Math.max(0, firstIndexNotBefore(sentences.length, (i) => sentences[i].start <= offset) - 1);
  return attributions.map((a) => {
    const reasons: UncertaintyReason[] = [];
    const alternatives: number[] = [];
    if (a.foundBy === 'tagger') reasons.push('tagger');
    const mention = a.sourceMention;
    if (mention && a.source !== null && sentences.length > 0) {
      const own = a.source;
      // A pronoun is a short mention: names are not sliced and lower-cased for nothing.
      const pronoun =
        mention.end - mention.start <= 4 ? prose.slice(mention.start, mention.end).trim().toLowerCase() : '';
      const types = PRONOUN_TYPES[pronoun];
      if (types) {
        // Rivals named from the start of the previous sentence up to the pronoun, nearest first: of a type
        // the pronoun can stand for, and not known by the other gender's pronoun. (On PolNeAR train a window
        // of two sentences flagged six times as many at 30% wrong, under the 38% of all pronoun speakers.)
        const from = sentences[Math.max(0, sentenceAt(mention.start) - 1)].start;
        const fits = (s: number): boolean => types.includes(sources[s].type) && !otherGender(pronoun, s);
        const rivals = sourcesBetween(mentions, from, mention.start, own, fits);
        if (rivals.length > 0) reasons.push('pronoun-ambiguous');
        addAll(alternatives, rivals);
      }
      const words = a.content[0];
      if (words && sentenceGap(a, sentenceAt(mention.start), sentenceAt) > FAR_SENTENCES) {
        reasons.push('speaker-far');
        // Whoever is named between the speaker and the words, nearest the words first.
        const [from, to] = mention.start < words.start ? [mention.end, words.start] : [words.end, mention.start];
        addAll(
          alternatives,
          sourcesBetween(mentions, from, to, own, () => true),
        );
      }
    }
    if (reasons.length === 0) return a;
    const uncertainty: SpeakerUncertainty = { reasons, alternatives: alternatives.slice(0, MAX_ALTERNATIVES) };
    return { ...a, uncertainty };
  });
}

/** Sentences between the speaker's sentence and the nearest sentence of the words; 0 when they share one. */
function sentenceGap(a: Attribution, speakerSentence: number, sentenceAt: (offset: number) => number): number {
  let gap = Infinity;
  for (const piece of a.content) {
    const first = sentenceAt(piece.start);
    const last = sentenceAt(Math.max(piece.start, piece.end - 1));
    gap = Math.min(gap, speakerSentence < first ? first - speakerSentence : Math.max(0, speakerSentence - last));
  }
  return gap;
}

/**
 * The distinct sources, other than `own` and accepted by `fits`, with a mention starting in [from, to),
 * the one named last first. Walks back from `to`, at most MAX_STEPS mentions.
 */
function sourcesBetween(
  mentions: readonly SourceMentionAt[],
  from: number,
  to: number,
  own: number,
  fits: (source: number) => boolean,
): number[] {
  const found: number[] = [];
  const end = firstIndexNotBefore(mentions.length, (i) => mentions[i].at < to);
  for (let i = end - 1, steps = 0; i >= 0 && mentions[i].at >= from && steps < MAX_STEPS; i--, steps++) {
    const { source } = mentions[i];
    if (source !== own && !found.includes(source) && fits(source)) found.push(source);
    if (found.length >= MAX_ALTERNATIVES) break;
  }
  return found;
}

/**
 * 'he' or 'she' when the text calls the source so (one of its mentions is the pronoun, or its name has
 * Mr./Ms./Mrs.), and only one of them; else null. Read once per source: a walk over its mentions.
 */
function genderOf(prose: string, source: Source): 'he' | 'she' | null {
  let he = /^mr\b/i.test(source.name);
  let she = /^(mrs|ms|miss)\b/i.test(source.name);
  for (const m of source.mentions) {
    // Pronoun mentions are the bare word: no slice for the names.
    if (m.end - m.start > 3) continue;
    const word = prose.slice(m.start, m.end).toLowerCase();
    if (word === 'he') he = true;
    else if (word === 'she') she = true;
  }
  return he === she ? null : he ? 'he' : 'she';
}

function addAll(list: number[], more: number[]): void {
  for (const x of more) if (!list.includes(x)) list.push(x);
}
