// Stage 6: boilerplate — the parts of a scraped page that are not the article: comment policies,
// newsletter and cookie prompts, share rows, copyright lines, related-story lists, menus, ad markers.
// Three kinds of evidence, strongest first: phrase rules (phrase-rules.ts, data in the lexicon),
// blocks that recur across a corpus, and jusText-style block features read in context
// (context.ts). The result is whole blocks, runs of one reason merged into one span.
import { memoized, type TextMemo } from '../text/text-memo';
import { blockFeatures, BlockText, type BlockFeatures } from './features';
import { DEFAULT_THRESHOLDS, judgeAlone, resolveWithContext, type Quality } from './context';
import { articleListBlocks, startsWithBullet } from './article-lists';
import { isArticleListLabel, isCommentThreadMarker, matchPhrases, type PhraseMatch } from './phrase-rules';
import { strayBlocks } from './stray-clusters';
import { commentThreads } from './threads';
import type { Block, Boilerplate, BoilerplateReason } from '../types';
import type { ListLine } from './article-lists';

/** Below this share of English stop words in its long blocks, a document is read as not English. */
const ENGLISH_STOPWORD_SHARE = 0.12;
/** A stop-word-rich block at least this long (a sentence) is prose, even when many documents share it. */
const SHARED_PROSE_LENGTH = 100;
/** A run of at least this many short, unpunctuated lines is a menu. */
const MENU_RUN = 3;

/** What a block says on its own, from its text alone: kept by that text between analyses (analysis-cache.ts). */
export interface BlockVerdictInputs {
  features: BlockFeatures;
  phrase: PhraseMatch | null;
  threadMarker: boolean;
  /** A label over the article's own list ("Pros", "Cons:"). */
  listLabel: boolean;
  /** Starts with a bullet ("* Great webcam"). */
  bullet: boolean;
}

interface BlockVerdict {
  features: BlockFeatures;
  phrase: PhraseMatch | null;
  reason: BoilerplateReason | null;
  listLine: ListLine;
}

/** Blocks of one document that are boilerplate; `recurring` holds keys (see `blockKey`) seen across a corpus. */
export function detectBoilerplate(
  text: string,
  blocks: Block[],
  recurring?: ReadonlySet<string>,
  memo?: TextMemo<BlockVerdictInputs>,
): Boilerplate[] {
  if (blocks.length === 0) return [];
  const markers: boolean[] = [];
  // Without a cache, a page's repeated blocks ("Reply", "Share", a menu's items) are still read once each.
  const readHere = memo ? undefined : new Map<string, BlockVerdictInputs>();
  const verdicts: BlockVerdict[] = blocks.map((block) => {
    const blockText = text.slice(block.start, block.end);
    let own = readHere?.get(blockText);
    if (!own) own = memoized(memo, blockText, () => readBlock(blockText), '', block.start);
    readHere?.set(blockText, own);
    const { features, phrase } = own;
    markers.push(own.threadMarker);
    let reason: BoilerplateReason | null = phrase && phrase.strength !== 'weak' ? phrase.reason : null;
    if (!reason && !isProse(features) && recurring?.has(blockKey(blockText))) reason = 'recurring';
    return {
      features,
      phrase,
      reason,
      listLine: { label: own.listLabel, item: own.bullet || block.kind === 'listItem' },
    };
  });
  adoptNeighbourReason(verdicts);
  markCommentThreads(verdicts, markers);
  classifyByContext(text, verdicts, blocks);
  keepArticleLists(verdicts);
  keepHeadingsWithArticle(verdicts, blocks);
  return mergeRuns(verdicts, blocks);
}

/** What a block says on its own: one reading of it for all, its trimmed, lower-case and normalised forms made once. */
function readBlock(blockText: string): BlockVerdictInputs {
  const reading = new BlockText(blockText);
  const features = blockFeatures(reading);
  return {
    features,
    phrase: matchPhrases(reading, features.words),
    threadMarker: isCommentThreadMarker(reading, features.words),
    listLabel: isArticleListLabel(reading, features.words),
    bullet: startsWithBullet(reading.trimmed),
  };
}

/**
 * A long, stop-word-rich paragraph found in several documents is shared copy, not page furniture: it is
 * left to the duplicates stage, which says where it first appeared (three versions of one draft must
 * not turn into boilerplate).
 */
