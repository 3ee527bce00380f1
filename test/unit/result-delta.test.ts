// After an edit the worker sends only what changed of an analysis (extension/result-delta.ts): the host's
// lists made from the old ones and the changes are the new analysis's, item for item, and an item that
// moved only in part (a duplicate whose first copy is before the edit) is sent, not moved.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/types';
import { applyListDelta, equalMoved, listDelta, moved } from '../../src/extension/result-delta';
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
    let sent = 0;
    let total = 0;
    for (let step = 0; step < 40; step++) {
      text = edit(text, random);
      const after = analyze(text);
      for (const field of LISTS) {
        const delta = listDelta(before[field], after[field], after.length - before.length);
        assert.deepEqual(applyListDelta(before[field], delta), after[field], `step ${step}, ${field}`);
        sent += delta.items.length;
        total += after[field].length;
      }
      before = after;
    }
    // Most items are kept or moved, not sent (an edit that adds a paragraph or a sentence renumbers the
    // items after it, which are then sent: 16% of items here).
    assert.ok(sent < total / 4, `${sent} of ${total} items sent`);
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
