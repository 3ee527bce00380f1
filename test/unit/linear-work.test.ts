// Issue 14: Source Lens's own stages took quadratic time on plain-text shapes (one paragraph of emoji,
// "said" and quotes; table-like rows with quotes), because a finder scanned the whole sentence or all its
// quotes once for each cue, and such a paragraph is one sentence with thousands of cues. These tests hold
// each fix without a clock: they count how often the finders read the sentence's tokens and quotes, and
// check that four times the input costs about four times the reads (a scan per cue costs sixteen times).
import assert from 'node:assert/strict';
import { agentlessAttributions } from '../../src/core/attribution/agentless';
import type { SentenceView } from '../../src/core/attribution/candidates';
import { shippedWeights } from '../../src/core/attribution/model';
import { trailingSourceStart } from '../../src/core/attribution/content-clauses';
import { inSubordinateClause } from '../../src/core/attribution/passive-cues';
import { modelStatements, nearestCue } from '../../src/core/attribution/model-statements';
import { reportedAttributions } from '../../src/core/attribution/reported-speech';
import { withPrepositionInCue, withQualifiedCue } from '../../src/core/attribution/cue-edges';
import { directAttributions } from '../../src/core/attribution/direct-quotes';
import { sentenceStatements } from '../../src/core/attribution/sentence-statements';
import {
  firstIndexFromEach,
  insideAnyOf,
  lastIndexBefore,
  lastIndexBeforeEach,
  overlapsAnyOf,
  quoteContaining,
  wordCounter,
  wordsBetween,
  wordsWithin,
} from '../../src/core/attribution/spans';
import { clauseEnd, topicAttributions } from '../../src/core/attribution/topics';
import { triggersOf } from '../../src/core/attribution/triggers';
import { sourceAfterAt } from '../../src/core/lexicon/cue-lexicon';
import { findQuotes } from '../../src/core/quotes';
import { parseStructure } from '../../src/core/structure';
import { tokenize, type Token } from '../../src/core/text/tokens';
import type { Quote, Span } from '../../src/core/types';
import { counted, growth } from '../support/counted-reads';
import { PATHOLOGICAL_SHAPES } from '../support/pathological-shapes';
import { mulberry32 } from '../support/random';

const shape = (name: string) => PATHOLOGICAL_SHAPES.find((s) => s.name.startsWith(name))!;

/** One whole sentence of the shape at about `size` characters: its tokens, quotes and triggers. */
function sentenceOf(text: string) {
  const structure = parseStructure(text, 'plaintext');
  const quotes = findQuotes(structure.prose, structure.blocks).quotes;
  const tokens = tokenize(text, 0, text.length);
  return { tokens, quotes, triggers: triggersOf(tokens) };
}

/** One long sentence's view for the finders, its tokens counted. */
function countedView(text: string): { view: SentenceView; reads: () => number } {
  const { tokens, quotes, triggers } = sentenceOf(text);
  const countedTokens = counted(tokens);
  return {
    view: {
      sentence: { index: 0, block: 0, start: 0, end: text.length },
      tokens: countedTokens.items,
      quotes,
      allQuotes: quotes,
      triggers,
    },
    reads: countedTokens.reads,
  };
}

