import assert from 'node:assert/strict';
import type { RuleId } from '../../src/core';
import { fillsClaims, readClaimMark, withoutDoubledUnderlines } from '../../src/extension/doubled-underlines';
import { LEVEL, levelsOf } from '../../src/extension/max-problems';
import { DEFAULT_SEVERITY } from '../../src/extension/severity-settings';
import { isUncertain } from '../../src/extension/uncertainty';

const findings: Array<{ ruleId: RuleId }> = [
  { ruleId: 'unattributed-claim' },
  { ruleId: 'anonymous-source' },
  { ruleId: 'duplicate-passage' },
  { ruleId: 'boilerplate' },
];
const levels = (chosen: Partial<Record<RuleId, 'error' | 'warning' | 'information' | 'hint' | 'off'>>) =>
  levelsOf(findings, chosen, DEFAULT_SEVERITY);

describe('no squiggle doubling a highlight', () => {
  it('with claims marked by their highlight, an information-level claim is a hint; other findings keep their level', () => {
    const options = { highlights: true, claimMark: 'highlight' as const };
    const quiet = withoutDoubledUnderlines(levels({}), findings, options);
    assert.deepEqual([...quiet], [LEVEL.hint, LEVEL.information, LEVEL.warning, LEVEL.information]);
    assert.equal(fillsClaims(options), true);
  });

  it('by default a claim keeps its squiggle and is not filled; "both" fills it and keeps the squiggle', () => {
    assert.equal(fillsClaims({ highlights: true, claimMark: 'squiggle' }), false);
    assert.equal(fillsClaims({ highlights: true, claimMark: 'both' }), true);
    assert.equal(fillsClaims({ highlights: false, claimMark: 'both' }), false, 'no highlights, no fill');
    assert.equal(readClaimMark(undefined), 'squiggle');
    assert.equal(readClaimMark('loud'), 'squiggle');
    assert.equal(readClaimMark('both'), 'both');
  });

  it('keeps the squiggle unless the highlight is the mark, and whenever the highlights are off', () => {
    for (const options of [
      { highlights: true, claimMark: 'squiggle' as const },
      { highlights: true, claimMark: 'both' as const },
      { highlights: false, claimMark: 'highlight' as const },
    ]) {
      const kept = withoutDoubledUnderlines(levels({}), findings, options);
      assert.deepEqual(
        [...kept],
        [LEVEL.information, LEVEL.information, LEVEL.warning, LEVEL.information],
        JSON.stringify(options),
      );
    }
  });

  it('never lowers a claim the user raised to warning or error, nor one turned off', () => {
    const options = { highlights: true, claimMark: 'highlight' as const };
    assert.equal(
      withoutDoubledUnderlines(levels({ 'unattributed-claim': 'warning' }), findings, options)[0],
      LEVEL.warning,
    );
    assert.equal(
      withoutDoubledUnderlines(levels({ 'unattributed-claim': 'error' }), findings, options)[0],
      LEVEL.error,
    );
    assert.equal(withoutDoubledUnderlines(levels({ 'unattributed-claim': 'off' }), findings, options)[0], -1);
  });
});

describe('uncertain statements', () => {
  it('are those the trained tagger found and those whose speaker the analysis is unsure of', () => {
    assert.equal(isUncertain({ foundBy: 'tagger' }), true);
    assert.equal(isUncertain({ uncertainty: { reasons: ['pronoun-ambiguous'], alternatives: [1] } }), true);
    assert.equal(isUncertain({ uncertainty: { reasons: ['speaker-far'], alternatives: [] } }), true);
    assert.equal(isUncertain({}), false);
  });
});
