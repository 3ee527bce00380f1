// Issue 14: one paragraph of quotes with their speakers ("“We will win,” said Smith, “We will win,” said
// Smith, …") is one sentence with thousands of quotes, cues and statements. Three steps read all the
// statements found so far once per quote or cue: resolving overlaps compared each statement with every
// kept one, finding a verb's quoted object checked each quote against every statement, and each cue
// without a subject copied the statements found so far. These tests hold the fixes without a clock:
// they count reads, as linear-work.test.ts does, and check that four times the input costs about four
// times the reads (a pass per quote or cue costs sixteen times).
import assert from 'node:assert/strict';
import type { Candidate, SentenceView } from '../../src/core/attribution/candidates';
import { directAttributions } from '../../src/core/attribution/direct-quotes';
import { predicateQuotes } from '../../src/core/attribution/object-quotes';
import { dropOverlaps } from '../../src/core/attribution/overlaps';
import { reportedAttributions } from '../../src/core/attribution/reported-speech';
import { triggersOf } from '../../src/core/attribution/triggers';
import { findQuotes } from '../../src/core/quotes';
import { parseStructure } from '../../src/core/structure';
import { tokenize } from '../../src/core/text/tokens';
import type { Attribution, Quote, Span } from '../../src/core/types';
import { counted, growth } from '../support/counted-reads';
import { PATHOLOGICAL_SHAPES } from '../support/pathological-shapes';

const smith = PATHOLOGICAL_SHAPES.find((s) => s.name === 'one paragraph of quotes with “said Smith, …”')!;

/**
 * The statements with each content piece's start and end read through getters that count the reads: the
 * overlap search reads the kept pieces themselves, not the lists that hold them.
 */
function countedPieces(found: Candidate[]): { found: Candidate[]; reads: () => number } {
  let reads = 0;
  const piece = (span: Span): Span => ({
    get start() {
      reads++;
      return span.start;
    },
    get end() {
      reads++;
      return span.end;
    },
  });
  return { found: found.map((c) => ({ ...c, content: c.content.map(piece) })), reads: () => reads };
}

/** The shape at about `size` characters as one sentence. */
function smithSentence(size: number): { text: string; view: SentenceView; direct: Attribution[] } {
  return sentenceOfText(smith.make(size));
}

/** A text of one sentence as the finders' view, and its direct statements. */
function sentenceOfText(text: string): { text: string; view: SentenceView; direct: Attribution[] } {
  const quotes: Quote[] = findQuotes(text, parseStructure(text, 'plaintext').blocks).quotes;
  const tokens = tokenize(text, 0, text.length);
  const view: SentenceView = {
    sentence: { index: 0, block: 0, start: 0, end: text.length },
    tokens,
    quotes,
    allQuotes: quotes,
    triggers: triggersOf(tokens),
  };
  return { text, view, direct: directAttributions(text, view, new Set()) };
}

describe('a paragraph of quotes with “said Smith” reads its statements a bounded number of times (issue 14)', () => {
  it('dropOverlaps compares a statement only with the kept ones its content overlaps', () => {
    const readsAt = (size: number): number => {
      const { text, view, direct } = smithSentence(size);
      const found: Candidate[] = [...direct, ...reportedAttributions(text, view, direct)];
      assert.ok(direct.length > size / 100, 'the shape has a direct statement per two quotes');
      const contents = found.map((c) => counted(c.content));
      const kept = dropOverlaps(
        text,
        found.map((c, i) => ({ ...c, content: contents[i].items })),
      );
      assert.ok(kept.length >= direct.length, 'every direct statement is kept');
      return contents.reduce((n, c) => n + c.reads(), 0);
    };
    const grew = growth(readsAt);
    assert.ok(grew < 6, `reads grew ×${grew.toFixed(1)} for ×4 input`);
  });

  it("a verb's quoted object: whether each quote is a statement's is one search, not a pass over them", () => {
    const readsAt = (size: number): number => {
      const { text, view, direct } = smithSentence(size);
      const found = counted(direct);
      // Every quote is some statement's, so none is left for a verb's object.
      assert.deepEqual(predicateQuotes(text, view, found.items), []);
      return found.reads();
    };
    const grew = growth(readsAt);
    assert.ok(grew < 6, `reads grew ×${grew.toFixed(1)} for ×4 input`);
  });

  it('reported speech: a cue without a subject does not copy the statements found so far', () => {
    const readsAt = (size: number): number => {
      const { text, view, direct } = smithSentence(size);
      const countedDirect = counted(direct);
      reportedAttributions(text, view, countedDirect.items);
      // The cues the direct statements took are looked up once; count the reads past that one pass.
      return countedDirect.reads() + 1;
    };
    const grew = growth(readsAt);
    assert.ok(grew < 6, `reads grew ×${grew.toFixed(1)} for ×4 input`);
  });

  it('dropOverlaps reads the kept pieces a bounded number of times, on quotes with speakers and on "according to X, …"', () => {
    const accordingTo = PATHOLOGICAL_SHAPES.find((s) => s.name === 'one paragraph of “according to X, …”')!;
    const readsAt =
      (make: (size: number) => string) =>
      (size: number): number => {
        const text = make(size);
        const { view, direct } = sentenceOfText(text);
        const { found, reads } = countedPieces([...direct, ...reportedAttributions(text, view, direct)]);
        assert.ok(found.length > size / 100, 'the shape has statements');
        dropOverlaps(text, found);
        return reads();
      };
    for (const make of [smith.make, accordingTo.make]) {
      const grew = growth(readsAt(make));
      assert.ok(grew < 6, `reads grew ×${grew.toFixed(1)} for ×4 input`);
    }
  });
});
