// The CLI and the sources registry: the nearest .sourcelens.json at or above each input is read, its
// standings reach the JSON report and low-standing-source, its severities apply, and a bad file is reported
// as file:line:col and the analysis goes on.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisReport } from '../../src/core';
import { runCli as cli } from '../support/run-cli';

const ARTICLE =
  'Mayor Ali Hassan said on Monday that crime had fallen by 40 percent. Experts say the figure is wrong. ' +
  'The council claimed the budget was balanced.\n';

describe('cli: sources registry', () => {
  let dir: string;
  let article: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'source-lens-registry-'));
    mkdirSync(join(dir, 'desk', 'drafts'), { recursive: true });
    article = join(dir, 'desk', 'drafts', 'story.txt');
    writeFileSync(article, ARTICLE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writeRegistry = (folder: string, content: object | string) =>
    writeFileSync(
      join(dir, folder, '.sourcelens.json'),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  const ruleIds = (report: AnalysisReport) => report.files[0].messages.map((m) => `${m.ruleId}:${m.severity}`);

  it('reads the registry of a folder above the file: standings in the report, low-standing-source', () => {
    writeRegistry('desk', { sources: [{ name: 'Ali Hassan', standing: 'discredited', note: 'Invented figures.' }] });
    const result = cli(['analyze', '--format', 'json', article]);
    assert.equal(result.stderr, '');
    const report = JSON.parse(result.stdout) as AnalysisReport;
    const hassan = report.files[0].sources.find((s) => s.name === 'Mayor Ali Hassan' || s.name === 'Ali Hassan');
    assert.deepEqual(hassan?.registered, { name: 'Ali Hassan', standing: 'discredited', note: 'Invented figures.' });
    assert.equal(ruleIds(report).includes('low-standing-source:warning'), true);
  });

  it('applies the registry’s severities: a level changes, "off" removes', () => {
    const before = JSON.parse(cli(['analyze', '--format', 'json', article]).stdout) as AnalysisReport;
    assert.equal(ruleIds(before).includes('vague-source:info'), true);
    assert.equal(ruleIds(before).includes('loaded-attribution-verb:info'), true);
    writeRegistry('desk', { severity: { 'vague-source': 'off', 'loaded-attribution-verb': 'error' } });
    const after = JSON.parse(cli(['analyze', '--format', 'json', article]).stdout) as AnalysisReport;
    assert.equal(
      ruleIds(after).some((id) => id.startsWith('vague-source')),
      false,
    );
    assert.equal(ruleIds(after).includes('loaded-attribution-verb:error'), true);
  });

  it('gates a pipeline on the team’s levels: a rule the registry sets to error makes the exit status 1', () => {
    assert.equal(cli(['analyze', article]).code, 0);
    writeRegistry('desk', { severity: { 'loaded-attribution-verb': 'error' } });
    const gated = cli(['analyze', '--format', 'sarif', article]);
    assert.equal(gated.code, 1);
    assert.match(gated.stdout, /"level": "error"/);
  });

  it('reports a bad registry as file:line:col and goes on with the defaults', () => {
    writeRegistry('desk', '{\n  "sources": [\n    { "name": "Ali Hassan" "standing": "discredited" }\n  ]\n}\n');
    const result = cli(['analyze', '--format', 'json', article]);
    assert.equal(result.code, 0);
    assert.equal(
      result.stderr,
      `source-lens: ${join(dir, 'desk', '.sourcelens.json')}:3:28: JSON syntax: comma expected.\n`,
    );
    const report = JSON.parse(result.stdout) as AnalysisReport;
    assert.equal(
      report.files[0].sources.some((s) => s.registered),
      false,
    );
  });

  it('takes --registry over the nearest file, and a missing --registry file is a usage error', () => {
    writeRegistry('desk', { sources: [{ name: 'Ali Hassan', standing: 'discredited' }] });
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ sources: [{ name: 'Ali Hassan', standing: 'official' }] }));
    const report = JSON.parse(
      cli(['analyze', '--format', 'json', '--registry', other, article]).stdout,
    ) as AnalysisReport;
    assert.deepEqual(report.files[0].sources.map((s) => s.registered?.standing).filter(Boolean), ['official']);
    const missing = cli(['analyze', '--registry', join(dir, 'nope.json'), article]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--registry: cannot read .*nope\.json/);
  });
});
