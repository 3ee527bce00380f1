// Analyze Workspace off the extension host's thread (issue 14): the corpus is analysed in a worker that
// Cancel ends at once, so a cancelled run resolves within 100 ms and publishes nothing, and the next run
// starts a new worker and still finds duplicates across files. Symbolic links that vscode.workspace.findFiles
// returns (it follows them) are not read. Every wait is on an event or a command's result, never a sleep.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SourceLensApi } from '../../src/extension/api';
import type { WorkspaceAnalysisOutcome } from '../../src/extension/workspace-analysis';
import { newsDocument } from '../host-bench/news';
import { getApi, waitForAnalysis, workspaceFolder } from './helpers';

/** News-like Markdown of this many characters: about a second of analysis for each 2 MB on this machine. */
const slowText = (characters: number): string => newsDocument(characters, 3);

const analyzeWorkspace = (options?: object): Thenable<WorkspaceAnalysisOutcome> =>
  vscode.commands.executeCommand<WorkspaceAnalysisOutcome>('sourceLens.analyzeWorkspace', options);

describe('analyze workspace in a worker', function () {
  this.timeout(60_000);
  let api: SourceLensApi;
  /** Files and links this suite put in the workspace, removed after each test. */
  let made: string[] = [];

  before(async () => {
    api = await getApi();
  });

  afterEach(() => {
    for (const path of made) rmSync(path, { recursive: true, force: true });
    made = [];
  });

  /** Results published for files read from disk (version -1) while `run` runs. */
  async function publishedDuring<T>(run: () => Thenable<T>): Promise<{ value: T; published: string[] }> {
    const published: string[] = [];
    const subscription = api.onDidAnalyze((e) => e.version === -1 && published.push(e.uri.toString()));
    try {
      return { value: await run(), published };
    } finally {
      subscription.dispose();
    }
  }

  it('Cancel during a large analysis resolves as cancelled within 100 ms and publishes nothing; the next run still works', async () => {
    const folder = workspaceFolder().uri.fsPath;
    const slow = join(folder, 'zz-slow.md');
    writeFileSync(slow, slowText(2 * 1024 * 1024));
    made.push(slow);
    const source = new vscode.CancellationTokenSource();
    let cancelledAt = 0;
    const { value: outcome, published } = await publishedDuring(() =>
      analyzeWorkspace({
        token: source.token,
        // The worker has the corpus and is parsing it: cancel the run in flight.
        onAnalysing: () => {
          cancelledAt = performance.now();
          source.cancel();
        },
      }),
    );
    const resolvedAt = performance.now();
    assert.ok(cancelledAt > 0, 'the analysis had begun in the worker');
    assert.equal(outcome.cancelled, true);
    assert.ok(resolvedAt - cancelledAt < 100, `resolved ${Math.round(resolvedAt - cancelledAt)} ms after Cancel`);
    assert.deepEqual(published, [], 'nothing published');
    assert.equal(api.analysisFor(vscode.Uri.file(slow)), undefined);

    // Without the slow file, a new run (in a new worker) finds the passage budget-draft-b.md copies from -a.
    rmSync(slow);
    const second = vscode.Uri.file(join(folder, 'budget-draft-b.md'));
    const analysed = waitForAnalysis(api, second, { timeoutMs: 30_000 });
    const next = await analyzeWorkspace();
    assert.equal(next.cancelled, false);
    const analysis = await analysed;
    assert.ok(
      analysis.duplicates.some((d) => d.of?.path.endsWith('budget-draft-a.md')),
      'a duplicate of budget-draft-a.md',
    );
  });

  it('past sourceLens.analysisTimeoutMs × the number of files, stops the run and publishes nothing', async () => {
    const config = vscode.workspace.getConfiguration('sourceLens');
    const slow = join(workspaceFolder().uri.fsPath, 'zz-slow.md');
    // 20 MB, several seconds of analysis on any machine (the size cap raised to let it in).
    writeFileSync(slow, slowText(20 * 1024 * 1024));
    made.push(slow);
    await config.update('maxFileSizeKB', 30_000, vscode.ConfigurationTarget.Workspace);
    // The setting's least: 500 ms a file, about 3 s for the workspace; the slow file alone takes longer.
    await config.update('analysisTimeoutMs', 500, vscode.ConfigurationTarget.Workspace);
    try {
      const { value: outcome, published } = await publishedDuring(() => analyzeWorkspace());
      assert.equal(outcome.timedOut, true, JSON.stringify(outcome));
      assert.equal(outcome.cancelled, false);
      assert.deepEqual(published, [], 'nothing published');
    } finally {
      await config.update('analysisTimeoutMs', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('does not follow symbolic links that findFiles returns: a linked file, and a linked folder out of the workspace', async () => {
    const folder = workspaceFolder().uri.fsPath;
    // Outside the workspace: a copy of a workspace story, which would be a duplicate if it were read.
    const outside = mkdtempSync(join(tmpdir(), 'source-lens-outside-'));
    made.push(outside);
    const story = readFileSync(join(folder, 'budget-draft-a.md'), 'utf8');
    writeFileSync(join(outside, 'outside.md'), story);
    const linkedFile = join(folder, 'linked-file.md');
    const linkedFolder = join(folder, 'linked-folder');
    symlinkSync(join(outside, 'outside.md'), linkedFile);
    symlinkSync(outside, linkedFolder, 'dir');
    made.push(linkedFile, linkedFolder);
    const throughFolder = join(linkedFolder, 'outside.md');

    // findFiles follows links (search.followSymlinks): both come back, as if they were the workspace's own.
    const found = (await vscode.workspace.findFiles('**/*.md')).map((uri) => uri.fsPath);
    assert.ok(
      found.includes(linkedFile) && found.includes(throughFolder),
      `findFiles returns the links: ${found.join(', ')}`,
    );
    const { value: outcome, published } = await publishedDuring(() => analyzeWorkspace());
    assert.equal(outcome.cancelled, false);
    const reasons = new Map(outcome.skipped.map((line) => [line.slice(0, line.indexOf(': ')), line]));
    assert.equal(reasons.get('linked-file.md'), 'linked-file.md: symbolic link, not followed');
    assert.equal(
      reasons.get('linked-folder/outside.md'),
      'linked-folder/outside.md: leads out of the workspace through a linked folder, not followed',
    );
    for (const path of [linkedFile, throughFolder]) {
      const uri = vscode.Uri.file(path);
      assert.ok(!published.includes(uri.toString()), `${path} not analysed`);
      assert.equal(api.analysisFor(uri), undefined);
    }
    assert.ok(published.length > 0, "the workspace's own files were analysed");
  });

  it('skips a file over sourceLens.maxFileSizeKB by its size on disk, before reading it', async () => {
    // A sparse 8 GB file: reading it would take minutes and more memory than the host has, so a run that
    // comes back with it skipped as too large did not read it.
    const huge = join(workspaceFolder().uri.fsPath, 'huge-sparse.md');
    writeFileSync(huge, '');
    made.push(huge);
    truncateSync(huge, 8 * 1024 ** 3);
    const { value: outcome, published } = await publishedDuring(() => analyzeWorkspace());
    assert.equal(outcome.cancelled, false);
    assert.ok(
      outcome.skipped.some((line) => /^huge-sparse\.md: over \d+ KB$/.test(line)),
      `skipped: ${outcome.skipped.join('; ')}`,
    );
    assert.ok(!published.includes(vscode.Uri.file(huge).toString()));
  });
});
