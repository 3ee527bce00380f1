// The command palette (category "Source Lens") and the commands the views and quick fixes use.
import * as vscode from 'vscode';
import type { Span } from '../core';
import { ADD_SOURCE_COMMAND, addSourceToRegistry, type AddSourceArgs } from './add-to-registry';
import type { DocumentAnalyzer } from './document-analyzer';
import { ADD_EVIDENCE_LINK, addEvidenceLink } from './evidence-link';
import { exportReport, type ExportOptions, type ReportFormat } from './export-report';
import type { Highlights } from './highlights';
import type { SourcesNode, SourcesView } from './sources-view';
import { removalEdit } from './quick-fixes';
import type { CorpusClient } from './corpus-client';
import { analyzeWorkspace, type WorkspaceAnalysisOptions } from './workspace-analysis';

export interface CommandDeps {
  analyzer: DocumentAnalyzer;
  highlights: Highlights;
  sources: SourcesView;
  /** Analyze Workspace's worker. */
  corpus: CorpusClient;
}

export function registerCommands({ analyzer, highlights, sources, corpus }: CommandDeps): vscode.Disposable[] {
  const activeDocument = (): vscode.TextDocument | undefined => {
    const document = vscode.window.activeTextEditor?.document;
    return document && analyzer.handles(document) ? document : undefined;
  };
  const removeAll = async (kind: 'duplicates' | 'boilerplate'): Promise<boolean> => {
    const document = activeDocument();
    const result = document && (await analyzer.analyzeNow(document));
    if (!document || !result) return false;
    const spans = result.analysis[kind];
    if (spans.length === 0) {
      void vscode.window.showInformationMessage(
        `Source Lens: no ${kind === 'duplicates' ? 'duplicated passages' : 'boilerplate'} in this document.`,
      );
      return false;
    }
    return vscode.workspace.applyEdit(removalEdit(document, spans, result.analysis.blocks));
  };

  return [
    vscode.commands.registerCommand('sourceLens.analyzeDocument', async () => {
      const document = activeDocument();
      return document ? (await analyzer.analyzeNow(document))?.analysis : undefined;
    }),
    // From the palette no argument; tests and other extensions may pass a cancellation token.
    vscode.commands.registerCommand('sourceLens.analyzeWorkspace', (options?: WorkspaceAnalysisOptions) =>
      analyzeWorkspace(analyzer, corpus, options && typeof options === 'object' ? options : {}),
    ),
    vscode.commands.registerCommand('sourceLens.toggleHighlights', () => highlights.toggle()),
    // From the palette (no argument), a quick fix (AddSourceArgs) or a source's item in the Sources view (its node).
    vscode.commands.registerCommand(ADD_SOURCE_COMMAND, (args?: AddSourceArgs | SourcesNode) =>
      addSourceToRegistry(analyzer, args && 'kind' in args ? sources.addSourceArgs(args) : args),
    ),
    vscode.commands.registerCommand('sourceLens.removeAllDuplicates', () => removeAll('duplicates')),
    vscode.commands.registerCommand('sourceLens.removeAllBoilerplate', () => removeAll('boilerplate')),
    vscode.commands.registerCommand(
      'sourceLens.exportReport',
      (format?: ReportFormat, target?: vscode.Uri, options?: ExportOptions) =>
        exportReport(analyzer, activeDocument(), format, target, options),
    ),
    vscode.commands.registerCommand('sourceLens.showSources', () =>
      vscode.commands.executeCommand('sourceLens.sources.focus'),
    ),
    vscode.commands.registerCommand('sourceLens.groupBySource', () => setGrouping('source')),
    vscode.commands.registerCommand('sourceLens.groupByDocumentOrder', () => setGrouping('document')),
    vscode.commands.registerCommand('sourceLens.reveal', (uri: vscode.Uri, span: Span) => reveal(uri, span)),
    // From the quick fix: the claim's document and span; a test or another extension may pass the URL too.
    vscode.commands.registerCommand(ADD_EVIDENCE_LINK, (uri?: vscode.Uri, claim?: Span, url?: string) =>
      addEvidenceLink(analyzer, uri, claim, url),
    ),
    // Context keys for `when` clauses: what the active document has.
    analyzer.onDidAnalyze(() => updateContext(analyzer, activeDocument())),
    vscode.window.onDidChangeActiveTextEditor(() => updateContext(analyzer, activeDocument())),
  ];
}

function setGrouping(grouping: 'source' | 'document'): Thenable<void> {
  return vscode.workspace
    .getConfiguration('sourceLens')
    .update('sources.grouping', grouping, vscode.ConfigurationTarget.Global);
}

async function reveal(uri: vscode.Uri, span: Span): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function updateContext(analyzer: DocumentAnalyzer, document: vscode.TextDocument | undefined): void {
  const analysis = document ? analyzer.resultFor(document.uri)?.analysis : undefined;
  void vscode.commands.executeCommand('setContext', 'sourceLens.hasDuplicates', (analysis?.duplicates.length ?? 0) > 0);
  void vscode.commands.executeCommand(
    'setContext',
    'sourceLens.hasBoilerplate',
    (analysis?.boilerplate.length ?? 0) > 0,
  );
}
