// Source Lens in a real extension host: quick fixes and undo, edits, the Sources view, highlights,
// hovers, commands and the language status. Every wait is on an event, never a fixed sleep.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import * as vscode from 'vscode';
import type { SourceLensApi } from '../../src/extension/api';
import type { SourcesNode } from '../../src/extension/sources-view';
import {
  analysisOf,
  codeOf,
  getApi,
  openUntitled,
  revertAndCloseActiveEditor,
  waitForAnalysis,
  waitForDiagnostics,
} from './helpers';

const SCRAPED = [
  'LAGOS - The port authority announced on Monday that it had seized 40 containers of counterfeit medicine.',
  'In a statement, the Nigerian Ports Authority (NPA) said that the containers “had been falsely declared as spare parts” by three importers.',
  'The authority added that the importers would be charged in court next month.',
  'Counterfeit drugs kill more than 100,000 people in Africa every year, the largest toll of any region.',
  'In a statement, the Nigerian Ports Authority (NPA) said that the containers “had been falsely declared as spare parts” by three importers.',
  'The authority added that the importers would be charged in court next month.',
  'Comments',
  'We welcome comments which are relevant to the article. Comments that do not meet our community guidelines will be rejected.',
  'Post a comment',
  '',
].join('\n');

async function diagnosticsWith(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === code));
}

async function quickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action?.edit, `a quick fix matching ${title} among: ${actions.map((a) => a.title).join(', ')}`);
  return action;
}

/** Applies an edit and waits for the document's analysis of the new version. */
async function applyAndWait(api: SourceLensApi, editor: vscode.TextEditor, edit: vscode.WorkspaceEdit): Promise<void> {
  const analysed = waitForAnalysis(api, editor.document.uri, { minVersion: editor.document.version + 1 });
  assert.ok(await vscode.workspace.applyEdit(edit));
  await analysed;
}