describe('finders read a long sentence a bounded number of times (issue 14)', () => {
  const emoji = shape('one paragraph of emoji');
  const table = shape('table-like rows');

  it('reported speech: the comma before each cue and the words around it come from one pass', () => {
    const readsAt = (size: number): number => {
      const text = emoji.make(size);
      const { tokens, quotes, triggers } = sentenceOf(text);
      const countedTokens = counted(tokens);
      const countedQuotes = counted(quotes);
      const view: SentenceView = {
        sentence: { index: 0, block: 0, start: 0, end: text.length },
        tokens: countedTokens.items,
        quotes: countedQuotes.items,
        allQuotes: quotes,
        triggers,
      };
      assert.ok(triggers.statements.length > 0);
      reportedAttributions(text, view, []);
      return countedTokens.reads() + countedQuotes.reads();
    };
    assert.ok(growth(readsAt) < 6, `reads grew ×${growth(readsAt).toFixed(1)} for ×4 input`);
  });

  it('agentless statements: whether a trigger is inside a quote is one search, not a pass over the quotes', () => {
    const readsAt = (size: number): number => {
      const text = emoji.make(size);
      const { tokens, quotes, triggers } = sentenceOf(text);
      const countedQuotes = counted(quotes);
      assert.ok(triggers.agentless.length > 0);
      agentlessAttributions(text, tokens, countedQuotes.items, text.length, triggers.agentless);
      return countedQuotes.reads();
    };
    assert.ok(growth(readsAt) < 6, `reads grew ×${growth(readsAt).toFixed(1)} for ×4 input`);
  });

  it("the tagger's statements: whether a piece overlaps a quote is one search, not a pass over the quotes", () => {
    const weights = shippedWeights()!;
    const readsAt = (size: number): number => {
      const text = table.make(size).replace(/\n/g, ' ');
      const { tokens, quotes } = sentenceOf(text);
      const countedQuotes = counted(quotes);
      modelStatements(text, tokens, countedQuotes.items, weights);
      return countedQuotes.reads();
    };
    assert.ok(readsAt(4000) > 0, 'the tagger reaches the quote check on this shape');
    assert.ok(growth(readsAt) < 6, `reads grew ×${growth(readsAt).toFixed(1)} for ×4 input`);
  });

  it("a sentence's quotes are matched to the whole list once, not by a search each", () => {
    const readsAt = (size: number): number => {
      const text = emoji.make(size);
      const { quotes } = sentenceOf(text);
      const all = counted(quotes);
      sentenceStatements(text, { index: 0, block: 0, start: 0, end: text.length }, quotes, all.items);
      return all.reads();
    };
    assert.ok(growth(readsAt) < 6, `reads grew ×${growth(readsAt).toFixed(1)} for ×4 input`);
  });

  it("topic statements: the end of each verb's clause comes from one scan of the sentence", () => {
    const calledFor = shape('one paragraph of “she called for');
    const readsAt = (size: number): number => {
      const text = calledFor.make(size);
      const { tokens, quotes, triggers } = sentenceOf(text);
      const countedTokens = counted(tokens);
      assert.ok(triggers.topics.length > 0);
      const found = topicAttributions(text, countedTokens.items, quotes, text.length, triggers.topics);
      assert.ok(found.length > 0, 'the shape has topic statements');
      return countedTokens.reads();
    };
    assert.ok(growth(readsAt) < 6, `reads grew ×${growth(readsAt).toFixed(1)} for ×4 input`);
  });

  for (const [name, start] of [
    ['“when asked …”', 'when asked: where each question ends'],
    ['“is expected to …”', 'is expected to: where each clause ends'],
  ] as const)
    it(`agentless statements, ${start}, comes from one pass`, () => {
      const readsAt = (size: number): number => {
        const text = shape(`one paragraph of ${name}`).make(size);
        const { tokens, quotes, triggers } = sentenceOf(text);
        const countedTokens = counted(tokens);
        const found = agentlessAttributions(text, countedTokens.items, quotes, text.length, triggers.agentless);
        assert.ok(found.length > 0, 'the shape has agentless statements');
        return countedTokens.reads();
      };
      assert.ok(growth(readsAt) < 6, `reads grew ×${growth(readsAt).toFixed(1)} for ×4 input`);
    });

  it('passive statements: whether each cue is in a subordinate clause comes from one pass', () => {
    const expected = shape('one paragraph of “is expected to');
    const readsAt = (size: number): number => {
      const { tokens } = sentenceOf(expected.make(size));
      const countedTokens = counted(tokens);
      // No clause boundary or opener in the shape: a backward scan from each "is" read to the start.
      for (let be = 0; be < tokens.length; be++)
        if (tokens[be].lower === 'is') inSubordinateClause(countedTokens.items, be);
      return countedTokens.reads();
    };
    assert.ok(growth(readsAt) < 6, `reads grew ×${growth(readsAt).toFixed(1)} for ×4 input`);
  });

  it('direct quotes and their cues: the tokens about each quote are found by searches, not a pass each', () => {
    const saidSmith = shape('one paragraph of quotes with “said Smith');
    const readsAt = (size: number): number => {
      const text = saidSmith.make(size);
      const { view, reads } = countedView(text);
      const found = directAttributions(text, view, new Set());
      assert.ok(found.length > 0, 'the shape has direct quotes');
      for (const a of found) withPrepositionInCue(view.tokens, withQualifiedCue(view.tokens, a));
      return reads();
    };
    assert.ok(growth(readsAt) < 6, `reads grew ×${growth(readsAt).toFixed(1)} for ×4 input`);
  });

  it('passive statements: where each content ends (a joined cue, a trailing source, an agent) comes from one pass', () => {
    const expected = shape('one paragraph of “is expected to');
    const readsAt = (size: number): number => {
      const text = expected.make(size);
      const { view, reads } = countedView(text);
      assert.ok(reportedAttributions(text, view, []).length > 0, 'the shape has passive statements');
      return reads();
    };
    assert.ok(growth(readsAt) < 6, `reads grew ×${growth(readsAt).toFixed(1)} for ×4 input`);
  });

  it('the nearest cue is found by a binary search over the cues', () => {
    const cues = Array.from({ length: 4096 }, (_, i) => ({ role: 'cue' as const, start: 3 * i, end: 3 * i + 1 }));
    const countedCues = counted(cues);
    nearestCue({ role: 'content', start: 6001, end: 6002 }, countedCues.items);
    assert.ok(countedCues.reads() <= 2 * 12 + 4, `${countedCues.reads()} reads of 4,096 cues`);
  });
});

