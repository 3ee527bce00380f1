// jusText's classification (Pomikálek 2011), on plain text: each block is first judged alone as good,
// near-good, short or bad from its length and stop-word density; then short and near-good blocks take
// their class from the nearest clearly good or bad blocks around them, so a short line inside a menu is
// menu and a short line inside the article is article.
import type { BlockFeatures } from './features';

/**
 * jusText's four classes, plus `sparse`: a long block shaped like sentences but with few stop words
 * (sports results, a list of names, a market report). jusText calls it bad; here it is article when the
 * article is on both sides of it.
 */
export type Quality = 'good' | 'near-good' | 'short' | 'sparse' | 'bad';

export interface Thresholds {
  /** Below this many characters a block is too short to judge alone. */
  lengthLow: number;
  /** Above this many characters a stop-word-rich block is good rather than near-good. */
  lengthHigh: number;
  stopwordsLow: number;
  stopwordsHigh: number;
  maxLinkDensity: number;
}

/** A run of this many short blocks reaching the start or end of the document is page furniture. */
const EDGE_RUN = 4;

/** jusText's defaults for English. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  lengthLow: 70,
  lengthHigh: 200,
  stopwordsLow: 0.3,
  stopwordsHigh: 0.32,
  maxLinkDensity: 0.2,
};

/**
 * How good a block looks on its own. Where the document is not English (few English stop words in its
 * long blocks), sentence shape stands in for stop words: prose ends its blocks like sentences.
 */
export function judgeAlone(features: BlockFeatures, english: boolean, t: Thresholds = DEFAULT_THRESHOLDS): Quality {
  if (features.linkDensity > t.maxLinkDensity) return 'bad';
  if (features.separators >= 3 || (features.separators >= 2 && features.chars < 100)) return 'bad';
  if (features.chars < t.lengthLow) return 'short';
  if (!english) {
    if (!features.endsLikeSentence || features.words < 8) return 'bad';
    return features.chars > t.lengthHigh ? 'good' : 'near-good';
  }
  if (features.stopwordDensity >= t.stopwordsHigh) return features.chars > t.lengthHigh ? 'good' : 'near-good';
  if (features.stopwordDensity >= t.stopwordsLow) return 'near-good';
  return features.endsLikeSentence && features.words >= 8 ? 'sparse' : 'bad';
}

/**
 * Resolves sparse, short and near-good blocks from their neighbours. Blocks already known to be
 * boilerplate (phrase rules, recurrence) come in as bad. `unpunctuated[i]` says block i does not end like
 * a sentence (a menu item, a label), which decides how the document's edges read; see `edgeClass`.
 * `hard[i]` says a bad block's evidence holds wherever it stands (a phrase rule, links, menu separators);
 * without it every bad block is taken as hard. See `readInsideArticle` for the others.
 */
export function resolveWithContext(initial: Quality[], unpunctuated: boolean[], hard?: boolean[]): Quality[] {
  const classes = hard ? readInsideArticle(initial, hard) : initial;
  const edges: Edges = { start: edgeClass(classes, unpunctuated, 1), end: edgeClass(classes, unpunctuated, -1) };
  const sparseResolved = promoteWhereNothingIsGood(resolveSparse(classes, edges));
  return resolveNearGood(resolveShort(sparseResolved, edges), edges);
}

/**
 * A block is bad on softer evidence too: few stop words (a code line, a spec line, a capitalised product
 * heading, a table row), or a line other documents also have (a "Pros" label). Between two good blocks,
 * with no hard evidence anywhere between them, such a block is article furniture (a list of pros and cons,
 * a numbered heading, a code sample), not a page's: there it is read as short, and takes the article's
 * class from the good blocks around it instead of turning the short lines beside it into boilerplate. One
 * pass: each stretch between two good blocks is looked at once.
 */
function readInsideArticle(initial: Quality[], hard: boolean[]): Quality[] {
  const classes = initial.slice();
  let lastGood = -1;
  let hardSinceGood = false;
  for (let i = 0; i < classes.length; i++) {
    if (classes[i] !== 'good') {
      if (classes[i] === 'bad' && hard[i]) hardSinceGood = true;
      continue;
    }
    if (lastGood >= 0 && !hardSinceGood)
      for (let j = lastGood + 1; j < i; j++) if (classes[j] === 'bad') classes[j] = 'short';
    lastGood = i;
    hardSinceGood = false;
  }
  return classes;
}

