// The sources registry in a real extension host: a `.sourcelens.json` above a document gives its sources a
// standing (hover, low-standing-source), its severities win over the setting, editing it re-analyses the
// open document, VS Code checks it against the shipped schema, and "Add Source to Registry" writes an entry
// as one undoable edit. Every wait is on an event.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  fixtureUri,
  getApi,
  openFixture,
  waitForDiagnostics,
  waitForEvent,
  workspaceFolder,
} from './helpers';
import type { SourcesNode } from '../../src/extension/sources-view';

const STORY =
  'Mayor Ali Hassan said on Monday that crime had fallen by 40 percent. Experts say the figure is wrong. ' +
  'Council member Ruth Obi said the police data was sound.\n';
const REGISTRY = {
  sources: [{ name: 'Ali Hassan', standing: 'discredited', note: 'Invented crime figures in 2024.' }],
};
const encode = (text: string) => new TextEncoder().encode(text);
const hasCode = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);

async function replaceAll(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
  // Saved, so that closing the editors later asks nothing.
  assert.equal(await document.save(), true);
}

describe('sources registry', function () {
  this.timeout(60_000);
  const story = () => fixtureUri('registry-desk/drafts/story.txt');
  const registryUri = () => fixtureUri('registry-desk/.sourcelens.json');

  before(async () => {
    await getApi();
    await vscode.workspace.fs.writeFile(story(), encode(STORY));
    await vscode.workspace.fs.writeFile(registryUri(), encode(JSON.stringify(REGISTRY, null, 2) + '\n'));
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(fixtureUri('registry-desk'), { recursive: true });
  });

  it('a registry in a folder above gives the source its standing: low-standing-source and the hover', async () => {
    const document = await openFixture('registry-desk/drafts/story.txt');
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('low-standing-source'));
    const flag = diagnostics.find((d) => codeOf(d) === 'low-standing-source')!;
    assert.equal(document.getText(flag.range), 'Mayor Ali Hassan');
    assert.equal(flag.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(flag.message, /discredited in the sources registry.*Invented crime figures/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      flag.range.start.translate(0, 8),
    );
    const said = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n')
      .replace(/&nbsp;/g, ' ');
    assert.match(said, /Standing:\*\* discredited/);
    assert.match(said, /Invented crime figures in 2024/);
  });

  it('the Sources view shows the standing as icon and word, the registry balance, and offers to add the rest', async () => {
    const document = await openFixture('registry-desk/drafts/story.txt');
    await waitForDiagnostics(document.uri, hasCode('low-standing-source'));
    const api = await getApi();
    const view = api.sources;
    const item = (node: SourcesNode) => view.getTreeItem(node) as vscode.TreeItem;
    const roots = (await view.getChildren()) as SourcesNode[];
    const hassan = roots.find((n) => n.kind === 'source' && String(item(n).label).includes('Ali Hassan'))!;
    assert.ok(hassan, roots.map((n) => String(item(n).label)).join(' | '));
    assert.match(String(item(hassan).description), /^discredited · 1 statement · /);
    assert.equal((item(hassan).iconPath as vscode.ThemeIcon).id, 'error');
    assert.match(String(item(hassan).tooltip), /Standing: discredited .*\nInvented crime figures in 2024\./);
    assert.equal(item(hassan).contextValue, 'source');
    assert.match(view.message ?? '', /1 of 2 named in the sources registry, 1 unverified or discredited\./);
    const experts = roots.find((n) => n.kind === 'source' && /experts/i.test(String(item(n).label)))!;
    assert.equal(item(experts).contextValue, 'source', 'a vague group is not offered for the registry');
    const obi = roots.find((n) => n.kind === 'source' && /Ruth Obi/.test(String(item(n).label)))!;
    assert.ok(obi, roots.map((n) => String(item(n).label)).join(' | '));
    assert.equal(item(obi).contextValue, 'source.unregistered');
    assert.match(String(item(obi).description), /^not in registry · /);
    // The item's action passes its node; the view turns it into the document and the source's name.
    assert.deepEqual(view.addSourceArgs(obi), { uri: document.uri.toString(), source: String(item(obi).label) });
  });

  it('editing the registry re-analyses the open document; its severities win over the setting', async () => {
    const draft = await openFixture('registry-desk/drafts/story.txt');
    await waitForDiagnostics(draft.uri, hasCode('vague-source'));
    const registry = await vscode.workspace.openTextDocument(registryUri());
    const changed = { ...REGISTRY, sources: [{ ...REGISTRY.sources[0], standing: 'official' }] };
    const after = waitForDiagnostics(
      draft.uri,
      (ds) => !hasCode('low-standing-source')(ds) && !hasCode('vague-source')(ds),
      { what: 'no low-standing-source and no vague-source' },
    );
    await replaceAll(registry, JSON.stringify({ ...changed, severity: { 'vague-source': 'off' } }, null, 2));
    await after;
    const restored = waitForDiagnostics(draft.uri, hasCode('low-standing-source'));
    await replaceAll(registry, JSON.stringify(REGISTRY, null, 2));
    await restored;
  });

  it('VS Code checks the registry against the shipped schema as it is typed', async () => {
    const registry = await vscode.workspace.openTextDocument(registryUri());
    assert.equal(registry.languageId, 'jsonc');
    await vscode.window.showTextDocument(registry);
    const flagged = waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const problems = vscode.languages.getDiagnostics(registry.uri);
        return problems.find((d) => registry.getText(d.range) === '"trusted"');
      },
      'a schema error on the bad standing',
      {
        timeoutMs: 30_000,
        seen: () => JSON.stringify(vscode.languages.getDiagnostics(registry.uri).map((d) => d.message)),
      },
    );
    const bad = { sources: [{ name: 'Ali Hassan', standing: 'trusted' }] };
    await replaceAll(registry, JSON.stringify(bad, null, 2));
    const problem = await flagged;
    assert.match(problem.message, /official/);
    await replaceAll(registry, JSON.stringify(REGISTRY, null, 2));
  });

  it('"Add Source to Registry" appends an entry as one edit that one undo takes back; a quick fix offers it', async () => {
    await vscode.workspace.fs.writeFile(
      fixtureUri('registry-desk/drafts/second.txt'),
      encode('Police chief Dana Roy told reporters that the figures were accurate.\n'),
    );
    const draft = await openFixture('registry-desk/drafts/second.txt');
    const api = await getApi();
    await waitForEvent(api.onDidAnalyze, () => api.analysisFor(draft.uri), 'an analysis of second.txt');
    const mention = draft.getText().indexOf('Dana Roy');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      draft.uri,
      new vscode.Range(draft.positionAt(mention + 2), draft.positionAt(mention + 2)),
      vscode.CodeActionKind.QuickFix.value,
    );
    const offer = actions.find((a) => /^Add “.*Dana Roy” to the Sources Registry…$/.test(a.title));
    assert.ok(offer?.command, `offered: ${actions.map((a) => a.title).join(' | ')}`);

    const registry = await vscode.workspace.openTextDocument(registryUri());
    await vscode.window.showTextDocument(registry);
    const before = registry.getText();
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('sourceLens.addSourceToRegistry', {
      ...offer.command.arguments![0],
      standing: 'unverified',
    });
    assert.equal(written?.toString(), registryUri().toString());
    const entries = JSON.parse(registry.getText()).sources as { name: string; standing: string }[];
    assert.deepEqual(
      entries.map((e) => [e.name.replace(/^Police chief /, ''), e.standing]),
      [
        ['Ali Hassan', 'discredited'],
        ['Dana Roy', 'unverified'],
      ],
    );
    assert.equal(registry.getText().startsWith(before.slice(0, before.indexOf('}') + 1)), true, 'only appended');
    await vscode.commands.executeCommand('undo');
    assert.equal(registry.getText(), before);
  });

  it('"Add Source to Registry" creates the registry at the workspace root when none applies', async () => {
    await vscode.workspace.fs.writeFile(
      fixtureUri('registry-free.txt'),
      encode('Police chief Dana Roy told reporters that the figures were accurate.\n'),
    );
    const created = vscode.Uri.joinPath(workspaceFolder().uri, '.sourcelens.json');
    try {
      const draft = await openFixture('registry-free.txt');
      const api = await getApi();
      const analysis = await waitForEvent(api.onDidAnalyze, () => api.analysisFor(draft.uri), 'an analysis');
      const source = analysis.sources.find((s) => s.name.includes('Dana Roy'))!;
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('sourceLens.addSourceToRegistry', {
        uri: draft.uri.toString(),
        source: source.name,
        standing: 'official',
      });
      assert.equal(written?.toString(), created.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      assert.deepEqual(JSON.parse(text).sources[0].standing, 'official');
    } finally {
      await vscode.workspace.fs.delete(created).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(fixtureUri('registry-free.txt'));
    }
  });
});
