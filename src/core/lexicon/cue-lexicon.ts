// The cue lexicon (lexicon/cues.json) as look-up sets and phrase matchers.
import cues from './cues.json';
import { fnv1a } from '../text/hashed-words';
import type { Token } from '../text/tokens';

export type CueClass = 'speech' | 'quoteOnly' | 'belief';

const CUE_CLASS = new Map<string, CueClass>();
for (const cueClass of ['belief', 'quoteOnly', 'speech'] as const) {
  for (const forms of Object.values(cues[cueClass])) for (const form of forms) CUE_CLASS.set(form, cueClass);
}
const AUXILIARIES = new Set(cues.auxiliaries);

/** A capitalised word inside a sentence is a name ("United States", "Keep the Promise"), not a cue. */
export function cueClassOf(token: Token, sentenceInitial = false): CueClass | undefined {
  if (!token.word || (!sentenceInitial && token.text !== token.lower)) return undefined;
  return CUE_CLASS.get(token.lower);
}

/** Particles that make a phrasal verb a cue, by inflected form: "pointed" → ["out"]. */
const PHRASAL = new Map<string, string[]>();
for (const [lemma, forms] of Object.entries(cues.phrasalForms)) {
  for (const form of forms) PHRASAL.set(form, (cues.phrasal as Record<string, string[]>)[lemma] ?? []);
}

/** "pointed out", "shot back": a verb that is a cue with the particle after it; returns the particle's index. */
export function phrasalCueAt(tokens: Token[], at: number): number | null {
  const particles = tokens[at].word && tokens[at].text === tokens[at].lower ? PHRASAL.get(tokens[at].lower) : undefined;
  return particles && particles.includes(tokens[at + 1]?.lower ?? '') ? at + 1 : null;
}

const ADD_FORMS = new Set(cues.speech.add);

/** "did not add up": a phrasal verb that only looks like a cue. */
export function isPhrasalNonCue(tokens: Token[], at: number): boolean {
  return ADD_FORMS.has(tokens[at].lower) && tokens[at + 1]?.lower === 'up';
}

export const isAuxiliary = (token: Token): boolean => AUXILIARIES.has(token.lower);

/** Phrases by their first word, longest first: most tokens start none, and are dismissed with one look-up. */
function byFirstWord(phrases: string[]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const words of phrases.map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length)) {
    const same = index.get(words[0]);
    if (same) same.push(words);
    else index.set(words[0], [words]);
  }
  return index;
}

const SOURCE_AFTER = byFirstWord(cues.sourceAfter);

/**
 * A fingerprint of what the attribution tagger's features read from this lexicon (each word's cue class,
 * the "according to" phrases). The weights file records the one it was trained with, and a unit test fails
 * when they differ: an edit of those lists means retraining (`npm run train:attribution`).
 */
export function taggerLexiconFingerprint(): string {
  const classes = [...CUE_CLASS].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return fnv1a(JSON.stringify([classes, [...cues.sourceAfter].sort()]))
    .toString(16)
    .padStart(8, '0');
}
const CHANNEL_BEFORE = byFirstWord(cues.channelBefore);
const CHANNEL_AFTER = byFirstWord(cues.channelAfter);

/** Length in tokens of the longest phrase from `phrases` that starts at `tokens[at]`, or 0. */
function matchPhrase(tokens: Token[], at: number, phrases: Map<string, string[][]>): number {
  const candidates = at < tokens.length ? phrases.get(tokens[at].lower) : undefined;
  if (!candidates) return 0;
  for (const phrase of candidates) {
    if (at + phrase.length > tokens.length) continue;
    let k = 1;
    while (k < phrase.length && tokens[at + k].lower === phrase[k]) k++;
    if (k === phrase.length) return phrase.length;
  }
  return 0;
}

export const sourceAfterAt = (tokens: Token[], at: number): number => matchPhrase(tokens, at, SOURCE_AFTER);

/**
 * Every lower-case word that can start a cue, a phrasal cue or "according to": a word not in it starts
 * no statement, so the attribution stage skips it with one look-up.
 */
export const STATEMENT_STARTS: ReadonlySet<string> = new Set<string>([
  ...CUE_CLASS.keys(),
  ...PHRASAL.keys(),
  ...SOURCE_AFTER.keys(),
]);

export const channelBeforeAt = (tokens: Token[], at: number): number => matchPhrase(tokens, at, CHANNEL_BEFORE);
export const channelAfterAt = (tokens: Token[], at: number): number => matchPhrase(tokens, at, CHANNEL_AFTER);
