// Long drafts in a real extension host: the Problems panel is capped by sourceLens.maxProblems (with one
// notice counting what was left out), and a document with thousands of highlights is decorated only
// around what the editor shows, following it as it scrolls. Every wait is on an event, never a sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceLensApi } from '../../src/extension/api';
import type { AnalysisResult } from '../../src/extension/document-analyzer';
import { MARGIN_LINES, WINDOW_ABOVE } from '../../src/extension/highlights';
import {
  analysisOf,
  codeOf,
  getApi,
  revertAndCloseActiveEditor,
  waitForDiagnostics,
  waitForEvent,
  openUntitled,
} from './helpers';

const MAX_PROBLEMS_CODE = 'max-problems';

/** Five unattributed claims (information), then a statement and its copy: two duplicate-passage warnings. */
const MANY_FINDINGS = [
  'Counterfeit drugs kill more than 100,000 people in Africa every year, the largest toll of any region.',
  'Unemployment in the region rose to 14.2 percent last year, the highest level since 1998.',
  'The new bridge cost $450 million, twice the original estimate.',
  'Crime in the city fell by 12 percent between 2019 and 2023.',
  'More than 3 million tourists visited the island last year, a record.',
  'In a statement, the Nigerian Ports Authority (NPA) said that the containers “had been falsely declared as spare parts” by three importers.',
  'The authority added that the importers would be charged in court next month.',
  'In a statement, the Nigerian Ports Authority (NPA) said that the containers “had been falsely declared as spare parts” by three importers.',
  'The authority added that the importers would be charged in court next month.',
  '',
].join('\n');

/** 3,000 lines, each a quotation with its speaker and cue: 9,000 highlights. */
function longDocument(lines = 3000): string {
  const names = ['Ana Ruiz', 'Tom Okafor', 'Lena Park', 'Omar Haddad', 'Sara Lind', 'Raj Patel'];
  const places = ['harbour', 'station', 'library', 'bridge', 'school', 'clinic', 'market', 'stadium'];
  return (
    Array.from(
      { length: lines },
      (_, i) =>
        `“We will reopen the ${places[(i * 7) % places.length]} on Main Street ${i + 1} before winter,” said ${names[i % names.length]}, who chairs committee ${(i * 13) % 997}.`,
    ).join('\n') + '\n'
  );
}

