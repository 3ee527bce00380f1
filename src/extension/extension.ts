// Entry point: wires the features together. No analysis logic lives in the extension: it asks the
// core (src/core) and shows the answer.
import * as vscode from 'vscode';
import { AddSourceActionProvider } from './add-to-registry';
import { defaultWorkerPath } from './analysis-client';
import type { SourceLensApi } from './api';
import { registerCommands } from './commands';
import { CorrectionActionProvider, registerCorrectionCommands } from './corrections';
import { CorpusClient } from './corpus-client';
import { DiagnosticsPresenter } from './diagnostics';
import { DocumentAnalyzer } from './document-analyzer';
import { Highlights } from './highlights';
import { SourceHoverProvider } from './hovers';
import { Legend, SHOW_LEGEND_COMMAND } from './legend';
import { SourceLensStatus } from './language-status';
import { QuickFixProvider } from './quick-fixes';
import { SourcesView } from './sources-view';

const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];

export function activate(context: vscode.ExtensionContext): SourceLensApi {
  // Timed for `npm run bench:host` (api.activationMs()): from here to the return, so loading the bundle
  // (before VS Code calls activate) is not included.
  const activationStarted = performance.now();
  // Timings of each analysis at debug level: "Developer: Set Log Level…" › Source Lens › Debug.
  const log = vscode.window.createOutputChannel('Source Lens', { log: true });
  const analyzer = new DocumentAnalyzer(defaultWorkerPath(context.extensionPath), log);
  const diagnostics = new DiagnosticsPresenter(analyzer);
  const highlights = new Highlights(analyzer);
  const sources = new SourcesView(analyzer);
  const status = new SourceLensStatus(analyzer);
  const legend = new Legend();
  // Analyze Workspace's own worker: cancelling it leaves the open documents' worker and caches alone.
  const corpus = new CorpusClient(defaultWorkerPath(context.extensionPath));
  context.subscriptions.push(
    log,
    analyzer,
    diagnostics,
    highlights,
    sources,
    status,
    vscode.languages.registerHoverProvider(SELECTOR, new SourceHoverProvider(analyzer)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new QuickFixProvider(analyzer), {
      providedCodeActionKinds: QuickFixProvider.kinds,
    }),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new AddSourceActionProvider(analyzer), {
      providedCodeActionKinds: AddSourceActionProvider.kinds,
    }),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CorrectionActionProvider(analyzer), {
      providedCodeActionKinds: CorrectionActionProvider.kinds,
    }),
    ...registerCommands({ analyzer, highlights, sources, corpus }),
    corpus,
    legend,
    vscode.commands.registerCommand(SHOW_LEGEND_COMMAND, () => void legend.show()),
    ...registerCorrectionCommands(analyzer, (node) => sources.correctionArgs(node)),
  );
  analyzer.start();
  const activationMs = performance.now() - activationStarted;
  return {
    analysisFor: (uri) => analyzer.resultFor(uri)?.analysis,
    onDidAnalyze: analyzer.onDidAnalyze,
    sources,
    highlights,
    legend,
    languageStatusText: () => status.text,
    workerAnalyses: () => analyzer.workerAnalyses,
    activationMs: () => activationMs,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
