// "Add Evidence Link…": links an unattributed claim to its proof. Asks for the URL (unless given one, as
// a test or another extension may), then applies the core's inserts (a footnote and its definition in
// Markdown, a bracketed URL in plain text) as one WorkspaceEdit: one undo step.
import * as vscode from 'vscode';
import { evidenceLinkEdit, evidenceUrlProblem, type Span } from '../core';
import type { DocumentAnalyzer } from './document-analyzer';

export const ADD_EVIDENCE_LINK = 'sourceLens.addEvidenceLink';

/** A claim's span as the quick fix found it, with the document version it was found in (when known). */
export type ClaimAt = Span & { version?: number };

/**
 * Links the claim at `claim` (its span, as the diagnostic has it) in the document at `uri`. Resolves to
 * whether the edit was applied: false when cancelled, when the URL is refused, when the claim is gone, or
 * when the document changed since the quick fix found the claim (its span may now be other text).
 */
export async function addEvidenceLink(
  analyzer: DocumentAnalyzer,
  uri: vscode.Uri | undefined,
  claim: ClaimAt | undefined,
  url?: string,
): Promise<boolean> {
  const document = uri
    ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
    : vscode.window.activeTextEditor?.document;
  if (!document || !analyzer.handles(document)) return false;
  const result = await analyzer.analyzeNow(document);
  if (!result || result.version !== document.version) return false;
  if (claim?.version !== undefined && claim.version !== document.version) {
    void vscode.window.showInformationMessage('Source Lens: the text changed; use the quick fix on the claim again.');
    return false;
  }
  const at = claim ?? cursorSpan(document);
  const found =
    at && result.analysis.claims.find((c) => c.start <= at.start && at.start < Math.max(c.end, c.start + 1));
  if (!found) {
    void vscode.window.showInformationMessage('Source Lens: there is no claim here to link.');
    return false;
  }
  const given =
    url ??
    (await vscode.window.showInputBox({
      title: 'Source Lens: Add Evidence Link',
      prompt:
        document.languageId === 'markdown'
          ? 'The address of the evidence: it is added as a footnote.'
          : 'The address of the evidence: it is added in brackets at the end of the sentence.',
      placeHolder: 'https://',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? null : evidenceUrlProblem(value)),
    }));
  if (given === undefined || evidenceUrlProblem(given) !== null) return false;
  // Typed while the input box was open: the claim found before may now be other text.
  if (document.isClosed || document.version !== result.version) {
    void vscode.window.showInformationMessage('Source Lens: the text changed; use the quick fix on the claim again.');
    return false;
  }
  const format = document.languageId === 'markdown' ? 'markdown' : 'plaintext';
  const inserts = evidenceLinkEdit(document.getText(), format, found.sentenceSpan, given);
  if (inserts.length === 0) return false;
  const edit = new vscode.WorkspaceEdit();
  for (const { offset, insert } of inserts) edit.insert(document.uri, document.positionAt(offset), insert);
  return vscode.workspace.applyEdit(edit);
}

function cursorSpan(document: vscode.TextDocument): Span | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document !== document) return undefined;
  const offset = document.offsetAt(editor.selection.active);
  return { start: offset, end: offset };
}
