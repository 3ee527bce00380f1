// Editor highlights: attributed content in one colour, source mentions and cues subtly underlined,
// unattributed claims in another colour, boilerplate faded. Colours are theme colours
// (`contributes.colors`), so light, dark and high-contrast themes each get their own.
//
// A long draft has tens of thousands of highlights (a 5 MB one: ~60k), and turning all of them into
// positions and sending them with setDecorations blocked the extension host for ~235 ms per analysis.
// So, as large-file-aware extensions do, a document with more than WINDOW_ABOVE highlights is decorated
// only around what can be seen: each visible range plus MARGIN_LINES either side, redrawn when scrolling
// brings the screen within SLACK_LINES of the decorated window's edge (throttled). The work per redraw is
// proportional to the screen, not the document. Smaller documents are decorated whole, as before.
// After an analysis, editors are redrawn in a task of their own (next-task.ts), not inside the one that
// published it, so the host is never busy with both at once.
import * as vscode from 'vscode';
import type { Span } from '../core';
import type { AnalysisResult, DocumentAnalyzer } from './document-analyzer';
import { inNextTask } from './next-task';
import { readSettings } from './settings';

/** Highlights up to this many in all are drawn for the whole document; more, only around the screen. */
export const WINDOW_ABOVE = 2000;
/** Lines decorated above and below each visible range of a windowed document. */
export const MARGIN_LINES = 200;
/** Scrolling to within this many lines of the decorated window's edge redraws the window. */
const SLACK_LINES = 100;
/** At most one redraw per editor this often while scrolling (the last scroll position always gets one). */
const SCROLL_THROTTLE_MS = 50;

const KINDS = ['content', 'speaker', 'claim', 'boilerplate'] as const;
type Kind = (typeof KINDS)[number];
export type HighlightRanges = Record<Kind, vscode.Range[]>;

const underline = (): vscode.DecorationRenderOptions => ({
  borderStyle: 'none none dotted none',
  borderWidth: '0 0 1px 0',
  borderColor: new vscode.ThemeColor('sourceLens.sourceUnderline'),
});

const none = (): HighlightRanges => ({ content: [], speaker: [], claim: [], boilerplate: [] });

