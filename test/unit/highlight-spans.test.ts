import assert from 'node:assert/strict';
import { analyze, type Analysis, type Attribution, type Span } from '../../src/core';
import {
  covers,
  forEachSpanIn,
  lineWindows,
  MARGIN_LINES,
  SLACK_LINES,
  sortSpans,
  type SortedSpans,
} from '../../src/extension/highlight-spans';
import { mulberry32 } from '../support/random';

/** The spans as [start, end] pairs, and their running maximum end, for comparing. */
const pairs = (sorted: SortedSpans): { spans: number[][]; maxEnd: number[] } => ({
  spans: [...sorted.starts].map((start, i) => [start, sorted.ends[i]]),
  maxEnd: [...sorted.maxEnd],
});
/** What sortSpans must give: the spans by start, those with the same start in the order given. */
const expected = (spans: readonly Span[]): { spans: number[][]; maxEnd: number[] } => {
  const sorted = spans.map((s) => [s.start, s.end]).sort((a, b) => a[0] - b[0]);
  let max = -Infinity;
  return { spans: sorted, maxEnd: sorted.map(([, end]) => (max = Math.max(max, end))) };
};
/** An analysis with only what sortSpans reads. */
const analysisOf = (parts: {
  attributions?: Partial<Attribution>[];
  claims?: Span[];
  boilerplate?: Span[];
}): Analysis => ({ attributions: [], claims: [], boilerplate: [], ...parts }) as unknown as Analysis;

