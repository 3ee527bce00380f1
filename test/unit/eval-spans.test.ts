// Exact-span F1 per role (scripts/eval-spans.ts) on hand-made gold and predictions: which spans count as the
// same after trimming, how multi-piece content and shared or missing sources are counted.
import assert from 'node:assert/strict';
import {
  countExactSpans,
  exactSpanScores,
  goldRoleSpans,
  predictedRoleSpans,
  trimSpan,
  type RoleSpans,
} from '../../scripts/eval-spans';
import type { Span } from '../../src/core/types';

const TEXT = '“We will win the state,” Smith said on Monday, “and then the country.” Aides: calm.';
const at = (part: string, from = 0): Span => {
  const start = TEXT.indexOf(part, from);
  assert.ok(start >= 0, `"${part}" is in the text`);
  return { start, end: start + part.length };
};
const read = (span: Span) => TEXT.slice(span.start, span.end);
const attribution = (over: Partial<RoleSpans>): RoleSpans => ({ content: [], source: [], cue: [], ...over });

/** The gold of TEXT: one statement in two quoted pieces, PolNeAR-style (marks and comma kept). */
const GOLD = [
  attribution({
    content: [at('“We will win the state,”'), at('“and then the country.”')],
    source: [at('Smith')],
    cue: [at('said')],
  }),
];

/** [true positives, predicted, gold] per role, in the order content, source, cue. */
const counted = (gold: RoleSpans[], predicted: RoleSpans[]) => {
  const c = countExactSpans(TEXT, gold, predicted);
  return [c.content, c.source, c.cue].map((x) => [x.truePositives, x.predicted, x.gold]);
};

describe('exact spans: trimming edges', () => {
  it('drops spaces, quote marks and punctuation at both ends, not inside', () => {
    assert.equal(read(trimSpan(TEXT, at('“We will win the state,” '))), 'We will win the state');
    assert.equal(read(trimSpan(TEXT, at('“and then the country.”'))), 'and then the country');
    assert.equal(read(trimSpan(TEXT, at(' Smith said on Monday, '))), 'Smith said on Monday');
  });

  it('leaves a span that is only punctuation as it is (a colon cue)', () => {
    const colon = at(':');
    assert.deepEqual(trimSpan(TEXT, colon), colon);
  });
});

describe('exact spans: counting per role', () => {
  it('counts each content piece as a span, equal after trimming', () => {
    const predicted = [
      attribution({
        content: [at('We will win the state'), at('and then the country')],
        source: [at('Smith')],
        cue: [at('said')],
      }),
    ];
    assert.deepEqual(counted(GOLD, predicted), [
      [2, 2, 2],
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });

  it('scores a piece that is one word short as wrong, and the other piece still right', () => {
    const predicted = [attribution({ content: [at('We will win the state'), at('and then the')] })];
    assert.deepEqual(counted(GOLD, predicted)[0], [1, 2, 2]);
  });

  it('does not take one span joining both pieces for either', () => {
    const joined = { start: at('We will').start, end: at('country').end };
    assert.deepEqual(counted(GOLD, [attribution({ content: [joined] })])[0], [0, 1, 2]);
  });

  it('scores each role on its own: a right source in a wrong attribution still counts', () => {
    const predicted = [attribution({ content: [at('on Monday')], source: [at('Smith')], cue: [at('said on')] })];
    assert.deepEqual(counted(GOLD, predicted), [
      [0, 1, 2],
      [1, 1, 1],
      [0, 1, 1],
    ]);
  });

  it('counts a source mention two predicted attributions share once', () => {
    const shared = { source: [at('Smith')], cue: [at('said')] };
    const predicted = [
      attribution({ content: [at('We will win the state')], ...shared }),
      attribution({ content: [at('and then the country')], ...shared }),
    ];
    assert.deepEqual(counted(GOLD, predicted), [
      [2, 2, 2],
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });

  it('joins pieces of one attribution that touch before comparing', () => {
    const predicted = [attribution({ content: [at('“We will win'), at(' the state,”'), at('and then the country')] })];
    assert.deepEqual(counted(GOLD, predicted)[0], [2, 2, 2]);
  });

  it('compares offsets, not words: the same words elsewhere are another span', () => {
    const text = 'Smith said no. Then Smith said yes.';
    const second = text.indexOf('Smith', 1);
    const gold = [attribution({ source: [{ start: second, end: second + 5 }] })];
    const predicted = [attribution({ source: [{ start: 0, end: 5 }] })];
    assert.equal(countExactSpans(text, gold, predicted).source.truePositives, 0);
  });
});

describe('exact spans: PolNeAR sides and totals', () => {
  it('gives a gold statement with no source no source span, so a predicted one is a false positive', () => {
    const gold = goldRoleSpans({ content: [at('calm')], sources: [at('Aides')], cues: [at(':')], noSource: true });
    const predicted = predictedRoleSpans({ content: [at('calm')], sourceMention: at('Aides'), cue: at(':') });
    assert.deepEqual(counted([gold], [predicted]), [
      [1, 1, 1],
      [0, 1, 0],
      [1, 1, 1],
    ]);
  });

  it('reads a prediction without source or cue as no span of those roles', () => {
    assert.deepEqual(predictedRoleSpans({ content: [at('calm')], sourceMention: null, cue: null }), {
      content: [at('calm')],
      source: [],
      cue: [],
    });
  });

  it('sums counts over documents before dividing (micro average)', () => {
    const right = attribution({ cue: [at('said')] });
    const wrong = attribution({ cue: [at('on')] });
    const scores = exactSpanScores([
      { text: TEXT, gold: GOLD, predicted: [right] },
      { text: TEXT, gold: GOLD, predicted: [wrong] },
      { text: TEXT, gold: GOLD, predicted: [] },
    ]);
    assert.deepEqual(
      [scores.cue.truePositives, scores.cue.predicted, scores.cue.gold, scores.cue.precision, scores.cue.recall],
      [1, 2, 3, 0.5, 1 / 3],
    );
    assert.ok(Math.abs(scores.cue.f1 - 0.4) < 1e-12);
  });
});
