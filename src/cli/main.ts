// source-lens analyze [--format text|json|sarif] [--corpus] [--jobs N] [--max-bytes N] [--max-warnings N]
//                     [--timeout MS] [--registry FILE] <file|dir|->...
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type Analysis, type AnalysisReport, applySeverityLevels, REPORT_SCHEMA, toReport } from '../core';
import { version } from '../../package.json';
import { AnalysisRunner, DEFAULT_TIMEOUT_MS } from './analysis-runner';
import { exitStatus } from './exit-status';
import { DEFAULT_MAX_BYTES, readInputs, UsageError, type InputFile } from './inputs';
import { RegistryFinder } from './registry-files';
import { sarifReport } from './sarif-report';
import { textReport } from './text-report';

const USAGE = `usage: source-lens analyze [--format text|json|sarif] [--corpus] [--jobs N] [--max-bytes N]
                           [--max-warnings N] [--timeout MS] [--registry FILE] <file|dir|->...

  --format text|json|sarif  readable report (default), the source-lens/analysis@1 JSON contract, or SARIF 2.1.0
  --corpus                  analyse the files together: duplicates across files, recurring boilerplate
  --jobs N                  analyse on N worker threads (default: the machine's ${availableParallelism()} cores); the output
                            is the same for any N
  --max-bytes N             skip files larger than N bytes (default ${DEFAULT_MAX_BYTES}); raises the analysis cap too
  --max-warnings N          exit 1 when there are more than N warning-severity messages
  --timeout MS              stop a file's analysis after MS milliseconds (default ${DEFAULT_TIMEOUT_MS}) and skip it with
                            a line on standard error; with --corpus the corpus gets MS times its number of files
  --registry FILE           the sources registry (default: the nearest .sourcelens.json at or above each file)
  -                         read standard input

exit status: 0 no errors (and no more warnings than --max-warnings); 1 an error-severity message, or too
many warnings; 2 bad usage, an unreadable path, or nothing to analyse (every input skipped or stopped)

Files are read as UTF-8 (byte-order mark optional) or UTF-16 with a byte-order mark; other encodings,
binary files, FIFOs and devices are skipped with a line on standard error. Inside a directory, symbolic
links are not followed.`;

const FORMATS = ['text', 'json', 'sarif'] as const;

interface Options {
  format: (typeof FORMATS)[number];
  corpus: boolean;
  jobs: number;
  maxBytes: number;
  maxWarnings?: number;
  timeoutMs: number;
  registry?: string;
  paths: string[];
}

