// jusText's classification (Pomikálek 2011), on plain text: each block is first judged alone as good,
// near-good, short or bad from its length and stop-word density; then short and near-good blocks take
// their class from the nearest clearly good or bad blocks around them, so a short line inside a menu is
// menu and a short line inside the article is article.
import type { BlockFeatures } from './boilerplate-features';

export type Quality = 'good' | 'near-good' | 'short' | 'bad';

export interface Thresholds {
  /** Below this many characters a block is too short to judge alone. */
  lengthLow: number;
  /** Above this many characters a stop-word-rich block is good rather than near-good. */
  lengthHigh: number;
  stopwordsLow: number;
  stopwordsHigh: number;
  maxLinkDensity: number;
}

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
  return 'bad';
}

/**
 * Resolves short and near-good blocks from their neighbours. Unlike jusText, the document's edges are not
 * read as bad: a draft's headline or sign-off line has only article on its one side, and stays article.
 * `fixed` blocks (phrase rules, recurrence) already count as bad and are not revised.
 */
export function resolveWithContext(alone: Quality[]): Quality[] {
  const classes = [...alone];
  const nearest = (from: number, step: number, skipNearGood: boolean, source: Quality[]): Quality | null => {
    for (let i = from + step; i >= 0 && i < source.length; i += step) {
      const q = source[i];
      if (q === 'short' || (skipNearGood && q === 'near-good')) continue;
      return q;
    }
    return null;
  };
  for (let i = 0; i < alone.length; i++) {
    if (alone[i] !== 'short') continue;
    const prev = nearest(i, -1, true, alone);
    const next = nearest(i, 1, true, alone);
    const sides = [prev, next].filter((q): q is Quality => q !== null);
    if (sides.length === 0 || sides.every((q) => q === 'good')) classes[i] = 'good';
    else if (sides.every((q) => q === 'bad')) classes[i] = 'bad';
    else {
      // One good side, one bad: a near-good block on the bad side tips it to good (jusText's rule).
      const prevAny = nearest(i, -1, false, alone);
      const nextAny = nearest(i, 1, false, alone);
      classes[i] = (prev === 'bad' && prevAny === 'near-good') || (next === 'bad' && nextAny === 'near-good') ? 'good' : 'bad';
    }
  }
  const afterShort = [...classes];
  for (let i = 0; i < afterShort.length; i++) {
    if (afterShort[i] !== 'near-good') continue;
    const prev = nearest(i, -1, true, afterShort);
    const next = nearest(i, 1, true, afterShort);
    classes[i] = prev !== 'good' && next !== 'good' && (prev === 'bad' || next === 'bad') ? 'bad' : 'good';
  }
  return classes;
}