/** One kind's spans sorted by start, as offsets in typed arrays, with the running maximum of their ends. */
interface SortedSpans {
  starts: Float64Array;
  ends: Float64Array;
  /** maxEnd[i] = the largest end among spans 0..i: non-decreasing, so binary-searchable by offset. */
  maxEnd: Float64Array;
}

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
  private readonly speaker = vscode.window.createTextEditorDecorationType({ ...underline(), rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
  private readonly claim = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('sourceLens.claimBackground'),
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('sourceLens.claimBorder'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly boilerplate = vscode.window.createTextEditorDecorationType({ opacity: '0.55', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
  private readonly types: Record<Kind, vscode.TextEditorDecorationType> = { content: this.content, speaker: this.speaker, claim: this.claim, boilerplate: this.boilerplate };
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
      analyzer.onDidAnalyze(({ uri }) => this.drawSoon(vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri.toString()))),
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.refresh(editors)),
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => this.scrolled(textEditor)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('sourceLens.highlights.enabled')) return;
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
    await vscode.workspace.getConfiguration('sourceLens').update('highlights.enabled', this.enabled, vscode.ConfigurationTarget.Global);
    return this.enabled;
  }

  /** The ranges each highlight has in the whole document (every one, windowed or not), for tests and for the hover. */
  rangesFor(result: AnalysisResult, document: vscode.TextDocument): HighlightRanges {
    const { analysis } = result;
    const range = (span: Span): vscode.Range => new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
    const attributed = analysis.attributions.filter((a) => a.source !== null);
    return {
      content: attributed.flatMap((a) => a.content.map(range)),
      speaker: analysis.attributions.flatMap((a) => [a.sourceMention, a.cue].filter((s): s is Span => s !== null).map(range)),
      claim: analysis.claims.map(range),
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

  /** Redraws these editors in a task of their own, unless their text was edited meanwhile (the next analysis redraws then). */
  private drawSoon(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) this.analysed.add(editor);
    this.analysedJob ??= inNextTask(() => {
      this.analysedJob = undefined;
      const editors = [...this.analysed];
      this.analysed.clear();
      for (const editor of editors) {
        const result = this.analyzer.resultFor(editor.document.uri);
        if (vscode.window.visibleTextEditors.includes(editor) && (!result || result.version === editor.document.version)) this.draw(editor);
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
      windows = total > WINDOW_ABOVE ? lineWindows(editor) : null;
      ranges = this.rangesIn(sorted, document, windows);
    }
    for (const kind of KINDS) editor.setDecorations(this.types[kind], ranges[kind]);
    if (current) this.drawn.set(editor, { version: document.version, windows, ranges });
    else this.drawn.delete(editor);
    this.drawEmitter.fire(editor);
  }

  /** Scrolling: redraw a windowed editor when the screen nears its decorated window's edge, at most once per SCROLL_THROTTLE_MS. */
  private scrolled(editor: vscode.TextEditor): void {
    const drawn = this.drawn.get(editor);
    // Nothing drawn, the whole document drawn, or an edit since the analysis (the next analysis redraws;
    // meanwhile VS Code keeps moving the old decorations along with the text).
    if (!this.enabled || !drawn?.windows || drawn.version !== editor.document.version || this.scrollTimers.has(editor)) return;
    if (covers(drawn.windows, editor.visibleRanges, editor.document.lineCount)) return;
    const wait = Math.max(0, (this.lastScrollDraw.get(editor) ?? -Infinity) + SCROLL_THROTTLE_MS - performance.now());
    this.scrollTimers.set(
      editor,
      setTimeout(() => {
        this.scrollTimers.delete(editor);
        this.lastScrollDraw.set(editor, performance.now());
        // Unless the editor was closed, or the text edited (then the next analysis redraws), meanwhile.
        const latest = this.drawn.get(editor);
        if (vscode.window.visibleTextEditors.includes(editor) && latest?.windows && latest.version === editor.document.version) this.draw(editor);
      }, wait),
    );
  }

  private sortedSpans(result: AnalysisResult): Record<Kind, SortedSpans> {
    let sorted = this.sorted.get(result);
    if (sorted) return sorted;
    // This runs once per analysis, so in barely optimised code: plain loops writing offsets straight into
    // typed arrays (sized first), with no call and no new object per span.
    const { attributions, claims, boilerplate } = result.analysis;
    let contentCount = 0;
    for (let i = 0; i < attributions.length; i++) if (attributions[i].source !== null) contentCount += attributions[i].content.length;
    const contentStarts = new Float64Array(contentCount);
    const contentEnds = new Float64Array(contentCount);
    const speakerStarts = new Float64Array(2 * attributions.length);
    const speakerEnds = new Float64Array(2 * attributions.length);
    let contents = 0;
    let speakers = 0;
    for (let i = 0; i < attributions.length; i++) {
      const a = attributions[i];
      if (a.source !== null) {
        for (let k = 0; k < a.content.length; k++) {
          contentStarts[contents] = a.content[k].start;
          contentEnds[contents++] = a.content[k].end;
        }
      }
      // Mention and cue in the order they appear ("X said", "said X"): the list then comes nearly sorted.
      let first = a.sourceMention;
      let second = a.cue;
      if (first && second && second.start < first.start) {
        const swap = first;
        first = second;
        second = swap;
      }
      if (first) {
        speakerStarts[speakers] = first.start;
        speakerEnds[speakers++] = first.end;
      }
      if (second) {
        speakerStarts[speakers] = second.start;
        speakerEnds[speakers++] = second.end;
      }
    }
    sorted = {
      content: byStart(contentStarts, contentEnds, contents),
      speaker: byStart(speakerStarts, speakerEnds, speakers),
      claim: byStart(...offsetsOf(claims)),
      boilerplate: byStart(...offsetsOf(boilerplate)),
    };
    this.sorted.set(result, sorted);
    return sorted;
  }

  /** The ranges of the spans that touch the windows' lines (all of them with no windows). */
  private rangesIn(sorted: Record<Kind, SortedSpans>, document: vscode.TextDocument, windows: Drawn['windows']): HighlightRanges {
    const ranges = none();
    // Windows as offsets: from the start of the first line to the start of the line after the last.
    const bounds: Array<[number, number]> = windows
      ? windows.map(([first, last]) => [document.offsetAt(new vscode.Position(first, 0)), document.offsetAt(new vscode.Position(last + 1, 0))])
      : [[0, Infinity]];
    for (const kind of KINDS) {
      const { starts, ends, maxEnd } = sorted[kind];
      const out = ranges[kind];
      let from = 0;
      for (const [start, end] of bounds) {
        // The first span that may reach into the window, then every span starting before its end.
        let i = Math.max(from, firstAbove(maxEnd, start));
        for (; i < starts.length && starts[i] < end; i++) {
          if (ends[i] > start || (starts[i] === ends[i] && starts[i] >= start)) out.push(new vscode.Range(document.positionAt(starts[i]), document.positionAt(ends[i])));
        }
        from = i; // windows are disjoint and in order: a span is drawn once
      }
    }
    return ranges;
  }

  dispose(): void {
    this.analysedJob?.dispose();
    for (const timer of this.scrollTimers.values()) clearTimeout(timer);
    this.scrollTimers.clear();
    for (const d of [this.content, this.speaker, this.claim, this.boilerplate, ...this.subscriptions]) d.dispose();
  }
}

/** A list of spans as offsets in typed arrays, and how many. */
function offsetsOf(spans: readonly Span[]): [Float64Array, Float64Array, number] {
  const starts = new Float64Array(spans.length);
  const ends = new Float64Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    starts[i] = spans[i].start;
    ends[i] = spans[i].end;
  }
  return [starts, ends, spans.length];
}

/** Out-of-order starts up to this many are put in place by insertion; more, by a full sort. */
const FEW_OUT_OF_ORDER = 32;

/**
 * The first `n` offsets sorted by start (in place when they need little), with the running maximum of
 * the ends. The core gives most kinds in order already, and source mentions and cues nearly so: a few
 * insertions then cost one pass. Otherwise they are sorted as numbers, each key `start × 2^k + index`,
 * by the typed array's native sort: several times faster than a comparator over span objects.
 */
function byStart(allStarts: Float64Array, allEnds: Float64Array, n: number): SortedSpans {
  let starts = allStarts.subarray(0, n);
  let ends = allEnds.subarray(0, n);
  let outOfOrder = 0;
  for (let i = 1; i < n; i++) if (starts[i] < starts[i - 1]) outOfOrder++;
  if (outOfOrder > 0 && outOfOrder <= FEW_OUT_OF_ORDER) {
    // Insertion: each out-of-order span moves back to its place (a pass, plus its distance).
    for (let i = 1; i < n; i++) {
      const start = starts[i];
      if (start >= starts[i - 1]) continue;
      const end = ends[i];
      let k = i - 1;
      for (; k >= 0 && starts[k] > start; k--) {
        starts[k + 1] = starts[k];
        ends[k + 1] = ends[k];
      }
      starts[k + 1] = start;
      ends[k + 1] = end;
    }
  } else if (outOfOrder > 0) {
    const order = new Float64Array(n);
    let last = 0;
    for (let i = 0; i < n; i++) if (starts[i] > last) last = starts[i];
    const shift = 2 ** Math.ceil(Math.log2(n + 1));
    if (last * shift + n <= Number.MAX_SAFE_INTEGER) {
      for (let i = 0; i < n; i++) order[i] = starts[i] * shift + i;
      order.sort();
      for (let i = 0; i < n; i++) order[i] %= shift;
    } else {
      const unsorted = starts;
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => unsorted[a] - unsorted[b] || a - b);
    }
    const sortedStarts = new Float64Array(n);
    const sortedEnds = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const index = order[i];
      sortedStarts[i] = starts[index];
      sortedEnds[i] = ends[index];
    }
    starts = sortedStarts;
    ends = sortedEnds;
  }
  const maxEnd = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (ends[i] > max) max = ends[i];
    maxEnd[i] = max;
  }
  return { starts, ends, maxEnd };
}

