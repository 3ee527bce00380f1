// "Add Evidence Link…" in a real extension host: the quick fix is offered on an unattributed claim, its
// command (given the URL, as the input box would) inserts a footnote in Markdown or a bracketed URL in plain
// text as one edit, the claim's diagnostic goes and its hover calls it linked, and one undo restores every byte.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, getApi, openUntitled, revertAndCloseActiveEditor, waitForDiagnostics } from './helpers';

const CLAIM = 'Unemployment rose to 7.5% in March 2023, the highest level since 2009';
const URL = 'https://bls.gov/cps';

/** The unattributed-claim diagnostic on the sentence starting "Unemployment", once published. */
async function claimDiagnostic(document: vscode.TextDocument): Promise<vscode.Diagnostic> {
  const isClaim = (d: vscode.Diagnostic): boolean =>
    codeOf(d) === 'unattributed-claim' && document.getText(d.range).startsWith('Unemployment');
  const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some(isClaim), { what: 'the claim' });
  return diagnostics.find(isClaim)!;
}

/** Runs the "Add Evidence Link…" quick fix's command with `url` in place of the input box's answer. */
async function addEvidenceLink(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<void> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((a) => a.title === 'Add Evidence Link…');
  assert.ok(action?.command, `"Add Evidence Link…" among: ${actions.map((a) => a.title).join(', ')}`);
  assert.equal(action.command.command, 'sourceLens.addEvidenceLink');
  const cleared = waitForDiagnostics(
    document.uri,
    (ds) => !ds.some((d) => codeOf(d) === 'unattributed-claim' && document.getText(d.range).startsWith('Unemployment')),
    { what: 'the linked claim gone' },
  );
  const applied = await vscode.commands.executeCommand<boolean>(
    action.command.command,
    ...(action.command.arguments ?? []),
    URL,
  );
  assert.equal(applied, true);
  await cleared;
}

describe('Add Evidence Link…', function () {
  before(async () => {
    await getApi();
  });

  afterEach(async () => {
    await revertAndCloseActiveEditor();
  });

  it('Markdown: adds the next free footnote before the full stop and its definition with the others; undo restores it', async () => {
    const original = `# Jobs\n\n${CLAIM}. The council met on Tuesday.\n\nAn earlier note.[^1]\n\n[^1]: https://example.org/old\n`;
    const editor = await openUntitled(original, 'markdown');
    const diagnostic = await claimDiagnostic(editor.document);
    await addEvidenceLink(editor.document, diagnostic);
    assert.equal(
      editor.document.getText(),
      `# Jobs\n\n${CLAIM}[^2]. The council met on Tuesday.\n\nAn earlier note.[^1]\n\n[^1]: https://example.org/old\n[^2]: ${URL}\n`,
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      diagnostic.range.start.translate(0, 3),
    );
    const said = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(said, /Linked claim:\*\* evidence https:\/\/bls\.gov\/cps/);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('plain text: adds the URL in brackets before the full stop; undo restores it', async () => {
    const original = `${CLAIM}. The council met on Tuesday.\n`;
    const editor = await openUntitled(original, 'plaintext');
    await addEvidenceLink(editor.document, await claimDiagnostic(editor.document));
    assert.equal(editor.document.getText(), `${CLAIM} [${URL}]. The council met on Tuesday.\n`);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });
});
