import assert from 'node:assert/strict';
import {
  countLines,
  crossValidateLines,
  groupedFolds,
  shorterThan,
  siteOf,
  type ScoredPage,
} from '../../scripts/boilerplate-cv';
import {
  errorKey,
  errorKinds,
  formatErrorKinds,
  lengthBucket,
  type LineOutcome,
} from '../../scripts/boilerplate-errors';

const B = 'boilerplate' as const;
const C = 'content' as const;

function page(url: string, lines: [string, typeof B | typeof C][]): ScoredPage {
  return { url, lines: lines.map(([text, label]) => ({ text, label })) };
}

const ARTICLE = 'The council voted on Tuesday to close the old bridge to lorries for the winter.';

describe('boilerplate site-grouped cross-validation', () => {
  it('takes the site from the URL host, lower case, without www.', () => {
    assert.equal(siteOf('https://www.Example.com/a/b?c=1'), 'example.com');
    assert.equal(siteOf('http://news.example.com/x'), 'news.example.com');
    assert.equal(siteOf('not a url'), 'not a url');
  });

  it('never splits a group across folds and balances folds by weight', () => {
    const items = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'd1'];
    const folds = groupedFolds(items, (item) => item[0], 3);
    assert.equal(folds.length, 3);
    assert.deepEqual(folds.flat().sort(), [...items].sort());
    for (const group of ['a', 'b', 'c', 'd']) {
      const holding = folds.filter((fold) => fold.some((item) => item[0] === group));
      assert.equal(holding.length, 1, `group ${group} in ${holding.length} folds`);
    }
    // Largest first to the lightest fold: a (3) | b (2) | c, then d joins c's fold.
    assert.deepEqual(folds, [
      ['a1', 'a2', 'a3'],
      ['b1', 'b2'],
      ['c1', 'd1'],
    ]);
  });

  it('makes no more folds than there are groups, and refuses k < 2', () => {
    assert.equal(groupedFolds(['x', 'y'], () => 'one', 5).length, 1);
    assert.throws(() => groupedFolds(['x'], (x) => x, 1));
  });

  it('counts lines with boilerplate as the positive class', () => {
    const pages = [
      page('https://a.org/1', [
        ['Menu', B],
        [ARTICLE, C],
        ['Share', B],
      ]),
    ];
    assert.deepEqual(countLines(pages, [[true, true, false]]), { truePositives: 1, predicted: 2, gold: 2, lines: 3 });
    assert.throws(() => countLines(pages, [[true]]), /1 flags for 3 lines/);
  });

  it('trains on the other folds only: a predictor that remembers training lines misses an unseen site', () => {
    const withMenu = (host: string, menu: string) =>
      page(`https://${host}/story`, [
        [menu, B],
        [ARTICLE, C],
      ]);
    const pages = [withMenu('a.org', 'A menu'), withMenu('www.a.org', 'A menu'), withMenu('b.org', 'B menu')];
    const seenInTrain: string[][] = [];
    // Flags a line when its text occurs in a training page: a.org's pages share their menu with each
    // other, but they are one site (www. dropped), so they always sit in the same fold.
    const score = crossValidateLines(pages, 3, (test, train) => {
      const known = new Set(train.flatMap((p) => p.lines.map((line) => line.text)));
      seenInTrain.push([...known]);
      return test.map((p) => p.lines.map((line) => known.has(line.text)));
    });
    // Three folds asked, two sites: two folds.
    assert.equal(seenInTrain.length, 2);
    // ARTICLE is in every fold's training pages, so it is flagged everywhere; the menus never are.
    assert.equal(score.recall, 0);
    assert.equal(score.precision, 0);
    assert.equal(score.lines, 6);
    assert.equal(score.folds.length, 2);
  });

  it('scores the "shorter than 40 characters" baseline per fold, with the spread of the folds', () => {
    const pages = [
      page('https://a.org/1', [
        ['Home', B],
        [ARTICLE, C],
      ]),
      page('https://b.org/1', [
        ['Short but content', C],
        [ARTICLE, C],
        ['Subscribe', B],
      ]),
    ];
    const score = crossValidateLines(pages, 2, shorterThan(40));
    // a.org: 1 of 1 right (F1 1); b.org: predicts 2, 1 right, gold 1 (F1 2/3). Pooled: P 2/3, R 1.
    assert.equal(score.precision, 2 / 3);
    assert.equal(score.recall, 1);
    assert.equal(score.minF1, 2 / 3);
    assert.equal(score.maxF1, 1);
  });

  it('measures the baseline on trimmed text: indentation does not make a line long', () => {
    const indented = page('https://a.org/1', [[`${' '.repeat(40)}* Home`, B]]);
    assert.deepEqual(shorterThan(40)([indented], []), [[true]]);
  });
});

describe('boilerplate error kinds', () => {
  const outcome = (text: string, gold: boolean, predicted: boolean, reason: string | null = null, p = 'p1') =>
    ({ page: p, text, gold, predicted, reason }) satisfies LineOutcome;

  it('buckets line lengths without the surrounding spaces', () => {
    assert.equal(lengthBucket('  Home  '), '<20');
    assert.equal(lengthBucket('x'.repeat(20)), '20-39');
    assert.equal(lengthBucket('x'.repeat(159)), '80-159');
    assert.equal(lengthBucket('x'.repeat(160)), '160+');
  });

  it('keys missed lines by shape and length, false positives by the rule that fired', () => {
    assert.equal(errorKey(outcome('Home', true, true, 'navigation')), null);
    assert.equal(errorKey(outcome(' * Related story', true, false)), 'missed | list item | <20 chars');
    assert.equal(errorKey(outcome('Sign up today.', true, false)), 'missed | sentence | <20 chars');
    assert.equal(errorKey(outcome('PROS', false, true, 'recurring')), 'false positive | recurring | <20 chars');
  });

  it('counts kinds most frequent first, with shares, pages and distinct samples', () => {
    const kinds = errorKinds([
      outcome('Home', true, false, null, 'p1'),
      outcome('Menu', true, false, null, 'p1'),
      outcome('Home', true, false, null, 'p2'),
      outcome('News', true, false, null, 'p2'),
      outcome('Sports', true, false, null, 'p3'),
      outcome(' * Item one', true, false, null, 'p1'),
      outcome('PROS', false, true, 'recurring', 'p1'),
      outcome(ARTICLE, false, false, null, 'p1'),
    ]);
    assert.deepEqual(
      kinds.map((k) => [k.kind, k.count, k.pages, k.share]),
      [
        ['missed | fragment | <20 chars', 5, 3, 5 / 6],
        ['false positive | recurring | <20 chars', 1, 1, 1],
        ['missed | list item | <20 chars', 1, 1, 1 / 6],
      ],
    );
    // One sample per page and no text twice: p1's "Menu" and p2's "Home" are left out.
    assert.deepEqual(kinds[0].samples, ['Home', 'News', 'Sports']);
    const text = formatErrorKinds(kinds, 1);
    assert.match(text, /Missed boilerplate: 6 lines\n +5 +83\.3% {2}missed \| fragment \| <20 chars {2}\(3 pages\)/);
    assert.doesNotMatch(text, /list item/);
  });
});
