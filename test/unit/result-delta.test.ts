// After an edit the worker sends only what changed of an analysis (extension/result-delta.ts): the host's
// lists made from the old ones and the changes are the new analysis's, item for item, and an item that
// moved only in part (a duplicate whose first copy is before the edit) is sent, not moved.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/types';
import {
  applyListDelta,
  equalMoved,
  itemsSent,
  listDelta,
  moved,
  type Renumbering,
} from '../../src/extension/result-delta';
import { newsDocument } from '../host-bench/news';
import { mulberry32 } from '../support/random';

const LISTS = ['blocks', 'attributions', 'sources', 'claims', 'duplicates', 'boilerplate', 'messages'] as const;

function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const pieces = ['x', ' ', '“', '\n\n', ' said Ana Ruiz. ', 'According to the agency, ', '.'];
  if (random() < 0.6) return text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 30));
}

describe('result delta', () => {
  it('rebuilds every list of the new analysis from the old one, after each of 40 random edits', () => {
    const random = mulberry32(9);
    let text = newsDocument(20 * 1024, 4);
    let before = analyze(text);
    const sent = Object.fromEntries(LISTS.map((field) => [field, 0])) as Record<(typeof LISTS)[number], number>;
    const total = { ...sent };
    for (let step = 0; step < 40; step++) {
      text = edit(text, random);
      const after = analyze(text);
      for (const field of LISTS) {
        // As the worker renumbers: a block's index by the blocks added, a claim's sentence by the sentences.
        const renumber: Renumbering | undefined =
          field === 'blocks'
            ? { field: 'index', by: after.blocks.length - before.blocks.length }
            : field === 'claims'
              ? { field: 'sentence', by: after.sentences.length - before.sentences.length }
              : undefined;
        const delta = listDelta(before[field], after[field], after.length - before.length, renumber);
        assert.deepEqual(applyListDelta(before[field], delta), after[field], `step ${step}, ${field}`);
        sent[field] += itemsSent(delta);
        total[field] += after[field].length;
      }
      before = after;
    }
    // Items after the edit move, renumbered where an added paragraph or sentence renumbers them, and an
    // item that moved only in part (a duplicate of a paragraph before the edit) does not stop the rest
    // from moving: a few in a hundred are sent. A source is sent whenever the edit falls between its
    // first and last mention, which is most of the time.
    const positional = ['blocks', 'claims', 'duplicates', 'boilerplate', 'messages'] as const;
    const sum = (counts: Record<string, number>) => positional.reduce((n, field) => n + counts[field], 0);
    assert.ok(sum(sent) < sum(total) / 20, `${sum(sent)} of ${sum(total)} sent`);
  });

  it('sends an item that moved only in part, and still moves the items after it', () => {
    const of = { path: 'a.md', start: 0, end: 5 };
    const before = [
      { start: 0, end: 5 },
      { start: 10, end: 15, of },
      { start: 20, end: 25 },
    ];
    // Three characters typed between the first two items: the copy's first occurrence stays where it was.
    const after = [
      { start: 0, end: 5 },
      { start: 13, end: 18, of },
      { start: 23, end: 28 },
    ];
    const delta = listDelta(before, after, 3);
    assert.deepEqual(delta, { keep: 1, shift: 3, rest: [{ items: [after[1]] }, { moved: { from: 2, count: 1 } }] });
    assert.deepEqual(applyListDelta(before, delta), after);
  });

  it('moves a renumbered index with the offsets: the blocks after an added paragraph', () => {
    const before = [
      { index: 0, start: 0, end: 5 },
      { index: 1, start: 7, end: 12 },
    ];
    const after = [
      { index: 0, start: 0, end: 5 },
      { index: 1, start: 7, end: 8 },
      { index: 2, start: 10, end: 15 },
    ];
    const delta = listDelta(before, after, 3, { field: 'index', by: 1 });
    assert.deepEqual(delta.rest, [{ items: [after[1]] }, { moved: { from: 1, count: 1 } }]);
    assert.deepEqual(applyListDelta(before, delta), after);
    // Without the renumbering the same block is not "moved": its index differs.
    assert.equal(itemsSent(listDelta(before, after, 3)), 2);
  });

  it('moves every start and end, at any depth, and nothing else', () => {
    const item = {
      start: 5,
      end: 9,
      of: { path: '', start: 1, end: 2 },
      similarity: 0.9,
      pieces: [{ start: 6, end: 7 }],
    };
    assert.deepEqual(moved(item, 3), {
      start: 8,
      end: 12,
      of: { path: '', start: 4, end: 5 },
      similarity: 0.9,
      pieces: [{ start: 9, end: 10 }],
    });
    assert.equal(equalMoved(item, moved(item, 3), 3), true);
    // A duplicate after the edit whose first copy is before it: its own place moved, its `of` did not.
    assert.equal(equalMoved(item, { ...moved(item, 3), of: item.of }, 3), false);
    assert.equal(equalMoved(item, { ...moved(item, 3), similarity: 1 }, 3), false);
    assert.equal(equalMoved(item, item, 3), false, 'the same object holding offsets is not its own moved copy');
  });

  it('after a one-character edit near the end, keeps all but the last items and moves none', () => {
    const text = newsDocument(20 * 1024, 5);
    const before: Analysis = analyze(text);
    const after = analyze(`${text.slice(0, -40)}x${text.slice(-40)}`);
    const delta = listDelta(before.attributions, after.attributions, 1);
    assert.ok(delta.keep >= before.attributions.length - 3, `${delta.keep} of ${before.attributions.length} kept`);
    assert.deepEqual(applyListDelta(before.attributions, delta), after.attributions);
  });
});
