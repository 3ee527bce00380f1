// Site-grouped cross-validation for the line-by-line boilerplate score (../shared/README.md, eval/boilerplate):
// pages are grouped by site (URL host), every site's pages go to one fold, and each fold is scored with
// whatever a predictor may learn from the other folds. Boilerplate lines are the positive class. Pure: no
// core, no files, so the unit tests run it on tiny in-memory pages.
import { prf, type Counts, type Prf } from './eval-shared';

export interface ScoredLine {
  text: string;
  label: 'content' | 'boilerplate';
}

export interface ScoredPage {
  url: string;
  lines: ScoredLine[];
}

/** One flag per line of each page, in the order of the pages given. */
export type LinePredictor<P extends ScoredPage> = (test: P[], train: P[]) => boolean[][];

export interface LineCounts extends Counts {
  lines: number;
}

export interface CrossValidatedScore extends Prf {
  /** Lines scored over all folds. */
  lines: number;
  /** Precision, recall and F1 of each fold alone, in fold order. */
  folds: Prf[];
  minF1: number;
  maxF1: number;
}

/**
 * The site a page belongs to: its URL's host, lower case, without a leading "www." (the same site is
 * served under both names). A URL that does not parse is its own site.
 */
export function siteOf(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
  return host.replace(/^www\./, '');
}

/**
 * Splits items into at most k folds so that no group is split across folds. Deterministic (no random
 * seed to record): groups are taken largest first (ties by name) and each goes to the fold with the least
 * weight so far, which keeps the folds near equal in lines when the weight is a page's line count.
 */
export function groupedFolds<T>(
  items: T[],
  groupOf: (item: T) => string,
  k: number,
  weightOf: (item: T) => number = () => 1,
): T[][] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`grouped folds need k ≥ 2, not ${k}`);
  const groups = new Map<string, { items: T[]; weight: number }>();
  for (const item of items) {
    const name = groupOf(item);
    const group = groups.get(name) ?? { items: [], weight: 0 };
    group.items.push(item);
    group.weight += weightOf(item);
    groups.set(name, group);
  }
  const ordered = [...groups.entries()].sort(([a, x], [b, y]) => y.weight - x.weight || (a < b ? -1 : a > b ? 1 : 0));
  const folds: { items: T[]; weight: number }[] = Array.from({ length: Math.min(k, ordered.length) }, () => ({
    items: [],
    weight: 0,
  }));
  for (const [, group] of ordered) {
    const lightest = folds.reduce((best, fold) => (fold.weight < best.weight ? fold : best));
    lightest.items.push(...group.items);
    lightest.weight += group.weight;
  }
  return folds.map((fold) => fold.items);
}

/** Line counts of one set of pages against their predicted flags, boilerplate positive. */
export function countLines(pages: ScoredPage[], flags: boolean[][]): LineCounts {
  const counts: LineCounts = { truePositives: 0, predicted: 0, gold: 0, lines: 0 };
  pages.forEach((page, p) => {
    const pageFlags = flags[p];
    if (!pageFlags || pageFlags.length !== page.lines.length)
      throw new Error(`page ${p}: ${pageFlags?.length ?? 0} flags for ${page.lines.length} lines`);
    page.lines.forEach((line, i) => {
      const gold = line.label === 'boilerplate';
      counts.lines++;
      if (pageFlags[i]) counts.predicted++;
      if (gold) counts.gold++;
      if (gold && pageFlags[i]) counts.truePositives++;
    });
  });
  return counts;
}

/**
 * Site-grouped k-fold cross-validation: the predictor sees one fold as test and the rest as train; the
 * score pools every fold's lines (micro-averaged, as the one-split figures are), with each fold's own F1
 * kept so the spread is visible.
 */
export function crossValidateLines<P extends ScoredPage>(
  pages: P[],
  k: number,
  predict: LinePredictor<P>,
): CrossValidatedScore {
  const folds = groupedFolds(
    pages,
    (page) => siteOf(page.url),
    k,
    (page) => page.lines.length,
  );
  const total: LineCounts = { truePositives: 0, predicted: 0, gold: 0, lines: 0 };
  const perFold: Prf[] = [];
  folds.forEach((test, f) => {
    const train = folds.filter((_, g) => g !== f).flat();
    const counts = countLines(test, predict(test, train));
    perFold.push(prf(counts));
    total.truePositives += counts.truePositives;
    total.predicted += counts.predicted;
    total.gold += counts.gold;
    total.lines += counts.lines;
  });
  const f1s = perFold.map((score) => score.f1);
  return { ...prf(total), lines: total.lines, folds: perFold, minF1: Math.min(...f1s), maxF1: Math.max(...f1s) };
}

/**
 * The reference baseline of ../shared/README.md: a line is boilerplate when it is shorter than `chars`
 * characters (counted without the spaces around it, so a list's indentation does not count). Learns nothing.
 */
export function shorterThan<P extends ScoredPage>(chars: number): LinePredictor<P> {
  return (test) => test.map((page) => page.lines.map((line) => line.text.trim().length < chars));
}
