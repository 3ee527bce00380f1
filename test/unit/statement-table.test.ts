// The statements as columns (extension/statement-table.ts), the form they cross to the extension host in:
// every statement reads back equal to the core's (but for `sentences`, which the host never reads), a
// delta's slices join into the new analysis's columns, and what the host reads of them (the counts, the
// uncertain fill) is what it reads of the objects.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { countStatements } from '../../src/core/duplicates';
import type { Attribution, CorrectionKind, UncertaintyReason } from '../../src/core/types';
import { itemsSent, listDelta, moved, statementDelta } from '../../src/extension/result-delta';
import { analysisWith, statementsOf, withStatements } from '../../src/extension/analysis-statements';
import { StatementTable } from '../../src/extension/statement-table';
import { isUncertain } from '../../src/extension/uncertainty';
import { newsDocument } from '../host-bench/news';
import { mulberry32 } from '../support/random';

const withoutSentences = (list: readonly Attribution[]): Attribution[] => list.map((a) => ({ ...a, sentences: [] }));

/** Statements with every field in every form it takes: each kind, correction, reason order and missing span. */
function everyShape(): Attribution[] {
  const kinds = ['direct', 'mixed', 'indirect', 'blockquote'] as const;
  const corrections: (CorrectionKind | undefined)[] = [
    undefined,
    'speaker',
    'not-a-statement',
    'anonymous',
    'attribute-to',
  ];
  const reasonLists: UncertaintyReason[][] = [
    ['pronoun-ambiguous'],
    ['speaker-far', 'pronoun-ambiguous'],
    ['tagger', 'speaker-far', 'pronoun-ambiguous'],
    [],
  ];
  const list: Attribution[] = [];
  for (let i = 0; i < 40; i++) {
    const at = 10 + i * 100;
    const statement: Attribution = {
      kind: kinds[i % 4],
      content: Array.from({ length: i % 3 }, (_, k) => ({ start: at + 10 * k, end: at + 10 * k + 5 })),
      cue: i % 2 ? { start: at + 50, end: at + 54 } : null,
      sourceMention: i % 5 ? { start: at + 60, end: at + 60 + (i % 4) } : null,
      source: i % 6 ? i % 7 : null,
      channel: i % 7 === 0 ? { start: 12, end: 15 } : null,
      sentences: [i],
    };
    if (i % 8 === 3) statement.foundBy = 'tagger';
    const correction = corrections[i % 5];
    if (correction) statement.setByEditor = correction;
    if (i % 3 === 1)
      statement.uncertainty = { reasons: reasonLists[i % 4], alternatives: [i % 5, 2, 0].slice(0, i % 4) };
    list.push(statement);
  }
  return list;
}

