// Phrase rules: the lexicon in `lexicon/boilerplate-phrases.json`, compiled once into token indexes and
// regular expressions. The data says what web boilerplate reads like; this file only says how to match it.
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
  patterns: RegExp[];
}

const THREAD_MARKERS: RegExp[] = lexicon.commentThreadMarkers.patterns.map((pattern) => new RegExp(pattern, 'u'));
const STRONG_MAX_WORDS: number = lexicon.strongMaxWords;
const WEAK_MAX_WORDS: number = lexicon.weakMaxWords;
/** Menu items and buttons are a few words; longer blocks are not looked up as a whole. */
const WHOLE_MAX_WORDS = 12;
/** Distinct weak phrases of one reason that make a block part of a neighbouring block of that reason. */
const WEAK_PHRASES_NEEDED = 2;

// Words (with inner apostrophes and hyphens: "don't", "e-mail") and single punctuation marks ("©", ":").
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['-][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

// Boilerplate talks to the reader ("we welcome", "your comments", "please"); news prose reports.
const ADDRESSES_READER = new Set(['we', "we're", "we'll", 'our', 'us', 'you', 'your', "you're", "you'll", 'please']);
// A block that reports speech ("…,” he said") is article prose even when it mentions comments or cookies.
const REPORTS_SPEECH = new Set(['said', 'says', 'told', 'stated', 'announced', 'reported', 'tweeted', 'wrote']);

/**
 * Phrases as token sequences, looked up at every token of a block: linear in the block, however long the
 * lexicon (one big regular expression of alternatives would try each of them at every character).
 */
class PhraseIndex {
  private readonly ruleOf = new Map<string, number>();
  /** Every proper prefix of a phrase: a walk stops as soon as it leaves them. */
  private readonly prefixes = new Set<string>();

  add(phrase: string, rule: number): void {
    const tokens = tokenise(normaliseForRules(phrase));
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    if (!this.ruleOf.has(key)) this.ruleOf.set(key, rule);
    for (let n = 1; n < tokens.length; n++) this.prefixes.add(tokens.slice(0, n).join(' '));
  }

  /** Every phrase occurring in `tokens`, as [phrase key, rule index]. */
  find(tokens: string[]): [string, number][] {
    const found: [string, number][] = [];
    for (let i = 0; i < tokens.length; i++) {
      let key = tokens[i];
      for (let j = i; ; ) {
        const rule = this.ruleOf.get(key);
        if (rule !== undefined) found.push([key, rule]);
        if (!this.prefixes.has(key) || ++j >= tokens.length) break;
        key += ' ' + tokens[j];
      }
    }
    return found;
  }
}

const RULES: CompiledRule[] = [];
const STRONG = new PhraseIndex();
const WEAK = new PhraseIndex();
for (const [reason, entry] of Object.entries(lexicon.rules as Record<string, ReasonEntry>)) {
  const rule = RULES.length;
  RULES.push({
    reason: reason as BoilerplateReason,
    whole: new Set((entry.whole ?? []).map((phrase) => reduceToWords(phrase, true))),
    patterns: (entry.patterns ?? []).map((pattern) => new RegExp(pattern, 'u')),
  });
  for (const phrase of entry.strong ?? []) STRONG.add(phrase, rule);
  for (const phrase of entry.weak ?? []) WEAK.add(phrase, rule);
}

/**
 * The strongest phrase rule a block's text meets, or null. `whole` beats `strong` beats `weak`; within a
 * strength the lexicon's order of reasons decides. A `weak` result is not enough alone: the caller decides
 * from the neighbours.
 */
export function matchPhrases(blockText: string, words: number): PhraseMatch | null {
  if (words <= WHOLE_MAX_WORDS) {
    const whole = reduceToWords(blockText, false);
    for (const rule of RULES) if (rule.whole.has(whole)) return { reason: rule.reason, strength: 'whole' };
  }
  if (words > STRONG_MAX_WORDS) return null;
  const text = normaliseForRules(blockText);
  const tokens = tokenise(text);
  if (reportsSpeech(tokens)) return null;

  let strongest = Infinity;
  for (const [, rule] of STRONG.find(tokens)) strongest = Math.min(strongest, rule);
  RULES.forEach((rule, index) => {
    if (index < strongest && rule.patterns.some((pattern) => pattern.test(text))) strongest = index;
  });
  if (strongest < Infinity) return { reason: RULES[strongest].reason, strength: 'strong' };

  if (words > WEAK_MAX_WORDS || !tokens.some((token) => ADDRESSES_READER.has(token))) return null;
  const distinct = RULES.map(() => new Set<string>());
  for (const [key, rule] of WEAK.find(tokens)) distinct[rule].add(key);
  const weak = distinct.findIndex((keys) => keys.size >= WEAK_PHRASES_NEEDED);
  return weak >= 0 ? { reason: RULES[weak].reason, strength: 'weak' } : null;
}

/** A line that heads or signs a reader comment ("Jane says:", "August 8, 2018 at 3:17 pm"). */
export function isCommentThreadMarker(blockText: string, words: number): boolean {
  if (words > WHOLE_MAX_WORDS) return false;
  const text = normaliseForRules(blockText);
  return THREAD_MARKERS.some((pattern) => pattern.test(text));
}

function reportsSpeech(tokens: string[]): boolean {
  return tokens.some((token, i) => REPORTS_SPEECH.has(token) || (token === 'according' && tokens[i + 1] === 'to'));
}

/** Tokens of normalised text; a token starting with a digit is a number, '#'. */
function tokenise(text: string): string[] {
  const tokens = text.match(TOKEN) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const c = tokens[i].charCodeAt(0);
    if (c >= 48 && c <= 57) tokens[i] = '#';
  }
  return tokens;
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
