import assert from 'node:assert/strict';
import type { RuleId } from '../../src/core';
import { withoutDoubledUnderlines } from '../../src/extension/doubled-underlines';
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
  it('by default, an information-level unattributed claim (filled amber) is a hint; other findings keep their level', () => {
    const quiet = withoutDoubledUnderlines(levels({}), findings, { highlights: true, underlineHighlighted: false });
    assert.deepEqual([...quiet], [LEVEL.hint, LEVEL.information, LEVEL.warning, LEVEL.hint]);
  });

  it('keeps the squiggle when sourceLens.diagnostics.underlineHighlighted is on, or when the highlights are off', () => {
    for (const options of [
      { highlights: true, underlineHighlighted: true },
      { highlights: false, underlineHighlighted: false },
    ]) {
      const kept = withoutDoubledUnderlines(levels({}), findings, options);
      assert.deepEqual(
        [...kept],
        [LEVEL.information, LEVEL.information, LEVEL.warning, LEVEL.hint],
        JSON.stringify(options),
      );
    }
  });

  it('never lowers a claim the user raised to warning or error, nor one turned off', () => {
    const options = { highlights: true, underlineHighlighted: false };
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
  it('are those the trained tagger found, for now', () => {
    assert.equal(isUncertain({ foundBy: 'tagger' }), true);
    assert.equal(isUncertain({}), false);
  });
});
