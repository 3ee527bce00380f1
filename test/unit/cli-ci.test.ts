// The CLI in a CI job: the exit status a job gates on (as ESLint's), and the README's "In CI" snippets run
// as written, by a shell, through `npx source-lens` in a repository that has the CLI installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exitStatus } from '../../src/cli/exit-status';
import type { SarifLog } from '../../src/cli/sarif-report';
import { analyze } from '../../src/core';
import { runCli } from '../support/run-cli';
import { sarifErrors } from '../support/sarif-schema';

const CLEAN = 'Police said the road was closed.\n';
/** Two warnings: a quotation mark with no partner, twice. Nothing else. */
const TWO_WARNINGS = 'Police said the road was closed.\n\nShe wrote “go home now.\n\nHe wrote “stay here.\n';
/** Only an info message: an unattributed claim. */
const INFO_ONLY = 'The council spent 4 million shillings on roads in 2023, the most on record.\n';

/** The fenced blocks of the README's "In CI" section, by language. */
function inCiSnippets(readme: string): { yaml: string; sh: string } {
  const start = readme.indexOf('\n### In CI\n');
  assert.ok(start >= 0, 'the README has an "### In CI" section');
  const rest = readme.slice(start + 1);
  const section = rest.slice(0, rest.slice(4).search(/\n##+ /) + 4);
  const block = (lang: string): string => {
    const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
    assert.ok(match, `the "In CI" section has a ${lang} block`);
    return match[1];
  };
  return { yaml: block('yaml'), sh: block('sh') };
}

/** The shell command lines that run the CLI: `- run: …` steps of a workflow, or the lines of a script. */
const cliLines = (snippet: string): string[] =>
  snippet
    .split('\n')
    .map((line) => line.replace(/^\s*(?:- )?run:\s*/, '').trim())
    .filter((line) => line.startsWith('npx source-lens '));

describe('cli in CI', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'source-lens-ci-'));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('exit status', () => {
    const write = (name: string, text: string): string => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    it('is 0 with no warnings, with or without --max-warnings 0', () => {
      const clean = write('clean.txt', CLEAN);
      for (const argv of [[clean], ['--max-warnings', '0', clean]]) {
        const result = runCli(['analyze', ...argv]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stderr, '');
      }
    });

    it('is 1 when the warnings are more than --max-warnings, in every format, with the report still printed', () => {
      const file = write('two-warnings.txt', TWO_WARNINGS);
      const warnings = analyze(TWO_WARNINGS).messages.filter((m) => m.severity === 'warning');
      assert.deepEqual(
        warnings.map((m) => m.ruleId),
        ['unbalanced-quote', 'unbalanced-quote'],
      );
      for (const format of ['text', 'json', 'sarif']) {
        const over = runCli(['analyze', '--format', format, '--max-warnings', '1', file]);
        assert.equal(over.code, 1, format);
        assert.equal(over.stderr, 'source-lens: 2 warnings, more than --max-warnings 1\n');
        // The unbalanced-quote message itself, in every format (a path would depend on the working folder).
        assert.ok(over.stdout.includes('never closed'), `the report is printed (${format})`);
      }
      assert.equal(runCli(['analyze', '--max-warnings=2', file]).code, 0, 'two warnings are not more than 2');
      assert.equal(runCli(['analyze', file]).code, 0, 'warnings alone never fail without --max-warnings');
      const sarif = runCli(['analyze', '--format', 'sarif', '--max-warnings', '0', file]);
      assert.equal(sarifErrors(JSON.parse(sarif.stdout)), '', 'standard output stays a valid log');
    });

    it('is 0 for info and hint messages, even with --max-warnings 0', () => {
      const file = write('info-only.txt', INFO_ONLY);
      assert.ok(analyze(INFO_ONLY).messages.some((m) => m.ruleId === 'unattributed-claim' && m.severity === 'info'));
      assert.equal(runCli(['analyze', '--max-warnings', '0', file]).code, 0);
    });

    it('is 1 on any error-severity message, whatever --max-warnings says', () => {
      // The only error a default run can give is internal-error, which no input is meant to cause; an
      // error is what a severity setting makes of any rule, so one is made here the same way.
      const analysis = analyze(TWO_WARNINGS);
      assert.equal(exitStatus([analysis], undefined).code, 0);
      analysis.messages[0] = { ...analysis.messages[0], severity: 'error' };
      for (const maxWarnings of [undefined, 0, 100]) {
        assert.deepEqual(exitStatus([analyze(CLEAN), analysis], maxWarnings), {
          code: 1,
          reason: '1 error (exit status 1)',
        });
      }
    });

    it('is 2 for a usage error or an unreadable path, before any analysis', () => {
      const missing = runCli(['analyze', '--max-warnings', '0', join(dir, 'missing.txt')]);
      assert.equal(missing.code, 2);
      assert.equal(missing.stdout, '');
      const bad = runCli(['analyze', '--max-warnings', 'many', join(dir, 'clean.txt')]);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /^source-lens: --max-warnings must be a whole number, 0 or more\n$/);
    });
  });

  describe("the README's In CI snippets, as written", () => {
    const root = process.cwd();
    const { yaml, sh } = inCiSnippets(readFileSync('README.md', 'utf8'));
    let newsroom: string;
    let cleanRoom: string;

    /**
     * A repository with the CLI installed as npm installs a dependency's bin: node_modules/.bin/source-lens
     * linked to the package's `bin` file, made executable. The README's drafts are the seed fixtures.
     */
    function repository(name: string, drafts: (dir: string) => void): string {
      const repo = join(dir, name);
      mkdirSync(join(repo, 'node_modules', '.bin'), { recursive: true });
      const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
      const bin = resolve(root, pkg.bin['source-lens']);
      chmodSync(bin, 0o755);
      symlinkSync(bin, join(repo, 'node_modules', '.bin', 'source-lens'));
      mkdirSync(join(repo, 'drafts'));
      drafts(join(repo, 'drafts'));
      return repo;
    }

    /** Runs one line with a shell; offline, so a missing local bin fails instead of fetching a package. */
    const shell = (line: string, cwd: string) =>
      spawnSync('sh', ['-c', line], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });

    before(() => {
      // Today's CLI, not a dist/ left from an older build.
      const build = spawnSync(process.execPath, ['esbuild.config.mjs', '--cli'], { cwd: root, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
      newsroom = repository('newsroom', (d) =>
        cpSync(join(root, 'test', 'fixtures', 'workspace'), d, { recursive: true }),
      );
      cleanRoom = repository('clean-room', (d) => writeFileSync(join(d, 'story.md'), CLEAN));
    });

    it('the workflow writes a valid SARIF log of the drafts, the file that upload-sarif uploads', () => {
      assert.match(yaml, /uses: github\/codeql-action\/upload-sarif@v\d+/);
      assert.match(yaml, /security-events: write/);
      const lines = cliLines(yaml);
      assert.equal(lines.length, 1, yaml);
      const [line] = lines;
      const output = /> (\S+)$/.exec(line)?.[1];
      assert.ok(output, `the step writes its log to a file: ${line}`);
      assert.match(yaml, new RegExp(`sarif_file: ${output.replace('.', '\\.')}\\n`));
      const result = shell(line, newsroom);
      assert.equal(result.status, 0, result.stderr);
      const log = JSON.parse(readFileSync(join(newsroom, output), 'utf8')) as SarifLog;
      assert.equal(sarifErrors(log), '');
      const uris = new Set(log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
      assert.ok(uris.size > 1, [...uris].join(', '));
      for (const uri of uris) assert.match(uri, /^drafts\/[\w-]+\.(md|txt)$/);
    });

    it('the plain gate fails on the drafts with warnings and passes on clean ones', () => {
      const lines = cliLines(sh);
      assert.equal(lines.length, 1, sh);
      const [line] = lines;
      assert.match(line, /--max-warnings 0/);
      const failing = shell(line, newsroom);
      assert.equal(failing.status, 1, failing.stderr);
      assert.match(failing.stderr, /warnings?, more than --max-warnings 0/);
      assert.match(failing.stdout, /Sources \(/, 'the readable report is in the log');
      const passing = shell(line, cleanRoom);
      assert.equal(passing.status, 0, passing.stderr);
      assert.equal(passing.stderr, '');
    });
  });
});