describe('Source Lens features', function () {
  let api: SourceLensApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await revertAndCloseActiveEditor();
  });

  it('gives each diagnostic a stable code linking to the README, with the configured severities', async () => {
    const editor = await openUntitled(SCRAPED);
    const diagnostics = await diagnosticsWith(editor.document.uri, 'boilerplate');
    const duplicate = diagnostics.find((d) => codeOf(d) === 'duplicate-passage')!;
    assert.equal(duplicate.source, 'Source Lens');
    assert.equal(duplicate.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(duplicate.tags, [vscode.DiagnosticTag.Unnecessary]);
    assert.match(String((duplicate.code as { target: vscode.Uri }).target), /README\.md#duplicate-passage$/);
    assert.equal(duplicate.relatedInformation?.[0].location.range.start.line, 1, 'points at the first copy');
    // Information by default, shown as a hint under its amber highlight (legend.test.ts has the setting).
    const claim = diagnostics.find((d) => codeOf(d) === 'unattributed-claim');
    assert.equal(claim?.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(
      diagnostics.find((d) => codeOf(d) === 'boilerplate')?.severity,
      vscode.DiagnosticSeverity.Information,
      'boilerplate is listed in the Problems panel by default',
    );
  });

  it('"Remove this duplicated passage" removes exactly that line, and undo restores every byte', async () => {
    const editor = await openUntitled(SCRAPED);
    const [duplicate] = (await diagnosticsWith(editor.document.uri, 'duplicate-passage')).filter(
      (d) => codeOf(d) === 'duplicate-passage',
    );
    const action = await quickFix(editor.document.uri, duplicate, /^Remove this duplicated passage/);
    await applyAndWait(api, editor, action.edit!);
    const lines = SCRAPED.split('\n');
    lines.splice(duplicate.range.start.line, 1);
    assert.equal(editor.document.getText(), lines.join('\n'));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SCRAPED);
  });

  it('"Remove all duplicated passages" is one undoable edit', async () => {
    const editor = await openUntitled(SCRAPED);
    const [duplicate] = (await diagnosticsWith(editor.document.uri, 'duplicate-passage')).filter(
      (d) => codeOf(d) === 'duplicate-passage',
    );
    const action = await quickFix(editor.document.uri, duplicate, /^Remove all 2 duplicated passages/);
    await applyAndWait(api, editor, action.edit!);
    assert.equal(
      editor.document.getText(),
      SCRAPED.split('\n')
        .filter((_, i) => i !== 4 && i !== 5)
        .join('\n'),
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SCRAPED);
  });

  it('"Remove this boilerplate block" removes the comment block and nothing else', async () => {
    const editor = await openUntitled(SCRAPED);
    const boilerplate = (await diagnosticsWith(editor.document.uri, 'boilerplate')).find(
      (d) => codeOf(d) === 'boilerplate',
    )!;
    const action = await quickFix(editor.document.uri, boilerplate, /^Remove this boilerplate block/);
    await applyAndWait(api, editor, action.edit!);
    assert.equal(editor.document.getText(), SCRAPED.split('\n').slice(0, 6).join('\n') + '\n');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SCRAPED);
  });

  it('"Mark this claim as checked" inserts one control line and the claim goes away; undo restores it', async () => {
    const editor = await openUntitled(SCRAPED);
    const claim = (await diagnosticsWith(editor.document.uri, 'unattributed-claim')).find(
      (d) => codeOf(d) === 'unattributed-claim',
    )!;
    const action = await quickFix(editor.document.uri, claim, /^Mark this claim as checked/);
    const cleared = waitForDiagnostics(
      editor.document.uri,
      (ds) => !ds.some((d) => codeOf(d) === 'unattributed-claim' && d.message === claim.message),
    );
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    await cleared;
    const lines = editor.document.getText().split('\n');
    assert.equal(lines.length, SCRAPED.split('\n').length + 1);
    assert.match(lines[claim.range.start.line], /^source-lens: disable-next-line unattributed-claim$/);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SCRAPED);
  });

  it('no "Mark this claim as checked" where a comment would close an unclosed `<!--` two lines above', async () => {
    const text =
      '- - - According to the minister, unemployment rose.\n      protested <!-- unclosed\n' +
      '      Sign up for our newsletter\n      Your email address will not be published. Required fields are marked *\n';
    const editor = await openUntitled(text, 'markdown');
    const claim = (await diagnosticsWith(editor.document.uri, 'unattributed-claim')).find(
      (d) => codeOf(d) === 'unattributed-claim' && d.range.start.line === 3,
    )!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      claim.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Add Evidence Link…'), `the claim's other fix is offered: ${titles.join(', ')}`);
    assert.ok(!titles.some((t) => /^Mark this claim as checked/.test(t)), `no mark as checked: ${titles.join(', ')}`);
  });

  it('a misspelt rule in a control comment gets a warning, and "Replace with" puts the rule meant in; undo restores it', async () => {
    const text = `source-lens: disable-next-line unatributed-claim\n${SCRAPED.split('\n')[3]}\n`;
    const editor = await openUntitled(text);
    const diagnostics = await diagnosticsWith(editor.document.uri, 'unknown-rule');
    const unknown = diagnostics.find((d) => codeOf(d) === 'unknown-rule')!;
    assert.equal(editor.document.getText(unknown.range), 'unatributed-claim');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(
      diagnostics.some((d) => codeOf(d) === 'unattributed-claim'),
      'the misspelt comment silences nothing',
    );
    const action = await quickFix(editor.document.uri, unknown, /^Replace with “unattributed-claim”/);
    const silenced = waitForDiagnostics(editor.document.uri, (ds) => ds.length === 0);
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    await silenced;
    assert.equal(editor.document.getText(), text.replace('unatributed-claim', 'unattributed-claim'));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), text);
  });

  it('a loaded attribution verb gets "Replace with “said”", which changes only the verb; undo restores it', async () => {
    const text = 'The company has claimed that its product is safe.\n';
    const editor = await openUntitled(text);
    const loaded = (await diagnosticsWith(editor.document.uri, 'loaded-attribution-verb')).find(
      (d) => codeOf(d) === 'loaded-attribution-verb',
    )!;
    assert.equal(editor.document.getText(loaded.range), 'claimed');
    assert.equal(loaded.severity, vscode.DiagnosticSeverity.Information);
    const action = await quickFix(editor.document.uri, loaded, /^Replace with “said”$/);
    await applyAndWait(api, editor, action.edit!);
    assert.equal(editor.document.getText(), 'The company has said that its product is safe.\n');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), text);
  });

  it('a small document is analysed in the worker, never on the host thread', async () => {
    const before = api.workerAnalyses();
    const editor = await openUntitled(SCRAPED.split('\n').slice(0, 3).join('\n'));
    assert.ok(api.workerAnalyses() > before, 'the worker thread did the analysis');
    const received = api.analysisFor(editor.document.uri)!;
    assert.deepEqual([received.sentences, received.quotes], [[], []], 'the worker keeps what the editor does not read');
    assert.ok(received.blocks.length > 0, 'the blocks come back: corrections are written before them');
  });

  it('a large document is analysed in the worker and gets its diagnostics', async () => {
    // 100 copies of the article: the worker sends it back in many parts.
    const big = Array.from({ length: 100 }, (_, i) => SCRAPED.replace('40 containers', `${i + 1} containers`)).join(
      '\n',
    );
    const before = api.workerAnalyses();
    const editor = await openUntitled(big, 'plaintext', { timeoutMs: 40000 });
    const diagnostics = await diagnosticsWith(editor.document.uri, 'duplicate-passage');
    assert.ok(api.workerAnalyses() > before, 'the worker thread did the analysis');
    assert.ok(diagnostics.filter((d) => codeOf(d) === 'duplicate-passage').length > 100);
    assert.equal(api.analysisFor(editor.document.uri)?.length, big.length);
    // The worker sends its analysis in parts; put together they are the analysis itself, less the
    // intermediate stages the editor does not use (the sentences, also each statement's).
    const inline = analyze(big, { format: 'plaintext' });
    const received = api.analysisFor(editor.document.uri)!;
    assert.deepEqual(received.blocks, inline.blocks);
    assert.deepEqual(
      received.attributions,
      inline.attributions.map((statement) => ({ ...statement, sentences: [] })),
    );
    assert.deepEqual(received.sources, inline.sources);
    assert.deepEqual(received.claims, inline.claims);
    assert.deepEqual([received.sentences, received.quotes], [[], []]);
  });

  it('an edit updates the diagnostics', async () => {
    const editor = await openUntitled(SCRAPED.split('\n').slice(0, 4).join('\n'));
    await waitForDiagnostics(
      editor.document.uri,
      (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'duplicate-passage'),
    );
    const end = editor.document.positionAt(editor.document.getText().length);
    const copy = `\n${SCRAPED.split('\n')[1]}`;
    const duplicated = diagnosticsWith(editor.document.uri, 'duplicate-passage');
    await editor.edit((b) => b.insert(end, copy));
    const diagnostics = await duplicated;
    assert.equal(diagnostics.filter((d) => codeOf(d) === 'duplicate-passage')[0].range.start.line, 4);
  });

  it('the Sources view lists the agency with its statements, and revealing one selects it', async () => {
    const editor = await openUntitled(SCRAPED);
    await analysisOf(api, editor.document);
    const roots = (await api.sources.getChildren()) as SourcesNode[];
    const labelOf = async (node: SourcesNode): Promise<string> => String((await api.sources.getTreeItem(node)).label);
    const labels = await Promise.all(roots.map(labelOf));
    assert.match(labels[0], /attributed/);
    const agency = roots[labels.findIndex((l) => l === 'Nigerian Ports Authority')];
    assert.ok(agency, `the agency among ${labels.join(' | ')}`);
    assert.ok(
      labels.includes('Unattributed claims') &&
        labels.includes('Duplicated passages') &&
        labels.includes('Boilerplate'),
    );
    const statements = (await api.sources.getChildren(agency)) as SourcesNode[];
    assert.ok(statements.length >= 3);
    const item = await api.sources.getTreeItem(statements[1]);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const [, span] = item.command.arguments as [vscode.Uri, { start: number; end: number }];
    const selection = vscode.window.activeTextEditor!.selection;
    assert.equal(editor.document.offsetAt(selection.start), span.start);
    assert.equal(editor.document.offsetAt(selection.end), span.end);
  });

  it('highlights attributed content, speakers and claims; hovers name the source', async () => {
    const editor = await openUntitled(SCRAPED);
    const result = await analysisOf(api, editor.document);
    assert.ok(result);
    const analysis = api.analysisFor(editor.document.uri)!;
    assert.ok(api.highlights.isEnabled);
    const quoteAt = SCRAPED.indexOf('had been falsely declared');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      editor.document.positionAt(quoteAt),
    );
    // appendText escapes spaces as &nbsp; in the Markdown source; the rendered hover shows spaces.
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)))
      .join('\n')
      .replace(/&nbsp;/g, ' ');
    assert.match(text, /Nigerian Ports Authority/);
    assert.match(text, /organization/);
    assert.ok(analysis.claims.length > 0);
    assert.match(api.languageStatusText(), /^Source Lens: \d+ attributed · \d+ unattributed · 1 boilerplate$/);
  });

  it('Export Report writes Markdown and the CLI’s JSON contract', async () => {
    const editor = await openUntitled(SCRAPED);
    await analysisOf(api, editor.document);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const jsonUri = vscode.Uri.joinPath(folder, 'export-test.json');
    const markdownUri = vscode.Uri.joinPath(folder, 'export-test.md');
    await vscode.commands.executeCommand('sourceLens.exportReport', 'json', jsonUri);
    await vscode.commands.executeCommand('sourceLens.exportReport', 'markdown', markdownUri);
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(jsonUri)));
    assert.equal(json.schema, 'source-lens/analysis@1');
    assert.ok(json.files[0].attributions.length > 0);
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(markdownUri));
    assert.match(
      markdown,
      /^<!-- source-lens-disable-file -- a Source Lens report, not a story -->\n\n# Source Lens report/,
    );
    await vscode.workspace.fs.delete(jsonUri);
    await vscode.workspace.fs.delete(markdownUri);
  });

  it('Analyze Workspace reports files that are not open, with a duplicate across two files', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const second = vscode.Uri.joinPath(folder, 'budget-draft-b.md');
    const found = waitForDiagnostics(second, (ds) => ds.some((d) => codeOf(d) === 'duplicate-passage'));
    await vscode.commands.executeCommand('sourceLens.analyzeWorkspace');
    const duplicate = (await found).find((d) => codeOf(d) === 'duplicate-passage')!;
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === second.toString()),
      'the file was never opened',
    );
    assert.match(duplicate.relatedInformation![0].location.uri.path, /budget-draft-a\.md$/);
  });

  describe('settings', () => {
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sourceLens');

    afterEach(async () => {
      await config().update('severity', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('a severity set to "off" removes that code from the Problems panel; another changes level', async () => {
      const editor = await openUntitled(SCRAPED);
      await diagnosticsWith(editor.document.uri, 'unattributed-claim');
      const changed = waitForDiagnostics(
        editor.document.uri,
        (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'unattributed-claim'),
      );
      await config().update(
        'severity',
        { 'unattributed-claim': 'off', 'duplicate-passage': 'error' },
        vscode.ConfigurationTarget.Workspace,
      );
      const diagnostics = await changed;
      assert.ok(
        diagnostics
          .filter((d) => codeOf(d) === 'duplicate-passage')
          .every((d) => d.severity === vscode.DiagnosticSeverity.Error),
      );
    });

    it('a document over the size cap gets one input-too-large diagnostic and nothing else', async () => {
      await config().update('maxFileSizeKB', 1, vscode.ConfigurationTarget.Workspace);
      const editor = await openUntitled(SCRAPED.repeat(3));
      const diagnostics = await diagnosticsWith(editor.document.uri, 'input-too-large');
      assert.deepEqual(diagnostics.map(codeOf), ['input-too-large']);
      assert.match(diagnostics[0].message, /over the cap/);
    });

    it('the Sources view lists statements in document order when asked', async () => {
      const editor = await openUntitled(SCRAPED);
      await analysisOf(api, editor.document);
      await vscode.commands.executeCommand('sourceLens.groupByDocumentOrder');
      try {
        const roots = (await api.sources.getChildren()) as SourcesNode[];
        const statements = roots.filter(
          (n): n is Extract<SourcesNode, { kind: 'statement' }> => n.kind === 'statement',
        );
        assert.equal(statements.length, api.analysisFor(editor.document.uri)!.attributions.length);
        assert.deepEqual(
          statements.map((n) => n.attribution),
          statements.map((_, i) => i),
        );
        assert.match(
          String((await api.sources.getTreeItem(statements[0])).description),
          /^Nigerian Ports Authority · /,
        );
      } finally {
        await vscode.commands.executeCommand('sourceLens.groupBySource');
        await config().update('sources.grouping', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    it('Toggle Highlights turns the highlights off and on', async () => {
      const before = api.highlights.isEnabled;
      await vscode.commands.executeCommand('sourceLens.toggleHighlights');
      assert.equal(api.highlights.isEnabled, !before);
      await vscode.commands.executeCommand('sourceLens.toggleHighlights');
      assert.equal(api.highlights.isEnabled, before);
      await config().update('highlights.enabled', undefined, vscode.ConfigurationTarget.Global);
    });
  });
});
