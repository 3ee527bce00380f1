// The language status item in a real extension host: it names Source Lens, counts each statement once,
// and counts boilerplate (which is information by default, so also in the Problems panel).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceLensApi } from '../../src/extension/api';
import {
  analysisOf,
  codeOf,
  getApi,
  openUntitled,
  revertAndCloseActiveEditor,
  waitForAnalysis,
  waitForDiagnostics,
} from './helpers';
import { BRIDGE_STORY as STORY } from '../support/bridge-story';

describe('language status', function () {
  this.timeout(60000);
  let api: SourceLensApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await vscode.workspace
      .getConfiguration('sourceLens')
      .update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    await revertAndCloseActiveEditor();
  });

  it('names Source Lens and counts statements once, unattributed claims and boilerplate', async () => {
    const editor = await openUntitled(STORY, 'markdown');
    const analysis = await analysisOf(api, editor.document);
    // Two copies of the same quote: one attributed statement. One claim, one boilerplate block.
    assert.equal(analysis.attributions.length, 2);
    assert.equal(api.languageStatusText(), 'Source Lens: 1 attributed · 1 unattributed · 1 boilerplate');
    const [boilerplate] = await waitForDiagnostics(editor.document.uri, (ds) =>
      ds.some((d) => codeOf(d) === 'boilerplate'),
    ).then((ds) => ds.filter((d) => codeOf(d) === 'boilerplate'));
    assert.equal(boilerplate.severity, vscode.DiagnosticSeverity.Information, 'listed in the Problems panel');
  });

  it('leaves boilerplate out when a control comment silences it', async () => {
    const silenced = STORY.replace('We welcome', '<!-- source-lens-disable-next-line boilerplate -->\n\nWe welcome');
    const editor = await openUntitled(silenced, 'markdown');
    await analysisOf(api, editor.document);
    assert.equal(api.languageStatusText(), 'Source Lens: 1 attributed · 1 unattributed');
  });

  it('leaves boilerplate out when the rule is off', async () => {
    const editor = await openUntitled(STORY, 'markdown');
    await analysisOf(api, editor.document);
    const reanalysed = waitForAnalysis(api, editor.document.uri);
    await vscode.workspace
      .getConfiguration('sourceLens')
      .update('severity', { boilerplate: 'off' }, vscode.ConfigurationTarget.Workspace);
    await reanalysed;
    assert.equal(api.languageStatusText(), 'Source Lens: 1 attributed · 1 unattributed');
  });
});
