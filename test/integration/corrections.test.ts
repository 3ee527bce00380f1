// The editor's corrections in a real extension host, on the draft (a resident's account and quote
// credited to the public works director named two paragraphs earlier): each correction is offered where it
// belongs, applied as one edit, honoured by hovers, Problems, the Sources view and Export Report, undone
// byte for byte, and kept through an edit elsewhere in its paragraph. Every wait is on an event.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/core';
import type { SourceLensApi } from '../../src/extension/api';
import type { SourcesNode } from '../../src/extension/sources-view';
import {
  codeOf,
  fixtureUri,
  analysisOf,
  getApi,
  openUntitled,
  revertAndCloseActiveEditor,
  sourceLensDiagnostics,
  waitForAnalysis,
  waitForDiagnostics,
} from './helpers';
import { RIVERSIDE_DRAFT as DRAFT } from '../support/riverside-draft';

/** The statement whose first content piece holds `words`, with its source's name and type. */
function statement(text: string, analysis: Analysis, words: string) {
  const a = analysis.attributions.find((s) => text.slice(s.content[0].start, s.content[0].end).includes(words));
  const source = a && a.source !== null ? analysis.sources[a.source] : undefined;
  return a && { attribution: a, index: analysis.attributions.indexOf(a), source: source?.name, type: source?.type };
}

