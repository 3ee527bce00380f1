import assert from 'node:assert/strict';
import { analyze, analyzeCorpus } from '../../src/core';
import {
  escapeMarkdown,
  isSourceLensReport,
  markdownReport,
  REPORT_MARKER,
} from '../../src/core/report/markdown-report';

describe('markdown report', () => {
  it('lists sources with their statements, claims, duplicates and boilerplate', () => {
    const text =
      '“We will rebuild the bridge by spring,” said Mayor Ana Ruiz.\nTraffic on the bridge has doubled since 2010, the largest rise in the county.\n';
    const report = markdownReport('draft.txt', text, analyze(text));
    assert.match(report, /^# Source Lens report: draft\\\.txt$/m);
    assert.match(report, /### Ana Ruiz \(person, 1 statement\)/);
    assert.match(report, /\| line 1 \| direct \| said \|/);
    assert.match(report, /## Unattributed claims \(1\)\n\n\| where .*\n.*\n\| line 2 \|/);
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

describe('markdown report as a file', () => {
  const statement = 'Ruiz said the repairs would cost 40 million dollars.';
  const story = ['# Bridge', statement, 'Traffic on the bridge has doubled since 2010.', statement].join('\n\n');

  it('starts with the marker, and Source Lens recognises it (and a report written before the marker)', () => {
    const report = markdownReport('story.md', story, analyze(story, { format: 'markdown' }));
    assert.equal(report.split('\n')[0], REPORT_MARKER);
    assert.ok(isSourceLensReport(report));
    assert.ok(isSourceLensReport('\uFEFF\n' + report));
    assert.ok(isSourceLensReport('# Source Lens report: story\\.md\n\n## Sources (0)\n'));
    assert.ok(!isSourceLensReport(story));
    assert.ok(!isSourceLensReport('<!-- source-lens-disable-file -->\n' + story), 'a story with the control comment');
    assert.ok(!isSourceLensReport(undefined as unknown as string));
  });

  it('read as Markdown, it raises no findings (the marker is a control comment for the whole file)', () => {
    const report = markdownReport('story.md', story, analyze(story, { format: 'markdown' }));
    assert.ok(
      analyze(report.replace(REPORT_MARKER, ''), { format: 'markdown' }).messages.length > 0,
      'a finding to silence',
    );
    assert.deepEqual(
      analyze(report, { format: 'markdown' }).messages.map((m) => m.ruleId),
      [],
    );
  });

  it('gives the first copy of a duplicate in the same document as `line N`', () => {
    const analysis = analyze(story, { format: 'markdown', path: '/home/ed/story.md' });
    assert.equal(analysis.duplicates.length, 1);
    const report = markdownReport('story.md', story, analysis, ['/home/ed/story.md']);
    assert.match(report, /\| line 7 \| 100% \| line 3 \|/);
    assert.ok(!report.includes('/home/ed'), 'no path for the document itself');
  });

  it('gives the first copy in another document as its path and line', () => {
    const first = ['Intro line.', '', 'More intro.', '', statement].join('\n');
    const results = analyzeCorpus([
      { path: 'file:///w/a.md', text: first, format: 'markdown' },
      { path: 'file:///w/b.md', text: story, format: 'markdown' },
    ]);
    const analysis = results[1].analysis;
    const other = (path: string): { label: string; text?: string } | undefined =>
      path === 'file:///w/a.md' ? { label: 'drafts/a.md', text: first } : undefined;
    const report = markdownReport('b.md', story, analysis, ['file:///w/b.md'], other);
    assert.match(report, /\| drafts\/a\\\.md line 5 \|/);
    const unknown = markdownReport('b.md', story, analysis, ['file:///w/b.md']);
    assert.match(unknown, /\| file:\/\/\/w\/a\\\.md \|/);
  });
});