describe('highlight spans', () => {
  const random = mulberry32(6);

  it('sorts each kind of a real analysis: content of attributed statements, mentions and cues, claims, boilerplate', () => {
    const text = [
      '“Nobody knows what comes next.”',
      '“We will not raise taxes,” the minister said on Monday.',
      'Officials said the plan was delayed. According to a spokesperson, costs rose 40% in 2023.',
      '“It is over,” someone whispered. The bridge cost $3 billion, the largest sum ever spent here.',
      'Subscribe to our newsletter for more stories like this.',
    ].join('\n\n');
    const analysis = analyze(text);
    const sorted = sortSpans(analysis);
    const attributed = analysis.attributions.filter((a) => a.source !== null);
    assert.ok(
      attributed.length > 0 && attributed.length < analysis.attributions.length,
      'the text has attributed statements and one without a source',
    );
    assert.deepEqual(pairs(sorted.content), expected(attributed.filter((a) => !a.foundBy).flatMap((a) => a.content)));
    assert.deepEqual(
      pairs(sorted.speaker),
      expected(analysis.attributions.flatMap((a) => [a.sourceMention, a.cue].filter((s): s is Span => s !== null))),
    );
    assert.ok(analysis.claims.length > 0 && analysis.boilerplate.length > 0, 'the text has claims and boilerplate');
    assert.deepEqual(pairs(sorted.claim), expected(analysis.claims));
    assert.deepEqual(pairs(sorted.boilerplate), expected(analysis.boilerplate));
  });

  it("draws the content of a statement the tagger found as 'uncertain', not 'content'; its mention and cue stay 'speaker'", () => {
    const span = (start: number, end: number): Span => ({ start, end });
    const sorted = sortSpans(
      analysisOf({
        attributions: [
          { source: 0, content: [span(40, 60)], sourceMention: span(30, 35), cue: span(36, 39) },
          { source: 0, content: [span(5, 20), span(80, 90)], sourceMention: span(0, 4), cue: null, foundBy: 'tagger' },
          // No source: neither highlight, as before (unknown-speaker's diagnostic speaks for it).
          { source: null, content: [span(100, 120)], sourceMention: null, cue: null, foundBy: 'tagger' },
        ],
      }),
    );
    assert.deepEqual(pairs(sorted.content).spans, [[40, 60]]);
    assert.deepEqual(pairs(sorted.uncertain).spans, [
      [5, 20],
      [80, 90],
    ]);
    assert.deepEqual(pairs(sorted.speaker).spans, [
      [0, 4],
      [30, 35],
      [36, 39],
    ]);
  });

  it('sorts in order, nearly in order, out of order, and with offsets too large for a numeric sort key', () => {
    const spansFrom = (starts: number[]): Span[] =>
      starts.map((start) => ({ start, end: start + Math.floor(random() * 50) }));
    const inOrder = Array.from({ length: 300 }, (_, i) => i * 10);
    const nearly = inOrder.map((start, i) => (i % 20 === 7 ? start - 25 : start));
    const shuffled = inOrder.map(() => Math.floor(random() * 3000)); // many ties too
    const huge = shuffled.map((start) => 2 ** 50 + start);
    for (const [name, starts] of Object.entries({ inOrder, nearly, shuffled, huge })) {
      const claims = spansFrom(starts);
      assert.deepEqual(pairs(sortSpans(analysisOf({ claims })).claim), expected(claims), name);
    }
  });

  it('sorts mentions and cues together, whichever comes first ("said X"), and leaves out what is missing', () => {
    const attributions: Partial<Attribution>[] = [
      {
        source: 0,
        content: [{ start: 0, end: 10 }],
        sourceMention: { start: 30, end: 35 },
        cue: { start: 20, end: 24 },
      },
      { source: null, content: [{ start: 40, end: 50 }], sourceMention: null, cue: { start: 51, end: 55 } },
      {
        source: 1,
        content: [
          { start: 60, end: 70 },
          { start: 90, end: 99 },
        ],
        sourceMention: { start: 72, end: 76 },
        cue: null,
      },
    ];
    const sorted = sortSpans(analysisOf({ attributions }));
    assert.deepEqual(pairs(sorted.speaker).spans, [
      [20, 24],
      [30, 35],
      [51, 55],
      [72, 76],
    ]);
    assert.deepEqual(pairs(sorted.content).spans, [
      [0, 10],
      [60, 70],
      [90, 99],
    ]);
  });

  it('draws each span touching a window once, long ones reaching in from before included, empty ones where they sit', () => {
    for (let run = 0; run < 200; run++) {
      const claims = Array.from({ length: Math.floor(random() * 60) }, (): Span => {
        const start = Math.floor(random() * 1000);
        const length = random() < 0.1 ? 0 : random() < 0.1 ? Math.floor(random() * 800) : Math.floor(random() * 30);
        return { start, end: start + length };
      });
      const edges = Array.from({ length: 2 * Math.floor(1 + random() * 3) }, () => Math.floor(random() * 1100)).sort(
        (a, b) => a - b,
      );
      const bounds: Array<[number, number]> = [];
      for (let i = 0; i < edges.length; i += 2)
        if (!bounds.length || edges[i] > bounds[bounds.length - 1][1]) bounds.push([edges[i], edges[i + 1]]);
      const drawn: number[][] = [];
      forEachSpanIn(sortSpans(analysisOf({ claims })).claim, bounds, (start, end) => drawn.push([start, end]));
      const touches = ({ start, end }: Span) =>
        bounds.some(([from, to]) => (end > from && start < to) || (start === end && start >= from && start < to));
      assert.deepEqual(
        drawn,
        expected(claims.filter(touches)).spans,
        `spans ${JSON.stringify(claims)}, windows ${JSON.stringify(bounds)}`,
      );
    }
  });

  it('windows: each visible range and MARGIN_LINES either side, within the document, overlapping ones merged', () => {
    const lines = (start: number, end: number) => ({ start: { line: start }, end: { line: end } });
    assert.equal(MARGIN_LINES, 200);
    assert.deepEqual(lineWindows([lines(500, 540)], 10_000), [[300, 740]]);
    assert.deepEqual(lineWindows([lines(10, 40)], 10_000), [[0, 240]]);
    assert.deepEqual(lineWindows([lines(9_950, 9_990)], 10_000), [[9_750, 9_999]]);
    assert.deepEqual(lineWindows([lines(5_000, 5_040), lines(500, 540)], 10_000), [
      [300, 740],
      [4_800, 5_240],
    ]);
    // Windows that overlap or meet become one.
    assert.deepEqual(lineWindows([lines(500, 540), lines(900, 950)], 10_000), [[300, 1_150]]);
    assert.deepEqual(lineWindows([lines(500, 540), lines(941, 950)], 10_000), [[300, 1_150]]);
    assert.deepEqual(lineWindows([lines(500, 540), lines(942, 950)], 10_000), [
      [300, 740],
      [742, 1_150],
    ]);
    // No visible range (an editor not laid out yet): the top of the document.
    assert.deepEqual(lineWindows([], 10_000), [[0, 200]]);
  });

  it("a window covers the screen while the screen stays SLACK_LINES inside its edges, but for the document's own edges", () => {
    const lines = (start: number, end: number) => ({ start: { line: start }, end: { line: end } });
    const window: Array<[number, number]> = [[300, 740]];
    assert.equal(covers(window, [lines(500, 540)], 10_000), true);
    assert.equal(covers(window, [lines(300 + SLACK_LINES, 740 - SLACK_LINES)], 10_000), true);
    assert.equal(covers(window, [lines(300 + SLACK_LINES - 1, 540)], 10_000), false);
    assert.equal(covers(window, [lines(500, 740 - SLACK_LINES + 1)], 10_000), false);
    assert.equal(covers(window, [lines(500, 540), lines(5_000, 5_040)], 10_000), false);
    assert.equal(covers([[0, 240]], [lines(0, 40)], 10_000), true);
    assert.equal(covers([[9_750, 9_999]], [lines(9_950, 9_999)], 10_000), true);
    assert.equal(covers([[9_750, 9_998]], [lines(9_950, 9_998)], 10_000), false);
  });
});
