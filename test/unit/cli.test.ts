// The CLI end to end: `run(argv, io)` with an in-memory io over real temporary files, plus one run of
// the built dist/cli.js as a separate process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { AnalysisReport, FileReport } from '../../src/core/report/json-report';
import type { Span } from '../../src/core/types';
import { type CliResult as Result, runCli as cli } from '../support/run-cli';

function json(result: Result): AnalysisReport {
  assert.equal(result.code, 0, `exit code (stderr: ${result.stderr})`);
  const report = JSON.parse(result.stdout) as AnalysisReport;
  assert.equal(report.schema, 'source-lens/analysis@1');
  assert.ok(Array.isArray(report.files));
  return report;
}

/** The file as the CLI reads it: UTF-8, byte-order mark removed, line endings kept. */
function textAsRead(path: string): string {
  const raw = readFileSync(path, 'utf8');
  return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}

const slice = (text: string, span: Span): string => text.slice(span.start, span.end);

/** 1-based line:column of an offset, counting UTF-16 units, lines ending at \n. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

function isSpan(value: unknown): value is Span {
  if (typeof value !== 'object' || value === null) return false;
  const { start, end } = value as Span;
  return Number.isInteger(start) && Number.isInteger(end) && start <= end;
}

function findRepoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'esbuild.config.mjs')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

// A paragraph long enough (three sentences) for the duplicate finder.
const SHARED_PARAGRAPH =
  'The regional water authority confirmed that reservoir levels fell to 31 percent in August. ' +
  'Engineers warned that rationing could begin before the end of the year. ' +
  'Farmers in the valley have already cut planting by a third.';

const ARTICLE_PARAGRAPHS = [
  'NAIROBI - The commission met on Monday to review the case. 😀',
  '“Nobody saw it coming.”',
  '“We won 🎉 the cup today,” Jane Smith said.',
  'Police said the road was closed.',
  'Kenya lost an estimated 600 billion shillings to graft between 2013 and 2020, the largest losses on record.',
  SHARED_PARAGRAPH,
  SHARED_PARAGRAPH,
  'Sign up for our newsletter to get the latest news delivered to your inbox.',
  '© 2024 The Daily Ledger. All rights reserved.',
];

describe('cli', function () {
  this.timeout(30_000);
  let dir: string;
  /** A UTF-8 file with a byte-order mark, CRLF line endings and emoji. */
  let article: string;
  let small: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'source-lens-cli-'));
    article = join(dir, 'article.txt');
    writeFileSync(article, '\ufeff' + ARTICLE_PARAGRAPHS.join('\r\n\r\n') + '\r\n', 'utf8');
    small = join(dir, 'small.txt');
    writeFileSync(small, 'Police said the road was closed.\n', 'utf8');
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('analyze --format json', () => {
    let report: AnalysisReport;
    let file: FileReport;
    let text: string;

    before(() => {
      report = json(cli(['analyze', '--format', 'json', article]));
      assert.equal(report.files.length, 1);
      file = report.files[0];
      text = textAsRead(article);
    });

    it('prints the source-lens/analysis@1 contract with its required fields', () => {
      assert.equal(file.path, article);
      assert.equal(typeof file.length, 'number');
      for (const key of ['attributions', 'sources', 'claims', 'duplicates', 'boilerplate'] as const) {
        assert.ok(Array.isArray(file[key]), `${key} is an array`);
        assert.ok(file[key].length > 0, `the test article yields ${key}`);
      }
      for (const a of file.attributions) {
        assert.ok(['direct', 'mixed', 'indirect', 'blockquote'].includes(a.kind), a.kind);
        assert.ok(Array.isArray(a.content) && a.content.length > 0 && a.content.every(isSpan));
        for (const key of ['cue', 'sourceMention', 'source', 'sourceType'] as const)
          assert.ok(key in a, `attribution has ${key}`);
        assert.ok(a.cue === null || isSpan(a.cue));
        assert.ok(a.sourceMention === null || isSpan(a.sourceMention));
        assert.ok(a.source === null || typeof a.source === 'string');
        assert.ok(
          a.sourceType === null ||
            ['person', 'organization', 'anonymous', 'document', 'unknown'].includes(a.sourceType),
        );
        assert.equal(a.source === null, a.sourceType === null);
        // Only an uncertain statement has `uncertainty`: at least one reason, and alternatives by name.
        if (a.uncertainty) {
          assert.ok(a.uncertainty.reasons.length > 0);
          assert.ok(a.uncertainty.reasons.every((r) => ['pronoun-ambiguous', 'speaker-far', 'tagger'].includes(r)));
          assert.ok(a.uncertainty.alternatives.every((name) => file.sources.some((s) => s.name === name)));
        }
      }
      for (const s of file.sources) {
        assert.equal(typeof s.name, 'string');
        assert.equal(typeof s.type, 'string');
        assert.ok(Array.isArray(s.aliases) && s.aliases.every((x) => typeof x === 'string'));
        assert.ok(s.attributions.every((i) => Number.isInteger(i) && i >= 0 && i < file.attributions.length));
        for (const i of s.attributions) assert.equal(file.attributions[i].source, s.name);
      }
      for (const c of file.claims) {
        assert.ok(isSpan(c));
        assert.ok(typeof c.score === 'number' && c.score >= 0 && c.score <= 1);
        // Only a linked claim has evidence, and then at least one, each a span with a kind and a target.
        if ('evidence' in c)
          assert.ok(
            c.evidence!.length > 0 &&
              c.evidence!.every(
                (e) => isSpan(e) && ['link', 'footnote', 'url'].includes(e.kind) && typeof e.target === 'string',
              ),
          );
      }
      for (const d of file.duplicates) {
        assert.ok(isSpan(d) && isSpan(d.of));
        assert.ok(typeof d.similarity === 'number' && d.similarity > 0 && d.similarity <= 1);
        assert.equal(typeof d.of.path, 'string');
      }
      for (const b of file.boilerplate) {
        assert.ok(isSpan(b));
        assert.equal(typeof b.reason, 'string');
      }
    });

    it('writes null, not nothing, for a missing cue, source mention and source', () => {
      const orphan = file.attributions.find((a) =>
        a.content.some((c) => slice(text, c).includes('Nobody saw it coming')),
      );
      assert.ok(orphan, 'the unattributed quote is a statement');
      assert.equal(orphan.cue, null);
      assert.equal(orphan.sourceMention, null);
      assert.equal(orphan.source, null);
      assert.equal(orphan.sourceType, null);
      const raw = JSON.parse(cli(['analyze', '--format', 'json', article]).stdout);
      const rawOrphan = raw.files[0].attributions[file.attributions.indexOf(orphan)];
      for (const key of ['cue', 'sourceMention', 'source']) {
        assert.ok(Object.hasOwn(rawOrphan, key), `${key} is written`);
        assert.equal(rawOrphan[key], null);
      }
    });

    it('gives UTF-16 offsets into the file as read: BOM stripped, CRLF and emoji kept', () => {
      assert.ok(text.includes('\r\n') && text.charCodeAt(0) !== 0xfeff);
      assert.equal(file.length, text.length);
      const quote = file.attributions.find((a) => a.source === 'Jane Smith');
      assert.ok(quote, 'Jane Smith is a source');
      assert.deepEqual(
        quote.content.map((c) => slice(text, c)),
        ['“We won 🎉 the cup today,”'],
      );
      assert.equal(slice(text, quote.cue!), 'said');
      assert.equal(slice(text, quote.sourceMention!), 'Jane Smith');
      const police = file.attributions.find((a) => a.source === 'Police');
      assert.ok(police);
      assert.deepEqual(
        police.content.map((c) => slice(text, c)),
        ['the road was closed'],
      );
      // Claims, duplicates and boilerplate point at the text they describe.
      assert.ok(file.claims.some((c) => slice(text, c).startsWith('Kenya lost an estimated 600 billion shillings')));
      const duplicate = file.duplicates[0];
      assert.equal(duplicate.of.path, article);
      assert.ok(slice(text, duplicate).includes('Engineers warned that rationing'));
      assert.ok(slice(text, duplicate.of).includes('Engineers warned that rationing'));
      assert.ok(duplicate.of.end <= duplicate.start, 'the copy points back at the first occurrence');
      assert.ok(file.boilerplate.some((b) => slice(text, b).startsWith('Sign up for our newsletter')));
      for (const span of [
        ...file.attributions.flatMap((a) => [...a.content, a.cue, a.sourceMention]),
        ...file.claims,
        ...file.duplicates,
        ...file.boilerplate,
      ]) {
        if (span) assert.ok(span.end <= text.length);
      }
    });
  });

  describe('analyze (text format)', () => {
    it('prints line:column labels for a known statement', () => {
      const result = cli(['analyze', article]);
      assert.equal(result.code, 0, result.stderr);
      const text = textAsRead(article);
      const lines = result.stdout.split('\n');
      assert.equal(lines[0], article);
      const quoteAt = lineColumn(text, text.indexOf('“We won'));
      const quoteLine = lines.find((l) => l.includes('“We won 🎉 the cup today,”'));
      assert.ok(quoteLine, result.stdout);
      assert.match(quoteLine, new RegExp(`^\\s+${quoteAt}\\s+direct\\s+said: `));
      const policeAt = lineColumn(text, text.indexOf('the road was closed'));
      const policeLine = lines.find((l) => /\bindirect\b/.test(l) && l.includes('the road was closed'));
      assert.ok(policeLine, result.stdout);
      assert.match(policeLine, new RegExp(`^\\s+${policeAt}\\s+indirect\\s+said: the road was closed$`));
      assert.ok(
        lines.some((l) => /^\s+Jane Smith — person, 1 statement/.test(l)),
        'the source is listed',
      );
      // --format text is the default.
      assert.equal(cli(['analyze', '--format=text', article]).stdout, result.stdout);
    });

    it('lists a control comment naming no rule under Warnings, with the rule it most likely meant', () => {
      const file = join(dir, 'misspelt.txt');
      writeFileSync(file, 'source-lens: disable-next-line unatributed-claim\nThe council spent 4 million in 2023.\n');
      const result = cli(['analyze', file]);
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.split('\n');
      const warnings = lines.findIndex((l) => /^\s+Warnings \(1\)$/.test(l));
      assert.ok(warnings > 0, result.stdout);
      assert.match(
        lines[warnings + 1],
        /^\s+1:32\s+unknown-rule: “unatributed-claim” is not a Source Lens rule.*unattributed-claim/,
      );
    });
  });

  describe('inputs', () => {
    it('reads the .md and .txt files of a directory, recursively, and ignores others', () => {
      const docs = join(dir, 'docs');
      mkdirSync(join(docs, 'sub'), { recursive: true });
      const body = 'Police said the road was closed.\n';
      for (const name of [
        'a.md',
        'b.txt',
        'sub/c.TXT',
        'sub/d.markdown',
        'e.json',
        'f.html',
        'g.ts',
        'noext',
        '.hidden.md',
      ]) {
        writeFileSync(join(docs, name), body);
      }
      const report = json(cli(['analyze', '--format', 'json', docs]));
      const paths = report.files.map((f) => f.path).sort();
      assert.deepEqual(paths, ['a.md', 'b.txt', 'sub/c.TXT', 'sub/d.markdown'].map((n) => join(docs, n)).sort());
      for (const f of report.files) {
        assert.equal(f.format, /\.(md|markdown)$/.test(f.path) ? 'markdown' : 'plaintext');
        assert.equal(f.attributions.length, 1, `statement found in ${f.path}`);
      }
    });

    it('reads standard input for -', () => {
      const input = '“We won 🎉 the cup today,” Jane Smith said.\n';
      const report = json(cli(['analyze', '--format', 'json', '-'], input));
      assert.equal(report.files.length, 1);
      const [file] = report.files;
      assert.equal(file.path, '<stdin>');
      assert.equal(file.length, input.length);
      assert.deepEqual(
        file.attributions.map((a) => a.source),
        ['Jane Smith'],
      );
      assert.equal(slice(input, file.attributions[0].content[0]), '“We won 🎉 the cup today,”');
      // Alongside a file, in argument order.
      const both = json(cli(['analyze', '--format', 'json', small, '-'], input));
      assert.deepEqual(
        both.files.map((f) => f.path),
        [small, '<stdin>'],
      );
    });

    it('skips a file over --max-bytes and a binary file, analysing the rest', () => {
      const big = join(dir, 'big.txt');
      writeFileSync(big, 'Police said the road was closed. '.repeat(20));
      const binary = join(dir, 'binary.txt');
      writeFileSync(binary, Buffer.from('Police said\0 the road\0 was closed.', 'utf8'));
      const result = cli(['analyze', '--format', 'json', '--max-bytes', '200', big, binary, small]);
      assert.equal(result.code, 0, result.stderr);
      const messages = result.stderr.trimEnd().split('\n');
      assert.equal(messages.length, 2, result.stderr);
      assert.ok(
        messages.some((m) => m.startsWith('source-lens: ') && m.includes(big) && m.includes('200')),
        result.stderr,
      );
      assert.ok(
        messages.some((m) => m.startsWith('source-lens: ') && m.includes(binary) && /binary/.test(m)),
        result.stderr,
      );
      const report = JSON.parse(result.stdout) as AnalysisReport;
      assert.deepEqual(
        report.files.map((f) => f.path),
        [small],
      );
      assert.equal(report.files[0].attributions.length, 1);
      // The same big file is analysed under the default cap.
      assert.deepEqual(
        json(cli(['analyze', '--format', 'json', big])).files.map((f) => f.path),
        [big],
      );
      // Standard input is capped and checked the same way.
      const fromStdin = cli(['analyze', '--format', 'json', '--max-bytes=10', '-'], 'Police said the road was closed.');
      // …and with nothing left to analyse, the run is not a clean one.
      assert.equal(fromStdin.code, 2);
      assert.match(
        fromStdin.stderr,
        /^source-lens: <stdin>: [^\n]*--max-bytes[^\n]*\nsource-lens: nothing to analyse: [^\n]*\n$/,
      );
      assert.equal(fromStdin.stdout, '');
    });
  });

  describe('--corpus', () => {
    let first: string;
    let second: string;

    before(() => {
      first = join(dir, 'corpus-a.txt');
      second = join(dir, 'corpus-b.txt');
      writeFileSync(first, `The first story opens with its own line on Monday.\n\n${SHARED_PARAGRAPH}\n`);
      writeFileSync(
        second,
        `A second, unrelated story begins in a different way.\n\n${SHARED_PARAGRAPH}\n\nIt ends with a line of its own.\n`,
      );
    });

    it('reports a paragraph shared by two files as a cross-file duplicate', () => {
      const report = json(cli(['analyze', '--format', 'json', '--corpus', first, second]));
      assert.deepEqual(
        report.files.map((f) => f.path),
        [first, second],
      );
      const texts = new Map([first, second].map((p) => [p, textAsRead(p)]));
      const cross = report.files.flatMap((f) =>
        f.duplicates.filter((d) => d.of.path !== f.path).map((d) => ({ file: f.path, d })),
      );
      assert.ok(cross.length >= 1, 'a cross-file duplicate');
      for (const { file, d } of cross) {
        const other = file === first ? second : first;
        assert.equal(d.of.path, other);
        assert.ok(slice(texts.get(file)!, d).includes('Engineers warned that rationing'));
        assert.ok(slice(texts.get(other)!, d.of).includes('Engineers warned that rationing'));
      }
    });

    it('--jobs: the same report on one worker and on three, with the corpus and without', () => {
      // Six files: a paragraph shared by some, a footer recurring in all (boilerplate by recurrence).
      const footer = 'Subscribe to our newsletter for the latest news. All rights reserved.';
      const files = Array.from({ length: 6 }, (_, i) => {
        const path = join(dir, `jobs-${i}.md`);
        const own = `Story ${i} opens on day ${i + 1}. “We saw ${i + 2} trucks,” Officer Lee ${i} said on Monday.`;
        writeFileSync(path, `${own}\n\n${i % 2 === 0 ? SHARED_PARAGRAPH : 'A paragraph of its own.'}\n\n${footer}\n`);
        return path;
      });
      for (const corpus of [['--corpus'], []]) {
        const one = cli(['analyze', '--format', 'json', '--jobs', '1', ...corpus, ...files]);
        const three = cli(['analyze', '--format', 'json', '--jobs=3', ...corpus, ...files]);
        assert.equal(three.code, one.code);
        assert.equal(three.stderr, one.stderr);
        assert.equal(three.stdout, one.stdout);
        const report = json(one);
        assert.deepEqual(
          report.files.map((f) => f.path),
          files,
        );
        if (corpus.length > 0) {
          assert.ok(
            report.files.some((f) => f.duplicates.some((d) => d.of.path !== f.path)),
            'a cross-file duplicate',
          );
          assert.ok(
            report.files.every((f) => f.boilerplate.length > 0),
            'the recurring footer',
          );
        }
      }
    });

    it('reports no cross-file duplicate without --corpus', () => {
      const report = json(cli(['analyze', '--format', 'json', first, second]));
      assert.equal(report.files.length, 2);
      for (const f of report.files) {
        for (const d of f.duplicates) assert.equal(d.of.path, f.path);
      }
      assert.ok(report.files.every((f) => f.duplicates.length === 0));
    });
  });

  describe('usage errors', () => {
    const cases: [string, () => string[], RegExp][] = [
      ['an unknown command', () => ['frobnicate', small], /frobnicate/],
      ['an unknown option', () => ['analyze', '--frobnicate', small], /--frobnicate/],
      ['a missing file', () => ['analyze', join(dir, 'missing.txt')], /missing\.txt/],
      ['a missing file among good ones', () => ['analyze', small, join(dir, 'missing.txt')], /missing\.txt/],
      ['no input', () => ['analyze'], /input/],
      ['no input after options', () => ['analyze', '--format', 'json', '--corpus'], /input/],
      ['a bad --format value', () => ['analyze', '--format', 'xml', small], /xml/],
      ['a bad --format= value', () => ['analyze', '--format=', small], /--format/],
      ['--format with no value', () => ['analyze', small, '--format'], /--format/],
      ['a zero --max-bytes', () => ['analyze', '--max-bytes', '0', small], /--max-bytes/],
      ['a negative --max-bytes', () => ['analyze', '--max-bytes=-5', small], /--max-bytes/],
      ['a fractional --max-bytes', () => ['analyze', '--max-bytes', '1.5', small], /--max-bytes/],
      ['a non-numeric --max-bytes', () => ['analyze', '--max-bytes', 'lots', small], /--max-bytes/],
      ['a bad --format=sarif spelling', () => ['analyze', '--format=SARIF', small], /SARIF/],
      ['a negative --max-warnings', () => ['analyze', '--max-warnings', '-1', small], /--max-warnings/],
      ['an empty --max-warnings=', () => ['analyze', '--max-warnings=', small], /--max-warnings/],
      ['a fractional --max-warnings', () => ['analyze', '--max-warnings=0.5', small], /--max-warnings/],
      ['--max-warnings with no value', () => ['analyze', small, '--max-warnings'], /--max-warnings/],
      ['a zero --jobs', () => ['analyze', '--jobs', '0', small], /--jobs/],
      ['a non-numeric --jobs', () => ['analyze', '--jobs=all', small], /--jobs/],
    ];
    for (const [name, argv, mentions] of cases) {
      it(`exits 2 with a one-line message for ${name}`, () => {
        const result = cli(argv());
        assert.equal(result.code, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /^source-lens: [^\n]+\n$/);
        assert.match(result.stderr, mentions);
      });
    }
  });

  describe('--help', () => {
    const cases: [string, () => string[]][] = [
      ['--help', () => ['--help']],
      ['-h', () => ['-h']],
      ['analyze --help', () => ['analyze', '--help']],
      ['analyze <file> -h', () => ['analyze', small, '-h']],
    ];
    for (const [name, argv] of cases) {
      it(`prints usage and exits 0 for ${name}`, () => {
        const result = cli(argv());
        assert.equal(result.code, 0);
        assert.equal(result.stderr, '');
        assert.match(result.stdout, /^usage: source-lens analyze/);
        for (const option of [
          '--format',
          'sarif',
          '--corpus',
          '--jobs',
          '--max-bytes',
          '--max-warnings',
          'exit status',
        ])
          assert.ok(result.stdout.includes(option), option);
      });
    }
  });

  describe('built CLI (dist/cli.js)', () => {
    const root = findRepoRoot();
    const built = join(root, 'dist', 'cli.js');

    before(() => {
      if (existsSync(built)) return;
      const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, encoding: 'utf8' });
      assert.equal(build.status, 0, `building dist/cli.js failed: ${build.stderr}`);
      assert.ok(existsSync(built));
    });

    it('runs as a process: exit 0 and JSON on stdout', () => {
      const result = spawnSync(process.execPath, [built, 'analyze', '--format', 'json', article], {
        encoding: 'utf8',
        cwd: root,
      });
      assert.equal(result.status, 0, result.stderr);
      const report = JSON.parse(result.stdout) as AnalysisReport;
      assert.equal(report.schema, 'source-lens/analysis@1');
      assert.deepEqual(
        report.files.map((f) => f.path),
        [article],
      );
      assert.deepEqual(
        report.files[0].attributions.map((a) => a.source).filter((s) => s === 'Jane Smith'),
        ['Jane Smith'],
      );
    });

    it('exits 2 as a process on a usage error', () => {
      const result = spawnSync(process.execPath, [built, 'analyze', '--format', 'xml', resolve(article)], {
        encoding: 'utf8',
        cwd: root,
      });
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^source-lens: [^\n]+\n$/);
    });
  });
});
