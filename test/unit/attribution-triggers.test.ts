import assert from 'node:assert/strict';
import { AGENTLESS_TRIGGERS } from '../../src/core/attribution/agentless';
import { TOPIC_VERBS } from '../../src/core/attribution/topics';
import { triggersOf } from '../../src/core/attribution/triggers';
import { STATEMENT_STARTS } from '../../src/core/lexicon/cue-lexicon';
import { tokenize } from '../../src/core/text/tokens';

/** The candidates as each finder's own list would give them: every token tested against it. */
function byList(text: string): { statements: number[]; topics: number[]; agentless: number[] } {
  const tokens = tokenize(text, 0, text.length);
  const indices = (list: ReadonlySet<string>): number[] => tokens.flatMap((t, i) => (list.has(t.lower) ? [i] : []));
  return {
    statements: indices(STATEMENT_STARTS),
    topics: indices(TOPIC_VERBS),
    agentless: indices(AGENTLESS_TRIGGERS),
  };
}

describe('attribution triggers', () => {
  it('finds the tokens of each finder’s word list, in order', () => {
    const text =
      'It’s unclear whether Smith, who reportedly called for a recount, said it was expected to pass, according to aides.';
    const triggers = triggersOf(tokenize(text, 0, text.length));
    assert.deepEqual({ ...triggers }, byList(text));
    assert.ok(triggers.statements.length > 0 && triggers.topics.length > 0 && triggers.agentless.length > 0);
  });

  it('misses no listed word, whatever its case, and takes no word that is not listed', () => {
    const listed = [...new Set([...STATEMENT_STARTS, ...TOPIC_VERBS, ...AGENTLESS_TRIGGERS])];
    // Every listed word, its capitalised form, and near misses sharing its first and last letters and length.
    const words = listed.flatMap((w) => [
      w,
      w[0].toUpperCase() + w.slice(1),
      w.length > 2 ? w[0] + 'x'.repeat(w.length - 2) + w[w.length - 1] : w + 'x',
    ]);
    const text = words.join(' , ') + ' ÉTAT café 😀 “quoted” \u212Aeep';
    assert.deepEqual({ ...triggersOf(tokenize(text, 0, text.length)) }, byList(text));
  });
});
