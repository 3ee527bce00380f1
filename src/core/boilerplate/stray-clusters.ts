// After the context rules, the page's article is one stretch of kept blocks, or a few stretches with
// short interruptions (a pull quote, an ad marker). What is kept far from it, past a long run of
// boilerplate, is usually the page's and not the article's: an author bio under the related stories, a
// site blurb in the footer, a teaser in the sidebar. trafilatura and Readability keep the main content
// block for the same reason.

/** Blocks of boilerplate in a row that cut the kept blocks into separate stretches. */
export const STRAY_GAP = 10;
/** A stretch with less than this share of the largest stretch's text is stray. */
export const STRAY_SHARE = 1 / 3;

export interface ClusterInput {
  /** The block is boilerplate after the context rules. */
  boilerplate: boolean;
  /**
   * The block is boilerplate on evidence of its own (a phrase rule, recurrence), not only by context. The
   * low-content labels do not count: a listicle's product boxes have bare ratings ("9.0") and dates between
   * its sections, which must not cut the sections apart.
   */
  evidence: boolean;
  chars: number;
}

/**
 * Indexes of kept blocks that lie in a stray stretch: one cut off from the largest stretch by at least
 * STRAY_GAP boilerplate blocks, one of them boilerplate on its own evidence, and holding less than
 * STRAY_SHARE of the largest stretch's characters. A draft without boilerplate evidence (a long table
 * in the middle of an article) is never cut. Linear: one pass over the blocks.
 */
export function strayBlocks(blocks: ClusterInput[]): number[] {
  const stretches: { start: number; end: number; chars: number }[] = [];
  let gap = 0;
  let gapHasEvidence = false;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.boilerplate) {
      gap++;
      if (block.evidence) gapHasEvidence = true;
      continue;
    }
    const last = stretches[stretches.length - 1];
    if (!last || (gap >= STRAY_GAP && gapHasEvidence)) stretches.push({ start: i, end: i + 1, chars: block.chars });
    else {
      last.end = i + 1;
      last.chars += block.chars;
    }
    gap = 0;
    gapHasEvidence = false;
  }
  if (stretches.length < 2) return [];
  const largest = stretches.reduce((best, stretch) => (stretch.chars > best.chars ? stretch : best));
  const stray: number[] = [];
  for (const stretch of stretches) {
    if (stretch === largest || stretch.chars >= STRAY_SHARE * largest.chars) continue;
    for (let i = stretch.start; i < stretch.end; i++) if (!blocks[i].boilerplate) stray.push(i);
  }
  return stray;
}
