// First extension-host test: activation, the API, and the diagnostics of a real article.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  closeEditorAndWaitForCleared,
  codeOf,
  describeDiagnostics,
  DIAGNOSTIC_SOURCE,
  getApi,
  getExtension,
  openFixture,
  waitForDiagnostics,
} from './helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('activates on a Markdown document and returns the API', async () => {
    const extension = getExtension();
    const events: string[] = extension.packageJSON.activationEvents ?? [];
    assert.ok(
      events.includes('onLanguage:markdown'),
      `activationEvents should include onLanguage:markdown: ${events.join(', ')}`,
    );
    // The workbench may already have activated it (code-server creates a plain-text model at startup,
    // which fires onLanguage:plaintext); either way this test never calls activate() before the
    // diagnostics of the Markdown document arrive.
    if (extension.isActive) console.log('    (the extension was already active when the suite started)');
    const document = await openFixture('council-vote.md');
    assert.strictEqual(document.languageId, 'markdown');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0, {
      what: 'any, without an explicit activate()',
    });
    assert.ok(extension.isActive, 'the extension should be active after a Markdown document opened');
    assert.ok(diagnostics.every((d) => d.source === DIAGNOSTIC_SOURCE));
    const api = await getApi();
    assert.strictEqual(api, extension.exports, 'getApi() should return the exports of the activation');
    // Published before this test asked for the API (so before helpers.ts could record it): the diagnostics
    // above came from it, and the fixture, just opened, has had no other version.
    assert.equal(document.version, 1);
    const analysis = api.analysisFor(document.uri)!;
    assert.ok(analysis, 'the analysis the diagnostics came from');
    assert.ok(analysis.sources.length > 0, 'council-vote.md names its sources (Mayor Ana Ruiz, ...)');
  });

  it('reports duplicates and boilerplate in a plain-text article, and clears them when it closes', async function () {
    // Closing is slow to reach the extension host: allow for it.
    this.timeout(90000);
    const api = await getApi();
    const document = await openFixture('agency-article.txt');
    assert.strictEqual(document.languageId, 'plaintext');

    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => codeOf(x) === 'duplicate-passage') && d.some((x) => codeOf(x) === 'boilerplate'),
      { what: 'duplicate-passage and boilerplate' },
    );
    for (const diagnostic of diagnostics) assert.strictEqual(diagnostic.source, 'Source Lens');
    const codes = new Set(diagnostics.map(codeOf));
    assert.ok(codes.has('duplicate-passage') && codes.has('boilerplate'), `codes: ${describeDiagnostics(diagnostics)}`);

    const duplicate = diagnostics.find((d) => codeOf(d) === 'duplicate-passage' && d.relatedInformation?.length);
    assert.ok(
      duplicate,
      `a duplicate-passage diagnostic should carry related information: ${describeDiagnostics(diagnostics)}`,
    );
    const [firstCopy] = duplicate.relatedInformation!;
    assert.strictEqual(
      firstCopy.location.uri.toString(),
      document.uri.toString(),
      'the first copy is in the same file',
    );
    assert.ok(
      firstCopy.location.range.start.line < duplicate.range.start.line,
      `the first copy (line ${firstCopy.location.range.start.line + 1}) should come before the duplicate (line ${duplicate.range.start.line + 1})`,
    );
    assert.ok(api.analysisFor(document.uri), 'the API knows the analysis of the open document');

    await closeEditorAndWaitForCleared(document.uri, { timeoutMs: 80000 });
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE),
      [],
    );
  });
});
