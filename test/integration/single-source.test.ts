// single-source and the Sources view's balance in a real extension host: the diagnostic points at each of
// the source's statements (related information), its thresholds are settings, and a statement inside a
// repeated passage is listed as a repeat but counted once in the view. Every wait is on an event.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceLensApi } from '../../src/extension/api';
import type { SourcesNode } from '../../src/extension/sources-view';
import { codeOf, analysisOf, getApi, openUntitled, revertAndCloseActiveEditor, waitForDiagnostics } from './helpers';

const ONE_VOICE = [
  '“We will rebuild the bridge by spring,” said Mayor Ana Ruiz.',
  'Ruiz said the repairs would cost 40 million dollars.',
  '“Nobody will pay more in tax,” she added.',
  'Council member Tom Berg said the timetable was too tight.',
  '',
].join('\n');

const REPEATED = [
  'LAGOS - The port authority announced on Monday that it had seized 40 containers of counterfeit medicine.',
  'In a statement, the Nigerian Ports Authority (NPA) said that the containers “had been falsely declared as spare parts” by three importers.',
  'The authority added that the importers would be charged in court next month.',
  'Experts say the seizures will not stop the trade.',
  'In a statement, the Nigerian Ports Authority (NPA) said that the containers “had been falsely declared as spare parts” by three importers.',
  'The authority added that the importers would be charged in court next month.',
  '',
].join('\n');

describe('single-source and the Sources view balance', function () {
  let api: SourceLensApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sourceLens');

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await config().update('singleSource.minStatements', undefined, vscode.ConfigurationTarget.Global);
    await revertAndCloseActiveEditor();
  });

  it('one diagnostic on the source’s first mention, with related information at each of its statements', async () => {
    const editor = await openUntitled(ONE_VOICE);
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'single-source'));
    const found = diagnostics.filter((d) => codeOf(d) === 'single-source');
    assert.equal(found.length, 1);
    const [diagnostic] = found;
    assert.equal(editor.document.getText(diagnostic.range), 'Mayor Ana Ruiz');
    assert.match(diagnostic.message, /Ana Ruiz has 3 of the 4 attributed statements \(75%\)/);
    const related = diagnostic.relatedInformation ?? [];
    assert.deepEqual(
      related.map((r) => [r.location.uri.toString(), r.location.range.start.line, r.message]),
      [
        [uri.toString(), 0, 'Statement 1 of 3 from Ana Ruiz.'],
        [uri.toString(), 1, 'Statement 2 of 3 from Ana Ruiz.'],
        [uri.toString(), 2, 'Statement 3 of 3 from Ana Ruiz.'],
      ],
    );
    // The view warns, and the language status turns to a warning.
    const roots = (await api.sources.getChildren()) as SourcesNode[];
    assert.ok(roots.some((n) => n.kind === 'singleSource'));
    assert.match(api.sources.message ?? '', /One source carries the article: Ana Ruiz/);
  });

  it('sourceLens.singleSource.minStatements raises the bar: the diagnostic goes', async () => {
    // A claim too, so the document keeps a diagnostic: the wait cannot pass on diagnostics merely cleared.
    const editor = await openUntitled(
      `${ONE_VOICE}Traffic on the bridge has doubled since 2010, the most in the county.\n`,
    );
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'single-source'));
    const gone = waitForDiagnostics(
      uri,
      (ds) => ds.some((d) => codeOf(d) === 'unattributed-claim') && !ds.some((d) => codeOf(d) === 'single-source'),
    );
    await config().update('singleSource.minStatements', 4, vscode.ConfigurationTarget.Global);
    await gone;
  });

  it('the view counts a statement in a repeated passage once, lists it as a repeat, and sums up the balance', async () => {
    const editor = await openUntitled(REPEATED);
    await analysisOf(api, editor.document);
    const analysis = api.analysisFor(editor.document.uri)!;
    const roots = (await api.sources.getChildren()) as SourcesNode[];
    const item = (node: SourcesNode) => api.sources.getTreeItem(node) as vscode.TreeItem;
    const labels = roots.map((n) => String(item(n).label));

    // The summary: a short label, the balance beside it, the whole text above the tree (it wraps).
    assert.equal(roots[0].kind, 'summary');
    assert.match(labels[0], /^\d+% attributed$/);
    assert.match(String(item(roots[0]).description), /^\d+ named · \d+ anonymous · 1 vague$/);
    const message = api.sources.message ?? '';
    assert.match(message, /\d+ sources?: \d+ named, \d+ anonymous, 1 vague\./);
    assert.match(message, /2 statements in repeated passages counted once\./);
    const balance = (await api.sources.getChildren(roots[0])) as SourcesNode[];
    assert.deepEqual(
      balance.map((n) => String(item(n).label)),
      ['Named', 'Anonymous', 'Vague', 'Named, in the registry', 'Named, not in the registry'],
    );
    assert.match(String(item(balance[2]).description), /^1 source · 1 statement \(\d+%\)$/);

    // The agency: its counted statements, with share and quotes, then its repeats, marked and not counted.
    const agencyIndex = analysis.sources.findIndex((s) => s.name === 'Nigerian Ports Authority');
    const agency = roots.find((n) => n.kind === 'source' && n.source === agencyIndex)!;
    const all = analysis.sources[agencyIndex].attributions.length;
    const children = (await api.sources.getChildren(agency)) as SourcesNode[];
    const repeats = children[children.length - 1];
    assert.equal(repeats.kind, 'repeats');
    const repeated = (await api.sources.getChildren(repeats)) as SourcesNode[];
    assert.equal(repeated.length, 2);
    const counted = all - repeated.length;
    assert.equal(children.length, counted + 1);
    assert.match(
      String(item(agency).description),
      new RegExp(`^not in registry · ${counted} statements · \\d+% · \\d+ quotes? · `),
    );
    assert.match(String(item(repeated[0]).description), /^repeat of line 2, not counted · /);
  });
});
