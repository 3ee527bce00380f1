// Editor highlights say what the analysis found; they never ask for anything (squiggles, the diagnostics, do
// that: see doubled-underlines.ts and the README's "What the marks mean"). Attributed content has a green
// fill; content the analysis is unsure of (uncertainty.ts) a fainter fill with a dashed underline; the
// source mention and its cue a dotted underline in the same green family (not blue: blue is VS Code's
// information squiggle); unattributed claims an amber fill; boilerplate is faded. Colours are theme colours
// (`contributes.colors`), so light, dark and high-contrast themes each get their own, and the legend
// (legend.ts) shows the same ones.
//
// A long draft has tens of thousands of highlights (a 5 MB one: ~60k), and turning all of them into
// positions and sending them with setDecorations blocked the extension host for ~235 ms per analysis.
// So, as large-file-aware extensions do, a document with more than WINDOW_ABOVE highlights is decorated
// only around what can be seen: each visible range plus MARGIN_LINES either side, redrawn when scrolling
// brings the screen within SLACK_LINES of the decorated window's edge (throttled). The work per redraw is
// proportional to the screen, not the document. Smaller documents are decorated whole, as before.
// Which spans those are is highlight-spans.ts's part; this file is the editor's side.
// After an analysis, editors are redrawn in a task of their own (next-task.ts), not inside the one that
// published it, so the host is never busy with both at once.
import * as vscode from 'vscode';
import type { Span } from '../core';
import type { AnalysisResult, DocumentAnalyzer } from './document-analyzer';
import {
  covers,
  forEachSpanIn,
  KINDS,
  type Kind,
  lineWindows,
  sortSpans,
  type SortedSpans,
  WINDOW_ABOVE,
} from './highlight-spans';
import { inNextTask } from './next-task';
import { fillsClaims } from './doubled-underlines';
import { readSettings } from './settings';
import { statementsOf } from './analysis-statements';

export { MARGIN_LINES, WINDOW_ABOVE } from './highlight-spans';

/** At most one redraw per editor this often while scrolling (the last scroll position always gets one). */
const SCROLL_THROTTLE_MS = 50;

export type HighlightRanges = Record<Kind, vscode.Range[]>;

const underline = (): vscode.DecorationRenderOptions => ({
  borderStyle: 'none none dotted none',
  borderWidth: '0 0 1px 0',
  borderColor: new vscode.ThemeColor('sourceLens.sourceUnderline'),
});

const none = (): HighlightRanges => ({ content: [], uncertain: [], speaker: [], claim: [], boilerplate: [] });

/** What one editor shows: for which document version, and which lines (every line, or windows of them). */
interface Drawn {
  version: number;
  /** Decorated line windows, [first, last] inclusive, sorted and disjoint; null = the whole document. */
  windows: Array<[number, number]> | null;
  ranges: HighlightRanges;
}

