// Uncertain speakers in a real extension host, on the draft: "She said her basement…" goes to the
// public works director, but the resident was named in the sentence before. The hover says so and offers
// her as a link; running the link's command (as a click does) re-points the statement, with no picker.
// Every wait is on an event.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/core';
import type { SourceLensApi } from '../../src/extension/api';
import { analysisOf, getApi, openUntitled, revertAndCloseActiveEditor, waitForAnalysis } from './helpers';

const DRAFT = [
  '# Riverside flood wall approved',
  '',
  'Public Works Director Samuel Reyes said the city will spend $4 million on a flood wall along the river. He said construction would start in May.',
  '',
  'Maria Delgado, who lives on Elm Street, spoke against it during the public comment period.',
  '',
  'She said her basement has flooded three times since 2019.',
  '',
].join('\n');

function basement(text: string, analysis: Analysis) {
  const a = analysis.attributions.find((s) =>
    text.slice(s.content[0].start, s.content[0].end).includes('her basement'),
  );
  assert.ok(a, 'the resident’s account is a statement');
  return { attribution: a, source: a.source === null ? null : analysis.sources[a.source].name };
}

describe('uncertain speakers', function () {
  let api: SourceLensApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await revertAndCloseActiveEditor();
  });

  it('the hover names the alternative, and its link makes her the speaker in one step', async () => {
    const editor = await openUntitled(DRAFT, 'markdown');
    const document = editor.document;
    const analysis = await analysisOf(api, document);
    const before = basement(DRAFT, analysis);
    assert.equal(before.source, 'Public Works Director Samuel Reyes');
    assert.deepEqual(before.attribution.uncertainty?.reasons, ['pronoun-ambiguous']);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      document.positionAt(before.attribution.content[0].start + 2),
    );
    const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(markdown, /Unsure of the speaker/);
    const link = /\[Maria Delgado\]\(command:(sourceLens\.changeSpeaker)\?([^ )]+)/.exec(markdown);
    assert.ok(link, `a link to make Maria Delgado the speaker in: ${markdown}`);

    // What a click does: the command with the link's arguments.
    const args = JSON.parse(decodeURIComponent(link[2])) as unknown[];
    const analysed = waitForAnalysis(api, document.uri, { minVersion: document.version + 1 });
    assert.equal(await vscode.commands.executeCommand<boolean>(link[1], ...args), true, 'applied without a picker');
    const after = await analysed;
    const text = document.getText();
    assert.match(text, /source-lens-speaker/);
    const now = basement(text, after);
    assert.equal(now.source, 'Maria Delgado');
    assert.equal(now.attribution.setByEditor, 'speaker');
    assert.equal(now.attribution.uncertainty, undefined, 'an editor’s choice is not in doubt');
  });
});
