// Quick fixes never edit by a stale range (issue 14): a diagnostic can still carry the previous version's
// range right after an edit and for a moment after the next result is published. A fix is offered only
// for a finding of the current analysis of the current version; a command run after the text moved on
// refuses to edit. Every wait is on an event, never a fixed sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceLensApi } from '../../src/extension/api';
import {
  codeOf,
  getApi,
  openUntitled,
  revertAndCloseActiveEditor,
  waitForAnalysis,
  waitForDiagnostics,
} from './helpers';

const STORY = [
  'LAGOS - The port authority announced on Monday that it had seized 40 containers of counterfeit medicine.',
  'In a statement, the Nigerian Ports Authority (NPA) said that the containers “had been falsely declared as spare parts” by three importers.',
  'Counterfeit drugs kill more than 100,000 people in Africa every year, the largest toll of any region.',
  'In a statement, the Nigerian Ports Authority (NPA) said that the containers “had been falsely declared as spare parts” by three importers.',
  '',
].join('\n');
const NEW_FIRST_LINE = 'Updated on Tuesday.\n';
const OTHER_CLAIM = 'Unemployment rose to 7.5% in March 2023, the highest level since 2009.\n';

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
}

const titles = (actions: vscode.CodeAction[]): string => actions.map((a) => a.title).join(', ') || 'none';

describe('Stale ranges', function () {
  this.timeout(60000);
  let api: SourceLensApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await revertAndCloseActiveEditor();
  });

  it('a quick fix for a stale diagnostic range edits nothing; the re-analysis brings the fix at the new place', async () => {
    const editor = await openUntitled(STORY);
    const { uri } = editor.document;
    const isDuplicate = (d: vscode.Diagnostic): boolean => codeOf(d) === 'duplicate-passage';
    const old = (await waitForDiagnostics(uri, (ds) => ds.some(isDuplicate))).find(isDuplicate)!;
    assert.equal(old.range.start.line, 3);

    // A line above shifts every finding down one line: the old range now covers the claim on line 3.
    const analysed = waitForAnalysis(api, uri, { minVersion: editor.document.version + 1 });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), NEW_FIRST_LINE);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const beforeAnalysis = await codeActions(uri, old.range);
    assert.ok(
      !beforeAnalysis.some((a) => /duplicated passage/.test(a.title)),
      `no removal by the old range before the analysis; offered: ${titles(beforeAnalysis)}`,
    );

    // The re-analysis follows, and a diagnostic that still has the old range (as the Problems panel can,
    // for a moment after the result is published) gets no fix: replayed here from a collection of our own.
    await analysed;
    const stale = vscode.languages.createDiagnosticCollection('stale-ranges-test');
    try {
      const replay = new vscode.Diagnostic(old.range, old.message, old.severity);
      replay.source = old.source;
      replay.code = old.code;
      stale.set(uri, [replay]);
      const afterAnalysis = await codeActions(uri, old.range);
      assert.ok(
        !afterAnalysis.some((a) => /duplicated passage/.test(a.title)),
        `no removal by the stale range after the analysis; offered: ${titles(afterAnalysis)}`,
      );
    } finally {
      stale.dispose();
    }

    // The fresh diagnostic is one line down, and its fix removes exactly the duplicate.
    const fresh = (
      await waitForDiagnostics(uri, (ds) => ds.some((d) => isDuplicate(d) && d.range.start.line === 4))
    ).find(isDuplicate)!;
    const action = (await codeActions(uri, fresh.range)).find((a) => /^Remove this duplicated passage/.test(a.title));
    assert.ok(action?.edit, 'the fix at the new place');
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    const lines = (NEW_FIRST_LINE + STORY).split('\n');
    lines.splice(4, 1);
    assert.equal(editor.document.getText(), lines.join('\n'));
  });

  // A command-based fix found on one version and run on the next (another claim typed in before its claim:
  // the found span now starts the new claim) must refuse rather than edit.
  for (const [title, argument] of [
    ['Add Evidence Link…', 'https://example.org/who'],
    ['Attribute to…', 'The World Health Organization'],
  ]) {
    it(`"${title}" found before an edit refuses to edit after it`, async () => {
      const editor = await openUntitled(STORY);
      const { uri } = editor.document;
      const isClaim = (d: vscode.Diagnostic): boolean => codeOf(d) === 'unattributed-claim';
      const claim = (await waitForDiagnostics(uri, (ds) => ds.some(isClaim))).find(isClaim)!;
      const action = (await codeActions(uri, claim.range)).find((a) => a.title === title);
      assert.ok(action?.command, `"${title}" is offered on the current claim`);

      const analysed = waitForAnalysis(api, uri, { minVersion: editor.document.version + 1 });
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, claim.range.start, OTHER_CLAIM);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const text = editor.document.getText();
      const applied = await vscode.commands.executeCommand<boolean>(
        action.command.command,
        ...(action.command.arguments ?? []),
        argument,
      );
      assert.equal(applied, false, 'the command refused: its claim was found in the previous version');
      assert.equal(editor.document.getText(), text);
      await analysed;
    });
  }
});
