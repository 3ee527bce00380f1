// What `activate` returns: a small surface for tests and for other extensions.
import type * as vscode from 'vscode';
import type { Analysis } from '../core/types';

export interface AnalyzedEvent {
  uri: vscode.Uri;
  /** Document version the analysis is for; results for older versions are never published. */
  version: number;
}

export interface SourceLensApi {
  /** The latest analysis of a document (open, or read by Analyze Workspace), if any. */
  analysisFor(uri: vscode.Uri): Analysis | undefined;
  /** Fires after each published analysis. */
  onDidAnalyze: vscode.Event<AnalyzedEvent>;
}