export class Highlights implements vscode.Disposable {
  private readonly content = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('sourceLens.quoteBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('sourceLens.quoteBorder'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  /** Quieter than `content`: a fainter fill and a dashed underline, so a guess does not look like a finding. */
  private readonly uncertain = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('sourceLens.uncertainBackground'),
    borderStyle: 'none none dashed none',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('sourceLens.uncertainBorder'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly speaker = vscode.window.createTextEditorDecorationType({
    ...underline(),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly claim = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('sourceLens.claimBackground'),
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('sourceLens.claimBorder'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly boilerplate = vscode.window.createTextEditorDecorationType({
    opacity: '0.55',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly types: Record<Kind, vscode.TextEditorDecorationType> = {
    content: this.content,
    uncertain: this.uncertain,
    speaker: this.speaker,
    claim: this.claim,
    boilerplate: this.boilerplate,
  };
  /** Each result's spans per kind, sorted once (kept as long as the result is). */
  private readonly sorted = new WeakMap<AnalysisResult, Record<Kind, SortedSpans>>();
  /** What each visible editor was last given. */
  private readonly drawn = new WeakMap<vscode.TextEditor, Drawn>();
  /** Pending scroll redraws and when each editor was last redrawn for a scroll. */
  private readonly scrollTimers = new Map<vscode.TextEditor, NodeJS.Timeout>();
  private readonly lastScrollDraw = new WeakMap<vscode.TextEditor, number>();
  /** Editors to redraw after an analysis, in the next task. */
  private readonly analysed = new Set<vscode.TextEditor>();
  private analysedJob: { dispose(): void } | undefined;
  private readonly drawEmitter = new vscode.EventEmitter<vscode.TextEditor>();
  private readonly subscriptions: vscode.Disposable[];
  private enabled: boolean;

  /** Fires after an editor's decorations were set (for tests: see decoratedRangesFor). */
  readonly onDidDecorate = this.drawEmitter.event;

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.enabled = readSettings().highlights;
    this.subscriptions = [
      this.drawEmitter,
      analyzer.onDidAnalyze(({ uri }) =>
        this.drawSoon(vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri.toString())),
      ),
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.refresh(editors)),
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => this.scrolled(textEditor)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (
          !event.affectsConfiguration('sourceLens.highlights.enabled') &&
          !event.affectsConfiguration('sourceLens.claims.mark')
        )
          return;
        this.enabled = readSettings().highlights;
        this.refresh(vscode.window.visibleTextEditors);
      }),
    ];
    this.refresh(vscode.window.visibleTextEditors);
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Flips the highlights for this window and remembers the choice in the user's settings. */
  async toggle(): Promise<boolean> {
    this.enabled = !this.enabled;
    this.refresh(vscode.window.visibleTextEditors);
    await vscode.workspace
      .getConfiguration('sourceLens')
      .update('highlights.enabled', this.enabled, vscode.ConfigurationTarget.Global);
    return this.enabled;
  }

  /** The ranges each highlight has in the whole document (every one, windowed or not), for tests and for the hover. */
  rangesFor(result: AnalysisResult, document: vscode.TextDocument): HighlightRanges {
    const { analysis } = result;
    const range = (span: Span): vscode.Range =>
      new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
    const statements = statementsOf(analysis);
    const content: vscode.Range[] = [];
    const uncertain: vscode.Range[] = [];
    const speaker: vscode.Range[] = [];
    for (let i = 0; i < statements.length; i++) {
      // Only an attributed statement's words are filled; every mention and cue is underlined.
      const fill = statements.source(i) === null ? [] : statements.uncertain(i) ? uncertain : content;
      statements.forEachPart(i, (part, start, end) =>
        (typeof part === 'number' ? fill : speaker).push(range({ start, end })),
      );
    }
    return {
      content,
      uncertain,
      speaker,
      claim: fillsClaims(readSettings(document.uri)) ? analysis.claims.filter((c) => !c.evidence).map(range) : [],
      boilerplate: analysis.boilerplate.map(range),
    };
  }

  /** The ranges last passed to setDecorations for this editor, per highlight (empty when none were). */
  decoratedRangesFor(editor: vscode.TextEditor): Readonly<HighlightRanges> {
    return this.drawn.get(editor)?.ranges ?? none();
  }

  private refresh(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) this.draw(editor);
  }

  /**
   * Redraws these editors in a task of their own, unless their text was edited meanwhile (the next analysis redraws
   * then).
   */
  private drawSoon(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) this.analysed.add(editor);
    this.analysedJob ??= inNextTask(() => {
      this.analysedJob = undefined;
      const editors = [...this.analysed];
      this.analysed.clear();
      for (const editor of editors) {
        const result = this.analyzer.resultFor(editor.document.uri);
        if (
          vscode.window.visibleTextEditors.includes(editor) &&
          (!result || result.version === editor.document.version)
        )
          this.draw(editor);
      }
    });
  }

  private draw(editor: vscode.TextEditor): void {
    const document = editor.document;
    const result = this.analyzer.resultFor(document.uri);
    const current = result && result.version === document.version ? result : undefined;
    let ranges = none();
    let windows: Drawn['windows'] = null;
    if (this.enabled && current) {
      const sorted = this.sortedSpans(current);
      const total = KINDS.reduce((n, kind) => n + sorted[kind].starts.length, 0);
      windows = total > WINDOW_ABOVE ? lineWindows(editor.visibleRanges, document.lineCount) : null;
      ranges = this.rangesIn(sorted, document, windows);
      if (!fillsClaims(readSettings(document.uri))) ranges.claim = [];
    }
    for (const kind of KINDS) editor.setDecorations(this.types[kind], ranges[kind]);
    if (current) this.drawn.set(editor, { version: document.version, windows, ranges });
    else this.drawn.delete(editor);
    this.drawEmitter.fire(editor);
  }

  /**
   * Scrolling: redraw a windowed editor when the screen nears its decorated window's edge, at most once per
   * SCROLL_THROTTLE_MS.
   */
  private scrolled(editor: vscode.TextEditor): void {
    const drawn = this.drawn.get(editor);
    // Nothing drawn, the whole document drawn, or an edit since the analysis (the next analysis redraws;
    // meanwhile VS Code keeps moving the old decorations along with the text).
    if (!this.enabled || !drawn?.windows || drawn.version !== editor.document.version || this.scrollTimers.has(editor))
      return;
    if (covers(drawn.windows, editor.visibleRanges, editor.document.lineCount)) return;
    const wait = Math.max(0, (this.lastScrollDraw.get(editor) ?? -Infinity) + SCROLL_THROTTLE_MS - performance.now());
    this.scrollTimers.set(
      editor,
      setTimeout(() => {
        this.scrollTimers.delete(editor);
        this.lastScrollDraw.set(editor, performance.now());
        // Unless the editor was closed, or the text edited (then the next analysis redraws), meanwhile.
        const latest = this.drawn.get(editor);
        if (
          vscode.window.visibleTextEditors.includes(editor) &&
          latest?.windows &&
          latest.version === editor.document.version
        )
          this.draw(editor);
      }, wait),
    );
  }

  private sortedSpans(result: AnalysisResult): Record<Kind, SortedSpans> {
    let sorted = this.sorted.get(result);
    if (!sorted) this.sorted.set(result, (sorted = sortSpans(result.analysis)));
    return sorted;
  }

  /** The ranges of the spans that touch the windows' lines (all of them with no windows). */
  private rangesIn(
    sorted: Record<Kind, SortedSpans>,
    document: vscode.TextDocument,
    windows: Drawn['windows'],
  ): HighlightRanges {
    const ranges = none();
    // Windows as offsets: from the start of the first line to the start of the line after the last.
    const bounds: Array<[number, number]> = windows
      ? windows.map(([first, last]) => [
          document.offsetAt(new vscode.Position(first, 0)),
          document.offsetAt(new vscode.Position(last + 1, 0)),
        ])
      : [[0, Infinity]];
    for (const kind of KINDS) {
      const out = ranges[kind];
      forEachSpanIn(sorted[kind], bounds, (start, end) =>
        out.push(new vscode.Range(document.positionAt(start), document.positionAt(end))),
      );
    }
    return ranges;
  }

  dispose(): void {
    this.analysedJob?.dispose();
    for (const timer of this.scrollTimers.values()) clearTimeout(timer);
    this.scrollTimers.clear();
    for (const d of [...Object.values(this.types), ...this.subscriptions]) d.dispose();
  }
}
