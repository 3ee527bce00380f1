// The editor's corrections (README "Corrections"): "Change Speaker…", "Not a Statement" and "Mark Source as
// Anonymous" on any statement, "Attribute to…" on an unattributed claim. Offered as code actions at a
// statement's place (not tied to a diagnostic: a wrong speaker has none) and in the Sources view's context
// menu. Each writes one line before the statement's paragraph, as one WorkspaceEdit: one undo removes it.
// The commands take the target and the name as arguments, so tests and other extensions skip the pickers.
import * as vscode from 'vscode';
import { correctionInsert, type Analysis, type CorrectionKind, type CorrectionTarget, type Span } from '../core';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { codeOf, currentFinding, currentResult } from './current-finding';
import type { DocumentAnalyzer } from './document-analyzer';
import { readSettings } from './settings';
import { statementsOf } from './analysis-statements';

export const CHANGE_SPEAKER = 'sourceLens.changeSpeaker';
export const NOT_A_STATEMENT = 'sourceLens.notAStatement';
export const MARK_ANONYMOUS = 'sourceLens.markSourceAnonymous';
export const ATTRIBUTE_TO = 'sourceLens.attributeTo';

/**
 * What a correction is for: the document, and the statement's first content piece (a statement is found
 * again by it in the analysis the command runs on) or the claim's span.
 */
export interface CorrectionArgs {
  uri: string;
  statement?: Span;
  claim?: Span;
  /** The document version the spans were found in: the command refuses to edit a later version by them. */
  version?: number;
}

const TITLES: Record<CorrectionKind, string> = {
  speaker: 'Change Speaker…',
  'not-a-statement': 'Not a Statement',
  anonymous: 'Mark Source as Anonymous',
  'attribute-to': 'Attribute to…',
};

const contains = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

export class CorrectionActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyzer: DocumentAnalyzer) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const result = currentResult(this.analyzer, document);
    if (!result) return [];
    const version = document.version;
    const offset = document.offsetAt(range.start);
    const uri = document.uri.toString();
    const actions: vscode.CodeAction[] = [];
    const statement = statementTouching(result.analysis, offset, true);
    if (statement) {
      const args: CorrectionArgs = { uri, statement, version };
      actions.push(
        action(TITLES.speaker, CHANGE_SPEAKER, args),
        action(TITLES['not-a-statement'], NOT_A_STATEMENT, args),
        action(TITLES.anonymous, MARK_ANONYMOUS, args),
      );
    }
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || codeOf(diagnostic) !== 'unattributed-claim') continue;
      // The diagnostic's range may be the previous version's: only a claim of this version is offered.
      const claim = currentFinding(this.analyzer, document, diagnostic)?.span;
      if (!claim) continue;
      const fix = action(TITLES['attribute-to'], ATTRIBUTE_TO, { uri, claim, version });
      fix.diagnostics = [diagnostic];
      actions.push(fix);
    }
    return actions;
  }
}

function action(title: string, command: string, args: CorrectionArgs): vscode.CodeAction {
  const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  fix.command = { command, title, arguments: [args] };
  return fix;
}

/**
 * The four commands. `target` is the code action's arguments, a Sources view node turned into them by
 * `fromNode`, or nothing (the statement or claim at the active editor's cursor); `name` skips the picker.
 */
export function registerCorrectionCommands(
  analyzer: DocumentAnalyzer,
  fromNode: (node: unknown) => CorrectionArgs | undefined,
): vscode.Disposable[] {
  // `name` may come from a hover's command link (its JSON arguments): only a string skips the picker.
  const run = (kind: CorrectionKind) => (target?: unknown, name?: unknown) =>
    correct(
      analyzer,
      kind,
      isArgs(target) ? target : (fromNode(target) ?? atCursor(analyzer, kind)),
      typeof name === 'string' ? name : undefined,
    );
  return [
    vscode.commands.registerCommand(CHANGE_SPEAKER, run('speaker')),
    vscode.commands.registerCommand(NOT_A_STATEMENT, run('not-a-statement')),
    vscode.commands.registerCommand(MARK_ANONYMOUS, run('anonymous')),
    vscode.commands.registerCommand(ATTRIBUTE_TO, run('attribute-to')),
  ];
}

function isArgs(value: unknown): value is CorrectionArgs {
  return typeof value === 'object' && value !== null && typeof (value as CorrectionArgs).uri === 'string';
}

/**
 * The first statement with a part at `offset`: its words, or with `speakerToo` its cue or source mention
 * too. It is named by its first content piece (undefined for a statement without one, which no
 * correction can name).
 */
