// Debate-grouped folds and the balanced-accuracy threshold for the check-worthiness model (scripts/eval-claims.ts).
//
// Why contiguous id ranges: claimbuster_train.json keeps only sentence_id, label and text, so the debate of a
// sentence is not in the data. The ids are not in date order, but they run debate by debate: the candidates'
// names a sentence mentions (Kennedy/Nixon, Obama/McCain, Clinton/Trump …) stay the same over runs of several
// hundred consecutive ids and change between them. So a fold made of one contiguous id range holds whole
// debates, except the debates cut by its two ends; the ids within `purge` of the held-out range are left out
// of training, so a cut debate cannot be on both sides. 33 debates over about 34,500 ids is about 1,000 ids each.

export interface Split<T> {
  train: T[];
  test: T[];
}

/**
 * K folds, each a contiguous range of ids holding about 1/K of the items, and for each the training items:
 * those more than `purge` ids away from the held-out range. Deterministic; the items' order does not matter.
 */
export function contiguousFolds<T>(items: T[], idOf: (item: T) => number, folds: number, purge: number): Split<T>[] {
  const sorted = [...items].sort((a, b) => idOf(a) - idOf(b));
  const splits: Split<T>[] = [];
  for (let k = 0; k < folds; k++) {
    const test = sorted.slice(Math.floor((k * sorted.length) / folds), Math.floor(((k + 1) * sorted.length) / folds));
    if (test.length === 0) continue;
    const low = idOf(test[0]) - purge;
    const high = idOf(test[test.length - 1]) + purge;
    const train = sorted.filter((item) => idOf(item) < low || idOf(item) > high);
    splits.push({ train, test });
  }
  return splits;
}

export interface Scored {
  score: number;
  label: 0 | 1;
}

/** Mean of the two classes' recalls at `score >= threshold`: the accuracy expected on a class-balanced set. */
export function balancedAccuracy(scored: Scored[], threshold: number): number {
  let tp = 0,
    fn = 0,
    tn = 0,
    fp = 0;
  for (const { score, label } of scored) {
    const flagged = score >= threshold;
    if (label === 1 && flagged) tp++;
    else if (label === 1) fn++;
    else if (flagged) fp++;
    else tn++;
  }
  return (tp / (tp + fn || 1) + tn / (tn + fp || 1)) / 2;
}

/** The cuts tried: 0.05 to 0.95 by 0.01, a grid so the choice reads as a round number and never sits on one score. */
export const THRESHOLD_GRID: number[] = Array.from({ length: 91 }, (_, i) => Math.round((0.05 + i * 0.01) * 100) / 100);

/**
 * The threshold of THRESHOLD_GRID with the highest balanced accuracy on (out-of-fold) scores; of equal ones,
 * the one nearest `preferred` (today's threshold), so a flat optimum never moves the threshold.
 */
export function bestThreshold(scored: Scored[], preferred = 0.5): { threshold: number; balancedAccuracy: number } {
  let best = { threshold: preferred, balancedAccuracy: balancedAccuracy(scored, preferred) };
  for (const threshold of THRESHOLD_GRID) {
    const value = balancedAccuracy(scored, threshold);
    const better =
      value > best.balancedAccuracy ||
      (value === best.balancedAccuracy && Math.abs(threshold - preferred) < Math.abs(best.threshold - preferred));
    if (better) best = { threshold, balancedAccuracy: value };
  }
  return best;
}

/**
 * What choosing the threshold is worth out of sample: each fold scored at the threshold best on the other
 * folds, against each fold scored at `preferred`; both the mean over folds of balanced accuracy.
 */
export function thresholdChoiceCheck(
  folds: Scored[][],
  preferred = 0.5,
): { chosenOnOtherFolds: number; atPreferred: number } {
  let chosen = 0,
    fixed = 0;
  folds.forEach((fold, k) => {
    const others = folds.filter((_, j) => j !== k).flat();
    chosen += balancedAccuracy(fold, bestThreshold(others, preferred).threshold);
    fixed += balancedAccuracy(fold, preferred);
  });
  const n = folds.length || 1;
  return { chosenOnOtherFolds: chosen / n, atPreferred: fixed / n };
}
