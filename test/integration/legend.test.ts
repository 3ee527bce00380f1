// The legend ("What do the colours mean?") and the one rule of the visual language the Problems panel shows:
// no squiggle doubling a highlight unless the user asks for it. Every wait is on an event.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceLensApi } from '../../src/extension/api';
import {
  analysisOf,
  codeOf,
  getApi,
  openUntitled,
  revertAndCloseActiveEditor,
  waitForDiagnostics,
  waitForEvent,
} from './helpers';

const DRAFT = [
  '“We will finish the levee by June,” Public Works Director Samuel Reyes said on Monday.',
  'More than 300 homes in Riverside flooded last spring, and repairs cost $4 million.',
  '',
].join('\n');

/** The legend's tab, once the workbench lists it. */
function legendTab(): Promise<vscode.Tab> {
  const find = (): vscode.Tab | undefined =>
    vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('sourceLens.legend'));
  return waitForEvent(vscode.window.tabGroups.onDidChangeTabs, find, 'the legend tab');
}

describe('What do the marks mean', function () {
  let api: SourceLensApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sourceLens');

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    api.legend.current?.dispose();
    await config().update('claims.mark', undefined, vscode.ConfigurationTarget.Workspace);
    await revertAndCloseActiveEditor();
  });

  it('Source Lens: What Do the Colours Mean? opens one legend beside the draft: a static page, text escaped', async () => {
    const editor = await openUntitled(DRAFT);
    await analysisOf(api, editor.document);
    // Read through a function: TypeScript would keep the property narrowed to `undefined` after the first check.
    const current = (): vscode.WebviewPanel | undefined => api.legend.current;
    assert.equal(current(), undefined, 'no legend before the command');
    await vscode.commands.executeCommand('sourceLens.showLegend');
    const panel = current();
    assert.ok(panel, 'the command opened the legend');
    assert.ok(panel.visible, 'the legend is visible');
    assert.notEqual(panel.viewColumn, editor.viewColumn, 'beside the draft, which stays in view');
    assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'the draft keeps the focus');
    await legendTab();

    const html = panel.webview.html;
    const nonce = /style-src 'nonce-([^']+)'/.exec(html)?.[1];
    assert.ok(nonce, `a CSP with a style nonce in: ${html.slice(0, 400)}`);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.ok(html.includes(`<style nonce="${nonce}">`), 'the style block carries the nonce');
    assert.doesNotMatch(html, /<script/i, 'no script');
    assert.match(html, /highlights &amp; underlines/, 'text is escaped');
    assert.match(html, /var\(--vscode-sourceLens-quoteBackground\)/, "samples in the theme's colours");
    assert.equal(panel.webview.options.enableScripts, false);

    await vscode.commands.executeCommand('sourceLens.showLegend');
    assert.equal(current(), panel, 'asked again, the same legend comes to the front');
  });

  it('an unattributed claim has one mark: a squiggle and a Problems row, or with claims.mark "highlight" the amber fill alone', async () => {
    const editor = await openUntitled(DRAFT);
    const uri = editor.document.uri;
    const isClaim = (d: vscode.Diagnostic): boolean => codeOf(d) === 'unattributed-claim';
    const [squiggle] = (await waitForDiagnostics(uri, (ds) => ds.some(isClaim))).filter(isClaim);
    assert.equal(squiggle.severity, vscode.DiagnosticSeverity.Information, 'squiggled and in the Problems panel');
    await waitForEvent(
      api.highlights.onDidDecorate,
      () => (api.highlights.decoratedRangesFor(editor).content.length > 0 ? true : undefined),
      'the highlights drawn',
    );
    assert.deepEqual(api.highlights.decoratedRangesFor(editor).claim, [], 'no amber under the squiggle');

    await vscode.commands.executeCommand('sourceLens.showLegend');
    const legend = api.legend.current!;
    const redrawn = waitForEvent(
      vscode.workspace.onDidChangeConfiguration,
      () => (/no squiggle and no Problems row/.test(legend.webview.html) ? true : undefined),
      'the legend to describe the new setting',
    );
    const hinted = waitForDiagnostics(uri, (ds) =>
      ds.some((d) => isClaim(d) && d.severity === vscode.DiagnosticSeverity.Hint),
    );
    const filled = waitForEvent(
      api.highlights.onDidDecorate,
      () => (api.highlights.decoratedRangesFor(editor).claim.some((r) => r.isEqual(squiggle.range)) ? true : undefined),
      'the amber claim highlight on the claim',
    );
    await config().update('claims.mark', 'highlight', vscode.ConfigurationTarget.Workspace);
    await hinted;
    await filled;
    await redrawn;
  });
});
