// Offsets in an analysed text to VS Code positions, for the diagnostics and the Sources view: the open
// document's own `positionAt` when the result is for the version open, else a line index of the text.
import * as vscode from 'vscode';
import { LineIndex } from '../core';
import type { AnalysisResult } from './document-analyzer';

export interface PositionsFor {
  position(offset: number): vscode.Position;
  range(span: { start: number; end: number }): vscode.Range;
}

/** Line indexes of texts that are not open, kept while their result is (built once, not per call). */
const lineIndexes = new WeakMap<AnalysisResult, LineIndex>();

/** Offsets to ranges: the open document's own `positionAt` when it is open, else the text's line index. */
export function positionsFor(result: AnalysisResult): PositionsFor {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri.toString() && d.version === result.version);
  let index: LineIndex | undefined;
  if (!open) {
    index = lineIndexes.get(result);
    if (!index) lineIndexes.set(result, (index = new LineIndex(result.text)));
  }
  const position = (offset: number): vscode.Position => {
    if (open) return open.positionAt(offset);
    const { line, character } = index!.position(offset);
    return new vscode.Position(line, character);
  };
  return { position, range: (span) => new vscode.Range(position(span.start), position(span.end)) };
}
