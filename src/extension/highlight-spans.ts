// Which highlights an editor is given: each kind's spans sorted by start once per analysis, and, for a
// long draft, only the spans around the visible lines (highlights.ts says why). Pure: no `vscode`, so the
// unit tests run it on in-memory analyses; highlights.ts turns the offsets into ranges and decorations.
import type { Analysis, Span } from '../core';
import { statementsOf } from './analysis-statements';

/** Highlights up to this many in all are drawn for the whole document; more, only around the screen. */
export const WINDOW_ABOVE = 2000;
/** Lines decorated above and below each visible range of a windowed document. */
export const MARGIN_LINES = 200;
/** Scrolling to within this many lines of the decorated window's edge redraws the window. */
export const SLACK_LINES = 100;

export const KINDS = ['content', 'uncertain', 'speaker', 'claim', 'boilerplate'] as const;
export type Kind = (typeof KINDS)[number];

/** One kind's spans sorted by start, as offsets in typed arrays, with the running maximum of their ends. */
export interface SortedSpans {
  starts: Float64Array;
  ends: Float64Array;
  /** maxEnd[i] = the largest end among spans 0..i: non-decreasing, so binary-searchable by offset. */
  maxEnd: Float64Array;
}

/** Lines as a vscode.Range has them: first and last, zero-based. */
export interface LineRangeLike {
  start: { line: number };
  end: { line: number };
}

/**
 * Each kind's spans sorted by start: the content of attributed statements the analysis is sure of, and of those it
 * is unsure of (uncertainty.ts), source mentions and cues, unattributed claims (not linked ones), boilerplate blocks.
 */
export function sortSpans(analysis: Analysis): Record<Kind, SortedSpans> {
  // This runs once per analysis, so in barely optimised code: the statements' offsets come straight from
  // their columns (statement-table.ts), the rest by plain loops into typed arrays, no new object per span.
  const { claims, boilerplate } = analysis;
  const { content, uncertain, speaker } = statementsOf(analysis).highlightOffsets();
  return {
    content: byStart(content.starts, content.ends, content.count),
    uncertain: byStart(uncertain.starts, uncertain.ends, uncertain.count),
    speaker: byStart(speaker.starts, speaker.ends, speaker.count),
    // A linked claim is not a problem to look at: it keeps its hover but loses the amber.
    claim: byStart(...offsetsOf(claims.some((c) => c.evidence) ? claims.filter((c) => !c.evidence) : claims)),
    boilerplate: byStart(...offsetsOf(boilerplate)),
  };
}

/**
 * Calls `draw` with each span that touches one of the windows, given as offsets [start, end), sorted and
 * disjoint: a span reaching into two windows is drawn once; an empty span is drawn where it sits.
 */
export function forEachSpanIn(
  spans: SortedSpans,
  bounds: ReadonlyArray<readonly [number, number]>,
  draw: (start: number, end: number) => void,
): void {
  const { starts, ends, maxEnd } = spans;
  let from = 0;
  for (const [start, end] of bounds) {
    // The first span that may reach into the window, then every span starting before its end.
    let i = Math.max(from, firstAbove(maxEnd, start));
    for (; i < starts.length && starts[i] < end; i++) {
      if (ends[i] > start || (starts[i] === ends[i] && starts[i] >= start)) draw(starts[i], ends[i]);
    }
    from = i; // windows are disjoint and in order: a span is drawn once
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

/**
 * Each visible range widened by MARGIN_LINES either side, overlapping ones merged: line windows, [first, last]
 * inclusive.
 */
export function lineWindows(visibleRanges: readonly LineRangeLike[], lineCount: number): Array<[number, number]> {
  const last = lineCount - 1;
  const visible = visibleRanges.length ? visibleRanges : [{ start: { line: 0 }, end: { line: 0 } }];
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

/**
 * Whether every visible range lies inside a decorated window, SLACK_LINES from its edges (an edge at the document's
 * start or end needs no slack).
 */
export function covers(
  windows: ReadonlyArray<[number, number]>,
  visible: readonly LineRangeLike[],
  lineCount: number,
): boolean {
  return visible.every((r) =>
    windows.some(
      ([first, last]) =>
        (first === 0 || r.start.line >= first + SLACK_LINES) &&
        (last >= lineCount - 1 || r.end.line <= last - SLACK_LINES) &&
        r.start.line >= first &&
        r.end.line <= last,
    ),
  );
}
