// The boilerplate stage reads each block in hand-written passes (boilerplate/features.ts,
// boilerplate/phrase-rules.ts). The chains of Unicode regular expressions those passes stand for are
// kept here as the definition: on every generated block, the fast reading must say exactly what they say.
import assert from 'node:assert/strict';
import {
  blockFeatures as featuresOf,
  BlockText,
  normaliseForRules,
  type BlockFeatures,
} from '../../src/core/boilerplate/features';
import { isCommentThreadMarker, matchPhrases, type PhraseMatch } from '../../src/core/boilerplate/phrase-rules';

const blockFeatures = (text: string): BlockFeatures => featuresOf(new BlockText(text));
import lexicon from '../../src/core/lexicon/boilerplate-phrases.json';
import stopwordList from '../../src/core/lexicon/stopwords-en.json';
import type { BoilerplateReason } from '../../src/core/types';
import { mulberry32 } from '../support/random';

// ---------------------------------------------------------------------------------------------
// The definition, with regular expressions.

const STOPWORDS = new Set(stopwordList.words);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.]*/gu;
const LINK_HINT = /https?:|www\.|@|#\w|\.(com|org|net|co|io|gov|edu|uk|in)\b/i;
const LINK_LIKE = /^(https?:|www\.|[^@\s]+@[^@\s]+\.\w|@\w|#\w)|\.(com|org|net|co|io|gov|edu|uk|in)(\/|$)/i;
const SEPARATOR = /\s[|•»·›>/]\s|\s[|•·]|[|•·]\s/g;
const SENTENCE_END = /[.!?…:;"'”’»)\]。！？」』]$/;

function referenceFeatures(text: string): BlockFeatures {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase().replace(/’/g, "'");
  let words = 0;
  let stopwords = 0;
  let numbers = 0;
  for (let word of lower.match(WORD) ?? []) {
    words++;
    if (word.endsWith('.')) word = word.replace(/\.+$/, '');
    if (STOPWORDS.has(word)) stopwords++;
    else if (/^[0-9]/.test(word)) numbers++;
  }
  let links = 0;
  if (LINK_HINT.test(trimmed)) for (const token of trimmed.split(/\s+/)) if (LINK_LIKE.test(token)) links++;
  return {
    // eslint-disable-next-line no-control-regex -- the definition: C0 controls count as blanks, as in the fast reading
    chars: trimmed.replace(/[\x00-\x20]+/g, ' ').length,
    words,
    stopwordDensity: words > numbers ? stopwords / (words - numbers) : 0,
    linkDensity: words ? Math.min(1, links / words) : 0,
    separators: trimmed.match(SEPARATOR)?.length ?? 0,
    endsLikeSentence: SENTENCE_END.test(trimmed),
  };
}

function referenceNormalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['-][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;
const tokenise = (text: string): string[] =>
  (text.match(TOKEN) ?? []).map((token) => (/^[0-9]/.test(token) ? '#' : token));

function reduceToWords(text: string, isPhrase: boolean): string {
  let reduced = text.toLowerCase().replace(/['’‘`´]/g, '');
  if (!isPhrase) reduced = reduced.replace(/#/g, ' ').replace(/\p{N}+([.,]\p{N}+)*/gu, '#');
  return reduced.replace(/[^\p{L}\p{N}\p{M}#]+/gu, ' ').trim();
}

interface Entry {
  whole?: string[];
  strong?: string[];
  weak?: string[];
  patterns?: string[];
}
// A phrase listed for two reasons counts for the first.
const claimedStrong = new Set<string>();
const claimedWeak = new Set<string>();
function phraseKeys(phrases: string[] = [], claimed: Set<string>): Set<string> {
  const keys = new Set<string>();
  for (const phrase of phrases) {
    const key = tokenise(referenceNormalise(phrase)).join(' ');
    if (key && !claimed.has(key)) keys.add(key);
  }
  for (const key of keys) claimed.add(key);
  return keys;
}
const RULES = Object.entries(lexicon.rules as Record<string, Entry>).map(([reason, entry]) => ({
  reason: reason as BoilerplateReason,
  whole: new Set((entry.whole ?? []).map((phrase) => reduceToWords(phrase, true))),
  strong: phraseKeys(entry.strong, claimedStrong),
  weak: phraseKeys(entry.weak, claimedWeak),
  patterns: (entry.patterns ?? []).map((pattern) => new RegExp(pattern, 'u')),
}));
const MARKERS = lexicon.commentThreadMarkers.patterns.map((pattern) => new RegExp(pattern, 'u'));

const LONGEST_PHRASE = Math.max(...RULES.flatMap((r) => [...r.strong, ...r.weak]).map((key) => key.split(' ').length));

/** Every run of tokens as long as a phrase can be, as a phrase key: the lexicon's phrases are found among them. */
function runs(tokens: string[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j <= Math.min(tokens.length, i + LONGEST_PHRASE); j++) keys.add(tokens.slice(i, j).join(' '));
  }
  return keys;
}

function referenceMatch(blockText: string, words: number): PhraseMatch | null {
  if (words <= 12) {
    const whole = reduceToWords(blockText, false);
    const rule = RULES.find((r) => r.whole.has(whole));
    if (rule) return { reason: rule.reason, strength: 'whole' };
  }
  if (words > lexicon.strongMaxWords) return null;
  const text = referenceNormalise(blockText);
  const tokens = tokenise(text);
  const speech = ['said', 'says', 'told', 'stated', 'announced', 'reported', 'tweeted', 'wrote'];
  if (tokens.some((token, i) => speech.includes(token) || (token === 'according' && tokens[i + 1] === 'to')))
    return null;
  const keys = runs(tokens);
  const strong = RULES.find(
    (r) => [...r.strong].some((phrase) => keys.has(phrase)) || r.patterns.some((p) => p.test(text)),
  );
  if (strong) return { reason: strong.reason, strength: 'strong' };
  const reader = ['we', "we're", "we'll", 'our', 'us', 'you', 'your', "you're", "you'll", 'please'];
  if (words > lexicon.weakMaxWords || !tokens.some((token) => reader.includes(token))) return null;
  const weak = RULES.find((r) => [...r.weak].filter((phrase) => keys.has(phrase)).length >= 2);
  return weak ? { reason: weak.reason, strength: 'weak' } : null;
}

const referenceMarker = (blockText: string, words: number): boolean =>
  words <= 12 && MARKERS.some((p) => p.test(referenceNormalise(blockText)));

// ---------------------------------------------------------------------------------------------
// Generated blocks: the lexicon's own phrases among prose, links, separators, numbers, typographic
// quotes and dashes, odd white space, other scripts, emoji and broken surrogates.

const LEXICON_PHRASES = Object.values(lexicon.rules as Record<string, Entry>).flatMap((e) => [
  ...(e.whole ?? []),
  ...(e.strong ?? []),
  ...(e.weak ?? []),
]);
const MARKER_LINES = [
  'Jane says:',
  'John Smith wrote:',
  'August 8, 2018 at 3:17 pm',
  '8 Aug 2018 at 10:02 a.m.',
  '12/3/19, at 9:45',
  '34 responses to “Story”',
];
const PATTERN_LINES = [
  'Follow us on Twitter',
  '© 2019 Acme Inc',
  '(c) 2020',
  'Copyright 2018',
  '2001-2019 Acme Media',
  'Read more:',
  'Most read',
  'Home > News',
  'Photo: AP',
  '(AP Photo/Jo Doe)',
];
const PROSE = `the a of to in that it was for on we you your our please said told according officials council water city
  don't won’t U.S. Mr. i.e. e.g. now. café naïve İstanbul Straße ΑΘΗΝΑ ΌΣΟΣ москва 東京 e-mail co-op rock'n'roll`.split(
  /\s+/,
);
const MARKS = [...'©|•»«·›>/-–—―‐:;.…!?"\'“”‘’‛′`´„‟″#@()[]&%。！？」』'];
const ODD = [
  'https://example.com/a',
  'www.site.org',
  'WWW.SITE',
  'gov.uk',
  'x.in',
  'me@mail.net',
  '@handle',
  '#tag',
  '😀',
  '👍🏽',
  '𝐀𝐁',
  '𝟏𝟐',
  '\ud800',
  '\udc00',
  'e\u0301',
  '١٢٣',
  '²',
  '½',
  '1,000.5',
  "12'000",
  '3:17',
  '6-4',
  '2019',
  'Σ',
  'ﬁ',
];
const SPACES = [
  ' ',
  ' ',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u2028',
  '\r\n',
  '\v',
  '\u001f',
  '',
];

function generatedBlocks(count: number, seed: number): string[] {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const odd = (text: string): string =>
    text
      .replace(/ /g, () => (random() < 0.3 ? pick(SPACES) || ' ' : ' '))
      .replace(/['-]/g, (c) => (random() < 0.4 ? pick(c === '-' ? ['–', '—', '‐'] : ['’', '`', '´']) : c));
  const blocks: string[] = [];
  for (let k = 0; k < count; k++) {
    const shape = random();
    if (shape < 0.25) {
      let block = odd(pick(random() < 0.5 ? LEXICON_PHRASES : random() < 0.5 ? MARKER_LINES : PATTERN_LINES));
      if (random() < 0.3) block = pick(SPACES) + block.toUpperCase() + pick(SPACES);
      blocks.push(block);
      continue;
    }
    const parts: string[] = [];
    const length = 1 + Math.floor(random() * (shape < 0.8 ? 20 : 110));
    for (let i = 0; i < length; i++) {
      const r = random();
      let part = r < 0.15 ? odd(pick(LEXICON_PHRASES)) : r < 0.6 ? pick(PROSE) : r < 0.8 ? pick(MARKS) : pick(ODD);
      if (random() < 0.1) part = part.toUpperCase();
      parts.push(part, random() < 0.85 ? ' ' : pick(SPACES));
    }
    blocks.push(parts.join(''));
  }
  return blocks;
}

describe('boilerplate block reading', () => {
  const blocks = generatedBlocks(6000, 20240611);

  it('measures every block as the regular expressions do', () => {
    for (const block of blocks) assert.deepEqual(blockFeatures(block), referenceFeatures(block), JSON.stringify(block));
  });

  it('normalises every block as the chain of replacements does', () => {
    for (const block of blocks)
      assert.equal(normaliseForRules(block), referenceNormalise(block), JSON.stringify(block));
  });

  it('matches phrases and comment-thread markers as the regular expressions and a plain phrase search do', () => {
    let matched = 0;
    for (const [i, block] of blocks.entries()) {
      const words = referenceFeatures(block).words;
      // Both orders on one reading of the block: what one call makes of it must serve the other.
      const reading = new BlockText(block);
      const marker = i % 2 ? isCommentThreadMarker(reading, words) : undefined;
      const phrase = matchPhrases(reading, words);
      assert.deepEqual(phrase, referenceMatch(block, words), JSON.stringify(block));
      assert.equal(
        marker ?? isCommentThreadMarker(reading, words),
        referenceMarker(block, words),
        JSON.stringify(block),
      );
      if (phrase) matched++;
    }
    assert.ok(
      matched > blocks.length / 10,
      `only ${matched} blocks matched a phrase: the generated blocks test too little`,
    );
  });

  it('reads typographic apostrophes, trailing dots and numbers like the word pattern', () => {
    const features = blockFeatures('  Don’t   stop… the U.S. 2019 plan. ');
    assert.deepEqual(features, referenceFeatures('  Don’t   stop… the U.S. 2019 plan. '));
    assert.equal(features.words, 6);
    assert.equal(features.stopwordDensity, 2 / 5); // "don't" and "the"; "2019" is no word of either kind
    assert.equal(features.chars, 'Don’t stop… the U.S. 2019 plan.'.length);
  });

  it('finds links and separators only where their characters are', () => {
    assert.equal(blockFeatures('Read it at gov.uk today').linkDensity, 1 / 5);
    assert.equal(blockFeatures('Read it at WWW.SITE today').linkDensity, 1 / 5);
    assert.equal(blockFeatures('Home › World › Europe').separators, 2);
    assert.equal(blockFeatures('The plan, he said, is on track.').linkDensity, 0);
    assert.equal(blockFeatures('İstanbul  and  Ankara').chars, referenceFeatures('İstanbul  and  Ankara').chars);
  });

  it('reads phrases through typographic quotes, dashes and odd spacing, and never in reported speech', () => {
    assert.deepEqual(matchPhrases(new BlockText('Sign up\u00a0for our   newsletter — it’s free'), 7), {
      reason: 'newsletter',
      strength: 'strong',
    });
    assert.deepEqual(matchPhrases(new BlockText('Comments (1,200)'), 2), {
      reason: 'comment-prompt',
      strength: 'whole',
    });
    assert.equal(matchPhrases(new BlockText('“Sign up for our newsletter,” the editor said.'), 9), null);
    assert.equal(matchPhrases(new BlockText('Subscribe to our newsletter, according to the notice.'), 8), null);
    assert.equal(isCommentThreadMarker(new BlockText('AUGUST 8,  2018 AT 3:17 PM'), 6), true);
  });
});
