// Entry point: wires the features together. No analysis logic lives in the extension: it asks the
// core (src/core) and shows the answer.
import * as vscode from 'vscode';
import { DocumentAnalyzer } from './document-analyzer';
import { DiagnosticsPresenter } from './diagnostics';
import type { SourceLensApi } from './api';

export function activate(context: vscode.ExtensionContext): SourceLensApi {
  const analyzer = new DocumentAnalyzer();
  const diagnostics = new DiagnosticsPresenter(analyzer);
  context.subscriptions.push(analyzer, diagnostics);
  analyzer.start();
  return {
    analysisFor: (uri) => analyzer.resultFor(uri)?.analysis,
    onDidAnalyze: analyzer.onDidAnalyze,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
