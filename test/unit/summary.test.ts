// The summary the status bar, the language status item and the Sources view show, from in-memory text.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { summarizeAnalysis } from '../../src/core/report';

describe('summary', () => {
  it('counts attributed statements, unattributed claims and sources, named and anonymous', () => {
    const text = [
      '“We will rebuild the bridge by spring,” said Mayor Ana Ruiz.',
      'The repairs will cost 40 million dollars, officials said.',
      'Traffic on the bridge has doubled since 2010, the largest rise in the county.',
    ].join('\n\n');
    const summary = summarizeAnalysis(analyze(text));
    assert.deepEqual(summary, {
      attributed: 2,
      unattributed: 1,
      linked: 0,
      attributedShare: 2 / 3,
      sources: 2,
      named: 1,
      anonymous: 1,
      singleSource: false,
    });
  });

  it('a single source is one source with more than one statement', () => {
    const two = '“We will rebuild the bridge,” said Mayor Ana Ruiz.\n\n“It will open in May,” Ruiz said.';
    assert.deepEqual(summarizeAnalysis(analyze(two)), {
      attributed: 2,
      unattributed: 0,
      linked: 0,
      attributedShare: 1,
      sources: 1,
      named: 1,
      anonymous: 0,
      singleSource: true,
    });
    const one = '“We will rebuild the bridge,” said Mayor Ana Ruiz.';
    assert.equal(summarizeAnalysis(analyze(one)).singleSource, false);
  });

  it('a text with nothing claim-like is wholly attributed', () => {
    assert.deepEqual(summarizeAnalysis(analyze('')), {
      attributed: 0,
      unattributed: 0,
      linked: 0,
      attributedShare: 1,
      sources: 0,
      named: 0,
      anonymous: 0,
      singleSource: false,
    });
  });
});
