// Issue 14: "according to X, …" repeated in one paragraph without a full stop is one sentence whose
// statements each run to its end, each nested in all the earlier ones. dropOverlaps compared each with
// every kept statement, reading their content once per candidate. These tests hold the fix without a
// clock (reads of the statements' content, as linear-work.test.ts counts reads), and check its answers
// against the comparison with every kept statement on random statements.
import assert from 'node:assert/strict';
import type { Candidate } from '../../src/core/attribution/candidates';
import { dropOverlaps } from '../../src/core/attribution/overlaps';
import { reportedAttributions } from '../../src/core/attribution/reported-speech';
import { trimStatement } from '../../src/core/attribution/statement-span';
import { triggersOf } from '../../src/core/attribution/triggers';
import { findQuotes } from '../../src/core/quotes';
import { parseStructure } from '../../src/core/structure';
import { tokenize } from '../../src/core/text/tokens';
import type { Attribution, Span } from '../../src/core/types';
import { growth } from '../support/counted-reads';
import { PATHOLOGICAL_SHAPES } from '../support/pathological-shapes';
import { mulberry32 } from '../support/random';

describe('dropOverlaps reads a chain of nested statements a bounded number of times (issue 14)', () => {
  const accordingTo = PATHOLOGICAL_SHAPES.find((s) => s.name.startsWith('one paragraph of “according to X'))!;

  /** The shape's statements, with their content read through a proxy that counts the reads. */
  function countedStatements(size: number): { found: Candidate[]; reads: () => number } {
    const text = accordingTo.make(size);
    const quotes = findQuotes(text, parseStructure(text, 'plaintext').blocks).quotes;
    const tokens = tokenize(text, 0, text.length);
    const view = {
      sentence: { index: 0, block: 0, start: 0, end: text.length },
      tokens,
      quotes,
      allQuotes: quotes,
      triggers: triggersOf(tokens),
    };
    let reads = 0;
    const found = reportedAttributions(text, view, []).map((c) => ({
      ...c,
      content: new Proxy(c.content, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      }),
    }));
    return { found, reads: () => reads };
  }

  it('each "according to" statement is kept nested, or cut, without reading every earlier one', () => {
    const readsAt = (size: number): number => {
      const { found, reads } = countedStatements(size);
      assert.ok(found.filter((c) => c.role === 'scope').length > size / 100, 'the shape has "according to" statements');
      const kept = dropOverlaps(accordingTo.make(size), found);
      // "according to X, …" before its content, nested in all earlier ones: each is kept whole. (The
      // shape also reads as "…, according to X" with the content before: those cross the chain.)
      const opening = found.filter((c) => c.cue!.end <= c.content[0].start);
      assert.ok(opening.length > size / 100 && opening.every((c) => kept.includes(c)), 'the chain is kept');
      return reads();
    };
    const grew = growth(readsAt);
    assert.ok(grew < 6, `reads grew ×${grew.toFixed(1)} for ×4 input`);
  });
});

describe('dropOverlaps answers as comparing each statement with every kept one', () => {
  // The code before issue 14, kept here as the reference.
  function extent(a: Attribution): Span {
    const spans = [...a.content, a.cue, a.sourceMention].filter((s): s is Span => s !== null);
    return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
  }
  function nestedIn(inner: Candidate, outer: Candidate): boolean {
    if (outer.role !== 'scope') return false;
    const e = extent(inner);
    return outer.content.some((c) => c.start <= e.start && e.end <= c.end);
  }
  function byScan(prose: string, found: Candidate[]): Candidate[] {
    const kept: Candidate[] = [];
    for (const candidate of found) {
      const clashing = kept.filter((k) =>
        k.content.some((a) => candidate.content.some((b) => a.start < b.end && b.start < a.end)),
      );
      if (clashing.length > 0 && clashing.every((k) => nestedIn(k, candidate) || nestedIn(candidate, k))) {
        kept.push(candidate);
        continue;
      }
      const clashes = clashing
        .flatMap((k) => k.content)
        .filter((a) => candidate.content.some((b) => a.start < b.end && b.start < a.end));
      if (clashes.length === 0) {
        kept.push(candidate);
        continue;
      }
      const firstClash = Math.min(...clashes.map((c) => c.start));
      const before = candidate.content
        .filter((p) => p.end <= firstClash || p.start < firstClash)
        .map((p) => trimStatement(prose, { start: p.start, end: Math.min(p.end, firstClash) }));
      const words = before.reduce(
        (n, p) =>
          n +
          prose
            .slice(p.start, p.end)
            .split(/\s+/)
            .filter((w) => /\p{L}/u.test(w)).length,
        0,
      );
      if (candidate.kind !== 'direct' && candidate.role !== 'verbObject' && words >= 3)
        kept.push({ ...candidate, content: before });
    }
    return kept;
  }

  const random = mulberry32(1414);
  const int = (n: number): number => Math.floor(random() * n);
  const prose = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
  const span = (): Span => {
    const start = int(prose.length);
    return { start, end: Math.min(prose.length, start + int(random() < 0.5 ? 12 : prose.length)) };
  };
  const candidate = (): Candidate => ({
    kind: (['direct', 'indirect', 'mixed'] as const)[int(3)],
    content: Array.from({ length: int(4) }, span),
    cue: random() < 0.8 ? span() : null,
    sourceMention: random() < 0.5 ? span() : null,
    source: null,
    channel: null,
    sentences: [],
    role: ([undefined, 'scope', 'scope', 'verbObject'] as const)[int(4)],
  });
  /** A statement inside the last one's first content piece, as "according to" chains give them. */
  const nestedInto = (outer: Candidate): Candidate => {
    const piece = outer.content[0] ?? span();
    const start = piece.start + int(Math.max(1, piece.end - piece.start));
    const end = start + int(piece.end - start + 1);
    return { ...candidate(), content: [{ start, end }], cue: null, sourceMention: null, role: 'scope' };
  };

  it('on random statements, nested chains among them', () => {
    for (let round = 0; round < 3000; round++) {
      const found: Candidate[] = [];
      for (let n = int(10); n > 0; n--) {
        const last = found.at(-1);
        found.push(last && random() < 0.5 ? nestedInto(last) : candidate());
      }
      assert.deepEqual(dropOverlaps(prose, found), byScan(prose, found), JSON.stringify(found));
    }
  });
});
