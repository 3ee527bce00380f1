// Issue 14: a topic verb's quotes were looked at by a pass over the sentence's quotes per verb (is the
// verb quoted? is a quote in its content?), so one paragraph with thousands of both read them once per
// verb. Counted reads without a clock, as in linear-work.test.ts, and the look-ups checked against the scan.
import assert from 'node:assert/strict';
import { holdsAnyOf } from '../../src/core/attribution/spans';
import { topicAttributions } from '../../src/core/attribution/topics';
import { triggersOf } from '../../src/core/attribution/triggers';
import { findQuotes } from '../../src/core/quotes';
import { parseStructure } from '../../src/core/structure';
import { tokenize } from '../../src/core/text/tokens';
import type { Quote, Span } from '../../src/core/types';
import { counted, growth } from '../support/counted-reads';
import { repeatTo } from '../support/pathological-shapes';
import { mulberry32 } from '../support/random';

describe('topic statements read a paragraph of quotes a bounded number of times (issue 14)', () => {
  it('whether a verb is quoted, and whether its content holds a quote, are searches', () => {
    const readsAt = (size: number): number => {
      const text = repeatTo('she called for a “calm” vote and ', size);
      const quotes = findQuotes(text, parseStructure(text, 'plaintext').blocks).quotes;
      const tokens = tokenize(text, 0, text.length);
      const countedQuotes = counted(quotes);
      const found = topicAttributions(text, tokens, countedQuotes.items, text.length, triggersOf(tokens).topics);
      assert.ok(quotes.length > size / 100 && found.length > size / 100, 'the shape has quotes and topic statements');
      assert.ok(
        found.some((a) => a.kind === 'mixed'),
        'some content holds a quote',
      );
      return countedQuotes.reads();
    };
    const grew = growth(readsAt);
    assert.ok(grew < 6, `reads grew ×${grew.toFixed(1)} for ×4 input`);
  });

  it('holdsAnyOf answers as the scan, on overlapping and empty spans too', () => {
    const random = mulberry32(41);
    const int = (n: number): number => Math.floor(random() * n);
    for (let round = 0; round < 300; round++) {
      const spans: Span[] = Array.from({ length: int(8) }, () => {
        const start = int(60);
        return { start, end: start + int(15) };
      });
      const holds = holdsAnyOf(spans as Quote[]);
      for (let start = 0; start < 75; start += 2)
        for (const end of [start, start + 1, start + 5, start + 20]) {
          const expected = spans.some((s) => start <= s.start && s.end <= end);
          assert.equal(holds(start, end), expected, `[${start}, ${end}) ⊇ one of ${JSON.stringify(spans)}`);
        }
    }
  });
});
