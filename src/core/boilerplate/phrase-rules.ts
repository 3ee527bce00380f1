// Phrase rules: the lexicon in `lexicon/boilerplate-phrases.json`, compiled once into token indexes and
// regular expressions. The data says what web boilerplate reads like; this file only says how to match it.
import { FNV_OFFSET, fnv1a, fnvStep } from '../text/hashed-words';
import lexicon from '../lexicon/boilerplate-phrases.json';
import {
  ASCII_CLASSES,
  type BlockText,
  classAt,
  codePointWidth,
  LETTER,
  MARK,
  NUMBER,
  normaliseForRules,
  plainCode,
  plainQuotesAndDashes,
  SPACE,
  WORD_CHAR,
  wordCharWidth,
} from './features';
import type { BoilerplateReason } from '../types';

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
  patterns: RegExp[];
}

const THREAD_MARKERS: RegExp[] = lexicon.commentThreadMarkers.patterns.map((pattern) => new RegExp(pattern, 'u'));
const STRONG_MAX_WORDS: number = lexicon.strongMaxWords;
const WEAK_MAX_WORDS: number = lexicon.weakMaxWords;
/** Menu items and buttons are a few words; longer blocks are not looked up as a whole. */
const WHOLE_MAX_WORDS = 12;
/** Distinct weak phrases of one reason that make a block part of a neighbouring block of that reason. */
const WEAK_PHRASES_NEEDED = 2;

// Tokens as /[\p{L}\p{N}\p{M}]+(?:['-][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/u reads them: words (with inner
// apostrophes and hyphens: "don't", "e-mail") and single punctuation marks ("©", ":").
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;

// Boilerplate talks to the reader ("we welcome", "your comments", "please"); news prose reports.
const ADDRESSES_READER = new Set(['we', "we're", "we'll", 'our', 'us', 'you', 'your', "you're", "you'll", 'please']);
// A block that reports speech ("…,” he said") is article prose even when it mentions comments or cookies.
const REPORTS_SPEECH = new Set(['said', 'says', 'told', 'stated', 'announced', 'reported', 'tweeted', 'wrote']);

// The tokens the rules look up (a phrase's first token, a word of REPORTS_SPEECH or ADDRESSES_READER, the
// "to" of "according to"), as a Bloom filter on their hashes: any other token is passed over without
// being looked up.
const LISTED_BITS = 1 << 14;
const LISTED = new Int32Array(LISTED_BITS / 32);
const NUMBER_TOKEN = '#';
const NUMBER_HASH = fnv1a(NUMBER_TOKEN);

function list(token: string): void {
  const bit = fnv1a(token) & (LISTED_BITS - 1);
  LISTED[bit >>> 5] |= 1 << (bit & 31);
}