type Ranges = ReturnType<SourceLensApi['highlights']['rangesFor']>;
const KINDS = ['content', 'speaker', 'claim', 'boilerplate'] as const;
const flat = (ranges: Readonly<Ranges>): vscode.Range[] => KINDS.flatMap((kind) => ranges[kind]);
const key = (range: vscode.Range): string =>
  `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

describe('large documents', function () {
  let api: SourceLensApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sourceLens');

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await config().update('maxProblems', undefined, vscode.ConfigurationTarget.Workspace);
    await revertAndCloseActiveEditor();
  });

  it('sourceLens.maxProblems caps the Problems, most severe first, with one notice counting the rest', async () => {
    await config().update('maxProblems', 4, vscode.ConfigurationTarget.Workspace);
    const editor = await openUntitled(MANY_FINDINGS);
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === MAX_PROBLEMS_CODE), {
      what: 'capped at 4, with the notice',
    });
    const messages = api.analysisFor(uri)!.messages;
    assert.ok(
      messages.length > 4,
      `the document has more findings than the cap: ${messages.map((m) => m.ruleId).join(', ')}`,
    );
    // Four in all: three findings, and the notice in the last place.
    assert.equal(diagnostics.length, 4);

    const findings = diagnostics.filter((d) => codeOf(d) !== MAX_PROBLEMS_CODE);
    assert.equal(findings.length, 3);
    // The two warnings come last in the document but are kept; the information-level claims fill the
    // rest in document order.
    assert.deepEqual(findings.map(codeOf).sort(), ['duplicate-passage', 'duplicate-passage', 'unattributed-claim']);
    assert.equal(findings.find((d) => codeOf(d) === 'unattributed-claim')!.range.start.line, 0);

    const notices = diagnostics.filter((d) => codeOf(d) === MAX_PROBLEMS_CODE);
    assert.equal(notices.length, 1, 'one notice, not one per hidden finding');
    const [notice] = notices;
    assert.equal(notice.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(notice.source, 'Source Lens');
    assert.equal(notice.range.start.line, 0);
    assert.equal(
      notice.message,
      `${messages.length - 3} more Source Lens findings not shown (sourceLens.maxProblems is 4).`,
    );

    // Back to the default (1000): every finding, no notice.
    const uncapped = waitForDiagnostics(
      uri,
      (ds) => ds.length === messages.length && !ds.some((d) => codeOf(d) === MAX_PROBLEMS_CODE),
      { what: 'all of them again' },
    );
    await config().update('maxProblems', undefined, vscode.ConfigurationTarget.Workspace);
    await uncapped;
  });

  it('a small document is decorated whole', async () => {
    const editor = await openUntitled(MANY_FINDINGS);
    const analysis = await analysisOf(api, editor.document);
    const result: AnalysisResult = {
      uri: editor.document.uri,
      version: editor.document.version,
      text: editor.document.getText(),
      analysis,
    };
    const all = api.highlights.rangesFor(result, editor.document);
    const decorated = await waitForEvent(
      api.highlights.onDidDecorate,
      () => {
        const ranges = api.highlights.decoratedRangesFor(editor);
        return flat(ranges).length > 0 ? ranges : undefined;
      },
      'the decorations of the small document',
    );
    for (const kind of KINDS)
      assert.deepEqual(decorated[kind].map(key).sort(), all[kind].map(key).sort(), `${kind} ranges`);
  });

  it('a document with thousands of highlights is decorated around the visible ranges, and scrolling moves them', async function () {
    this.timeout(60000);
    const text = longDocument();
    const editor = await openUntitled(text, 'plaintext', { timeoutMs: 40000 });
    const document = editor.document;
    const analysis = await analysisOf(api, document);
    const all = flat(
      api.highlights.rangesFor({ uri: document.uri, version: document.version, text, analysis }, document),
    );
    assert.ok(all.length > WINDOW_ABOVE, `the document has ${all.length} highlights, more than ${WINDOW_ABOVE}`);

    const visibleLines = (): [number, number] => [
      editor.visibleRanges[0].start.line,
      editor.visibleRanges[editor.visibleRanges.length - 1].end.line,
    ];
    /** Problems with the decorations around the current screen ('' when there are none). */
    const problems = (): string => {
      const decorated = flat(api.highlights.decoratedRangesFor(editor));
      if (decorated.length === 0) return 'nothing decorated';
      const [first, last] = visibleLines();
      const drawn = new Set(decorated.map(key));
      const missing = all.filter((r) => r.start.line >= first && r.start.line <= last && !drawn.has(key(r)));
      if (missing.length)
        return `${missing.length} highlights on the visible lines ${first + 1}–${last + 1} are not decorated`;
      const lines = decorated.map((r) => r.start.line);
      const [low, high] = [Math.min(...lines), Math.max(...lines)];
      // The window: the screen plus MARGIN_LINES either side (the screen may have moved a little since).
      if (high - low > 2 * MARGIN_LINES + (last - first) + 100)
        return `decorated lines ${low + 1}–${high + 1}: more than the screen and its margins`;
      if (decorated.length >= all.length / 2) return `${decorated.length} of ${all.length} highlights decorated`;
      return '';
    };
    const windowAround = (line: number, what: string): Promise<number> =>
      waitForEvent(
        api.highlights.onDidDecorate,
        () => {
          const [first, last] = visibleLines();
          if (line < first || line > last || problems()) return undefined;
          return Math.min(...flat(api.highlights.decoratedRangesFor(editor)).map((r) => r.start.line));
        },
        what,
        {
          timeoutMs: 20000,
          seen: () =>
            `visible lines ${visibleLines()
              .map((l) => l + 1)
              .join('–')}; ${problems() || 'decorations fine'}`,
        },
      );

    const top = await windowAround(0, 'decorations around the top of the document');
    assert.equal(top, 0);
    // Scrolling far down: the decorations follow, and the top is no longer decorated.
    const target = 2500;
    const moved = windowAround(target, `decorations around line ${target + 1} after scrolling there`);
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
    const low = await moved;
    assert.ok(
      low >= target - MARGIN_LINES - 100,
      `the lowest decorated line (${low + 1}) is near the screen (line ${target + 1})`,
    );
    // rangesFor still answers for the whole document.
    assert.equal(
      flat(api.highlights.rangesFor({ uri: document.uri, version: document.version, text, analysis }, document)).length,
      all.length,
    );

    // Its thousands of findings are capped at the default 1000 Problems, the notice included.
    assert.ok(analysis.messages.length > 1000, `${analysis.messages.length} findings`);
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => codeOf(d) === MAX_PROBLEMS_CODE),
      { what: 'capped at 1000' },
    );
    assert.equal(diagnostics.length, 1000);
    assert.equal(
      diagnostics.find((d) => codeOf(d) === MAX_PROBLEMS_CODE)!.message,
      `${analysis.messages.length - 999} more Source Lens findings not shown (sourceLens.maxProblems is 1000).`,
    );
  });
});
