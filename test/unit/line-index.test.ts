// Offsets to lines and columns (text/positions.ts), as VS Code counts them: \n, \r\n and a lone \r each
// end a line. Checked against a reading of one character at a time, on texts made of line breaks.
import assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/text';
import { mulberry32 } from '../support/random';

function naivePosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

describe('LineIndex', () => {
  it('gives every offset the line and column a character-by-character count gives, \\n, \\r\\n and \\r alike', () => {
    const random = mulberry32(3);
    for (let k = 0; k < 300; k++) {
      const text = Array.from(
        { length: Math.floor(random() * 60) },
        () => ['a', '\n', '\r', '\r\n', 'é'][Math.floor(random() * 5)],
      ).join('');
      const lines = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++)
        assert.deepEqual(lines.position(offset), naivePosition(text, offset), `${JSON.stringify(text)} at ${offset}`);
    }
  });

  it('labels a place as terminals do: one-based line:column', () => {
    assert.equal(new LineIndex('one\r\ntwo\rthree\nfour').label(15), '4:1');
  });
});
