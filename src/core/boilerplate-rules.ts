// Phrase rules: the lexicon in `lexicon/boilerplate-phrases.json`, compiled once into one matcher per
// reason and strength. The data says what web boilerplate reads like; this file only says how to match it.
import lexicon from './lexicon/boilerplate-phrases.json';
import { normaliseForRules } from './boilerplate-features';
import type { BoilerplateReason } from './types';

export type PhraseStrength = 'whole' | 'strong' | 'weak';

export interface PhraseMatch {
  reason: BoilerplateReason;
  strength: PhraseStrength;
}

interface ReasonEntry {
  whole?: string[];
  strong?: string[];
  weak?: string[];
  patterns?: string[];
}

interface CompiledRule {
  reason: BoilerplateReason;
  whole: ReadonlySet<string>;
  strong: RegExp | null;
  patterns: RegExp[];
  weak: RegExp | null;
}

const THREAD_MARKERS: RegExp[] = lexicon.commentThreadMarkers.patterns.map((pattern) => new RegExp(pattern, 'u'));
const STRONG_MAX_WORDS: number = lexicon.strongMaxWords;
const WEAK_MAX_WORDS: number = lexicon.weakMaxWords;
/** Distinct weak phrases of one reason that make a block part of a neighbouring block of that reason. */
const WEAK_PHRASES_NEEDED = 2;

// Boilerplate talks to the reader ("we welcome", "your comments", "please"); news prose reports.
const ADDRESSES_READER = /\b(we|we're|we'll|our|us|you|your|you're|you'll|please)\b/;
// A block that reports speech ("…,” he said") is article prose even when it mentions comments or cookies.
const REPORTS_SPEECH = /\b(said|says|told|according to|stated|announced|reported|tweeted|wrote)\b/;

const RULES: CompiledRule[] = Object.entries(lexicon.rules as Record<string, ReasonEntry>).map(([reason, entry]) => ({
  reason: reason as BoilerplateReason,
  whole: new Set((entry.whole ?? []).map((phrase) => reduceToWords(phrase, true))),
  strong: phraseMatcher(entry.strong ?? [], ''),
  patterns: (entry.patterns ?? []).map((pattern) => new RegExp(pattern, 'u')),
  weak: phraseMatcher(entry.weak ?? [], 'g'),
}));

/**
 * The strongest phrase rule a block's text meets, or null. `whole` beats `strong` beats `weak`; within a
 * strength the lexicon's order of reasons decides. A `weak` result is not enough alone: the caller decides
 * from the neighbours.
 */
export function matchPhrases(blockText: string, words: number): PhraseMatch | null {
  const whole = reduceToWords(blockText, false);
  for (const rule of RULES) if (rule.whole.has(whole)) return { reason: rule.reason, strength: 'whole' };

  const text = normaliseForRules(blockText);
  if (REPORTS_SPEECH.test(text)) return null;
  if (words <= STRONG_MAX_WORDS) {
    for (const rule of RULES) {
      if (rule.strong?.test(text) || rule.patterns.some((pattern) => pattern.test(text))) {
        return { reason: rule.reason, strength: 'strong' };
      }
    }
  }
  if (words > WEAK_MAX_WORDS || !ADDRESSES_READER.test(text)) return null;
  for (const rule of RULES) {
    if (distinctMatches(rule.weak, text) >= WEAK_PHRASES_NEEDED) return { reason: rule.reason, strength: 'weak' };
  }
  return null;
}

/** A line that heads or signs a reader comment ("Jane says:", "August 8, 2018 at 3:17 pm"). */
export function isCommentThreadMarker(blockText: string, words: number): boolean {
  if (words > 12) return false;
  const text = normaliseForRules(blockText);
  return THREAD_MARKERS.some((pattern) => pattern.test(text));
}

function distinctMatches(matcher: RegExp | null, text: string): number {
  if (!matcher) return 0;
  const seen = new Set<string>();
  for (const match of text.matchAll(matcher)) seen.add(match[0]);
  return seen.size;
}

/** One alternation of all phrases, longest first so "comments" wins over "comment", at word edges. */
function phraseMatcher(phrases: string[], flags: string): RegExp | null {
  if (phrases.length === 0) return null;
  const sources = [...phrases]
    .map(normaliseForRules)
    .sort((a, b) => b.length - a.length)
    .map((phrase) => {
      const body = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/#/g, '\\d+').replace(/ /g, '\\s');
      const before = /^[\p{L}\p{N}#]/u.test(phrase) ? '(?<![\\p{L}\\p{N}])' : '';
      const after = /[\p{L}\p{N}#]$/u.test(phrase) ? '(?![\\p{L}\\p{N}])' : '';
      return before + body + after;
    });
  return new RegExp(sources.join('|'), `u${flags}`);
}

/**
 * A block as a menu item: letters and digits only, apostrophes dropped ("don't" → "dont"), numbers as
 * '#', so "Comments (12)" and "12 comments" meet the phrases "comments #" and "# comments".
 */
function reduceToWords(text: string, isPhrase: boolean): string {
  let reduced = text.toLowerCase().replace(/['’‘`´]/g, '');
  if (!isPhrase) reduced = reduced.replace(/#/g, ' ').replace(/\p{N}+([.,]\p{N}+)*/gu, '#');
  return reduced.replace(/[^\p{L}\p{N}\p{M}#]+/gu, ' ').trim();
}
