// "Add Source to Registry": writes a source of the current document into the sources registry that applies
// to it (creating `.sourcelens.json` at the workspace folder's root when there is none) as one WorkspaceEdit,
// so one undo takes it back. Reached from the command palette, the Sources view and a quick fix on a
// source's mention. Arguments let the tests (and keybindings) skip the pickers.
import * as vscode from 'vscode';
import {
  addToRegistry,
  newRegistryText,
  sourceIdentity,
  STANDINGS,
  type NewRegistryEntry,
  type Source,
  type Standing,
} from '../core';
import type { DocumentAnalyzer } from './document-analyzer';

export const ADD_SOURCE_COMMAND = 'sourceLens.addSourceToRegistry';

export interface AddSourceArgs {
  /** The document the source is in; the active editor's when absent. */
  uri?: vscode.Uri | string;
  /** The source's name as the analysis has it; asked for when absent. */
  source?: string;
  standing?: Standing;
}

/** Adds a source; resolves with the registry file written to, or undefined when nothing was written. */
export async function addSourceToRegistry(
  analyzer: DocumentAnalyzer,
  args: AddSourceArgs = {},
): Promise<vscode.Uri | undefined> {
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : (args.uri ?? activeDocumentUri());
  const result = uri && analyzer.resultFor(uri);
  if (!uri || !result) {
    void vscode.window.showInformationMessage('Source Lens: open an analysed document to add one of its sources.');
    return undefined;
  }
  const candidates = result.analysis.sources.filter((s) => sourceIdentity(s) === 'named');
  const source = args.source
    ? candidates.find((s) => s.name === args.source)
    : await pickSource(candidates.filter((s) => !s.registered));
  if (!source) return undefined;
  const standing = args.standing ?? (await pickStanding(source.name));
  if (!standing) return undefined;
  const entry = entryFor(source, standing);
  const lookup = await analyzer.registries.registryFor(uri);
  const target = lookup.uri ?? analyzer.registries.newRegistryUri(uri);
  if (!target) {
    void vscode.window.showWarningMessage(
      'Source Lens: save the document or open a folder to have a sources registry.',
    );
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  if (lookup.uri === undefined) {
    edit.createFile(target, { ignoreIfExists: false, contents: new TextEncoder().encode(newRegistryText(entry)) });
  } else {
    const registryDocument = await vscode.workspace.openTextDocument(target);
    const eol = registryDocument.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const addition = addToRegistry(registryDocument.getText(), entry, eol);
    if (addition.kind === 'unreadable') {
      void vscode.window.showErrorMessage(
        `Source Lens: ${vscode.workspace.asRelativePath(target)} is not valid JSON; fix it before adding sources.`,
      );
      return undefined;
    }
    if (addition.kind === 'listed') {
      void vscode.window.showInformationMessage(`Source Lens: ${source.name} is already in the sources registry.`);
      return undefined;
    }
    for (const change of addition.edits) {
      const range = new vscode.Range(
        registryDocument.positionAt(change.start),
        registryDocument.positionAt(change.end),
      );
      edit.replace(target, range, change.text);
    }
  }
  if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  return target;
}

/** The entry written: the source's names that can stand for it alone (capitalised ones: "INIS", not "the agency"). */
function entryFor(source: Source, standing: Standing): NewRegistryEntry {
  const aliases = source.aliases.filter((alias) => /^\p{Lu}/u.test(alias) && !/^The\s/.test(alias));
  const type = source.type === 'unknown' ? undefined : source.type;
  return { name: source.name, aliases, type, standing };
}

function activeDocumentUri(): vscode.Uri | undefined {
  return vscode.window.activeTextEditor?.document.uri;
}

async function pickSource(sources: Source[]): Promise<Source | undefined> {
  if (sources.length === 0) {
    void vscode.window.showInformationMessage('Source Lens: every named source here is already in the registry.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    sources.map((source) => ({
      label: source.name,
      description: `${source.type} · ${source.attributions.length} statements`,
      source,
    })),
    { title: 'Add Source to Registry', placeHolder: 'Which source?' },
  );
  return picked?.source;
}

async function pickStanding(name: string): Promise<Standing | undefined> {
  const picked = await vscode.window.showQuickPick(
    STANDINGS.map((s) => ({ label: s.id, detail: s.description, standing: s.id })),
    { title: `Standing of ${name}`, placeHolder: 'How far does the newsroom trust this source?' },
  );
  return picked?.standing;
}

/** The quick fix on a named source's mention that the registry does not list yet. */
export class AddSourceActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyzer: DocumentAnalyzer) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const result = this.analyzer.resultFor(document.uri);
    if (!result || result.version !== document.version) return [];
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const { sources } = result.analysis;
    const source = sources.find(
      (s) => s.type !== 'anonymous' && !s.registered && s.mentions.some((m) => m.start <= start && end <= m.end),
    );
    if (!source) return [];
    const action = new vscode.CodeAction(
      `Add “${source.name}” to the Sources Registry…`,
      vscode.CodeActionKind.QuickFix,
    );
    const args: AddSourceArgs = { uri: document.uri.toString(), source: source.name };
    action.command = { command: ADD_SOURCE_COMMAND, title: action.title, arguments: [args] };
    return [action];
  }
}
