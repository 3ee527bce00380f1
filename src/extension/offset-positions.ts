// Offsets in an analysed text to line and character: the open document's own `positionAt` when the
// result is for the version open (VS Code already knows its lines), else a line index of the text, built
// once per result. Pure: no `vscode`, so the unit tests run it on in-memory documents; positions.ts
// hands it VS Code's open documents and Position.
import { LineIndex } from '../core';

/** What is needed of an open document: a vscode.TextDocument is one. */
export interface OpenDocumentLike<P> {
  uri: { toString(): string };
  version: number;
  positionAt(offset: number): P;
}

/** What is needed of an analysis result: which document and version it is for, and its text. */
export interface AnalysedTextLike {
  uri: { toString(): string };
  version: number;
  text: string;
}

/** Line indexes of texts that are not open, kept while their result is (built once, not per call). */
const lineIndexes = new WeakMap<AnalysedTextLike, LineIndex>();

/**
 * The position of an offset in the result's text: the open document's own when one of `openDocuments`
 * is the result's document at the result's version, else made by `at(line, character)` from a line index.
 */
export function positionAtFor<P>(
  result: AnalysedTextLike,
  openDocuments: readonly OpenDocumentLike<P>[],
  at: (line: number, character: number) => P,
): (offset: number) => P {
  const uri = result.uri.toString();
  const open = openDocuments.find((d) => d.uri.toString() === uri && d.version === result.version);
  if (open) return (offset) => open.positionAt(offset);
  let index = lineIndexes.get(result);
  if (!index) lineIndexes.set(result, (index = new LineIndex(result.text)));
  const lines = index;
  return (offset) => {
    const { line, character } = lines.position(offset);
    return at(line, character);
  };
}