function mayBeListed(hash: number): boolean {
  const bit = hash & (LISTED_BITS - 1);
  return (LISTED[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

interface PhraseNode {
  /** The rule of the phrase ending here (the first one the lexicon gives), or -1 where none ends here. */
  rule: number;
  /** Tokens that continue a phrase from here; null where none does. */
  next: Map<string, PhraseNode> | null;
}

/**
 * Phrases as token sequences, looked up at every token of a block: linear in the block, however long the
 * lexicon (one big regular expression of alternatives would try each of them at every character). A
 * trie: a walk from a token stops as soon as no phrase goes on that way, and a token no phrase begins
 * with costs one look-up.
 */
class PhraseIndex {
  private readonly first = new Map<string, PhraseNode>();

  add(phrase: string, rule: number): void {
    const tokens = readTokens(normaliseForRules(phrase), false).tokens;
    if (tokens.length === 0) return;
    let node = this.first.get(tokens[0]) ?? newNode(this.first, tokens[0]);
    for (let k = 1; k < tokens.length; k++) {
      const next = (node.next ??= new Map());
      node = next.get(tokens[k]) ?? newNode(next, tokens[k]);
    }
    if (node.rule < 0) node.rule = rule;
  }

  /** The tokens a phrase starts with. */
  firstTokens(): Iterable<string> {
    return this.first.keys();
  }

  /**
   * Calls `found` with every phrase occurring in `tokens` (its trie node, one per phrase) and its rule.
   * Only phrases starting at `starts` are looked for: the caller knows no other token starts one.
   */
  find(tokens: string[], starts: number[], found: (phrase: PhraseNode, rule: number) => void): void {
    for (const i of starts) {
      let node = this.first.get(tokens[i]);
      for (let j = i + 1; node !== undefined; j++) {
        if (node.rule >= 0) found(node, node.rule);
        if (node.next === null || j >= tokens.length) break;
        node = node.next.get(tokens[j]);
      }
    }
  }

  /** The lowest rule index of a phrase occurring in `tokens` at `starts`, or Infinity. */
  strongest(tokens: string[], starts: number[]): number {
    let strongest = Infinity;
    for (const i of starts) {
      let node = this.first.get(tokens[i]);
      for (let j = i + 1; node !== undefined; j++) {
        if (node.rule >= 0 && node.rule < strongest) strongest = node.rule;
        if (node.next === null || j >= tokens.length) break;
        node = node.next.get(tokens[j]);
      }
    }
    return strongest;
  }
}

function newNode(nodes: Map<string, PhraseNode>, token: string): PhraseNode {
  const node: PhraseNode = { rule: -1, next: null };
  nodes.set(token, node);
  return node;
}

const RULES: CompiledRule[] = [];
/** Every `whole` phrase (reduced), with the first rule that lists it. */
const WHOLE = new Map<string, number>();
/** The longest `whole` phrase, reduced. */
let WHOLE_MAX_LENGTH = 0;
const STRONG = new PhraseIndex();
const WEAK = new PhraseIndex();
for (const [reason, entry] of Object.entries(lexicon.rules as Record<string, ReasonEntry>)) {
  const rule = RULES.length;
  RULES.push({
    reason: reason as BoilerplateReason,
    patterns: (entry.patterns ?? []).map((pattern) => new RegExp(pattern, 'u')),
  });
  for (const phrase of entry.whole ?? []) {
    const reduced = reducePhrase(phrase);
    if (!WHOLE.has(reduced)) WHOLE.set(reduced, rule);
    WHOLE_MAX_LENGTH = Math.max(WHOLE_MAX_LENGTH, reduced.length);
  }
  for (const phrase of entry.strong ?? []) STRONG.add(phrase, rule);
  for (const phrase of entry.weak ?? []) WEAK.add(phrase, rule);
}
for (const token of [...STRONG.firstTokens(), ...WEAK.firstTokens(), ...REPORTS_SPEECH, 'to', ...ADDRESSES_READER])
  list(token);

/**
 * The strongest phrase rule a block's text meets, or null. `whole` beats `strong` beats `weak`; within a
 * strength the lexicon's order of reasons decides. A `weak` result is not enough alone: the caller decides
 * from the neighbours.
 */
export function matchPhrases(block: BlockText, words: number): PhraseMatch | null {
  // The text of a block is trimmed before it is read: its normalised text is trimmed too.
  const lower = block.lower;
  // Reducing keeps every letter: a block with more of them than the longest whole phrase is none.
  if (words <= WHOLE_MAX_WORDS && lettersAtMost(lower, WHOLE_MAX_LENGTH)) {
    const whole = WHOLE.get(reduceBlock(lower));
    if (whole !== undefined) return { reason: RULES[whole].reason, strength: 'whole' };
  }
  if (words > STRONG_MAX_WORDS) return null;
  // A block that reports speech matches nothing: its tokens are not read past the word that says so.
  const reading = readTokens(lower, true);
  if (reading === null) return null;
  const { tokens, listed } = reading;
  const text = block.normalised(reading.plain);

  let strongest = STRONG.strongest(tokens, listed);
  for (let index = 0; index < Math.min(strongest, RULES.length); index++) {
    if (RULES[index].patterns.some((pattern) => pattern.test(text))) strongest = index;
  }
  if (strongest < Infinity) return { reason: RULES[strongest].reason, strength: 'strong' };

  if (words > WEAK_MAX_WORDS || !listed.some((i) => ADDRESSES_READER.has(tokens[i]))) return null;
  const distinct = RULES.map((): PhraseNode[] => []);
  WEAK.find(tokens, listed, (phrase, rule) => {
    if (!distinct[rule].includes(phrase)) distinct[rule].push(phrase);
  });
  const weak = distinct.findIndex((phrases) => phrases.length >= WEAK_PHRASES_NEEDED);
  return weak >= 0 ? { reason: RULES[weak].reason, strength: 'weak' } : null;
}

/** A line that heads or signs a reader comment ("Jane says:", "August 8, 2018 at 3:17 pm"). */
export function isCommentThreadMarker(block: BlockText, words: number): boolean {
  if (words > WHOLE_MAX_WORDS) return false;
  const text = block.normalised();
  return THREAD_MARKERS.some((pattern) => pattern.test(text));
}

/** A label a review puts over its own list ("Pros", "Cons:", "What we like"): see `articleListLabels` in the lexicon. */
export function isArticleListLabel(block: BlockText, words: number): boolean {
  return words <= ARTICLE_LIST_LABEL_MAX_WORDS && ARTICLE_LIST_LABELS.has(reduceBlock(block.lower));
}

interface TokenReading {
  tokens: string[];
  /** Indices of the tokens that may be listed (see LISTED); every listed token is among them. */
  listed: number[];
  /** The text is already as `normaliseForRules` makes it. */
  plain: boolean;
}

/**
 * Tokens of `lower` (lower-cased text) as they are in its normalised text (`normaliseForRules`), read from
 * it without normalising it: typographic quotes and dashes are read as plain ones, white space runs are
 * passed over. A token starting with a digit is a number, '#'. With `stopAtSpeech`, null for a text that
 * reports speech (a token of REPORTS_SPEECH, or "according to"), found as soon as it is.
 */
function readTokens(lower: string, stopAtSpeech: true): TokenReading | null;
function readTokens(lower: string, stopAtSpeech: false): TokenReading;
function readTokens(lower: string, stopAtSpeech: boolean): TokenReading | null {
  const tokens: string[] = [];
  const listed: number[] = [];
  const n = lower.length;
  let plain = true;
  let i = 0;
  while (i < n) {
    let c = lower.charCodeAt(i);
    const kind = c < 128 ? ASCII_CLASSES[c] : classAt(lower, i);
    if (kind & SPACE) {
      // White space is never a surrogate pair. Normalising leaves only single spaces between tokens.
      if (c !== 32 || i === 0 || i + 1 === n || classAt(lower, i + 1) & SPACE) plain = false;
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    let mapped = false;
    if (kind & WORD_CHAR) {
      for (;;) {
        while (i < n) {
          c = lower.charCodeAt(i);
          const width = wordCharWidth(lower, i);
          if (width === 0) break;
          hash = fnvStep(hash, c);
          if (width === 2) hash = fnvStep(hash, lower.charCodeAt(i + 1));
          i += width;
        }
        if (i + 1 >= n) break;
        // Inner apostrophes and hyphens join words ("don't", "e-mail").
        const joiner = plainCode(c);
        if ((joiner !== APOSTROPHE && joiner !== HYPHEN) || (classAt(lower, i + 1) & WORD_CHAR) === 0) break;
        if (joiner !== c) mapped = true;
        hash = fnvStep(hash, joiner);
        i++;
      }
    } else {
      // One punctuation mark, a code point.
      const plainMark = plainCode(c);
      if (plainMark !== c) mapped = true;
      hash = fnvStep(hash, plainMark);
      if (codePointWidth(lower, i) === 2) hash = fnvStep(hash, lower.charCodeAt(++i));
      i++;
    }
    if (mapped) plain = false;
    let token: string;
    const first = lower.charCodeAt(start);
    if (first >= 48 && first <= 57) {
      token = NUMBER_TOKEN;
      hash = NUMBER_HASH;
    } else {
      token = lower.slice(start, i);
      if (mapped) token = plainQuotesAndDashes(token);
    }
    if (mayBeListed(hash)) {
      if (stopAtSpeech && (REPORTS_SPEECH.has(token) || (token === 'to' && tokens[tokens.length - 1] === 'according')))
        return null;
      listed.push(tokens.length);
    }
    tokens.push(token);
  }
  return { tokens, listed, plain };
}

/** Whether `text` has at most `most` code units of letters and combining marks. */
function lettersAtMost(text: string, most: number): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c < 128 ? ASCII_CLASSES[c] : classAt(text, i)) & (LETTER | MARK)) === 0) continue;
    if (codePointWidth(text, i) === 2) {
      letters++;
      i++;
    }
    if (++letters > most) return false;
  }
  return true;
}