describe('statement table', () => {
  it('gives back every statement as the core made it, sentences aside: every field form, and real analyses', () => {
    const shapes = everyShape();
    assert.deepEqual(StatementTable.from(shapes).toArray(), withoutSentences(shapes));
    for (const seed of [1, 2, 3]) {
      const { attributions } = analyze(newsDocument(40 * 1024, seed));
      assert.ok(attributions.some((a) => a.uncertainty) && attributions.some((a) => a.channel), 'a varied document');
      assert.deepEqual(StatementTable.from(attributions).toArray(), withoutSentences(attributions), `seed ${seed}`);
    }
  });

  it('reads what the host reads as the objects have it: counts, the uncertain fill, parts, positions', () => {
    const text = newsDocument(60 * 1024, 7);
    // The document twice: the second copy's statements are repeats, counted out.
    const analysis = analyze(`${text}\n\n${text}`);
    const table = StatementTable.from(analysis.attributions);
    assert.deepEqual(countStatements(analysis, undefined, table), countStatements(analysis));
    assert.ok(
      countStatements(analysis).repeatIn.some((r) => r !== undefined),
      'some statements repeat',
    );
    analysis.attributions.forEach((a, i) => {
      assert.equal(table.uncertain(i), isUncertain(a));
      assert.deepEqual(table.span(i, 'cue'), a.cue);
      assert.deepEqual(table.span(i, 'mention'), a.sourceMention);
      assert.equal(table.position(i), a.content[0]?.start ?? a.cue?.start ?? -1);
    });
  });

  it('joins slices of tables, each moved by its shift, into the columns of the whole list', () => {
    const random = mulberry32(4);
    const shapes = everyShape();
    for (let round = 0; round < 50; round++) {
      const cuts = [0, ...Array.from({ length: 3 }, () => Math.floor(random() * shapes.length)), shapes.length].sort(
        (a, b) => a - b,
      );
      // Moved spans stay in the text: a shift back is at most the 10 characters before the first.
      const shifts = cuts.map(() => Math.floor(random() * 40) - 10);
      const table = StatementTable.from(shapes);
      const slices = cuts.slice(1).map((end, k) => ({ table, from: cuts[k], count: end - cuts[k], shift: shifts[k] }));
      const expected = cuts.slice(1).flatMap((end, k) => shapes.slice(cuts[k], end).map((a) => moved(a, shifts[k])));
      assert.deepEqual(StatementTable.join(slices).toArray(), withoutSentences(expected), `round ${round}`);
    }
  });

  it("makes an analysis's list of statements only when it is read, and then once", () => {
    const analysis = analyze(newsDocument(10 * 1024, 3));
    const table = StatementTable.from(analysis.attributions);
    const received = withStatements({ ...analysis, attributions: [] }, table);
    assert.equal(statementsOf(received), table);
    assert.ok(Object.getOwnPropertyDescriptor(received, 'attributions')?.get, 'not made yet');
    const list = received.attributions;
    assert.deepEqual(list, withoutSentences(analysis.attributions));
    assert.equal(received.attributions, list, 'made once');
  });

  it('copies an analysis with a list replaced, its statements still columns, not made into objects', () => {
    const analysis = analyze(newsDocument(10 * 1024, 3));
    const table = StatementTable.from(analysis.attributions);
    const received = withStatements({ ...analysis, attributions: [] }, table);
    const copy = analysisWith(received, { messages: [] });
    assert.equal(statementsOf(copy), table);
    assert.ok(Object.getOwnPropertyDescriptor(received, 'attributions')?.get, 'the original not made');
    assert.ok(Object.getOwnPropertyDescriptor(copy, 'attributions')?.get, 'the copy not made');
    assert.deepEqual(copy.messages, []);
    assert.equal(copy.claims, analysis.claims);
    assert.deepEqual(copy.attributions, withoutSentences(analysis.attributions));
  });

  it('builds the columns of an analysis that came without them (an inline one), once', () => {
    const analysis = analyze(newsDocument(10 * 1024, 5));
    assert.equal(statementsOf(analysis), statementsOf(analysis));
    assert.deepEqual(statementsOf(analysis).toArray(), withoutSentences(analysis.attributions));
  });

  it("after each of 40 random edits, the delta's kept, sent and moved statements join into the new analysis's", () => {
    const random = mulberry32(12);
    let text = newsDocument(20 * 1024, 6);
    let before = analyze(text).attributions;
    let sent = 0;
    let sentAsObjects = 0;
    let total = 0;
    for (let step = 0; step < 40; step++) {
      const at = Math.floor(random() * text.length);
      const piece = ['x', ' Officials said it. ', '“', '\n\n'][step % 4];
      text = text.slice(0, at) + piece + text.slice(at);
      const after = analyze(text).attributions;
      const [old, next] = [StatementTable.from(before), StatementTable.from(after)];
      const { keep, tail } = statementDelta(old, next, piece.length);
      const middle = next.length - keep - tail;
      const joined = StatementTable.join([
        { table: old, from: 0, count: keep, shift: 0 },
        { table: next.slice(keep, middle), from: 0, count: middle, shift: 0 },
        { table: old, from: old.length - tail, count: tail, shift: piece.length },
      ]);
      assert.deepEqual(joined.toArray(), withoutSentences(after), `step ${step}`);
      sent += middle;
      sentAsObjects += itemsSent(listDelta(before, after, piece.length));
      total += after.length;
      before = after;
    }
    // An added sentence renumbers every later statement's sentences, which the host is not sent: compared
    // without them, fewer statements cross again than the objects' delta would send.
    assert.ok(sent < sentAsObjects && sent < total / 4, `${sent} sent, ${sentAsObjects} as objects, of ${total}`);
  });
});
