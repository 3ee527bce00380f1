// The worker's deadline (issue 14, item 1), in a real extension host: a document whose analysis cannot
// finish within `sourceLens.analysisTimeoutMs` gets one `analysis-timeout` problem at the top while its
// previous findings stay, and once the deadline is back to its default the next analysis finishes in a
// restarted worker and clears the message. Every wait is on an event.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceLensApi } from '../../src/extension/api';
import { newsDocument } from '../host-bench/news';
import { RIVERSIDE_DRAFT } from '../support/riverside-draft';
import {
  codeOf,
  getApi,
  openUntitled,
  revertAndCloseActiveEditor,
  waitForAnalysis,
  waitForDiagnostics,
} from './helpers';

/** The setting's minimum: the shortest deadline a user can set. */
const TINY_DEADLINE_MS = 500;
/**
 * 4 MB of news-like Markdown: a second or more of analysis, past the tiny deadline. (The pathological shapes
 * are no longer slow: the Markdown pre-scan reads them as plain text.)
 */
const SLOW_TEXT = newsDocument(4 * 1024 * 1024, 3);

describe('the worker deadline', function () {
  // Longer than the waits below (30 s each), so a missing message fails on what was awaited, not on time.
  this.timeout(70000);
  let api: SourceLensApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sourceLens');

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await config().update('analysisTimeoutMs', undefined, vscode.ConfigurationTarget.Workspace);
    await revertAndCloseActiveEditor();
  });

  it('past the deadline: one analysis-timeout problem, the previous findings kept; then a restarted worker clears it', async () => {
    const editor = await openUntitled(RIVERSIDE_DRAFT, 'markdown');
    const document = editor.document;
    const first = await waitForDiagnostics(document.uri, (ds) => ds.length > 0, { what: 'the draft’s findings' });
    const findings = first.map((d) => `${codeOf(d)}@${d.range.start.line}`).sort();

    const reanalysed = waitForAnalysis(api, document.uri);
    await config().update('analysisTimeoutMs', TINY_DEADLINE_MS, vscode.ConfigurationTarget.Workspace);
    await reanalysed; // the draft itself is quick: the setting is in force once this is back

    // The slow text goes after the draft, so the draft's findings are still true of the text.
    const timedOut = waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'analysis-timeout'), {
      what: 'analysis-timeout',
      timeoutMs: 30000,
    });
    const end = document.positionAt(document.getText().length);
    await editor.edit((b) => b.insert(end, `\n${SLOW_TEXT}`));
    const slowLength = document.getText().length;
    const diagnostics = await timedOut;
    const notices = diagnostics.filter((d) => codeOf(d) === 'analysis-timeout');
    assert.equal(notices.length, 1, 'one message');
    assert.equal(notices[0].range.start.line, 0, 'at the top of the document');
    assert.equal(notices[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.match(notices[0].message, new RegExp(`\\(${slowLength} characters, \\d+ KB\\) took longer than 500 ms`));
    assert.match(notices[0].message, /Split the document, or raise "sourceLens\.analysisTimeoutMs"/);
    assert.deepEqual(
      diagnostics
        .filter((d) => codeOf(d) !== 'analysis-timeout')
        .map((d) => `${codeOf(d)}@${d.range.start.line}`)
        .sort(),
      findings,
      'the previous findings stay',
    );

    // Back to the draft and the default deadline: the next analysis finishes, in a new worker.
    const workerAnalysesBefore = api.workerAnalyses();
    const cleared = waitForDiagnostics(
      document.uri,
      (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'analysis-timeout'),
      { what: 'the findings without analysis-timeout', timeoutMs: 30000 },
    );
    const slowPart = new vscode.Range(document.positionAt(RIVERSIDE_DRAFT.length), document.positionAt(slowLength));
    await editor.edit((b) => b.delete(slowPart));
    assert.equal(document.getText(), RIVERSIDE_DRAFT);
    await config().update('analysisTimeoutMs', undefined, vscode.ConfigurationTarget.Workspace);
    const after = await cleared;
    assert.deepEqual(after.map((d) => `${codeOf(d)}@${d.range.start.line}`).sort(), findings);
    assert.ok(api.workerAnalyses() > workerAnalysesBefore, 'answered by the worker that replaced the ended one');
    assert.equal(api.analysisFor(document.uri)?.length, RIVERSIDE_DRAFT.length);
  });
});
