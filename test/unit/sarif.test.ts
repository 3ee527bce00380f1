// `source-lens analyze --format sarif`: real output of several inputs validated against the published
// SARIF 2.1.0 schema (test/fixtures/sarif/), and the places it gives checked to the column.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { artifactUri, sarifLevel, type SarifLog } from '../../src/cli/sarif-report';
import { RULE_LIST, ruleUrl } from '../../src/core';
import { runCli } from '../support/run-cli';
import { sarifErrors } from '../support/sarif-schema';

const SHARED_PARAGRAPH =
  'The regional water authority confirmed that reservoir levels fell to 31 percent in August. ' +
  'Engineers warned that rationing could begin before the end of the year. ' +
  'Farmers in the valley have already cut planting by a third.';

/** CRLF line endings, a byte-order mark and emoji (two UTF-16 units each) before the places checked. */
const EMOJI_CRLF =
  '\ufeffNAIROBI - The commission met on Monday. 😀\r\n\r\n' +
  'Party time 🎉 here. The council spent 4 million shillings on roads in 2023, the most on record.\r\n\r\n' +
  'She wrote “go home 🎉 now and then.\r\n';

type Result = SarifLog['runs'][number]['results'][number];

describe('analyze --format sarif', function () {
  this.timeout(30_000);
  const repoRoot = process.cwd();
  let dir: string;

  /** Runs the CLI with `dir` as the current directory, as a CI job runs it in its checkout. */
  function sarif(argv: string[], stdin = ''): SarifLog {
    process.chdir(dir);
    try {
      const result = runCli(['analyze', '--format', 'sarif', ...argv], stdin);
      assert.equal(result.code, 0, result.stderr);
      const log = JSON.parse(result.stdout) as SarifLog;
      assert.equal(sarifErrors(log), '', 'valid against the SARIF 2.1.0 schema');
      return log;
    } finally {
      process.chdir(repoRoot);
    }
  }

  const results = (log: SarifLog): Result[] => log.runs[0].results;
  const byRule = (log: SarifLog, ruleId: string): Result[] => results(log).filter((r) => r.ruleId === ruleId);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'source-lens-sarif-'));
    cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), join(dir, 'drafts'), { recursive: true });
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'emoji.txt'), EMOJI_CRLF, 'utf8');
    writeFileSync(join(dir, 'duplicate.txt'), `${SHARED_PARAGRAPH}\n\nA line between.\n\n${SHARED_PARAGRAPH}\n`);
    mkdirSync(join(dir, 'my drafts'));
    writeFileSync(join(dir, 'my drafts', 'café #1.md'), 'Police said the road was closed.\n\n“Unbalanced.\n');
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('validates for the seed-like fixtures, alone and as a corpus', () => {
    for (const argv of [['drafts'], ['--corpus', 'drafts']]) {
      const log = sarif(argv);
      assert.equal(log.runs.length, 1);
      assert.ok(results(log).length > 0, 'the fixtures yield results');
      for (const r of results(log)) {
        assert.match(r.locations[0].physicalLocation.artifactLocation.uri, /^drafts\/[\w-]+\.(md|txt)$/);
      }
    }
  });

  it('describes every rule of the registry, and each result points at its own rule', () => {
    const log = sarif(['drafts']);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'Source Lens');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual(
      driver.rules.map((r) => r.id),
      RULE_LIST.map((r) => r.id),
    );
    for (const [i, rule] of driver.rules.entries()) {
      assert.equal(rule.shortDescription.text, RULE_LIST[i].summary);
      assert.equal(rule.helpUri, ruleUrl(RULE_LIST[i].id));
      assert.equal(rule.defaultConfiguration.level, sarifLevel(RULE_LIST[i].severity));
    }
    for (const r of results(log)) assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
  });

  it('maps error to error, warning to warning, info and hint to note', () => {
    assert.deepEqual((['error', 'warning', 'info', 'hint'] as const).map(sarifLevel), [
      'error',
      'warning',
      'note',
      'note',
    ]);
    const log = sarif(['drafts']);
    assert.ok(byRule(log, 'unattributed-claim').every((r) => r.level === 'note'));
    assert.ok(byRule(log, 'duplicate-passage').every((r) => r.level === 'warning'));
  });

  it('validates for an empty file, with no results', () => {
    assert.deepEqual(results(sarif(['empty.md'])), []);
  });

  it('gives 1-based lines and UTF-16 columns in a CRLF file with emoji, and the offset and length', () => {
    const log = sarif(['emoji.txt']);
    const [claim] = byRule(log, 'unattributed-claim').filter(
      (r) => r.locations[0].physicalLocation.region.startLine === 3,
    );
    assert.ok(claim, JSON.stringify(results(log)));
    // "Party time 🎉 here. " is 20 UTF-16 units (19 code points): the claim starts in column 21.
    assert.deepEqual(claim.locations[0].physicalLocation.region, {
      startLine: 3,
      startColumn: 21,
      endLine: 3,
      endColumn: 96,
      charOffset: 66,
      charLength: 75,
    });
    const [speaker] = byRule(log, 'unknown-speaker');
    assert.ok(speaker, JSON.stringify(results(log)));
    // “go home 🎉 now and then. is 25 units from column 11: the end column counts the emoji as two.
    assert.deepEqual(speaker.locations[0].physicalLocation.region, {
      startLine: 5,
      startColumn: 11,
      endLine: 5,
      endColumn: 36,
      charOffset: 155,
      charLength: 25,
    });
    const [quote] = byRule(log, 'unbalanced-quote');
    assert.equal(quote.message.text, 'Opening quotation mark never closed, before “go home 🎉 now and then”.');
    assert.equal(quote.level, 'warning');
  });

  it('points a duplicate at its first occurrence in relatedLocations', () => {
    const [duplicate] = byRule(sarif(['duplicate.txt']), 'duplicate-passage');
    assert.ok(duplicate);
    const length = SHARED_PARAGRAPH.length;
    assert.deepEqual(duplicate.locations[0].physicalLocation, {
      artifactLocation: { uri: 'duplicate.txt' },
      region: {
        startLine: 5,
        startColumn: 1,
        endLine: 5,
        endColumn: length + 1,
        charOffset: length + 19,
        charLength: length,
      },
    });
    assert.deepEqual(duplicate.relatedLocations, [
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'duplicate.txt' },
          region: {
            startLine: 1,
            startColumn: 1,
            endLine: 1,
            endColumn: length + 1,
            charOffset: 0,
            charLength: length,
          },
        },
        message: { text: 'The first occurrence of the passage.' },
      },
    ]);
  });

  it('points a corpus duplicate at the other file', () => {
    writeFileSync(join(dir, 'other.txt'), `Another story starts here on Monday.\n\n${SHARED_PARAGRAPH}\n`);
    const duplicates = byRule(sarif(['--corpus', 'duplicate.txt', 'other.txt']), 'duplicate-passage');
    const cross = duplicates.find((d) => d.locations[0].physicalLocation.artifactLocation.uri === 'other.txt');
    assert.ok(cross, JSON.stringify(duplicates));
    assert.equal(cross.relatedLocations?.[0].physicalLocation.artifactLocation.uri, 'duplicate.txt');
    assert.equal(cross.relatedLocations?.[0].physicalLocation.region.startLine, 1);
  });

  it('points single-source at each of the source’s statements in relatedLocations', () => {
    writeFileSync(
      join(dir, 'one-voice.txt'),
      '“We will rebuild the bridge by spring,” said Mayor Ana Ruiz.\n\n' +
        'Ruiz said the repairs would cost 4 million euros.\n\n“Nobody will pay more in tax,” she added.\n',
    );
    const [single] = byRule(sarif(['one-voice.txt']), 'single-source');
    assert.ok(single);
    assert.deepEqual(
      single.relatedLocations?.map((r) => r.physicalLocation.region.startLine),
      [1, 3, 5],
    );
  });

  it('says which statements an editor set: a result property at them and the run’s list (valid SARIF)', () => {
    writeFileSync(
      join(dir, 'corrected.md'),
      'Police said the road was closed.\n\n<!-- source-lens-anonymous "the road was closed" -->\nPolice said the road was closed.\n',
    );
    const log = sarif(['corrected.md']);
    assert.deepEqual(
      log.runs[0].properties?.editorCorrections.map((c) => [
        c.physicalLocation.region.startLine,
        c.correction,
        c.source,
      ]),
      [[4, 'anonymous', 'Police']],
    );
    // The source is anonymous in both paragraphs; only the corrected statement's result says an editor set it.
    const anonymous = byRule(log, 'anonymous-source');
    assert.deepEqual(
      anonymous.map((r) => [r.locations[0].physicalLocation.region.startLine, r.properties?.setByEditor]),
      [
        [1, undefined],
        [4, 'anonymous'],
      ],
    );
    assert.equal(sarif(['drafts']).runs[0].properties, undefined, 'no list when nothing was corrected');
  });

  it('percent-encodes paths with spaces, # and accents, with forward slashes', () => {
    const log = sarif(['my drafts']);
    const uris = new Set(results(log).map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris], ['my%20drafts/caf%C3%A9%20%231.md']);
    assert.equal(artifactUri('/work/news/a b.md', '/work/news'), 'a%20b.md');
    assert.equal(artifactUri('/work/other/a.md', '/work/news'), '../other/a.md');
    assert.equal(artifactUri(resolve('x', 'y.md'), resolve('.')), 'x/y.md');
  });

  it('names standard input <stdin>, as the other formats do, encoded', () => {
    const log = sarif(['-'], 'She wrote “go home now.\n');
    const uris = new Set(results(log).map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris], ['%3Cstdin%3E']);
  });

  it('fails the schema check on a broken log, so the check can fail', () => {
    const log = sarif(['emoji.txt']);
    const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0].results[0].level = 'info';
    assert.match(sarifErrors(broken), /level/);
    const badUri = structuredClone(log);
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'my drafts/a.md';
    assert.match(sarifErrors(badUri), /uri/);
  });
});
