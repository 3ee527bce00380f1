// Analyze Workspace: every Markdown and text file (by the include/exclude settings) analysed together,
// so duplicates across files and boilerplate recurring in several files are found, and files that are
// not open get diagnostics too. Runs under a cancellable progress notification.
import { TextDecoder } from 'node:util';
import * as vscode from 'vscode';
import { analyzeCorpus, isSourceLensReport, type CorpusDocument } from '../core';
import type { AnalysisResult, DocumentAnalyzer } from './document-analyzer';
import { readSettings } from './settings';

export interface WorkspaceAnalysisOutcome {
  files: number;
  skipped: string[];
  cancelled: boolean;
}

const utf8 = new TextDecoder('utf-8');

export async function analyzeWorkspace(
  analyzer: DocumentAnalyzer,
  token?: vscode.CancellationToken,
): Promise<WorkspaceAnalysisOutcome> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Source Lens: analysing workspace', cancellable: true },
    async (progress, progressToken) => {
      const cancelled = (): boolean => progressToken.isCancellationRequested || token?.isCancellationRequested === true;
      const settings = readSettings();
      // Sorted, so "the first copy" of a passage repeated across files is the same on every run.
      const uris = (await vscode.workspace.findFiles(settings.include, settings.exclude)).sort((a, b) =>
        a.toString().localeCompare(b.toString()),
      );
      const documents: (CorpusDocument & { uri: vscode.Uri; version: number })[] = [];
      const skipped: string[] = [];
      for (const [i, uri] of uris.entries()) {
        if (cancelled()) return { files: 0, skipped, cancelled: true };
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 50 / Math.max(1, uris.length) });
        const read = await readDocument(uri, settings.maxFileSizeKB * 1024);
        if ('skip' in read) skipped.push(`${vscode.workspace.asRelativePath(uri)}: ${read.skip}`);
        // An exported report is not a story: its quotes and claims are another document's.
        else if (!isSourceLensReport(read.text))
          documents.push({
            uri,
            path: uri.toString(),
            text: read.text,
            version: read.version,
            format: read.markdown ? 'markdown' : 'plaintext',
          });
        if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve)); // let the host breathe
      }
      if (cancelled()) return { files: 0, skipped, cancelled: true };
      progress.report({ message: `analysing ${documents.length} files`, increment: 25 });
      // One body of work, one registry: the first file's, as the CLI's --corpus.
      const { registry } = documents.length
        ? await analyzer.registries.registryFor(documents[0].uri)
        : { registry: undefined };
      const results = analyzeCorpus(documents, {
        registry,
        claimThreshold: settings.claimThreshold,
        singleSource: settings.singleSource,
        maxLength: settings.maxFileSizeKB * 1024,
        plainTextMarker: settings.plainTextMarker,
      });
      results.forEach((r, i) => {
        const doc = documents[i];
        const result: AnalysisResult = {
          uri: doc.uri,
          version: doc.version,
          text: doc.text,
          analysis: r.analysis,
          registrySeverity: registry?.severity,
        };
        analyzer.publish(result);
      });
      return { files: documents.length, skipped, cancelled: false };
    },
  );
}

/** An open document's current text (and version), else the file on disk; binary and huge files skipped. */
async function readDocument(
  uri: vscode.Uri,
  maxBytes: number,
): Promise<{ text: string; version: number; markdown: boolean } | { skip: string }> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText(), version: open.version, markdown: open.languageId === 'markdown' };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxBytes) return { skip: `over ${Math.round(maxBytes / 1024)} KB` };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.subarray(0, 8192).includes(0)) return { skip: 'binary' };
    const text = utf8.decode(bytes).replace(/^\uFEFF/, '');
    return { text, version: -1, markdown: /\.(md|markdown|mdown|mkd|mdx)$/i.test(uri.path) };
  } catch (error) {
    return { skip: `unreadable (${(error as Error).message})` };
  }
}