function statementTouching(analysis: Analysis, offset: number, speakerToo: boolean): Span | undefined {
  const statements = statementsOf(analysis);
  for (let i = 0; i < statements.length; i++) {
    let found = false;
    statements.forEachPart(i, (part, start, end) => {
      if ((speakerToo || typeof part === 'number') && start <= offset && offset <= end) found = true;
    });
    if (!found) continue;
    return statements.contentCount(i) > 0
      ? { start: statements.contentStart(i, 0), end: statements.contentEnd(i, 0) }
      : undefined;
  }
  return undefined;
}

/** From the palette: the statement (or, for Attribute to…, the claim) at the cursor. */
function atCursor(analyzer: DocumentAnalyzer, kind: CorrectionKind): CorrectionArgs | undefined {
  const editor = vscode.window.activeTextEditor;
  const result = editor && analyzer.resultFor(editor.document.uri);
  if (!editor || !result) return undefined;
  const offset = editor.document.offsetAt(editor.selection.active);
  const uri = editor.document.uri.toString();
  const statement = statementTouching(result.analysis, offset, false);
  if (statement) return { uri, statement };
  const claim = kind === 'attribute-to' ? result.analysis.claims.find((c) => contains(c, offset)) : undefined;
  return claim ? { uri, claim: { start: claim.start, end: claim.end } } : undefined;
}

/** Asks for what is missing, then writes the correction as one edit. Resolves to whether it was applied. */
async function correct(
  analyzer: DocumentAnalyzer,
  kind: CorrectionKind,
  args: CorrectionArgs | undefined,
  name?: string,
): Promise<boolean> {
  const document = args && vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri);
  const result = document && (await analyzer.analyzeNow(document));
  if (!args || !document || !result || result.version !== document.version) {
    void vscode.window.showInformationMessage('Source Lens: put the cursor on a statement (or a claim) to correct it.');
    return false;
  }
  // Spans found in an earlier version may now be other text (a code action run after more typing).
  if (args.version !== undefined && args.version !== document.version) return changedMeanwhile();
  const target = targetIn(result.analysis, args);
  if (!target) return false;
  const needsName = kind === 'speaker' || kind === 'attribute-to';
  const chosen = needsName ? (name ?? (await pickName(result.analysis, target, kind))) : undefined;
  if (needsName && !chosen) return false;
  // Typed while the picker was open: the result's offsets are no longer the document's.
  if (document.isClosed || document.version !== result.version) return changedMeanwhile();
  const marker = readSettings(document.uri).plainTextMarker;
  const { offset, insert } = correctionInsert(result.text, result.analysis, target, kind, chosen, marker);
  if (!insert) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.positionAt(offset), insert);
  return vscode.workspace.applyEdit(edit);
}

function changedMeanwhile(): false {
  void vscode.window.showInformationMessage('Source Lens: the text changed; choose the correction again.');
  return false;
}

/** The statement whose first content piece is `args.statement` in this analysis, or the claim there. */
function targetIn(analysis: Analysis, args: CorrectionArgs): CorrectionTarget | undefined {
  if (args.statement) {
    const { start, end } = args.statement;
    const statements = statementsOf(analysis);
    for (let i = 0; i < statements.length; i++)
      if (
        statements.contentCount(i) > 0 &&
        statements.contentStart(i, 0) === start &&
        statements.contentEnd(i, 0) === end
      )
        return { attribution: i };
    return undefined;
  }
  const claim = args.claim;
  // Only a claim this analysis has: a span from elsewhere may cover other text by now.
  const found = claim && analysis.claims.some((c) => c.start === claim.start && c.end === claim.end);
  return found ? { claim: { start: claim.start, end: claim.end } } : undefined;
}

/** A quick pick of the document's sources (the statement's own left out), and "Type a name…". */
async function pickName(
  analysis: Analysis,
  target: CorrectionTarget,
  kind: CorrectionKind,
): Promise<string | undefined> {
  const current = 'attribution' in target ? statementsOf(analysis).source(target.attribution) : null;
  const typed = '$(edit) Type a name…';
  const items = [
    ...analysis.sources.flatMap((s, i) =>
      i === current ? [] : [{ label: s.name, description: [s.type, ...s.aliases].join(' · ') }],
    ),
    { label: typed, description: 'a source not in the list' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Source Lens: ${TITLES[kind].replace('…', '')}`,
    placeHolder: 'Who said it?',
  });
  if (!picked) return undefined;
  if (picked.label !== typed) return picked.label;
  const name = await vscode.window.showInputBox({
    title: 'Source Lens: the source’s name',
    prompt: 'As the story names them',
  });
  return name?.trim() || undefined;
}
