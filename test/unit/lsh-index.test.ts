import assert from 'node:assert/strict';
import { LshIndex } from '../../src/core/duplicates/lsh-index';
import { mulberry32 } from '../support/random';

describe('LshIndex', () => {
  const random = mulberry32(8);
  // Few distinct keys, so buckets fill past their cap of 64 and chains are long.
  const keysOf = () => Array.from({ length: 20 }, () => Math.floor(random() * 120));
  const items = Array.from({ length: 400 }, keysOf);
  const queries = Array.from({ length: 50 }, keysOf);
  const built = (list: number[][]) => {
    const index = new LshIndex(4);
    list.forEach((keys, item) => index.add(item, keys));
    return index;
  };
  const answers = (index: LshIndex) => queries.map((keys) => index.candidates(keys, 5));

  it('finds the items sharing the most keys, earliest first on a tie, across growth and full buckets', () => {
    const index = built(items);
    // A bucket keeps its key's first 64 entries (an item listing a key twice has two); each key of a
    // query, each time it is listed, counts one for every entry in its bucket.
    const bucket = (key: number) =>
      items.flatMap((keys, item) => keys.filter((k) => k === key).map(() => item)).slice(0, 64);
    queries.forEach((keys, q) => {
      const shared = new Map<number, number>();
      for (const key of keys) for (const item of bucket(key)) shared.set(item, (shared.get(item) ?? 0) + 1);
      const expected = [...shared]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, 5)
        .map(([item]) => item);
      assert.deepEqual(index.candidates(keys, 5), expected, `query ${q}`);
    });
  });

  it('after truncate, answers as an index of only the earlier items, and keeps doing so as items are added again', () => {
    for (const keep of [0, 1, 63, 64, 65, 200, 399, 400]) {
      const index = built(items);
      index.truncate(keep);
      assert.deepEqual(answers(index), answers(built(items.slice(0, keep))), `truncated to ${keep}`);
      const more = Array.from({ length: 30 }, keysOf);
      more.forEach((keys, i) => index.add(keep + i, keys));
      assert.deepEqual(
        answers(index),
        answers(built([...items.slice(0, keep), ...more])),
        `truncated to ${keep}, then 30 added`,
      );
    }
  });
});