describe('the one-pass look-ups answer as the scans they replace', () => {
  const random = mulberry32(14);
  const int = (n: number): number => Math.floor(random() * n);
  const randomSpans = (count: number): Span[] =>
    Array.from({ length: count }, () => {
      const start = int(60);
      return { start, end: start + int(15) };
    });

  it('insideAnyOf and overlapsAnyOf, on overlapping and empty spans too', () => {
    for (let round = 0; round < 300; round++) {
      const spans = randomSpans(int(8));
      const inside = insideAnyOf(spans);
      const overlaps = overlapsAnyOf(spans);
      for (let start = 0; start < 75; start += 2)
        for (const end of [start, start + 1, start + 4]) {
          const expectedInside = spans.some((s) => s.start <= start && end <= s.end);
          const expectedOverlap = spans.some((s) => start < s.end && s.start < end);
          assert.equal(inside(start, end), expectedInside, `${JSON.stringify(spans)} ⊇ [${start}, ${end})`);
          assert.equal(overlaps(start, end), expectedOverlap, `${JSON.stringify(spans)} ∩ [${start}, ${end})`);
        }
    }
  });

  it('quoteContaining, on overlapping and empty quotes too', () => {
    for (let round = 0; round < 300; round++) {
      const spans = randomSpans(int(8));
      // Half the rounds as findQuotes gives them: in order, none overlapping.
      if (round % 2 === 0) {
        spans.sort((a, b) => a.start - b.start);
        for (let i = 1; i < spans.length; i++) spans[i].start = Math.max(spans[i].start, spans[i - 1].end);
        for (const s of spans) s.end = Math.max(s.end, s.start);
      }
      const quotes = spans.map((s) => ({ ...s, pieces: [s] })) as unknown as Quote[];
      const find = quoteContaining(quotes);
      for (let start = 0; start < 75; start++)
        for (const end of [start + 1, start + 3]) {
          const expected = quotes.find((q) => q.start <= start && end <= q.end);
          assert.equal(find({ start, end }), expected, `${JSON.stringify(spans)} ⊇ [${start}, ${end})`);
        }
    }
  });

  it('clauseEnd kept from earlier scans answers as a fresh scan', () => {
    const text =
      'She called for a “swift, fair” review and urged calm; he wants to vote, saying it is (late) — and blamed ' +
      'the board, including “them, and us” and asked why, and she called for more';
    const tokens = tokenize(text, 0, text.length);
    const quotes = findQuotes(text, parseStructure(text, 'plaintext').blocks).quotes;
    assert.ok(quotes.length === 2);
    const order = Array.from({ length: tokens.length + 2 }, (_, i) => i);
    for (let round = 0; round < 20; round++) {
      const kept = [...tokens];
      order.sort(() => random() - 0.5);
      for (const from of order)
        assert.equal(clauseEnd(kept, from, quotes, text.length), clauseEnd([...tokens], from, quotes, text.length));
    }
  });

  it('lastIndexBeforeEach, firstIndexFromEach and wordCounter', () => {
    const text = 'One, two — three said: “four,” five – six, seven eight.';
    const tokens: Token[] = tokenize(text, 0, text.length);
    const isMark = (t: Token): boolean => t.text === ',' || t.text === '—' || t.text === '–';
    const before = lastIndexBeforeEach(tokens, isMark);
    const words = wordCounter(tokens);
    const next = firstIndexFromEach(tokens, (t, i) => isMark(t) || i === 3);
    for (let at = 0; at <= tokens.length; at++) {
      assert.equal(before(at), lastIndexBefore(tokens, at, isMark), `at ${at}`);
      const scanned = tokens.findIndex((t, i) => i >= at && (isMark(t) || i === 3));
      assert.equal(next(at), scanned === -1 ? tokens.length : scanned, `from ${at}`);
    }
    for (let from = 0; from <= tokens.length + 1; from++)
      for (let to = 0; to <= tokens.length + 1; to++)
        assert.equal(words(from, to), tokens.slice(from, to).filter((t) => t.word).length, `[${from}, ${to})`);
  });

  it('trailingSourceStart kept from one pass answers as the scan', () => {
    const text = 'Taxes rose, according to the poll, and jobs fell, officials said, according to a report, at last';
    const tokens = tokenize(text, 0, text.length);
    for (let from = 0; from <= tokens.length + 1; from++) {
      let expected: number | null = null;
      for (let k = from; k < tokens.length - 1 && expected === null; k++)
        if (tokens[k].text === ',' && sourceAfterAt(tokens, k + 1)) expected = tokens[k].start;
      assert.equal(trailingSourceStart(tokens, from), expected, `from ${from}`);
    }
  });

  it('wordsBetween and wordsWithin', () => {
    const text = 'One, two — “three” said: four… five-six seven.';
    const tokens: Token[] = tokenize(text, 0, text.length);
    for (let from = 0; from <= tokens.length + 1; from++)
      for (let to = 0; to <= tokens.length + 1; to++)
        assert.equal(wordsBetween(tokens, from, to), tokens.slice(from, to).filter((t) => t.word).length);
    for (let start = 0; start <= text.length; start++)
      for (let end = start; end <= text.length + 1; end++) {
        const expected = tokens.filter((t) => t.word && t.start >= start && t.end <= end).length;
        assert.equal(wordsWithin(tokens, { start, end }), expected, `[${start}, ${end})`);
      }
  });

  it('nearestCue is the first cue at the least distance', () => {
    for (let round = 0; round < 300; round++) {
      // Spans as the tagger gives them: in order and not overlapping; some are cues.
      const spans: { role: 'cue' | 'content'; start: number; end: number }[] = [];
      for (let at = int(3); spans.length < 12; at += int(3)) {
        const end = at + 1 + int(3);
        spans.push({ role: random() < 0.4 ? 'cue' : 'content', start: at, end });
        at = end;
      }
      const cues = spans.filter((s) => s.role === 'cue');
      if (cues.length === 0) continue;
      const distance = (a: Span, b: Span): number =>
        a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;
      for (const span of spans.filter((s) => s.role !== 'cue')) {
        let best = 0;
        for (let c = 1; c < cues.length; c++) if (distance(span, cues[c]) < distance(span, cues[best])) best = c;
        assert.equal(nearestCue(span, cues), best, JSON.stringify({ span, cues }));
      }
    }
  });
});
