// The CLI's deadline (--timeout, issue 14): an analysis that runs past it is stopped (its worker ended)
// and the file skipped with one line on standard error; the files after it are analysed by a new worker;
// a run in which nothing was analysed exits 2. The slow input is 2 MB of news-like text (the pathological
// shapes are all fast now), which takes several hundred milliseconds, against a deadline of 50.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisReport } from '../../src/core/report/json-report';
import { newsDocument } from '../host-bench/news';
import { runCli } from '../support/run-cli';

const STATEMENT = '“We won the cup today,” Jane Smith said.\n';

describe('cli --timeout', function () {
  this.timeout(30_000);
  let dir: string;
  let slow: string;
  let good: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'source-lens-timeout-'));
    slow = join(dir, 'a-slow.md');
    good = join(dir, 'b-good.md');
    writeFileSync(slow, newsDocument(2 * 1024 * 1024, 3));
    writeFileSync(good, STATEMENT);
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops a file past the deadline with one line, and analyses the next file in a new worker', () => {
    const result = runCli(['analyze', '--format', 'json', '--timeout', '50', slow, good]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stderr,
      `source-lens: ${slow}: analysis stopped after 0.05 s (--timeout); skipped (raise --timeout, or split the file)\n`,
    );
    const report = JSON.parse(result.stdout) as AnalysisReport;
    assert.deepEqual(
      report.files.map((f) => f.path),
      [good],
      'the stopped file is left out of the report',
    );
    assert.equal(report.files[0].sources[0]?.name, 'Jane Smith');
  });

  it('exits 2 when every file was stopped, with no report', () => {
    const result = runCli(['analyze', '--timeout=50', slow]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, result.stderr);
    assert.match(lines[0], /a-slow\.md: analysis stopped after 0\.05 s \(--timeout\)/);
    assert.match(lines[1], /^source-lens: nothing to analyse: .*\(exit status 2\)$/);
  });

  it('with --corpus gives the corpus --timeout times its number of files, and names the corpus when it stops', () => {
    const result = runCli(['analyze', '--corpus', '--timeout', '25', slow, good]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^source-lens: the corpus of 2 files: analysis stopped after 0\.05 s \(--timeout\)/);
  });

  it('within the default deadline, a file is analysed as before', () => {
    const result = runCli(['analyze', '--format', 'json', good]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.equal((JSON.parse(result.stdout) as AnalysisReport).files[0].sources[0]?.name, 'Jane Smith');
  });

  for (const bad of ['0', '-5', '1.5', 'soon'])
    it(`refuses --timeout ${bad} as bad usage`, () => {
      const result = runCli(['analyze', '--timeout', bad, good]);
      assert.equal(result.code, 2);
      assert.equal(result.stderr, 'source-lens: --timeout must be a positive whole number of milliseconds\n');
    });
});
