import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { escapeMarkdown, markdownReport } from '../../src/core/report/markdown-report';

describe('markdown report', () => {
  it('lists sources with their statements, claims, duplicates and boilerplate', () => {
    const text =
      '“We will rebuild the bridge by spring,” said Mayor Ana Ruiz.\nTraffic on the bridge has doubled since 2010, the largest rise in the county.\n';
    const report = markdownReport('draft.txt', text, analyze(text));
    assert.match(report, /^# Source Lens report: draft\\\.txt/);
    assert.match(report, /### Ana Ruiz \(person, 1 statement\)/);
    assert.match(report, /\| 1:1 \| direct \| said \|/);
    assert.match(report, /## Unattributed claims \(1\)/);
    assert.match(report, /## Duplicated passages \(0\)\n\nNone\./);
  });

  it('escapes document text so it cannot become links, HTML or table cells', () => {
    assert.equal(escapeMarkdown('[x](javascript:alert) <b>|'), '\\[x\\]\\(javascript:alert\\) \\<b\\>\\|');
    const text = '“<img src=x onerror=alert(1)> | [link](http://e.x),” said Ana Ruiz.';
    const report = markdownReport('a.md', text, analyze(text));
    assert.ok(!/(^|[^\\])<img/.test(report), 'an unescaped tag');
    assert.ok(report.includes('\\<img'));
    assert.ok(!report.includes('](http'));
  });
});

describe('markdown report counts', () => {
  it('counts a statement in a repeated passage once and marks it as a repeat', () => {
    const statement = 'Ruiz said the repairs would cost 40 million dollars.';
    const text = [statement, 'Traffic on the bridge has doubled since 2010.', statement].join('\n\n');
    const report = markdownReport('story.txt', text, analyze(text));
    assert.match(report, /### Ruiz \(\w+, 1 statement\)/);
    assert.equal(report.match(/\(repeat, not counted\)/g)?.length, 1);
  });
});