/** The first index whose running maximum end is at least `offset` (maxEnd.length if none). */
function firstAbove(maxEnd: Float64Array, offset: number): number {
  let lo = 0;
  let hi = maxEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (maxEnd[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each visible range widened by MARGIN_LINES either side, overlapping ones merged. */
function lineWindows(editor: vscode.TextEditor): Array<[number, number]> {
  const last = editor.document.lineCount - 1;
  const visible = editor.visibleRanges.length ? editor.visibleRanges : [new vscode.Range(0, 0, 0, 0)];
  const widened = visible
    .map((r): [number, number] => [Math.max(0, r.start.line - MARGIN_LINES), Math.min(last, r.end.line + MARGIN_LINES)])
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const w of widened) {
    const previous = merged[merged.length - 1];
    if (previous && w[0] <= previous[1] + 1) previous[1] = Math.max(previous[1], w[1]);
    else merged.push(w);
  }
  return merged;
}

/** Whether every visible range lies inside a decorated window, SLACK_LINES from its edges (an edge at the document's start or end needs no slack). */
function covers(windows: ReadonlyArray<[number, number]>, visible: readonly vscode.Range[], lineCount: number): boolean {
  return visible.every((r) =>
    windows.some(([first, last]) => (first === 0 || r.start.line >= first + SLACK_LINES) && (last >= lineCount - 1 || r.end.line <= last - SLACK_LINES) && r.start.line >= first && r.end.line <= last),
  );
}