export function run(
  argv: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void; stdin: () => Buffer },
): number {
  try {
    const options = parseArgs(argv);
    if (!options) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const read = readInputs(options.paths, options.maxBytes, io.stdin);
    for (const line of read.skipped) io.stderr(`source-lens: ${line}\n`);
    if (read.files.length === 0) return nothingToAnalyse(io, read.skipped.length > 0);
    const registries = new RegistryFinder(options.registry, (line) => io.stderr(`source-lens: ${line}\n`));
    const { files, analyses, stopped } = analyseAll(read.files, options, registries);
    for (const line of stopped) io.stderr(`source-lens: ${line}\n`);
    if (files.length === 0) return nothingToAnalyse(io, true);
    if (options.format === 'json') {
      const report: AnalysisReport = {
        schema: REPORT_SCHEMA,
        files: files.map((f, i) => toReport(f.path, analyses[i])),
      };
      io.stdout(JSON.stringify(report, null, 2) + '\n');
    } else if (options.format === 'sarif') {
      const sarif = sarifReport(
        files.map((f, i) => ({ ...f, analysis: analyses[i] })),
        version,
        process.cwd(),
      );
      io.stdout(JSON.stringify(sarif, null, 2) + '\n');
    } else {
      const texts = new Map(files.map((f) => [f.path, f.text]));
      io.stdout(files.map((f, i) => textReport(f.path, f.text, analyses[i], texts)).join('\n'));
    }
    const status = exitStatus(analyses, options.maxWarnings);
    if (status.reason) io.stderr(`source-lens: ${status.reason}\n`);
    return status.code;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`source-lens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Nothing analysed is not a clean run: a CI gate must not pass on an empty or unreadable tree. */
/**
 * The workers for the process, kept between runs (the tests run the CLI hundreds of times in one process,
 * and a worker takes a quarter of a second to load the core). They do not keep the process alive.
 */
const runner = new AnalysisRunner();

function nothingToAnalyse(io: { stderr: (s: string) => void }, somethingSkipped: boolean): number {
  const why = somethingSkipped ? 'every input was skipped' : 'no Markdown or text files in the inputs';
  io.stderr(`source-lens: nothing to analyse: ${why} (exit status 2)\n`);
  return 2;
}

interface Analysed {
  /** The files that have an analysis, in input order; a file stopped by --timeout is left out. */
  files: InputFile[];
  analyses: Analysis[];
  /** One line per file (or corpus) whose analysis was stopped or failed. */
  stopped: string[];
}

/**
 * Each file analysed with its registry, whose severities then apply to its messages, under the --timeout
 * deadline. A corpus is analysed with the first file's registry (the files are read as one body of work),
 * in one run whose deadline is --timeout times its number of files: the time the files would have alone.
 */
function analyseAll(files: InputFile[], options: Options, registries: RegistryFinder): Analysed {
  const corpus = options.corpus;
  // A file within --max-bytes has at most that many UTF-16 units, so the core's own cap never cuts it.
  const maxLength = options.maxBytes;
  const registryOf = (file: InputFile) => registries.registryFor((corpus ? files[0] : file).path);
  const result: Analysed = { files: [], analyses: [], stopped: [] };
  const keep = (file: InputFile, analysis: Analysis): void => {
    result.files.push(file);
    result.analyses.push({ ...analysis, messages: applySeverityLevels(analysis.messages, registryOf(file).severity) });
  };
  if (corpus) {
    const timeoutMs = options.timeoutMs * files.length;
    const outcome = runner.analyzeCorpus(
      files.map((f) => ({ path: f.path, text: f.text })),
      { registry: registryOf(files[0]), maxLength },
      timeoutMs,
      options.jobs,
    );
    if ('analyses' in outcome) files.forEach((file, i) => keep(file, outcome.analyses[i]));
    else result.stopped.push(notAnalysed(`the corpus of ${files.length} files`, outcome, timeoutMs));
  } else {
    const outcomes = runner.analyzeFiles(
      files.map((file) => ({ text: file.text, options: { path: file.path, registry: registryOf(file), maxLength } })),
      options.timeoutMs,
      options.jobs,
    );
    files.forEach((file, i) => {
      const outcome = outcomes[i];
      if ('analyses' in outcome) keep(file, outcome.analyses[0]);
      else result.stopped.push(notAnalysed(file.path, outcome, options.timeoutMs));
    });
  }
  return result;
}

function notAnalysed(what: string, outcome: { stopped: true } | { failed: string }, timeoutMs: number): string {
  if ('failed' in outcome) return `${what}: skipped, the analysis failed: ${outcome.failed}`;
  return `${what}: analysis stopped after ${timeoutMs / 1000} s (--timeout); skipped (raise --timeout, or split the file)`;
}

function parseArgs(argv: string[]): Options | null {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return null;
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}" (try: source-lens analyze <file>)`);
  const options: Options = {
    format: 'text',
    corpus: false,
    jobs: availableParallelism(),
    maxBytes: DEFAULT_MAX_BYTES,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    paths: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = (): string => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--help' || arg === '-h') return null;
    else if (arg === '--corpus') options.corpus = true;
    else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
      const jobs = value();
      if (!/^\d+$/.test(jobs) || Number(jobs) < 1 || Number(jobs) > 256)
        throw new UsageError('--jobs must be a whole number from 1 to 256');
      options.jobs = Number(jobs);
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const format = value();
      const known = FORMATS.find((f) => f === format);
      if (!known) throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
      options.format = known;
    } else if (arg === '--max-bytes' || arg.startsWith('--max-bytes=')) {
      const bytes = Number(value());
      if (!Number.isInteger(bytes) || bytes <= 0) throw new UsageError('--max-bytes must be a positive whole number');
      options.maxBytes = bytes;
    } else if (arg === '--max-warnings' || arg.startsWith('--max-warnings=')) {
      const warnings = value();
      if (!/^\d+$/.test(warnings)) throw new UsageError('--max-warnings must be a whole number, 0 or more');
      options.maxWarnings = Number(warnings);
    } else if (arg === '--timeout' || arg.startsWith('--timeout=')) {
      const ms = Number(value());
      if (!Number.isInteger(ms) || ms <= 0)
        throw new UsageError('--timeout must be a positive whole number of milliseconds');
      options.timeoutMs = ms;
    } else if (arg === '--registry' || arg.startsWith('--registry=')) options.registry = value();
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) throw new UsageError('no input: give files, directories or - for standard input');
  return options;
}

if (require.main === module) {
  const code = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdin: () => readFileSync(0),
  });
  process.exitCode = code;
}