function isProse(features: BlockFeatures): boolean {
  return features.chars >= SHARED_PROSE_LENGTH && features.stopwordDensity >= DEFAULT_THRESHOLDS.stopwordsLow;
}

/** A block with weak phrases next to a block of their reason is part of it ("We will not tolerate…"). */
function adoptNeighbourReason(verdicts: BlockVerdict[]): void {
  for (let pass = 0; pass < 2; pass++) {
    const order = pass === 0 ? verdicts.keys() : [...verdicts.keys()].reverse();
    for (const i of order) {
      const v = verdicts[i];
      if (v.reason || v.phrase?.strength !== 'weak') continue;
      const reason = v.phrase.reason;
      if (verdicts[i - 1]?.reason === reason || verdicts[i + 1]?.reason === reason) v.reason = reason;
    }
  }
}

/** Reader comments are not the article, however article-like their prose: the whole thread is flagged. */
function markCommentThreads(verdicts: BlockVerdict[], markers: boolean[]): void {
  for (const [start, end] of commentThreads(
    markers,
    verdicts.map((v) => v.reason !== null),
  )) {
    for (let i = start; i < end; i++) verdicts[i].reason ??= 'comment-prompt';
  }
}

function classifyByContext(text: string, verdicts: BlockVerdict[], blocks: Block[]): void {
  const english = isEnglish(verdicts);
  const alone: Quality[] = verdicts.map((v) => (v.reason ? 'bad' : judgeAlone(v.features, english)));
  const resolved = resolveWithContext(
    alone,
    verdicts.map((v) => !v.features.endsLikeSentence),
    verdicts.map(hasHardEvidence),
  );
  keepRecurringHeadings(text, verdicts, blocks, alone, resolved);
  for (const i of strayBlocks(
    verdicts.map((v, j) => ({
      boilerplate: v.reason !== null || resolved[j] === 'bad',
      evidence: v.reason !== null && v.reason !== 'low-content',
      chars: v.features.chars,
    })),
  ))
    resolved[i] = 'bad';
  verdicts.forEach((v, i) => {
    if (v.reason || resolved[i] !== 'bad') return;
    v.reason = reasonFromNeighbours(verdicts, i) ?? (inMenuRun(verdicts, blocks, i) ? 'navigation' : 'low-content');
  });
}

/**
 * Section headings recur across sites ("Conclusion", "Final thoughts", "Key takeaways", "Frequently asked
 * questions"): inside the article (read as good in context, between good blocks with no hard evidence) a
 * recurring line with words that heads a paragraph is the article's heading, not page furniture. A rule
 * ("-----") or a lone mark recurs too, and stays flagged; so does a recurring label over more short lines
 * (a section name over a list of teasers).
 */
function keepRecurringHeadings(
  text: string,
  verdicts: BlockVerdict[],
  blocks: Block[],
  alone: Quality[],
  resolved: Quality[],
): void {
  verdicts.forEach((v, i) => {
    if (v.reason !== 'recurring' || resolved[i] !== 'good') return;
    if (alone[i + 1] !== 'good' && alone[i + 1] !== 'near-good') return;
    if (HAS_WORD.test(text.slice(blocks[i].start, blocks[i].end))) v.reason = null;
  });
}

/** Two letters in a row: a word, not a rule, a bullet or a number. */
const HAS_WORD = /\p{L}\p{L}/u;

/**
 * Evidence that a block is boilerplate wherever it stands: a phrase rule, or the block's own links or menu
 * separators. Few stop words, recurrence in other documents and the low-content labels (a bare number, a
 * rating, "Photo") are softer: inside an article they are step numbers and scores, flagged themselves but
 * not taking the lines beside them along (see `resolveWithContext`).
 */
function hasHardEvidence(verdict: BlockVerdict): boolean {
  const { features, reason } = verdict;
  return (
    (reason !== null && reason !== 'recurring' && reason !== 'low-content') ||
    features.linkDensity > DEFAULT_THRESHOLDS.maxLinkDensity ||
    features.separators >= 2
  );
}

function isEnglish(verdicts: BlockVerdict[]): boolean {
  let words = 0;
  let stopwords = 0;
  for (const { features } of verdicts) {
    if (features.chars < DEFAULT_THRESHOLDS.lengthLow) continue;
    words += features.words;
    stopwords += features.words * features.stopwordDensity;
  }
  return words === 0 || stopwords / words >= ENGLISH_STOPWORD_SHARE;
}

