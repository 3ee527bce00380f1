// Where the analysis is unsure who said a statement (Attribution.uncertainty): a pronoun with a rival source
// named just before it, a speaker named sentences away from the words, a statement the tagger read; the
// alternatives offered; an editor's correction settling it; the JSON contract's field.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { correctionInsert, toReport } from '../../src/core/report';
import type { Analysis } from '../../src/core/types';

/** Per statement: its first words, its speaker's name, and the uncertainty with alternatives by name. */
function read(text: string, analysis: Analysis) {
  return analysis.attributions.map((a) => ({
    words: text.slice(a.content[0].start, a.content[0].end),
    source: a.source === null ? null : analysis.sources[a.source].name,
    uncertainty: a.uncertainty && {
      reasons: a.uncertainty.reasons,
      alternatives: a.uncertainty.alternatives.map((i) => analysis.sources[i].name),
    },
  }));
}

const AMBIGUOUS =
  '“The pipe will be replaced by May,” Samuel Reyes said, and Maria Delgado said she doubted it. “I will believe it when I see the concrete,” she said.';

describe('speaker uncertainty', () => {
  it('a “she” with another person named in the same or the previous sentence is ambiguous', () => {
    const statements = read(AMBIGUOUS, analyze(AMBIGUOUS));
    assert.deepEqual(statements[2], {
      words: '“I will believe it when I see the concrete,”',
      source: 'Maria Delgado',
      uncertainty: { reasons: ['pronoun-ambiguous'], alternatives: ['Samuel Reyes'] },
    });
    // The named speakers are certain.
    assert.equal(statements[0].uncertainty, undefined);
    assert.equal(statements[1].uncertainty, undefined);
  });

  it('a pronoun whose only candidate is in the previous sentence is not ambiguous', () => {
    const text =
      'Samuel Reyes said the pipe would be replaced by May. Maria Delgado said she doubted it. “I will believe it when I see the concrete,” she said.';
    const statements = read(text, analyze(text));
    assert.equal(statements[2].source, 'Maria Delgado');
    assert.deepEqual(
      statements.map((s) => s.uncertainty),
      [undefined, undefined, undefined],
    );
  });

  it('the issue draft: “She said her basement…” credited to the director offers the resident', () => {
    const text = [
      'Public Works Director Samuel Reyes said the city will spend $4 million on a flood wall along the river. He said construction would start in May.',
      '',
      'Maria Delgado, who lives on Elm Street, spoke against it during the public comment period.',
      '',
      'She said her basement has flooded three times since 2019.',
    ].join('\n');
    const basement = read(text, analyze(text, { format: 'markdown' })).find((s) => s.words.startsWith('her basement'))!;
    assert.deepEqual(basement.uncertainty, { reasons: ['pronoun-ambiguous'], alternatives: ['Maria Delgado'] });
  });

  it('a quote two sentences past its speaker’s is far from him; the next sentence is not', () => {
    const text =
      '“We will fix the pipe,” Samuel Reyes said.\n\nReyes is hopeful about the repairs. The council meets on Monday.\n\n“The money is already there.”';
    const statements = read(text, analyze(text));
    assert.deepEqual(statements[1], {
      words: '“The money is already there.”',
      source: 'Samuel Reyes',
      uncertainty: { reasons: ['speaker-far'], alternatives: [] },
    });
    assert.equal(statements[0].uncertainty, undefined);
    // The quote in the next sentence continues his statement: near.
    const near = '“We will fix the pipe,” Samuel Reyes said.\n\n“The money is already there.”';
    const [continued] = analyze(near).attributions;
    assert.equal(continued.content.length, 2);
    assert.equal(continued.uncertainty, undefined);
  });

  it('an editor’s speaker correction settles it; the JSON report names the alternatives', () => {
    const analysis = analyze(AMBIGUOUS);
    const report = toReport('draft.txt', analysis);
    assert.deepEqual(report.attributions[2].uncertainty, {
      reasons: ['pronoun-ambiguous'],
      alternatives: ['Samuel Reyes'],
    });
    assert.ok(!('uncertainty' in report.attributions[0]), 'a certain statement has no field');
    const edit = correctionInsert(AMBIGUOUS, analysis, { attribution: 2 }, 'speaker', 'Samuel Reyes');
    const text = AMBIGUOUS.slice(0, edit.offset) + edit.insert + AMBIGUOUS.slice(edit.offset);
    const after = analyze(text);
    const quote = after.attributions.find((a) =>
      text.slice(a.content[0].start, a.content[0].end).includes('concrete'),
    )!;
    assert.equal(after.sources[quote.source!].name, 'Samuel Reyes');
    assert.equal(quote.uncertainty, undefined);
  });
});
