// A review's own lists: "Pros" over a few bulleted lines, "Cons" over a few more. Their items are short and
// unpunctuated, so they read like a menu, and the labels recur across review sites; between a product box's
// price widget and a "Read our full review" link, the context rules take them for page furniture. The label
// says otherwise: the list under it is the article's.

export interface ListLine {
  /** The block is a label a review puts over its own list (phrase-rules.ts, `isArticleListLabel`). */
  label: boolean;
  /** The block is a list item: a Markdown list item, or a line starting with a bullet. */
  item: boolean;
}

const BULLET = /^[*•·▪‣◦–-]\s/u;

/** Whether a block's trimmed text starts with a bullet ("* Great webcam", "• Long battery life"). */
export function startsWithBullet(trimmed: string): boolean {
  return BULLET.test(trimmed);
}

/**
 * Indexes of the blocks in an article list: each label, and the run of list items right after it (up to
 * the first block that is neither an item nor another label). One pass.
 */
export function articleListBlocks(lines: ListLine[]): number[] {
  const inList: number[] = [];
  let open = false;
  lines.forEach((line, i) => {
    if (line.label) open = true;
    else if (!line.item) open = false;
    if (open) inList.push(i);
  });
  return inList;
}
