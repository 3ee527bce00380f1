import assert from 'node:assert/strict';
import { chooseProblems, LEVEL, levelsOf, OFF, overflowText } from '../../src/extension/max-problems';
import { DEFAULT_SEVERITY } from '../../src/extension/severity-settings';
import { mulberry32 } from '../support/random';

const { error, warning, information, hint } = LEVEL;

/** The findings chooseProblems shows, as the letters of their levels, and how many it hides. */
function shownOf(levels: number[], maxProblems: number): { shown: string; hidden: number } {
  const { shown, hidden } = chooseProblems(Int8Array.from(levels), maxProblems);
  return { shown: shown.map((i) => `${'EWIH'[levels[i]]}${i}`).join(' '), hidden };
}

describe('maxProblems: which findings the Problems panel shows', () => {
  const defaults = DEFAULT_SEVERITY;
  const findings = (
    ['boilerplate', 'internal-error', 'unattributed-claim', 'duplicate-passage', 'unknown-speaker'] as const
  ).map((ruleId) => ({ ruleId }));

  it("levels: the user's severity for a rule, else the rule's default; 'off' marks a finding turned off", () => {
    assert.deepEqual([...levelsOf(findings, {}, defaults)], [information, error, information, warning, information]);
    assert.deepEqual(
      [
        ...levelsOf(
          findings,
          { boilerplate: 'error', 'unattributed-claim': 'off', 'unknown-speaker': 'hint' },
          defaults,
        ),
      ],
      [error, error, OFF, warning, hint],
    );
  });

  it('levels are numbered as vscode.DiagnosticSeverity: Error 0, Warning 1, Information 2, Hint 3', () => {
    assert.deepEqual(LEVEL, { error: 0, warning: 1, information: 2, hint: 3 });
  });

  // 2 errors, 3 warnings, 2 hints, mixed through the document.
  const mixed = [hint, warning, error, warning, hint, error, warning];

  it('maxProblems 3 of 2 errors, 3 warnings, 2 hints: the two errors and a notice counting 5', () => {
    assert.deepEqual(shownOf(mixed, 3), { shown: 'E2 E5', hidden: 5 });
  });

  it('cuts inside a level: the most severe first, the first ones of the cut-off level, all in document order', () => {
    assert.deepEqual(shownOf(mixed, 5), { shown: 'W1 E2 W3 E5', hidden: 3 });
    assert.deepEqual(shownOf(mixed, 6), { shown: 'W1 E2 W3 E5 W6', hidden: 2 });
    assert.deepEqual(shownOf(mixed, 7), { shown: 'H0 W1 E2 W3 H4 E5 W6', hidden: 0 });
  });

  it('the notice takes one place: with one finding too many, two are counted, not one', () => {
    assert.deepEqual(shownOf(mixed, 6).hidden, 2);
    assert.deepEqual(shownOf([error, error], 1), { shown: '', hidden: 2 });
    assert.deepEqual(shownOf([error], 1), { shown: 'E0', hidden: 0 });
  });

  it('findings turned off are neither shown nor counted, and leave their place to others', () => {
    assert.deepEqual(shownOf([OFF, information, OFF, hint], 2), { shown: 'I1 H3', hidden: 0 });
    assert.deepEqual(shownOf([OFF, information, OFF, hint, hint], 2), { shown: 'I1', hidden: 2 });
    assert.deepEqual(shownOf([OFF, OFF], 1), { shown: '', hidden: 0 });
  });

  it('on random findings: as many as fit with the notice, none hidden that is more severe than one shown', () => {
    const random = mulberry32(10);
    for (let run = 0; run < 300; run++) {
      const levels = Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 5) - 1);
      const max = 1 + Math.floor(random() * 45);
      const found = levels.filter((l) => l >= 0).length;
      // Reference: the counted findings by level, then by place; the first ones that fit; in document order.
      const byRank = levels
        .flatMap((level, i) => (level >= 0 ? [{ level, i }] : []))
        .sort((a, b) => a.level - b.level || a.i - b.i);
      const fit = found > max ? max - 1 : found;
      const expected = byRank
        .slice(0, fit)
        .map((f) => f.i)
        .sort((a, b) => a - b);
      const { shown, hidden } = chooseProblems(Int8Array.from(levels), max);
      assert.deepEqual(shown, expected, `levels ${levels.join(',')}, max ${max}`);
      assert.equal(hidden, found - expected.length);
      assert.ok(shown.length + (hidden > 0 ? 1 : 0) <= max);
    }
  });

  it("the notice's text: how many are not shown and which setting to raise", () => {
    assert.equal(overflowText(1, 1000), '1 more Source Lens finding not shown (sourceLens.maxProblems is 1000).');
    assert.equal(
      overflowText(17250, 1000),
      '17250 more Source Lens findings not shown (sourceLens.maxProblems is 1000).',
    );
  });
});
