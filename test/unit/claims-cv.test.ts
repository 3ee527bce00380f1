import assert from 'node:assert/strict';
import {
  balancedAccuracy,
  bestThreshold,
  contiguousFolds,
  thresholdChoiceCheck,
  type Scored,
} from '../../scripts/claims-cv';

// Two "debates" of ids 100-104 and 200-204 plus one sentence far away, given out of order.
const ids = [203, 100, 900, 102, 201, 104, 200, 101, 204, 103, 202];

describe('claims cross-validation by debate', () => {
  it('holds out contiguous id ranges of equal size that together cover every id once', () => {
    const splits = contiguousFolds(ids, (id) => id, 3, 0);
    assert.deepEqual(
      splits.map((s) => s.test),
      [
        [100, 101, 102],
        [103, 104, 200, 201],
        [202, 203, 204, 900],
      ],
    );
    for (const { train, test } of splits) assert.deepEqual([...train, ...test].sort(), [...ids].sort());
  });

  it('keeps ids within the purge of a held-out range out of its training set, and only those', () => {
    const splits = contiguousFolds(ids, (id) => id, 3, 50);
    // Held out 103-201: 100-102 and 202-204 are within 50 ids of it, so only 900 trains.
    assert.deepEqual(splits[1].train, [900]);
    // Held out 100-102: 103 and 104 are within 50, the other debate is not.
    assert.deepEqual(splits[0].train, [200, 201, 202, 203, 204, 900]);
  });

  it('does not depend on the order of the items', () => {
    const sorted = [...ids].sort((a, b) => a - b);
    assert.deepEqual(
      contiguousFolds(ids, (id) => id, 4, 10),
      contiguousFolds(sorted, (id) => id, 4, 10),
    );
  });

  it('computes balanced accuracy as the mean of the two recalls, whatever the class mix', () => {
    const scored: Scored[] = [
      { score: 0.9, label: 1 },
      { score: 0.4, label: 1 },
      { score: 0.1, label: 0 },
      { score: 0.2, label: 0 },
      { score: 0.3, label: 0 },
      { score: 0.6, label: 0 },
    ];
    // Recall of positives 1/2, of negatives 3/4.
    assert.equal(balancedAccuracy(scored, 0.5), (0.5 + 0.75) / 2);
    // A score equal to the threshold is flagged.
    assert.equal(balancedAccuracy(scored, 0.4), (1 + 0.75) / 2);
  });

  it('chooses the threshold with the best balanced accuracy, and keeps the preferred one on a tie', () => {
    const separable: Scored[] = [
      { score: 0.3, label: 0 },
      { score: 0.32, label: 0 },
      { score: 0.35, label: 1 },
      { score: 0.8, label: 1 },
    ];
    // 0.33, 0.34 and 0.35 all separate them (a score equal to the cut is flagged): the one nearest 0.5 wins.
    assert.deepEqual(bestThreshold(separable), { threshold: 0.35, balancedAccuracy: 1 });
    // A better threshold far from the preferred one is still taken.
    assert.equal(bestThreshold(separable, 0.9).threshold, 0.35);
    // Every cut between 0.21 and 0.79 separates these: the preferred 0.5 stays.
    const wide: Scored[] = [
      { score: 0.2, label: 0 },
      { score: 0.8, label: 1 },
    ];
    assert.deepEqual(bestThreshold(wide, 0.5), { threshold: 0.5, balancedAccuracy: 1 });
  });

  it('scores each fold at the threshold chosen on the other folds, not on itself', () => {
    // Fold 0 separates at any cut in (0.1, 0.9]; folds 1 and 2 only at cuts in (0.6, 0.7], which is what
    // they choose (0.61, nearest 0.5): fold 0 then scores 1, and at 0.5 folds 1 and 2 flag their negative.
    const folds: Scored[][] = [
      [
        { score: 0.1, label: 0 },
        { score: 0.9, label: 1 },
      ],
      [
        { score: 0.6, label: 0 },
        { score: 0.7, label: 1 },
      ],
      [
        { score: 0.6, label: 0 },
        { score: 0.7, label: 1 },
      ],
    ];
    const check = thresholdChoiceCheck(folds, 0.5);
    assert.equal(check.atPreferred, (1 + 0.5 + 0.5) / 3);
    assert.equal(check.chosenOnOtherFolds, 1);
  });
});
