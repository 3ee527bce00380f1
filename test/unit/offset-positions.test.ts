import assert from 'node:assert/strict';
import { positionAtFor, type OpenDocumentLike } from '../../src/extension/offset-positions';

interface Place {
  line: number;
  character: number;
  /** Who made the position: the open document, or the line index through `at`. */
  by: string;
}

const fromIndex = (line: number, character: number): Place => ({ line, character, by: 'index' });

/** An open document that answers every offset with a position of its own making. */
function openDocument(uri: string, version: number): OpenDocumentLike<Place> {
  return { uri, version, positionAt: (offset) => ({ line: 0, character: offset, by: `${uri}@${version}` }) };
}

describe('positions of offsets in an analysed text', () => {
  const text = 'one\ntwo\r\nthree\rfour';
  // The result's uri is an object (a vscode.Uri), the documents' ones are compared by their text.
  const resultFor = (version: number) => ({ uri: { toString: () => 'file:///a.md' }, version, text });

  it("uses the open document's own positionAt when it is the result's document at the result's version", () => {
    const documents = [
      openDocument('file:///b.md', 3),
      openDocument('file:///a.md', 2),
      openDocument('file:///a.md', 3),
    ];
    const position = positionAtFor(resultFor(3), documents, fromIndex);
    assert.deepEqual(position(5), { line: 0, character: 5, by: 'file:///a.md@3' });
  });

  it('else counts lines in the text: \\n, \\r\\n and \\r each end one, characters from the line start', () => {
    for (const documents of [[], [openDocument('file:///a.md', 2)], [openDocument('file:///b.md', 3)]]) {
      const position = positionAtFor(resultFor(3), documents, fromIndex);
      const places = [0, 3, 4, 8, 9, 14, 15, 19].map((offset) => {
        const { line, character, by } = position(offset);
        return `${offset}→${line}:${character} ${by}`;
      });
      assert.deepEqual(places, [
        '0→0:0 index',
        '3→0:3 index',
        '4→1:0 index',
        '8→1:4 index',
        '9→2:0 index',
        '14→2:5 index',
        '15→3:0 index',
        '19→3:4 index',
      ]);
    }
  });

  it('a result read from disk (version -1) is never taken for an open document', () => {
    const position = positionAtFor(resultFor(-1), [openDocument('file:///a.md', 1)], fromIndex);
    assert.equal(position(4).by, 'index');
  });

  it('counts the lines of a result once, and keeps them as long as the result', () => {
    const result = resultFor(-1);
    assert.deepEqual(positionAtFor(result, [], fromIndex)(9), { line: 2, character: 0, by: 'index' });
    // A result's text never changes: were the lines counted again, this edit would show.
    result.text = 'one line only, no ends';
    assert.deepEqual(positionAtFor(result, [], fromIndex)(9), { line: 2, character: 0, by: 'index' });
    assert.deepEqual(positionAtFor({ ...result }, [], fromIndex)(9), { line: 0, character: 9, by: 'index' });
  });
});
