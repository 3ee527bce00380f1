// Export Report in a real extension host: the report says `line N`, is marked so Source Lens never reads
// it as a story, and the notification says where it went. Every wait is on an event, never a fixed sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { REPORT_MARKER } from '../../src/core';
import type { SourceLensApi } from '../../src/extension/api';
import { openReport, reportSavedMessage, suggestedReportUri } from '../../src/extension/export-report';
import {
  closeAllEditors,
  analysisOf,
  getApi,
  openFixture,
  openUntitled,
  sourceLensDiagnostics,
  waitForDiagnostics,
  waitForEvent,
  workspaceFolder,
} from './helpers';
import { BRIDGE_STORY as STORY } from '../support/bridge-story';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** Every file under a folder, workspace-relative and sorted (to see what a command wrote). */
async function filesIn(folder: vscode.Uri): Promise<string[]> {
  const found: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type & vscode.FileType.Directory) found.push(...(await filesIn(uri)));
    else found.push(vscode.workspace.asRelativePath(uri));
  }
  return found.sort();
}

describe('Export Report', function () {
  this.timeout(60000);
  let api: SourceLensApi;
  const written: vscode.Uri[] = [];

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await closeAllEditors();
    for (const uri of written.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('writes Markdown with `line N` references, the marker first, and the CLI’s JSON contract', async () => {
    const editor = await openUntitled(STORY, 'markdown');
    await analysisOf(api, editor.document);
    const folder = vscode.Uri.joinPath(workspaceFolder().uri, 'reports');
    const markdownUri = vscode.Uri.joinPath(folder, 'story.source-lens.md');
    const jsonUri = vscode.Uri.joinPath(folder, 'story.source-lens.json');
    written.push(markdownUri, jsonUri);
    const saved = await vscode.commands.executeCommand<vscode.Uri>('sourceLens.exportReport', 'markdown', markdownUri);
    assert.equal(saved?.toString(), markdownUri.toString());
    await vscode.commands.executeCommand('sourceLens.exportReport', 'json', jsonUri);

    const markdown = decode(await vscode.workspace.fs.readFile(markdownUri));
    assert.equal(markdown.split('\n')[0], REPORT_MARKER);
    const name = editor.document.uri.path.split('/').pop()!;
    const title = markdown.split('\n').find((line) => line.startsWith('# Source Lens report: '));
    // The title is Markdown: its punctuation comes escaped.
    assert.ok(title?.replace(/\\/g, '').includes(name), `the report is titled by the story's name (${name}): ${title}`);
    assert.match(markdown, /\| line 3 \| \w+ \| said \|/, 'the first quote, by line');
    assert.match(markdown, /\| line 7 \| 100% \| line 3 \|/, 'the repeat points at the first copy by line');
    assert.ok(!/\| \d+:\d+ \|/.test(markdown), 'no line:column left');

    const json = JSON.parse(decode(await vscode.workspace.fs.readFile(jsonUri)));
    assert.equal(json.schema, 'source-lens/analysis@1');
    assert.ok(json.files[0].attributions.length > 0);
  });

  it('the exported report, opened, gets no analysis and no diagnostics; without its marker it would', async () => {
    const editor = await openUntitled(STORY, 'markdown');
    await analysisOf(api, editor.document);
    const reportUri = vscode.Uri.joinPath(workspaceFolder().uri, 'story-report.md');
    const plainUri = vscode.Uri.joinPath(workspaceFolder().uri, 'story-report-unmarked.md');
    written.push(reportUri, plainUri);
    await vscode.commands.executeCommand('sourceLens.exportReport', 'markdown', reportUri);
    const report = decode(await vscode.workspace.fs.readFile(reportUri));
    // The control: the same text without the marker and the title is read as a story, with findings.
    const unmarked = report.split('\n').slice(4).join('\n');
    await vscode.workspace.fs.writeFile(plainUri, new TextEncoder().encode(unmarked));
    const found = waitForDiagnostics(plainUri, (ds) => ds.length > 0);
    await openFixture('story-report-unmarked.md');
    await found;

    const opened = await openFixture('story-report.md');
    // The active document is the report: the command analyses nothing (it would return the analysis).
    assert.equal(await vscode.commands.executeCommand('sourceLens.analyzeDocument'), undefined);
    assert.equal(api.analysisFor(opened.uri), undefined);
    assert.deepEqual(sourceLensDiagnostics(opened.uri), []);
    // Nor does Analyze Workspace read it as a story.
    await vscode.commands.executeCommand('sourceLens.analyzeWorkspace');
    assert.equal(api.analysisFor(opened.uri), undefined);
    assert.deepEqual(sourceLensDiagnostics(opened.uri), []);
  });

  it('onto a file open with unsaved changes, writes through the editor: its text becomes the report, saved', async () => {
    const targetUri = vscode.Uri.joinPath(workspaceFolder().uri, 'open-report.md');
    written.push(targetUri);
    await vscode.workspace.fs.writeFile(targetUri, new TextEncoder().encode('An old report.\n'));
    const target = await vscode.workspace.openTextDocument(targetUri);
    const change = new vscode.WorkspaceEdit();
    change.insert(targetUri, new vscode.Position(0, 0), 'Unsaved words. ');
    assert.ok(await vscode.workspace.applyEdit(change));
    assert.equal(target.isDirty, true);

    const editor = await openUntitled(STORY, 'markdown');
    await analysisOf(api, editor.document);
    const saved = await vscode.commands.executeCommand<vscode.Uri>('sourceLens.exportReport', 'markdown', targetUri, {
      overwrite: true,
    });
    assert.equal(saved?.toString(), targetUri.toString());
    const onDisk = decode(await vscode.workspace.fs.readFile(targetUri));
    assert.equal(onDisk.split('\n')[0], REPORT_MARKER);
    assert.equal(target.getText(), onDisk, 'the open document holds the report the file holds');
    assert.equal(target.isDirty, false, 'saved: no unsaved text left to conflict with the file');
  });

  it('writes only where the save dialog says, and nothing when it is cancelled', async () => {
    const editor = await openUntitled(STORY, 'markdown');
    await analysisOf(api, editor.document);
    const chosen = vscode.Uri.joinPath(workspaceFolder().uri, 'reports', 'chosen-by-user.md');
    written.push(chosen);
    const before = await filesIn(workspaceFolder().uri);
    const asked: vscode.SaveDialogOptions[] = [];
    const answers: Array<vscode.Uri | undefined> = [undefined, chosen];
    // The dialog is VS Code's own; the user's answer is stood in for (first Cancel, then a file).
    const showSaveDialog = vscode.window.showSaveDialog;
    vscode.window.showSaveDialog = async (options) => {
      asked.push(options ?? {});
      return answers.shift();
    };
    try {
      assert.equal(await vscode.commands.executeCommand('sourceLens.exportReport', 'markdown'), undefined);
      assert.deepEqual(await filesIn(workspaceFolder().uri), before, 'cancelled: nothing written anywhere');
      const saved = await vscode.commands.executeCommand<vscode.Uri>('sourceLens.exportReport', 'markdown');
      assert.equal(saved?.toString(), chosen.toString());
    } finally {
      vscode.window.showSaveDialog = showSaveDialog;
    }
    assert.equal(asked.length, 2, 'the dialog was asked each time');
    assert.ok(asked[0].defaultUri, 'it suggests a place, and the user decides');
    const after = await filesIn(workspaceFolder().uri);
    assert.deepEqual(
      after.filter((path) => !before.includes(path)),
      [vscode.workspace.asRelativePath(chosen)],
      'the chosen file is the only new file (the suggested one was not written)',
    );
    assert.equal(decode(await vscode.workspace.fs.readFile(chosen)).split('\n')[0], REPORT_MARKER);
  });

  it('says where the report went, with an Open button that opens it', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'reports', 'story.source-lens.json');
    assert.deepEqual(reportSavedMessage(uri), {
      message: 'Source Lens: report saved to reports/story.source-lens.json.',
      open: 'Open',
    });
    written.push(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{}\n'));
    const shown = waitForEvent(
      vscode.window.onDidChangeActiveTextEditor,
      () => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? true : undefined),
      'the report in an editor',
    );
    await openReport(uri);
    await shown;
  });

  it('suggests saving beside the story, named after it (an untitled one in the workspace folder)', () => {
    const story = vscode.Uri.joinPath(workspaceFolder().uri, 'drafts', 'bridge.md');
    assert.equal(suggestedReportUri(story, 'markdown')?.path, story.path.replace(/\.md$/, '.source-lens.md'));
    assert.equal(suggestedReportUri(story, 'json')?.path, story.path.replace(/\.md$/, '.source-lens.json'));
    const untitled = vscode.Uri.from({ scheme: 'untitled', path: 'Untitled-3' });
    assert.equal(
      suggestedReportUri(untitled, 'markdown')?.toString(),
      vscode.Uri.joinPath(workspaceFolder().uri, 'Untitled-3.source-lens.md').toString(),
    );
  });
});
