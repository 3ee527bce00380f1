// What an edit changed (text/text-change.ts): the shared start and end, as a character-by-character
// comparison finds them, whatever the lengths and however the chunked comparison's boundaries fall.
import assert from 'node:assert/strict';
import { textChange, unchangedFrom } from '../../src/core/text/text-change';
import { mulberry32 } from '../support/random';

function naive(before: string, after: string) {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix])
    suffix++;
  return { prefix, suffix, delta: after.length - before.length, length: after.length };
}

describe('textChange', () => {
  it('finds the shared start and end as a character-by-character comparison does, on 5,000 random edits', () => {
    const random = mulberry32(7);
    const pick = (n: number) => Math.floor(random() * n);
    for (let k = 0; k < 5000; k++) {
      // Two letters only, so shared runs are long and chunk boundaries are crossed in every way.
      const before = Array.from({ length: pick(3000) }, () => 'ab'[pick(2)]).join('');
      const at = pick(before.length + 1);
      const inserted = Array.from({ length: pick(600) }, () => 'ab'[pick(2)]).join('');
      const after = before.slice(0, at) + inserted + before.slice(at + pick(600));
      assert.deepEqual(textChange(before, after), naive(before, after), `case ${k}`);
    }
    // Under a second on an idle machine; several when the machine is shared with a build.
  }).timeout(20_000);

  it('never counts a character in both the shared start and the shared end', () => {
    assert.deepEqual(textChange('aaaa', 'aaaaaa'), { prefix: 4, suffix: 0, delta: 2, length: 6 });
    assert.deepEqual(textChange('same', 'same'), { prefix: 4, suffix: 0, delta: 0, length: 4 });
    assert.deepEqual(textChange('', 'new'), { prefix: 0, suffix: 0, delta: 3, length: 3 });
  });

  it('maps a span the edit left alone back to the old text, and no other', () => {
    const change = textChange('one two three', 'one 2 three');
    assert.equal(unchangedFrom(change, 0, 3), 0, '"one", before the edit');
    assert.equal(unchangedFrom(change, 6, 5), 8, '"three", after it');
    assert.equal(unchangedFrom(change, 4, 1), undefined, 'the edit itself');
    assert.equal(unchangedFrom(change, 0, 6), undefined, 'a span across it');
  });
});