/** Dropped when a block or phrase is reduced to words: "don't" is "dont". */
const DROPPED_APOSTROPHES = "'’‘`´";
const DROPPED = new RegExp(`[${DROPPED_APOSTROPHES}]`, 'g');
const COMMA = 0x2c;
const DOT = 0x2e;

/**
 * A `whole` phrase as `reduceBlock` reduces a block: letters and digits only, apostrophes dropped
 * ("don't" → "dont"); its '#' stands for a number.
 */
function reducePhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(DROPPED, '')
    .replace(/[^\p{L}\p{N}\p{M}#]+/gu, ' ')
    .trim();
}

// A block as a menu item: letters and digits only, apostrophes dropped ("don't" → "dont"), numbers as
// '#', so "Comments (12)" and "12 comments" meet the phrases "comments #" and "# comments". One pass over
// `lower`, the block lower-cased, doing what `reduceByRegex` does.
function reduceBlock(lower: string): string {
  const n = lower.length;
  let reduced = '';
  // Something that is not a letter stood between the last character kept and the next.
  let apart = false;
  let i = 0;
  while (i < n) {
    if (DROPPED_APOSTROPHES.includes(lower[i])) {
      // Dropping it after a lone high surrogate could pair that with a low one after it: a case (never
      // met in text) left to the regular expressions.
      if (i > 0 && (lower.charCodeAt(i - 1) & 0xfc00) === 0xd800) return reduceByRegex(lower);
      i++;
      continue;
    }
    const kind = classAt(lower, i);
    const width = codePointWidth(lower, i);
    if ((kind & (LETTER | MARK | NUMBER)) === 0) {
      apart = reduced.length > 0;
      i += width;
      continue;
    }
    if (apart) reduced += ' ';
    apart = false;
    if ((kind & NUMBER) === 0) {
      reduced += lower.slice(i, i + width);
      i += width;
      continue;
    }
    // A number: digits, and groups of digits after a dot or comma ("1,000.5").
    i += width;
    for (;;) {
      let j = skipDropped(lower, i);
      if (j < n && (lower.charCodeAt(j) === DOT || lower.charCodeAt(j) === COMMA)) j = skipDropped(lower, j + 1);
      if (j >= n || (classAt(lower, j) & NUMBER) === 0) break;
      i = j + codePointWidth(lower, j);
    }
    reduced += '#';
  }
  return reduced;
}

/** What `reduceBlock` does, with regular expressions. */
function reduceByRegex(lower: string): string {
  const reduced = lower
    .replace(DROPPED, '')
    .replace(/#/g, ' ')
    .replace(/\p{N}+([.,]\p{N}+)*/gu, '#');
  return reduced.replace(/[^\p{L}\p{N}\p{M}#]+/gu, ' ').trim();
}

/** The first index from `i` on that is not a dropped apostrophe. */
function skipDropped(text: string, i: number): number {
  while (i < text.length && DROPPED_APOSTROPHES.includes(text[i])) i++;
  return i;
}

// After DROPPED: `reducePhrase` needs it when these are made.
const ARTICLE_LIST_LABELS = new Set(lexicon.articleListLabels.whole.map(reducePhrase));
/** The longest article list label, in words. */
const ARTICLE_LIST_LABEL_MAX_WORDS = Math.max(
  ...lexicon.articleListLabels.whole.map((label) => label.split(' ').length),
);