/** What a walk to the document's start or end meets there: bad, or nothing at all (null). */
interface Edges {
  start: Quality | null;
  end: Quality | null;
}

/**
 * Unlike jusText, an edge is not simply bad: a draft's headline or sign-off line has only article on its
 * one side, and stays article. But a long run of short, unpunctuated lines reaching the edge is how menus
 * and footers begin and end a page: then the edge reads as bad. `step` 1 looks at the start, -1 at the end.
 */
function edgeClass(classes: Quality[], unpunctuated: boolean[], step: number): Quality | null {
  let run = 0;
  let furniture = 0;
  for (let i = step > 0 ? 0 : classes.length - 1; i >= 0 && i < classes.length && classes[i] === 'short'; i += step) {
    run++;
    if (unpunctuated[i]) furniture++;
  }
  return run >= EDGE_RUN && furniture * 2 > run ? 'bad' : null;
}

interface Neighbours {
  before: (Quality | null)[];
  after: (Quality | null)[];
}

/**
 * For each block, the class of the nearest block before and after it that is neither short nor sparse
 * (nor near-good, with `skipNearGood`), or the edge's. Two passes, so context stays linear however long a
 * run of short lines is.
 */
function neighbours(classes: Quality[], edges: Edges, skipNearGood: boolean): Neighbours {
  const skipped = (q: Quality) => q === 'short' || q === 'sparse' || (skipNearGood && q === 'near-good');
  const before: (Quality | null)[] = new Array(classes.length);
  const after: (Quality | null)[] = new Array(classes.length);
  let seen = edges.start;
  for (let i = 0; i < classes.length; i++) {
    before[i] = seen;
    if (!skipped(classes[i])) seen = classes[i];
  }
  seen = edges.end;
  for (let i = classes.length - 1; i >= 0; i--) {
    after[i] = seen;
    if (!skipped(classes[i])) seen = classes[i];
  }
  return { before, after };
}

/** A sparse block inside the article (good or near-good on both sides) is article. */
function resolveSparse(classes: Quality[], edges: Edges): Quality[] {
  const near = neighbours(classes, edges, false);
  return classes.map((q, i): Quality => {
    if (q !== 'sparse') return q;
    const sides = [near.before[i], near.after[i]].filter((side) => side !== null);
    return sides.length > 0 && sides.every((side) => side === 'good' || side === 'near-good') ? 'near-good' : 'bad';
  });
}

/**
 * jusText needs one good block to anchor the article. A page whose paragraphs are all short (a recipe, a
 * how-to, a wire story of one-sentence paragraphs) has none, and would lose all of them: there, near-good
 * is as good as it gets.
 */
function promoteWhereNothingIsGood(classes: Quality[]): Quality[] {
  if (classes.includes('good')) return classes;
  return classes.map((q): Quality => (q === 'near-good' ? 'good' : q));
}

function resolveShort(classes: Quality[], edges: Edges): Quality[] {
  const clear = neighbours(classes, edges, true);
  const any = neighbours(classes, edges, false);
  return classes.map((q, i): Quality => {
    if (q !== 'short') return q;
    const prev = clear.before[i];
    const next = clear.after[i];
    const sides = [prev, next].filter((side) => side !== null);
    if (sides.every((side) => side === 'good')) return 'good';
    if (sides.every((side) => side === 'bad')) return 'bad';
    // One good side, one bad: a near-good block on the bad side tips it to good (jusText's rule).
    return (prev === 'bad' && any.before[i] === 'near-good') || (next === 'bad' && any.after[i] === 'near-good')
      ? 'good'
      : 'bad';
  });
}

/** A near-good block with bad on both sides (or bad on one and an edge on the other) is bad. */
function resolveNearGood(classes: Quality[], edges: Edges): Quality[] {
  const clear = neighbours(classes, edges, true);
  return classes.map((q, i): Quality => {
    if (q !== 'near-good') return q;
    const prev = clear.before[i];
    const next = clear.after[i];
    return prev !== 'good' && next !== 'good' && (prev === 'bad' || next === 'bad') ? 'bad' : 'good';
  });
}
