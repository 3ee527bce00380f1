// Issue 14, item 3, in a real extension host: on generated documents (the property tests' own generator,
// a fixed seed), every removal and "mark as checked" quick fix offered is applied through VS Code and then
// undone, and undo gives back the document byte for byte. The unit properties check what each edit does;
// this checks that VS Code applies it as one undoable edit. Every wait is on an event.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as vscode from 'vscode';
import type { SourceLensApi } from '../../src/extension/api';
import { documentArbitrary } from '../support/document-arbitraries';
import {
  codeOf,
  getApi,
  openUntitled,
  revertAndCloseActiveEditor,
  waitForAnalysis,
  waitForDiagnostics,
} from './helpers';

const SEED = 20261204;
const DOCUMENTS = 8;
/** The quick fixes that edit the text itself, by the diagnostic they are on. */
const FIXES: Record<string, RegExp> = {
  'duplicate-passage': /^Remove this duplicated passage/,
  boilerplate: /^Remove this boilerplate block/,
  'unattributed-claim': /^Mark this claim as checked/,
};
/** At most this many fixes tried per document, so the suite stays quick. */
const FIXES_PER_DOCUMENT = 3;

describe('edit properties in the editor', function () {
  this.timeout(120_000);
  let api: SourceLensApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await revertAndCloseActiveEditor();
  });

  // An untitled document takes the editor's line ending, so CRLF is left to the unit properties.
  const documents = fc
    .sample(documentArbitrary(), { seed: SEED, numRuns: DOCUMENTS })
    .map((d) => ({ ...d, text: d.text.replace(/\r\n?/g, '\n') }));

  it(`every removal and mark-as-checked fix on ${DOCUMENTS} generated documents is undone byte for byte`, async () => {
    let tried = 0;
    const seen: string[] = [];
    for (const [i, generated] of documents.entries()) {
      const editor = await openUntitled(generated.text, generated.format === 'markdown' ? 'markdown' : 'plaintext');
      const original = editor.document.getText();
      const rules = api.analysisFor(editor.document.uri)?.messages.map((m) => m.ruleId) ?? [];
      seen.push(rules.join(','));
      if (!rules.some((rule) => FIXES[rule] !== undefined)) {
        await revertAndCloseActiveEditor();
        continue;
      }
      // The diagnostics follow the published analysis.
      const diagnostics = await waitForDiagnostics(editor.document.uri, (ds) =>
        ds.some((d) => FIXES[codeOf(d) ?? ''] !== undefined),
      );
      const candidates = diagnostics.filter((d) => FIXES[codeOf(d) ?? ''] !== undefined);
      for (const diagnostic of candidates.slice(0, FIXES_PER_DOCUMENT)) {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          editor.document.uri,
          diagnostic.range,
          vscode.CodeActionKind.QuickFix.value,
        );
        const action = actions.find((a) => FIXES[codeOf(diagnostic)!].test(a.title) && a.edit);
        if (!action) continue;
        const applied = waitForAnalysis(api, editor.document.uri, { minVersion: editor.document.version + 1 });
        assert.ok(await vscode.workspace.applyEdit(action.edit!), `document ${i}: ${action.title} applied`);
        await applied;
        assert.notEqual(editor.document.getText(), original, `document ${i}: ${action.title} changed the text`);
        const undone = waitForAnalysis(api, editor.document.uri, { minVersion: editor.document.version + 1 });
        await vscode.commands.executeCommand('undo');
        assert.equal(editor.document.getText(), original, `document ${i}: undo after ${action.title}`);
        await undone; // the next fix is asked of the analysis of the restored text
        tried++;
      }
      await revertAndCloseActiveEditor();
    }
    assert.ok(tried >= DOCUMENTS, `fixes tried: ${tried}; codes seen: ${seen.join(' | ')}`);
  });
});