describe('corrections kept in the draft', function () {
  let api: SourceLensApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await revertAndCloseActiveEditor();
  });

  /** Opens the draft and waits for its first analysis. */
  async function openDraft(language = 'markdown'): Promise<{ editor: vscode.TextEditor; analysis: Analysis }> {
    const editor = await openUntitled(DRAFT, language);
    const analysis = await analysisOf(api, editor.document);
    return { editor, analysis };
  }

  /** The code action titled `title` at `offset` (with the diagnostic there, if any), found through VS Code. */
  async function actionAt(document: vscode.TextDocument, offset: number, title: string): Promise<vscode.CodeAction> {
    const position = document.positionAt(offset);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(position, position),
      vscode.CodeActionKind.QuickFix.value,
    );
    const action = actions.find((a) => a.title === title);
    assert.ok(
      action?.command,
      `"${title}" among: ${actions.map((a) => a.title).join(', ')} (at ${offset} of version ${document.version}, ` +
        `statements at ${api
          .analysisFor(document.uri)
          ?.attributions.map((a) => a.content[0].start)
          .join(' ')})`,
    );
    return action;
  }

  /** Runs the action's command (with `name` for the picker), then waits for the analysis of the edit. */
  async function run(document: vscode.TextDocument, action: vscode.CodeAction, name?: string): Promise<Analysis> {
    const analysed = waitForAnalysis(api, document.uri, { minVersion: document.version + 1 });
    const applied = await vscode.commands.executeCommand<boolean>(
      action.command!.command,
      ...(action.command!.arguments ?? []),
      ...(name ? [name] : []),
    );
    assert.equal(applied, true, 'the command applied its edit');
    return analysed;
  }

  async function hoverAt(document: vscode.TextDocument, offset: number): Promise<string> {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      document.positionAt(offset),
    );
    return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  }

  /** The Sources view's statement items (grouped by source), as label and description. */
  async function statementItems(): Promise<{ node: SourcesNode; label: string; description: string }[]> {
    const roots = (await api.sources.getChildren()) as SourcesNode[];
    const items: { node: SourcesNode; label: string; description: string }[] = [];
    for (const root of roots.filter((r) => r.kind === 'source')) {
      for (const node of ((await api.sources.getChildren(root)) ?? []) as SourcesNode[]) {
        if (node.kind !== 'statement') continue;
        const item = await api.sources.getTreeItem(node);
        items.push({ node, label: String(item.label), description: String(item.description) });
      }
    }
    return items;
  }

  /** Export Report as JSON to a file in the workspace; its attributions. */
  async function exported(): Promise<{ content: { start: number }[]; source: string | null; setByEditor?: string }[]> {
    const target = fixtureUri('corrections-export.json');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('sourceLens.exportReport', 'json', target);
      const report = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      return report.files[0].attributions;
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  }

  /** Undo restores the draft byte for byte; redo puts the correction back. */
  async function undoRedo(editor: vscode.TextEditor, corrected: string): Promise<void> {
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), DRAFT);
    await vscode.commands.executeCommand('redo');
    assert.equal(editor.document.getText(), corrected);
  }

  /** Replaces `from` with `to` (a word elsewhere in the paragraph) and waits for the analysis after it. */
  async function editParagraph(editor: vscode.TextEditor, from: string, to: string): Promise<Analysis> {
    const document = editor.document;
    const at = document.getText().indexOf(from);
    assert.ok(at >= 0);
    const analysed = waitForAnalysis(api, document.uri, { minVersion: document.version + 1 });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + from.length)), to);
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    return analysed;
  }

  it('Change Speaker…: the resident’s words become hers everywhere, single-source goes, kept through an edit', async () => {
    const { editor, analysis } = await openDraft();
    const document = editor.document;
    const before = statement(DRAFT, analysis, 'her basement')!;
    assert.equal(before.source, 'Public Works Director Samuel Reyes');
    assert.match(await hoverAt(document, before.attribution.content[0].start + 2), /Samuel(\s|&nbsp;)Reyes/);
    const action = await actionAt(document, before.attribution.content[0].start + 2, 'Change Speaker…');
    await waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'single-source'));
    const noSingle = waitForDiagnostics(document.uri, (ds) => !ds.some((d) => codeOf(d) === 'single-source'));
    await run(document, action, 'Maria Delgado');
    // The quote of the same paragraph, from the Sources view's context menu (its node as the argument).
    const quoteItem = (await statementItems()).find((i) => i.label.includes('believe it'))!;
    assert.ok(quoteItem, 'the quote is in the Sources view');
    const analysed = waitForAnalysis(api, document.uri, { minVersion: document.version + 1 });
    assert.equal(
      await vscode.commands.executeCommand('sourceLens.changeSpeaker', quoteItem.node, 'Maria Delgado'),
      true,
    );
    const after = await analysed;
    const text = document.getText();
    assert.equal(
      text,
      DRAFT.replace(
        'She said',
        '<!-- source-lens-speaker "her basement has flooded three times" Maria Delgado -->\n' +
          '<!-- source-lens-speaker "I’ll believe it when I see" Maria Delgado -->\nShe said',
      ),
    );
    for (const words of ['her basement', 'believe it']) {
      const now = statement(text, after, words)!;
      assert.equal(now.source, 'Maria Delgado', words);
      assert.equal(now.attribution.setByEditor, 'speaker');
    }
    await noSingle;
    const hover = await hoverAt(document, statement(text, after, 'her basement')!.attribution.content[0].start + 2);
    assert.match(hover, /Maria(\s|&nbsp;)Delgado/);
    assert.match(hover, /set by the editor\*\*, in a correction above the paragraph/i);
    const items = (await statementItems()).filter((i) => /basement|believe/.test(i.label));
    assert.equal(items.length, 2);
    for (const item of items) assert.match(item.description, /speaker set by the editor/);
    const report = await exported();
    assert.deepEqual(
      report.filter((a) => a.setByEditor).map((a) => [a.source, a.setByEditor]),
      [
        ['Maria Delgado', 'speaker'],
        ['Maria Delgado', 'speaker'],
      ],
    );
    // Both lines undone (two edits), byte for byte, and redone.
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), DRAFT);
    await vscode.commands.executeCommand('redo');
    await vscode.commands.executeCommand('redo');
    assert.equal(document.getText(), text);
    // Past both anchors' words: "her basement has flooded three times" and "I’ll believe it when I see".
    const edited = await editParagraph(editor, 'since 2019', 'since 2017');
    assert.equal(statement(document.getText(), edited, 'her basement')!.source, 'Maria Delgado');
    assert.equal(statement(document.getText(), edited, 'believe it')!.source, 'Maria Delgado');
    assert.ok(!sourceLensDiagnostics(document.uri).some((d) => codeOf(d) === 'unapplied-correction'));
  });

  it('Not a Statement: “spoke against it” leaves the director’s statements, undone byte for byte, kept through an edit', async () => {
    const { editor, analysis } = await openDraft();
    const document = editor.document;
    const target = statement(DRAFT, analysis, 'who lives on Elm')!;
    assert.ok(target, 'the analysis reads “Maria Delgado, who lives…” as the public’s comment');
    const cue = target.attribution.cue!;
    assert.match(await hoverAt(document, cue.start + 1), /comment/);
    const action = await actionAt(document, target.attribution.content[0].start + 2, 'Not a Statement');
    const after = await run(document, action);
    const text = document.getText();
    const moved = text.length - DRAFT.length;
    assert.equal(statement(text, after, 'who lives on Elm'), undefined);
    assert.equal(after.attributions.length, analysis.attributions.length - 1);
    assert.ok(!(await statementItems()).some((i) => i.label.startsWith('Maria Delgado, who lives')));
    assert.equal((await exported()).length, analysis.attributions.length - 1);
    assert.doesNotMatch(await hoverAt(document, cue.start + moved + 1), /cue:\*\* .{0,2}comment/);
    await undoRedo(editor, text);
    // "Street" is past the anchor's words ("Maria Delgado, who lives on Elm").
    const edited = await editParagraph(editor, 'Elm Street', 'Elm Avenue');
    assert.equal(statement(document.getText(), edited, 'who lives on Elm'), undefined);
  });

  it('Mark Source as Anonymous: the source’s type, anonymous-source in Problems, undone, kept through an edit', async () => {
    const { editor, analysis } = await openDraft();
    const document = editor.document;
    const target = statement(DRAFT, analysis, 'city will spend')!;
    const action = await actionAt(document, target.attribution.content[0].start + 2, 'Mark Source as Anonymous');
    const flagged = waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'anonymous-source'));
    const after = await run(document, action);
    const text = document.getText();
    const now = statement(text, after, 'city will spend')!;
    assert.equal(now.type, 'anonymous');
    assert.equal(now.attribution.setByEditor, 'anonymous');
    await flagged;
    assert.match(
      await hoverAt(document, now.attribution.content[0].start + 2),
      /source marked anonymous by the editor/i,
    );
    assert.ok(
      (await statementItems()).some(
        (i) => /city will spend/.test(i.label) && /anonymous by the editor/.test(i.description),
      ),
    );
    assert.ok((await exported()).some((a) => a.setByEditor === 'anonymous'));
    await undoRedo(editor, text);
    const edited = await editParagraph(editor, 'along the river', 'along the bank');
    assert.equal(statement(document.getText(), edited, 'city will spend')!.type, 'anonymous');
  });

  it('Attribute to…: on the unattributed claim, its diagnostic goes, undone byte for byte, kept through an edit', async () => {
    const { editor } = await openDraft();
    const document = editor.document;
    const isClaim = (d: vscode.Diagnostic): boolean =>
      codeOf(d) === 'unattributed-claim' && document.getText(d.range).startsWith('More than 300');
    const diagnostic = (await waitForDiagnostics(document.uri, (ds) => ds.some(isClaim))).find(isClaim)!;
    const action = await actionAt(document, document.offsetAt(diagnostic.range.start), 'Attribute to…');
    const cleared = waitForDiagnostics(document.uri, (ds) => !ds.some(isClaim));
    const after = await run(document, action, 'Samuel Reyes');
    await cleared;
    const text = document.getText();
    const now = statement(text, after, 'More than 300')!;
    assert.equal(now.source, 'Public Works Director Samuel Reyes');
    assert.equal(now.attribution.setByEditor, 'attribute-to');
    assert.match(await hoverAt(document, now.attribution.content[0].start + 2), /attributed by the editor/i);
    assert.ok(
      (await statementItems()).some(
        (i) => /More than 300/.test(i.label) && /attributed by the editor/.test(i.description),
      ),
    );
    assert.ok((await exported()).some((a) => a.setByEditor === 'attribute-to' && a.source === now.source));
    await undoRedo(editor, text);
    const edited = await editParagraph(editor, 'in 2021', 'in 2022');
    assert.equal(statement(document.getText(), edited, 'More than 300')!.attribution.setByEditor, 'attribute-to');
  });

  it('plain text: the correction is a marker line, honoured and undone byte for byte', async () => {
    const { editor, analysis } = await openDraft('plaintext');
    const document = editor.document;
    const target = statement(DRAFT, analysis, 'her basement')!;
    const action = await actionAt(document, target.attribution.content[0].start + 2, 'Change Speaker…');
    const after = await run(document, action, 'Maria Delgado');
    const text = document.getText();
    assert.ok(text.includes('\nsource-lens: speaker "her basement has flooded three times" Maria Delgado\nShe said'));
    assert.equal(statement(text, after, 'her basement')!.source, 'Maria Delgado');
    await undoRedo(editor, text);
  });
});
