import assert from 'node:assert/strict';
import { Uint32Arena } from '../../src/core/duplicates/typed-arena';
import { mulberry32 } from '../support/random';

describe('Uint32Arena', () => {
  it('hands out zero-filled arrays of the asked length that never share an element', () => {
    const arena = new Uint32Arena();
    const random = mulberry32(3);
    const taken: Uint32Array[] = [];
    for (let i = 0; i < 2000; i++) {
      // Mostly paragraph-sized, now and then one as large as a chunk or empty.
      const length = i % 500 === 0 ? 70000 : i % 97 === 0 ? 0 : 1 + Math.floor(random() * 400);
      const array = arena.take(length);
      assert.equal(array.length, length);
      assert.ok(
        array.every((v) => v === 0),
        `array ${i} is zero-filled`,
      );
      array.fill(i + 1);
      taken.push(array);
    }
    // Each array still holds its own mark: no later array was cut from the same elements.
    taken.forEach((array, i) =>
      assert.ok(
        array.every((v) => v === i + 1),
        `array ${i} untouched by the others`,
      ),
    );
  });
});
