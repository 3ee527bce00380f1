// A statement credited to an unnamed group ("experts say", "critics of the plan argue", "many believe") or
// to nobody in particular ("it is widely believed"): the reader cannot weigh a source no one can find.
// Only the statements the attribution stage found are read: the words of the source mention, or, for a
// statement with none, its cue. An unnamed individual or a described source ("a senior official said",
// "sources familiar with the talks") is anonymous-source's, which leaves these alone: one statement, one
// message.
import { DESCRIBED_AFTER, isImpersonalCue, vagueMention, type VagueMention } from '../lexicon/vague-sources';
import type { Attribution, Span } from '../types';
import { ownCopy } from '../text';
import { phraseWords } from './phrase-words';
import { quoteStart } from './quote-text';
import { defineRule } from './rule';

const PREVIOUS_WORD = /(\p{L}+)\s+$/u;
const NEXT_WORD = /^,?\s+(\p{L}+)/u;
/** Mention and cue are quoted as one phrase ("experts say", "said officials") when little but letters lies between. */
const CLOSE = /^[\s\p{L}]{0,12}$/u;

export interface VagueSource {
  /** The mention, with the cue when it stands next to it ("Experts say"; "It is widely believed"). */
  span: Span;
  /** What the reader is left to ask. */
  question: string;
  /** Whether there is a group to name ("experts") or only a missing speaker ("it is widely believed"). */
  impersonal: boolean;
}

/**
 * Mentions and cues recur through a document ("officials", "Ana Ruiz", "said"): what their words say is
 * kept by their text, a pure function of it, for at most this many texts before starting over.
 */
const MAX_KEPT_READINGS = 4096;
/** A mention's reading, or false when it is not vague (a value, so a miss is `undefined` alone). */
const mentionReadings = new Map<string, VagueMention | false>();
const cueReadings = new Map<string, boolean>();

/** Kept by a copy of the key (`ownCopy`): a slice would keep the whole document it was cut from alive. */
function keep<V>(readings: Map<string, V>, key: string, value: V): V {
  if (readings.size >= MAX_KEPT_READINGS) readings.clear();
  readings.set(ownCopy(key), value);
  return value;
}

function vagueMentionOf(mention: string): VagueMention | false {
  return mentionReadings.get(mention) ?? keep(mentionReadings, mention, vagueMention(phraseWords(mention)) ?? false);
}

function isImpersonal(cue: string, afterIt: boolean): boolean {
  const key = afterIt ? `it ${cue}` : cue;
  return cueReadings.get(key) ?? keep(cueReadings, key, isImpersonalCue(phraseWords(cue), afterIt));
}

/** The mention and the cue as one span when they stand together, else the mention alone. */
function phraseOf(text: string, mention: Span, cue: Span | null): Span {
  if (cue === null) return mention;
  const [first, second] = mention.start <= cue.start ? [mention, cue] : [cue, mention];
  return CLOSE.test(text.slice(first.end, second.start)) ? { start: first.start, end: second.end } : mention;
}

/** The vague source of a statement, or undefined when its source is named, described or absent. */
export function vagueSourceOf(text: string, { sourceMention, cue }: Attribution): VagueSource | undefined {
  if (sourceMention !== null) {
    const vague = vagueMentionOf(text.slice(sourceMention.start, sourceMention.end));
    if (vague === false) return undefined;
    // A mention cut short ("people" of "people in attendance") still has its description after it.
    const next = NEXT_WORD.exec(text.slice(sourceMention.end, sourceMention.end + 24))?.[1].toLowerCase();
    if (next !== undefined && DESCRIBED_AFTER.has(next)) return undefined;
    const question = vague.kind === 'group' ? `which ${vague.head}?` : 'who are they?';
    return { span: phraseOf(text, sourceMention, cue), question, impersonal: false };
  }
  if (cue === null) return undefined;
  const before = PREVIOUS_WORD.exec(text.slice(Math.max(0, cue.start - 12), cue.start));
  const afterIt = before?.[1].toLowerCase() === 'it';
  if (!isImpersonal(text.slice(cue.start, cue.end), afterIt)) return undefined;
  const start = afterIt && before ? cue.start - before[0].length : cue.start;
  return { span: { start, end: cue.end }, question: 'by whom?', impersonal: true };
}

/** Whether a source's name is an unnamed group or a quantifier alone ("officials", "many experts"). */
export function isVagueSourceName(name: string): boolean {
  return vagueMention(phraseWords(name)) !== undefined;
}

export const vagueSource = defineRule({
  id: 'vague-source',
  severity: 'info',
  suppressible: true,
  anchor: 'vague-source',
  summary:
    'A statement credited to an unnamed group ("experts say", "many believe") or to no one ("it is widely thought").',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ text, analysis }, report) {
    // Statements that share a mention ("Experts say … and that …") get one message for it.
    const reported = new Set<number>();
    for (const attribution of analysis.attributions) {
      const vague = vagueSourceOf(text, attribution);
      if (vague === undefined || reported.has(vague.span.start)) continue;
      reported.add(vague.span.start);
      const ask = vague.impersonal ? 'Name who holds it, or say why not.' : 'Name them, or say why not.';
      report(vague.span, `${quoteStart(text, vague.span)}: ${vague.question} ${ask}`);
    }
  },
});
