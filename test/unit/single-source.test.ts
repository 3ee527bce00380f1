// Statements counted once (a statement inside a repeated passage is the same statement again) and the
// single-source rule built on that count, on realistic sentences: fires on a story one voice carries, not
// on a balanced one, a short one, or one that only looks one-sided because the page repeats itself.
import assert from 'node:assert/strict';
import { analyze, analyzeCorpus } from '../../src/core/analyze';
import { countStatements } from '../../src/core/duplicates';
import { summarizeAnalysis, toReport } from '../../src/core/report';
import { dominantSource, singleSourceOptions } from '../../src/core/rules';

const paragraphs = (...lines: string[]): string => lines.join('\n\n');
const RUIZ = '“We will rebuild the bridge by spring,” said Mayor Ana Ruiz.';
const RUIZ_COST = 'Ruiz said the repairs would cost 40 million dollars.';
const RUIZ_TAX = '“Nobody will pay more in tax,” she added.';
const BERG = 'Council member Tom Berg said the timetable was too tight.';

const singleSourceMessages = (text: string, options = {}) =>
  analyze(text, options).messages.filter((m) => m.ruleId === 'single-source');

describe('statements counted once', () => {
  it('a statement inside a repeated passage is not counted, and knows the passage it repeats', () => {
    const text = paragraphs(RUIZ, RUIZ_COST, 'Traffic on the bridge has doubled since 2010.', RUIZ, RUIZ_COST);
    const analysis = analyze(text);
    assert.equal(analysis.sources.length, 1);
    assert.equal(analysis.sources[0].attributions.length, 4, 'the sources stage sees every copy');
    const counts = countStatements(analysis);
    assert.deepEqual(counts.statements, [2]);
    assert.deepEqual(counts.quotes, [1]);
    assert.equal(counts.attributed, 2);
    assert.deepEqual(
      counts.repeatIn.map((repeat) => repeat && text.slice(repeat.of.start, repeat.of.end)),
      [undefined, undefined, RUIZ, RUIZ_COST],
    );
    const summary = summarizeAnalysis(analysis);
    assert.equal(summary.attributed, 2);
    assert.equal(summary.repeated, 2);
  });

  it('a passage first printed in another document of a corpus is this document’s only copy: it counts', () => {
    const [, second] = analyzeCorpus([
      { path: 'a.md', text: paragraphs(RUIZ, RUIZ_COST) },
      { path: 'b.md', text: paragraphs(RUIZ_COST, BERG) },
    ]);
    assert.equal(second.analysis.duplicates[0]?.of.path, 'a.md', 'the corpus finds the copy');
    assert.equal(countStatements(second.analysis, 'b.md').attributed, 2);
    assert.equal(countStatements(second.analysis, 'a.md').attributed, 1, 'taken as its own, the copy is a repeat');
  });

  it('the summary sorts sources into named, anonymous and vague', () => {
    const text = paragraphs(
      'Experts say the bridge is unsafe.',
      'A senior official said the repairs would be delayed.',
      RUIZ,
    );
    const { named, anonymous, vague, sources } = summarizeAnalysis(analyze(text));
    assert.deepEqual({ named, anonymous, vague, sources }, { named: 1, anonymous: 1, vague: 1, sources: 3 });
  });
});

describe('single-source', () => {
  it('fires once when one source has three of four statements, on its first mention, pointing at each statement', () => {
    const text = paragraphs(RUIZ, RUIZ_COST, RUIZ_TAX, BERG);
    const [message, ...others] = singleSourceMessages(text);
    assert.equal(others.length, 0);
    assert.equal(text.slice(message.start, message.end), 'Mayor Ana Ruiz');
    assert.equal(
      message.reason,
      'One source carries the article: Ana Ruiz has 3 of the 4 attributed statements (75%). Is there another voice to hear?',
    );
    assert.equal(message.severity, 'info');
    assert.deepEqual(
      message.related?.map((r) => [text.slice(r.start, r.end), r.reason]),
      [
        ['“We will rebuild the bridge by spring,”', 'Statement 1 of 3 from Ana Ruiz.'],
        ['the repairs would cost 40 million dollars', 'Statement 2 of 3 from Ana Ruiz.'],
        ['“Nobody will pay more in tax,”', 'Statement 3 of 3 from Ana Ruiz.'],
      ],
    );
  });

  it('does not fire on two sides with two statements each', () => {
    const text = paragraphs(RUIZ, RUIZ_COST, BERG, 'Berg, who chairs the finance committee, said costs would rise.');
    assert.deepEqual(singleSourceMessages(text), []);
  });

  it('does not fire on a short item whose one source says two things', () => {
    assert.deepEqual(singleSourceMessages(paragraphs(RUIZ, RUIZ_COST)), []);
  });

  it('does not fire on a page that prints its two statements twice: four statements, counted once, are two', () => {
    const text = paragraphs(RUIZ, RUIZ_COST, 'Traffic on the bridge has doubled since 2010.', RUIZ, RUIZ_COST);
    assert.deepEqual(singleSourceMessages(text), []);
    // The same four statements written out, not repeated, are one source's four.
    const four = paragraphs(RUIZ, RUIZ_COST, RUIZ_TAX, 'Ruiz said the work would start in March.');
    assert.equal(singleSourceMessages(four).length, 1);
  });

  it('reads its thresholds from the options, and falls back to the defaults on unusable ones', () => {
    const text = paragraphs(RUIZ, RUIZ_COST, RUIZ_TAX, BERG);
    assert.deepEqual(singleSourceMessages(text, { singleSource: { share: 0.8 } }), []);
    assert.deepEqual(singleSourceMessages(text, { singleSource: { minStatements: 4 } }), []);
    assert.equal(singleSourceMessages(paragraphs(RUIZ, RUIZ_COST), { singleSource: { minStatements: 2 } }).length, 1);
    assert.deepEqual(singleSourceMessages('', { singleSource: { share: 0, minStatements: 1 } }), []);
    assert.deepEqual(singleSourceOptions({ share: 7, minStatements: Number.NaN }), { share: 0.6, minStatements: 3 });
    assert.equal(dominantSource(countStatements(analyze('')), { share: 0, minStatements: 1 }), undefined);
  });

  it('a control comment before the first mention silences it, and the summary then has no warning', () => {
    const text = paragraphs('source-lens: disable-next-line single-source', RUIZ, RUIZ_COST, RUIZ_TAX, BERG);
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.messages.filter((m) => m.ruleId === 'single-source'),
      [],
    );
    assert.equal(summarizeAnalysis(analysis).singleSource, false);
    assert.equal(summarizeAnalysis(analyze(paragraphs(RUIZ, RUIZ_COST, RUIZ_TAX, BERG))).singleSource, true);
  });

  it('the JSON report carries the related places', () => {
    const report = toReport('story.md', analyze(paragraphs(RUIZ, RUIZ_COST, RUIZ_TAX, BERG)));
    const message = report.messages.find((m) => m.ruleId === 'single-source');
    assert.equal(message?.related?.length, 3);
    assert.ok(message.related.every((r) => Number.isInteger(r.start) && r.end > r.start && r.reason.length > 0));
  });
});
