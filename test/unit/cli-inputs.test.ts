// The CLI answers every path: links, loops, FIFOs, unreadable and undecodable files are each skipped with
// one line on standard error, never a stack trace; a run with nothing to analyse exits 2.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisReport } from '../../src/core/report/json-report';
import { runCli } from '../support/run-cli';

const STATEMENT = '“We won the cup today,” Jane Smith said.\n';

function reportOf(stdout: string): AnalysisReport {
  return JSON.parse(stdout) as AnalysisReport;
}

/** Standard error's lines, each checked to be one of ours (no stack trace, no Node warning). */
function stderrLines(stderr: string): string[] {
  const lines = stderr.trimEnd().split('\n');
  for (const line of lines) assert.match(line, /^source-lens: /, stderr);
  return lines;
}

describe('cli inputs', function () {
  this.timeout(30_000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'source-lens-inputs-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('in a directory', () => {
    it('skips dangling links, link loops and links to files, one line each, and analyses the rest', () => {
      writeFileSync(join(dir, 'good.md'), STATEMENT);
      symlinkSync(join(dir, 'missing.md'), join(dir, 'dangling.md'));
      symlinkSync(join(dir, 'loop-b.md'), join(dir, 'loop-a.md'));
      symlinkSync(join(dir, 'loop-a.md'), join(dir, 'loop-b.md'));
      symlinkSync(join(dir, 'good.md'), join(dir, 'to-good.md'));
      symlinkSync(dir, join(dir, 'to-self'));
      const result = runCli(['analyze', '--format', 'json', dir]);
      assert.equal(result.code, 0, result.stderr);
      const lines = stderrLines(result.stderr);
      for (const name of ['dangling.md', 'loop-a.md', 'loop-b.md', 'to-good.md', 'to-self']) {
        const path = join(dir, name);
        assert.equal(
          lines.filter((l) => l.startsWith(`source-lens: ${path}: `)).length,
          1,
          `${name}: ${result.stderr}`,
        );
      }
      assert.equal(lines.length, 5, result.stderr);
      for (const line of lines) assert.match(line, /skipped, symbolic link/);
      assert.deepEqual(
        reportOf(result.stdout).files.map((f) => f.path),
        [join(dir, 'good.md')],
      );
    });

    it('skips a FIFO named like a document without opening it', () => {
      writeFileSync(join(dir, 'good.md'), STATEMENT);
      const fifo = join(dir, 'pipe.md');
      execFileSync('mkfifo', [fifo]);
      execFileSync('mkfifo', [join(dir, 'pipe.png')]);
      // Opening the FIFO would block this synchronous run for ever; the test's timeout would fail it.
      const result = runCli(['analyze', '--format', 'json', dir]);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(stderrLines(result.stderr), [`source-lens: ${fifo}: skipped, not a regular file (a FIFO)`]);
      assert.equal(reportOf(result.stdout).files.length, 1);
    });

    it('skips a subdirectory it cannot list, and a file it cannot read', function () {
      if (process.getuid?.() === 0) this.skip(); // root reads everything
      writeFileSync(join(dir, 'good.md'), STATEMENT);
      const closed = join(dir, 'closed');
      mkdirSync(closed);
      writeFileSync(join(closed, 'inner.md'), STATEMENT);
      const secret = join(dir, 'secret.md');
      writeFileSync(secret, STATEMENT, { mode: 0o000 });
      execFileSync('chmod', ['000', closed]);
      try {
        const result = runCli(['analyze', '--format', 'json', dir]);
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(stderrLines(result.stderr), [
          `source-lens: ${closed}: skipped, cannot read it: permission denied`,
          `source-lens: ${secret}: skipped, cannot read it: permission denied`,
        ]);
        assert.equal(reportOf(result.stdout).files.length, 1);
      } finally {
        execFileSync('chmod', ['755', closed]);
      }
    });
  });

  describe('named on the command line', () => {
    it('follows a link to a file, and says what is wrong with a dangling link or a loop', () => {
      const good = join(dir, 'good.md');
      writeFileSync(good, STATEMENT);
      symlinkSync(good, join(dir, 'to-good.md'));
      const followed = runCli(['analyze', '--format', 'json', join(dir, 'to-good.md')]);
      assert.equal(followed.code, 0, followed.stderr);
      assert.equal(reportOf(followed.stdout).files[0].attributions.length, 1);

      symlinkSync(join(dir, 'loop-b.md'), join(dir, 'loop-a.md'));
      symlinkSync(join(dir, 'loop-a.md'), join(dir, 'loop-b.md'));
      const loop = runCli(['analyze', join(dir, 'loop-a.md')]);
      assert.equal(loop.code, 2);
      assert.equal(loop.stdout, '');
      assert.deepEqual(stderrLines(loop.stderr), [
        `source-lens: cannot read ${join(dir, 'loop-a.md')}: too many symbolic links (a loop?)`,
      ]);
    });

    it('does not open a FIFO or a device, and exits 2 when that was all there was', () => {
      const fifo = join(dir, 'pipe.md');
      execFileSync('mkfifo', [fifo]);
      const result = runCli(['analyze', fifo, '/dev/null']);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.deepEqual(stderrLines(result.stderr), [
        `source-lens: ${fifo}: skipped, not a regular file (a FIFO); use - for standard input`,
        'source-lens: /dev/null: skipped, not a regular file (a device); use - for standard input',
        'source-lens: nothing to analyse: every input was skipped (exit status 2)',
      ]);
    });
  });

  describe('exit status 2 when nothing was analysed', () => {
    it('for a directory of only skipped files, and says why', () => {
      writeFileSync(join(dir, 'binary.md'), Buffer.from('Police\0 said', 'utf8'));
      const result = runCli(['analyze', '--format', 'json', dir]);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.deepEqual(stderrLines(result.stderr), [
        `source-lens: ${join(dir, 'binary.md')}: skipped, looks like a binary file`,
        'source-lens: nothing to analyse: every input was skipped (exit status 2)',
      ]);
    });

    it('for a directory with no Markdown or text files', () => {
      writeFileSync(join(dir, 'photo.png'), 'not a document');
      const result = runCli(['analyze', dir]);
      assert.equal(result.code, 2);
      assert.deepEqual(stderrLines(result.stderr), [
        'source-lens: nothing to analyse: no Markdown or text files in the inputs (exit status 2)',
      ]);
    });

    it('but not when one input of several was analysed', () => {
      writeFileSync(join(dir, 'binary.md'), Buffer.from('Police\0 said', 'utf8'));
      writeFileSync(join(dir, 'good.md'), STATEMENT);
      assert.equal(runCli(['analyze', dir]).code, 0);
    });
  });

  describe('encodings', () => {
    const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = (text: string): Buffer => {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
    };

    for (const [name, encode] of [
      ['UTF-16 LE', utf16le],
      ['UTF-16 BE', utf16be],
      ['UTF-8 with a byte-order mark', (t: string) => Buffer.from('\ufeff' + t, 'utf8')],
    ] as const) {
      it(`decodes ${name}, offsets counting from after the byte-order mark`, () => {
        const text = 'Emoji 😀 first. ' + STATEMENT;
        writeFileSync(join(dir, 'doc.md'), encode(text));
        const result = runCli(['analyze', '--format', 'json', join(dir, 'doc.md')]);
        assert.equal(result.code, 0, result.stderr);
        const [file] = reportOf(result.stdout).files;
        assert.equal(file.attributions.length, 1);
        const quote = file.attributions[0].content[0];
        assert.equal(text.slice(quote.start, quote.end), '“We won the cup today,”');
      });
    }

    it('skips a file that is not UTF-8 (Latin-1 here) with one line naming the encoding problem', () => {
      const latin1 = join(dir, 'latin1.md');
      writeFileSync(latin1, Buffer.from('Le caf\xe9 a ferm\xe9, a dit Jean.\n', 'latin1'));
      writeFileSync(join(dir, 'good.md'), STATEMENT);
      const result = runCli(['analyze', '--format', 'json', dir]);
      assert.equal(result.code, 0, result.stderr);
      const lines = stderrLines(result.stderr);
      assert.equal(lines.length, 1, result.stderr);
      assert.match(
        lines[0],
        new RegExp(`^source-lens: ${latin1.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: skipped, not UTF-8`),
      );
      assert.equal(reportOf(result.stdout).files.length, 1);
    });

    it('skips UTF-16 cut in the middle of a character', () => {
      const cut = join(dir, 'cut.md');
      writeFileSync(cut, utf16le(STATEMENT).subarray(0, 7));
      const result = runCli(['analyze', cut]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /cut\.md: skipped, not valid UTF-16 LE after its byte-order mark\n/);
    });
  });
});

describe('cli --max-bytes and the analysis cap', function () {
  this.timeout(60_000);

  it('raises the core’s own length cap too: a text over 5,242,880 characters is analysed whole', () => {
    // Blank lines after the statement keep the analysis quick; only the length matters here.
    const text = STATEMENT + '\n'.repeat(5 * 1024 * 1024);
    for (const corpus of [[], ['--corpus']]) {
      const result = runCli(
        ['analyze', ...corpus, '--format', 'json', '--max-bytes', String(6 * 1024 * 1024), '-'],
        text,
      );
      assert.equal(result.code, 0, result.stderr);
      const [file] = reportOf(result.stdout).files;
      assert.ok(!file.messages.some((m) => m.ruleId === 'input-too-large'), JSON.stringify(file.messages));
      assert.equal(file.attributions.length, 1, corpus.join(''));
    }
  });
});
