// Export Report: the active document's analysis as a Markdown report (for a desk) or as the CLI's JSON
// contract. Asks where to save (beside the story, as `story.source-lens.md`), then says where it went with
// an "Open" button. The Markdown report's first line marks it, so Source Lens never analyses it as a story.
// A target open in an editor is written through the editor (one undoable edit, then saved), so the editor
// never holds text that disagrees with the file; a target given by argument that already exists is only
// replaced after asking (the save dialog asks its own question about a file it is pointed at).
import * as vscode from 'vscode';
import { markdownReport, REPORT_SCHEMA, toReport, type OtherDocument } from '../core';
import type { DocumentAnalyzer } from './document-analyzer';
import { ownPaths } from './summary';

export type ReportFormat = 'markdown' | 'json';

export interface ExportOptions {
  /** Replace an existing target without asking (for tests and callers that asked already). */
  overwrite?: boolean;
}

/**
 * Writes the report; asks for the format and the file unless told (a test or the UI check passes both).
 * Resolves with where it was written, or undefined when there was nothing to export or the user cancelled.
 */
export async function exportReport(
  analyzer: DocumentAnalyzer,
  document: vscode.TextDocument | undefined,
  format?: ReportFormat,
  target?: vscode.Uri,
  options: ExportOptions = {},
): Promise<vscode.Uri | undefined> {
  const result = document && (await analyzer.analyzeNow(document));
  if (!document || !result) {
    void vscode.window.showInformationMessage(
      'Source Lens: open a Markdown or plain-text document to export its report.',
    );
    return undefined;
  }
  const chosen = format ?? (await pickFormat());
  if (!chosen) return undefined;
  const path = vscode.workspace.asRelativePath(document.uri);
  const body =
    chosen === 'json'
      ? JSON.stringify({ schema: REPORT_SCHEMA, files: [toReport(path, result.analysis)] }, null, 2) + '\n'
      : markdownReport(path, result.text, result.analysis, ownPaths(document.uri), (other) =>
          otherDocument(analyzer, other),
        );
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: 'Source Lens: Export Report',
      saveLabel: 'Export',
      defaultUri: suggestedReportUri(document.uri, chosen),
      filters: chosen === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] },
    }));
  if (!uri) return undefined;
  if (target && !options.overwrite && !(await mayReplace(uri))) return undefined;
  if (!(await writeReport(uri, body))) {
    void vscode.window.showErrorMessage(
      `Source Lens: could not save the report to ${vscode.workspace.asRelativePath(uri)}.`,
    );
    return undefined;
  }
  void announceSaved(uri);
  return uri;
}

/** Whether `uri` is free, or its owner agreed to replace it. */
async function mayReplace(uri: vscode.Uri): Promise<boolean> {
  const exists =
    openDocument(uri) !== undefined ||
    (await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    ));
  if (!exists) return true;
  const replace = 'Replace';
  const answer = await vscode.window.showWarningMessage(
    `${vscode.workspace.asRelativePath(uri)} already exists. Replace it with the report?`,
    { modal: true },
    replace,
  );
  return answer === replace;
}

/**
 * Writes the report: through the editor when the file is open (its whole text replaced in one edit, then
 * saved; unsaved changes there are one undo away), else straight to disk.
 */
async function writeReport(uri: vscode.Uri, body: string): Promise<boolean> {
  const open = openDocument(uri);
  if (!open) {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(body));
    return true;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), body);
  return (await vscode.workspace.applyEdit(edit)) && (await open.save());
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

async function pickFormat(): Promise<ReportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Markdown', description: 'a readable report', format: 'markdown' as const },
      { label: 'JSON', description: 'source-lens/analysis@1, as the CLI prints', format: 'json' as const },
    ],
    { title: 'Source Lens: Export Report' },
  );
  return picked?.format;
}

/**
 * Beside the story, named after it (`story.md` → `story.source-lens.md`); an untitled document's report
 * goes to the first workspace folder. The Markdown report is marked, so beside the story it is not analysed.
 */
export function suggestedReportUri(documentUri: vscode.Uri, format: ReportFormat): vscode.Uri | undefined {
  const extension = format === 'json' ? 'json' : 'md';
  if (documentUri.scheme !== 'untitled')
    return documentUri.with({ path: documentUri.path.replace(/(\.[^./]*)?$/, `.source-lens.${extension}`) });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name =
    documentUri.path
      .split('/')
      .pop()
      ?.replace(/[^\w.-]+/g, '-') || 'report';
  return folder && vscode.Uri.joinPath(folder, `${name}.source-lens.${extension}`);
}

/** The notification after saving: where the report is (workspace-relative when it is in the workspace) and its button. */
export function reportSavedMessage(uri: vscode.Uri): { message: string; open: string } {
  return { message: `Source Lens: report saved to ${vscode.workspace.asRelativePath(uri)}.`, open: 'Open' };
}

async function announceSaved(uri: vscode.Uri): Promise<void> {
  const { message, open } = reportSavedMessage(uri);
  if ((await vscode.window.showInformationMessage(message, open)) === open) await openReport(uri);
}

/** Opens the report beside the story, a Markdown one as its preview (tables read better rendered). */
export async function openReport(uri: vscode.Uri): Promise<void> {
  if (uri.path.endsWith('.md')) {
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      return;
    } catch {
      // No Markdown preview in this editor: the text will do.
    }
  }
  await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside });
}

/** A document a duplicate's first copy is in, by the path Analyze Workspace gave it (its URI) or an open document's path. */
function otherDocument(analyzer: DocumentAnalyzer, path: string): OtherDocument | undefined {
  const uri = /^[a-z][\w+.-]*:/i.test(path) ? vscode.Uri.parse(path) : vscode.Uri.file(path);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return { label: vscode.workspace.asRelativePath(uri), text: analyzer.resultFor(uri)?.text ?? open?.getText() };
}
