// The summary the status bar, the language status item and the Sources view show, from in-memory text.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { summarizeAnalysis } from '../../src/core/report';
import { parseRegistry } from '../../src/core/source-registry';
import { ownPaths, summarize } from '../../src/extension/summary';

describe('summary', () => {
  it('counts attributed statements, unattributed claims and sources, named, anonymous and vague', () => {
    const text = [
      '“We will rebuild the bridge by spring,” said Mayor Ana Ruiz.',
      'The repairs will cost 40 million dollars, officials said.',
      'A senior official said the work would take a year.',
      'Traffic on the bridge has doubled since 2010, the largest rise in the county.',
    ].join('\n\n');
    const summary = summarizeAnalysis(analyze(text));
    assert.deepEqual(summary, {
      attributed: 3,
      unattributed: 1,
      linked: 0,
      attributedShare: 3 / 4,
      sources: 3,
      named: 1,
      anonymous: 1,
      vague: 1,
      repeated: 0,
      singleSource: false,
    });
  });

  it('warns of a single source when the single-source rule reports one: three statements, not two', () => {
    const two = '“We will rebuild the bridge,” said Mayor Ana Ruiz.\n\n“It will open in May,” Ruiz said.';
    assert.deepEqual(summarizeAnalysis(analyze(two)), {
      attributed: 2,
      unattributed: 0,
      linked: 0,
      attributedShare: 1,
      sources: 1,
      named: 1,
      anonymous: 0,
      vague: 0,
      repeated: 0,
      singleSource: false,
    });
    const three = `${two}\n\n“Nobody will pay more,” she added.`;
    assert.equal(summarizeAnalysis(analyze(three)).singleSource, true);
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
      vague: 0,
      repeated: 0,
      singleSource: false,
    });
  });
});

describe('summary words (extension)', () => {
  const RUIZ = '“We will rebuild the bridge by spring,” said Mayor Ana Ruiz.';
  const RUIZ_COST = 'Ruiz said the repairs would cost 40 million dollars.';

  it('says the balance, each kind with its sources, statements and share, and counts a repeat once', () => {
    const text = [
      RUIZ,
      RUIZ_COST,
      'Experts say the bridge is unsafe.',
      'A senior official said the repairs would be delayed.',
      RUIZ_COST,
    ].join('\n\n');
    const summary = summarize(analyze(text));
    assert.equal(summary.status, '4 attributed · 0 unattributed');
    assert.equal(summary.short, '100% attributed');
    assert.equal(summary.balanceLine, '1 named · 1 anonymous · 1 vague');
    assert.deepEqual(
      summary.balance.map((row) => `${row.label}: ${row.description}`),
      [
        'Named: 1 source · 2 statements (50%)',
        'Anonymous: 1 source · 1 statement (25%)',
        'Vague: 1 source · 1 statement (25%)',
        'Named, in the registry: 0 sources · 0 statements (0%)',
        'Named, not in the registry: 1 source · 2 statements (50%)',
      ],
    );
    assert.equal(
      summary.long,
      '100% of claim-like content has a source: 4 attributed statements, 0 unattributed claims. ' +
        '3 sources: 1 named, 1 anonymous, 1 vague. 0 of 1 named in the sources registry. ' +
        '1 statement in repeated passages counted once.',
    );
    assert.equal(summary.singleSourceMessage, undefined);
  });

  it('counts the named sources the registry lists, and the low-standing ones among them', () => {
    const text = [RUIZ, 'Experts say the bridge is unsafe.', 'Mayor Tom Berg said the budget was balanced.'].join(
      '\n\n',
    );
    const { registry } = parseRegistry(
      JSON.stringify({
        sources: [
          { name: 'Ana Ruiz', standing: 'discredited' },
          { name: 'experts', standing: 'expert' },
        ],
      }),
    );
    const summary = summarize(analyze(text, { registry }));
    assert.equal(summary.registered, 1);
    assert.equal(summary.lowStanding, 1);
    assert.match(summary.long, / 1 of 2 named in the sources registry, 1 unverified or discredited\./);
    assert.deepEqual(
      summary.balance.slice(3).map((row) => `${row.label}: ${row.description.split(' · ')[0]}`),
      ['Named, in the registry: 1 source', 'Named, not in the registry: 1 source'],
    );
  });

  it('carries single-source’s message into the summary text', () => {
    const text = [RUIZ, RUIZ_COST, '“Nobody will pay more in tax,” she added.'].join('\n\n');
    const summary = summarize(analyze(text));
    assert.equal(summary.singleSourceMessage?.ruleId, 'single-source');
    assert.match(summary.long, /⚠ One source carries the article: Ana Ruiz has 3 of the 3/);
  });

  it('a document’s own paths are its URI’s path and the whole URI (as Analyze Workspace names it)', () => {
    assert.deepEqual(ownPaths({ path: '/w/a.md', toString: () => 'file:///w/a.md' }), ['/w/a.md', 'file:///w/a.md']);
  });
});
