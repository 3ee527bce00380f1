// Analyze Workspace: every Markdown and text file (by the include/exclude settings) analysed together,
// so duplicates across files and boilerplate recurring in several files are found, and files that are
// not open get diagnostics too. Runs under a cancellable progress notification; the analysis itself runs
// in a worker (corpus-client.ts), which Cancel ends at once. Its deadline is sourceLens.analysisTimeoutMs
// times the number of files: the time they would have had one by one. Files are checked before they are
// read: a symbolic link is not followed (its target is read where it lies, if at all), nor is a path that
// leads out of the workspace folder through a linked folder, and a file over the size cap is never opened.
import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { TextDecoder } from 'node:util';
import * as vscode from 'vscode';
import { isSourceLensReport, type CorpusDocument } from '../core';
import { CORPUS_CANCELLED, CORPUS_TIMED_OUT, type CorpusClient } from './corpus-client';
import type { AnalysisResult, DocumentAnalyzer } from './document-analyzer';
import { readSettings } from './settings';

export interface WorkspaceAnalysisOutcome {
  files: number;
  skipped: string[];
  cancelled: boolean;
  /** The analysis ran past its deadline and was stopped; nothing was published. */
  timedOut?: boolean;
}

/** The command's optional argument (for tests and other extensions). */
export interface WorkspaceAnalysisOptions {
  token?: vscode.CancellationToken;
  /** Called when the files are read and the worker has begun their analysis (a test cancels then). */
  onAnalysing?: () => void;
}

const utf8 = new TextDecoder('utf-8');

export async function analyzeWorkspace(
  analyzer: DocumentAnalyzer,
  corpus: CorpusClient,
  { token, onAnalysing }: WorkspaceAnalysisOptions = {},
): Promise<WorkspaceAnalysisOutcome> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Source Lens: analysing workspace', cancellable: true },
    async (progress, progressToken) => {
      // Either Cancel (the notification's, or the caller's) stops the run.
      const either = new vscode.CancellationTokenSource();
      const cancelEither = (): void => either.cancel();
      const listeners = [progressToken, token].map((t) => t?.onCancellationRequested(cancelEither));
      try {
        return await analyzeUnder(analyzer, corpus, progress, either.token, onAnalysing);
      } finally {
        for (const listener of listeners) listener?.dispose();
        either.dispose();
      }
    },
  );
}

async function analyzeUnder(
  analyzer: DocumentAnalyzer,
  corpus: CorpusClient,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
  onAnalysing?: () => void,
): Promise<WorkspaceAnalysisOutcome> {
  const cancelled = (): boolean => token.isCancellationRequested;
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
  const deadlineMs = settings.analysisTimeoutMs * Math.max(1, documents.length);
  const analyses = await corpus.analyze(
    // Only what the worker needs: a Uri does not cross to another thread.
    documents.map(({ path, text, format }) => ({ path, text, format })),
    {
      registry,
      claimThreshold: settings.claimThreshold,
      singleSource: settings.singleSource,
      maxLength: settings.maxFileSizeKB * 1024,
      plainTextMarker: settings.plainTextMarker,
    },
    deadlineMs,
    { token, onStarted: onAnalysing },
  );
  if (analyses === CORPUS_CANCELLED || token.isCancellationRequested) return { files: 0, skipped, cancelled: true };
  if (analyses === CORPUS_TIMED_OUT) {
    void vscode.window.showWarningMessage(
      `Source Lens: analysing the workspace (${documents.length} files) took longer than ${deadlineMs / 1000} s and was stopped; nothing changed. Narrow "sourceLens.workspace.include", or raise "sourceLens.analysisTimeoutMs" (the workspace gets it once per file).`,
    );
    return { files: 0, skipped, cancelled: false, timedOut: true };
  }
  analyses.forEach((analysis, i) => {
    const doc = documents[i];
    const result: AnalysisResult = {
      uri: doc.uri,
      version: doc.version,
      text: doc.text,
      analysis,
      registrySeverity: registry?.severity,
    };
    analyzer.publish(result);
  });
  return { files: documents.length, skipped, cancelled: false };
}

/** An open document's current text (and version), else the file on disk; binary and huge files skipped. */
async function readDocument(
  uri: vscode.Uri,
  maxBytes: number,
): Promise<{ text: string; version: number; markdown: boolean } | { skip: string }> {
  try {
    // findFiles follows links (search.followSymlinks); stat says whether this path is one.
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.SymbolicLink) return { skip: 'symbolic link, not followed' };
    if (await outsideItsFolder(uri))
      return { skip: 'leads out of the workspace through a linked folder, not followed' };
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return { text: open.getText(), version: open.version, markdown: open.languageId === 'markdown' };
    if (stat.size > maxBytes) return { skip: `over ${Math.round(maxBytes / 1024)} KB` };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.subarray(0, 8192).includes(0)) return { skip: 'binary' };
    const text = utf8.decode(bytes).replace(/^\uFEFF/, '');
    return { text, version: -1, markdown: /\.(md|markdown|mdown|mkd|mdx)$/i.test(uri.path) };
  } catch (error) {
    return { skip: `unreadable (${(error as Error).message})` };
  }
}

/** Whether a file on disk really lies outside its workspace folder (a folder link on the way leads out). */
async function outsideItsFolder(uri: vscode.Uri): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (uri.scheme !== 'file' || !folder || folder.uri.scheme !== 'file') return false;
  const [file, root] = await Promise.all([realpath(uri.fsPath), realpath(folder.uri.fsPath)]);
  return !file.startsWith(root.endsWith(sep) ? root : root + sep);
}
