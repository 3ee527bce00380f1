// Offsets in an analysed text to VS Code positions, for the diagnostics and the Sources view: the open
// document's own `positionAt` when the result is for the version open, else a line index of the text
// (offset-positions.ts chooses).
import * as vscode from 'vscode';
import type { AnalysisResult } from './document-analyzer';
import { positionAtFor } from './offset-positions';

export interface PositionsFor {
  position(offset: number): vscode.Position;
  range(span: { start: number; end: number }): vscode.Range;
}

const vscodePosition = (line: number, character: number): vscode.Position => new vscode.Position(line, character);

/** Offsets to ranges: the open document's own `positionAt` when it is open, else the text's line index. */
export function positionsFor(result: AnalysisResult): PositionsFor {
  const position = positionAtFor(result, vscode.workspace.textDocuments, vscodePosition);
  return { position, range: (span) => new vscode.Range(position(span.start), position(span.end)) };
}
