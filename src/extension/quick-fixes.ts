// Quick fixes on Source Lens diagnostics: remove this duplicate, remove all duplicates in the file, remove this
// boilerplate block, add an evidence link to a claim, mark a claim as checked, and "Replace with …" wherever the
// core's message names what could stand in its place (the rule meant for a misspelt one, a neutral verb for a
// loaded one). Each fix is one WorkspaceEdit (one undo step) that touches only the text it removes, replaces or
// the lines it inserts; "Add Evidence Link…" runs a command, which asks for the URL before it makes its edit.
import * as vscode from 'vscode';
import { markCheckedEdit, removalSpans, type Span } from '../core';
import { currentFinding } from './current-finding';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { DocumentAnalyzer } from './document-analyzer';
import { ADD_EVIDENCE_LINK, type ClaimAt } from './evidence-link';
import { readSettings } from './settings';

export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyzer: DocumentAnalyzer) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      // The diagnostic's range may be the previous version's: only a finding of this version is edited.
      const finding = currentFinding(this.analyzer, document, diagnostic);
      if (!finding) continue;
      const { result, message, span } = finding;
      const { blocks } = result.analysis;
      switch (message.ruleId) {
        case 'duplicate-passage':
          actions.push(removal('Remove this duplicated passage', document, [span], blocks, diagnostic, true));
          if (result.analysis.duplicates.length > 1) {
            actions.push(
              removal(
                `Remove all ${result.analysis.duplicates.length} duplicated passages in this file`,
                document,
                result.analysis.duplicates,
                blocks,
                diagnostic,
                false,
              ),
            );
          }
          break;
        case 'boilerplate':
          actions.push(removal('Remove this boilerplate block', document, [span], blocks, diagnostic, true));
          break;
        case 'unattributed-claim':
          actions.push(addEvidence(document, span, diagnostic));
          {
            // No "mark as checked" where no comment can silence the claim without changing the text.
            const checked = markChecked(document, span, diagnostic);
            if (checked) actions.push(checked);
          }
          break;
        default:
          break;
      }
      // Any rule whose message names what could stand in its place: the core chose the text.
      const expected = message.expected?.[0];
      if (expected) actions.push(replacement(`Replace with “${expected}”`, document, span, expected, diagnostic));
    }
    return actions;
  }
}

/**
 * One WorkspaceEdit deleting the passages (whole lines, as `removalSpans` decides; a passage over several
 * of the analysis's `blocks` block by block).
 */
export function removalEdit(
  document: vscode.TextDocument,
  spans: Span[],
  blocks: readonly Span[],
): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const span of removalSpans(document.getText(), spans, blocks)) {
    edit.delete(document.uri, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)));
  }
  return edit;
}

function removal(
  title: string,
  document: vscode.TextDocument,
  spans: Span[],
  blocks: readonly Span[],
  diagnostic: vscode.Diagnostic,
  preferred: boolean,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = removalEdit(document, spans, blocks);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

function replacement(
  title: string,
  document: vscode.TextDocument,
  span: Span,
  text: string,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(
    document.uri,
    new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)),
    text,
  );
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}

/** Inserts a disable-next-line control comment above the claim, the way markdownlint users silence a finding. */
export function markCheckedWorkspaceEdit(document: vscode.TextDocument, span: Span): vscode.WorkspaceEdit {
  const format = document.languageId === 'markdown' ? 'markdown' : 'plaintext';
  const { offset, insert } = markCheckedEdit(
    document.getText(),
    format,
    'unattributed-claim',
    span,
    readSettings(document.uri).plainTextMarker,
  );
  const edit = new vscode.WorkspaceEdit();
  if (insert) edit.insert(document.uri, document.positionAt(offset), insert);
  return edit;
}

function markChecked(
  document: vscode.TextDocument,
  span: Span,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction | null {
  const edit = markCheckedWorkspaceEdit(document, span);
  if (edit.size === 0) return null;
  const action = new vscode.CodeAction('Mark this claim as checked', vscode.CodeActionKind.QuickFix);
  action.edit = edit;
  action.diagnostics = [diagnostic];
  return action;
}

/** Runs "Add Evidence Link…", which asks for the URL: an action with a command, as its edit needs the answer. */
function addEvidence(document: vscode.TextDocument, span: Span, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction('Add Evidence Link…', vscode.CodeActionKind.QuickFix);
  // The document's version goes with the span: the command refuses to edit if the text moved on meanwhile.
  const claim: ClaimAt = { ...span, version: document.version };
  action.command = { command: ADD_EVIDENCE_LINK, title: 'Add Evidence Link…', arguments: [document.uri, claim] };
  action.diagnostics = [diagnostic];
  return action;
}