/** A block inside a section of one reason (between two blocks of it) belongs to that section. */
function reasonFromNeighbours(verdicts: BlockVerdict[], i: number): BoilerplateReason | null {
  const before = verdicts[i - 1]?.reason;
  const after = verdicts[i + 1]?.reason;
  if (before && before === after && before !== 'low-content' && before !== 'navigation') return before;
  if (before === 'comment-policy' && (after === 'comment-prompt' || after === undefined)) return before;
  return null;
}

function inMenuRun(verdicts: BlockVerdict[], blocks: Block[], i: number): boolean {
  const menuLike = (j: number) =>
    j >= 0 && j < blocks.length && verdicts[j].features.chars < 40 && !verdicts[j].features.endsLikeSentence;
  if (!menuLike(i)) return false;
  let run = 1;
  for (let j = i - 1; menuLike(j) && run < MENU_RUN; j--) run++;
  for (let j = i + 1; menuLike(j) && run < MENU_RUN; j++) run++;
  return run >= MENU_RUN;
}

/**
 * A review's pros and cons are the article's (article-lists.ts): their label and items are kept unless a
 * phrase rule flags a line on its own ("Buy now" under the list is still a button).
 */
function keepArticleLists(verdicts: BlockVerdict[]): void {
  for (const i of articleListBlocks(verdicts.map((v) => v.listLine))) {
    const { phrase, reason } = verdicts[i];
    const ownPhrase = phrase !== null && phrase.strength !== 'weak' && reason === phrase.reason;
    if (!ownPhrase || reason === 'low-content') verdicts[i].reason = null;
  }
}

/** A Markdown heading is not boilerplate by itself: only as the title of a boilerplate section. */
function keepHeadingsWithArticle(verdicts: BlockVerdict[], blocks: Block[]): void {
  blocks.forEach((block, i) => {
    if (block.kind !== 'heading' || !verdicts[i].reason) return;
    if (!verdicts[i + 1]?.reason && !verdicts[i - 1]?.reason) verdicts[i].reason = null;
  });
}

/**
 * Runs of blocks with one reason become one span from the first block's start to the last one's end. A
 * comment section's heading and prompt ("Comments", "Post a comment") merge into its policy.
 */
function mergeRuns(verdicts: BlockVerdict[], blocks: Block[]): Boilerplate[] {
  const reasons = verdicts.map((v) => v.reason);
  absorbCommentPrompts(reasons);
  const spans: Boilerplate[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const reason = reasons[i];
    if (!reason) continue;
    const last = spans[spans.length - 1];
    if (last && last.reason === reason && reasons[i - 1] === reason) last.end = blocks[i].end;
    else spans.push({ start: blocks[i].start, end: blocks[i].end, reason });
  }
  return spans;
}

function absorbCommentPrompts(reasons: (BoilerplateReason | null)[]): void {
  for (let i = 0; i < reasons.length; i++) {
    if (reasons[i] !== 'comment-policy') continue;
    for (let j = i - 1; j >= 0 && reasons[j] === 'comment-prompt'; j--) reasons[j] = 'comment-policy';
    for (let j = i + 1; j < reasons.length && reasons[j] === 'comment-prompt'; j++) reasons[j] = 'comment-policy';
  }
}

/** Normalised key of a block's text, for recurrence across documents. */
export function blockKey(blockText: string): string {
  // Numbers vary where the line does not ("12 comments", "© 2019"): they are one symbol here.
  return blockText
    .toLowerCase()
    .replace(/[0-9]+/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keys of blocks that occur in at least `minDocuments` different documents. */
export function recurringBlockKeys(documents: { text: string; blocks: Block[] }[], minDocuments: number): Set<string> {
  const documentsWith = new Map<string, number>();
  for (const document of documents) {
    const keys = new Set(document.blocks.map((block) => blockKey(document.text.slice(block.start, block.end))));
    for (const key of keys) if (key) documentsWith.set(key, (documentsWith.get(key) ?? 0) + 1);
  }
  const recurring = new Set<string>();
  for (const [key, count] of documentsWith) if (count >= Math.max(1, minDocuments)) recurring.add(key);
  return recurring;
}
