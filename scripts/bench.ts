// `npm run bench`: how fast the core is, as one table. A benchmark, not a test: it never fails on time.
// Each row is the median of several runs after a warm-up. Beside each time: the physical floor measured
// in the same run (one regular-expression pass counting quotation marks over the same text) and, for
// Markdown, remark-parse alone; ratios measured in one run hold on a noisy machine where absolute times
// do not. Inputs are the team's samples and generated articles, so it runs on a fresh clone.
//   node out/scripts/bench.js [--quick]
import { readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { AnalysisRunner } from '../src/cli/analysis-runner';
import { analyze, analyzeCorpus, createAnalysisCache } from '../src/core/analyze';
import { sentenceFeatures, shippedWeights, viterbi } from '../src/core/attribution/model';
import type { AnalyzeOptions } from '../src/core/options';
import type { Analysis, DocumentFormat } from '../src/core/types';
import { tokenizedSentences } from './attribution-data';
import { heapBound } from './bench-heap';
import { markdownShapeRows, type ShapeRow } from './bench-shapes';
import { tokenize } from '../src/core/text/tokens';
import { newsDocument } from '../test/host-bench/news';
import { mulberry32, textOfLength } from '../test/support/random';
import { PATHOLOGICAL_SHAPES } from '../test/support/pathological-shapes';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Warm-up: at least this long (and at least one run), so a small input is timed on optimised code. */
const WARM_UP_MS = quick ? 100 : 300;
/** Small inputs are run at least this long in all, for a stable median. */
const MEASURE_MS = quick ? 100 : 300;

/** Median milliseconds of `run` after a warm-up: at least `runs` runs, more for a fast one. */
function time(run: () => unknown, runs = RUNS): number {
  const warmUpUntil = performance.now() + WARM_UP_MS;
  do run();
  while (performance.now() < warmUpUntil);
  const samples: number[] = [];
  const measureUntil = performance.now() + MEASURE_MS;
  while (samples.length < runs || (performance.now() < measureUntil && samples.length < 1000)) {
    const started = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

// ---------------------------------------------------------------------------------------------
// Generated articles: deterministic, news-shaped, with quotes, reported speech, names and numbers.

const NAMES = [
  'Ana Ruiz',
  'Tom Okafor',
  'Lena Brandt',
  'Marek Nowak',
  'Priya Shah',
  'Jonas Lind',
  'Amira Haddad',
  'Kofi Mensah',
];
const ORGS = [
  'the Regional Transport Authority (RTA)',
  'the Ministry of Finance',
  'the Port Authority',
  'the City Council',
];
const CUES = ['said', 'added', 'told reporters', 'noted', 'warned'];

function article(random: () => number, words = 1500): string {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const n = Math.floor(random() * 1000);
    const year = 1990 + Math.floor(random() * 35);
    const kind = random();
    let p: string;
    if (kind < 0.3)
      p = `“We will spend ${n} million on the project and finish it by ${year},” ${pick(CUES)} ${pick(NAMES)}, who has led the plan since it began. “Nobody should doubt that.”`;
    else if (kind < 0.55)
      p = `${pick(ORGS)} ${pick(CUES)} that costs had risen by ${n % 90} percent since ${year}, the largest increase in the region, and that a review would follow.`;
    else if (kind < 0.75)
      p = `Traffic on the old bridge has doubled since ${year}, and the structure was rated among the worst in the county, according to figures published on Monday.`;
    else if (kind < 0.9)
      p = `The council voted ${n % 9}-${n % 5} on Wednesday to fund the work, after a debate in which several members called the budget “a gamble” and asked for an independent audit.`;
    else
      p = `Residents who spoke at the meeting described long delays, closed lanes and detours that added ${n % 60} minutes to their commute.`;
    paragraphs.push(p);
    count += p.split(' ').length;
  }
  return paragraphs.join('\n\n');
}

function generated(bytes: number, seed = 1): string {
  const random = mulberry32(seed);
  return textOfLength(bytes, '\n\n', () => article(random));
}

// ---------------------------------------------------------------------------------------------

const QUOTE_MARKS = /["“”«»„]/g;
const floor = (text: string): number => (text.match(QUOTE_MARKS) ?? []).length;
const markdownParser = unified().use(remarkParse);

type Row = ShapeRow;

const rows: Row[] = [];
const mb = (chars: number): number => chars / (1024 * 1024);
const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

function measureDocument(
  input: string,
  text: string,
  format: DocumentFormat,
  target: string,
  runs = RUNS,
  options: AnalyzeOptions = {},
): void {
  const ours = time(() => analyze(text, { ...options, format, maxLength: Infinity }), runs);
  const floorMs = time(() => floor(text), runs);
  const tokenizerMs = time(() => tokenize(text, 0, text.length).length, runs);
  const remark = format === 'markdown' ? time(() => markdownParser.parse(text), runs) : NaN;
  rows.push({
    input,
    size: text.length >= 1024 * 1024 ? `${mb(text.length).toFixed(1)} MB` : `${(text.length / 1024).toFixed(1)} KB`,
    ours: `${fmt(ours)} ms`,
    throughput: `${(mb(text.length) / (ours / 1000)).toFixed(2)} MB/s`,
    floor: `×${(ours / floorMs).toFixed(0)}`,
    tokenizer: `×${(ours / tokenizerMs).toFixed(1)}`,
    remark: Number.isNaN(remark) ? '' : `${fmt(remark)} ms (ours ${(ours / remark).toFixed(2)}×)`,
    target,
  });
}

const WORDS = /[\p{L}\p{N}]+/gu;

/** A reference row: not Source Lens, but what one part of any such pipeline costs on the same text. */
function measureReference(input: string, text: string, run: () => unknown, runs: number): void {
  const ms = time(run, runs);
  const floorMs = time(() => floor(text), runs);
  rows.push({
    input,
    size: `${mb(text.length).toFixed(1)} MB`,
    ours: `${fmt(ms)} ms`,
    throughput: `${(mb(text.length) / (ms / 1000)).toFixed(2)} MB/s`,
    floor: `×${(ms / floorMs).toFixed(0)}`,
    remark: '',
    target: '',
  });
}

const sample = readFileSync('samples/agency-article.txt', 'utf8');
const council = readFileSync('samples/council-vote.md', 'utf8');
const tenKb = generated(10 * 1024, 7);
// The whole pipeline is warmed up first, on every small input in both formats: V8 optimises a function
// only after it has run for a while, and the rows below should measure the code an editor runs all day,
// not its first minutes. (Without this the first small row reads up to three times slower.)
const pipelineWarmUpUntil = performance.now() + (quick ? 500 : 1500);
while (performance.now() < pipelineWarmUpUntil) {
  for (const format of ['plaintext', 'markdown'] as const)
    for (const text of [sample, council, tenKb]) analyze(text, { format });
}
measureDocument('sample: agency-article.txt', sample, 'plaintext', '');
measureDocument('sample: council-vote.md', council, 'markdown', '');
measureDocument('article ~1,500 words, plain text', tenKb, 'plaintext', '≤ 2 ms');
measureDocument('article ~1,500 words, Markdown', tenKb, 'markdown', '≤ remark + 1 ms');
const oneMb = generated(1024 * 1024, 3);
measureDocument('generated 1 MB, plain text', oneMb, 'plaintext', '≥ 10 MB/s', quick ? 1 : 3);
measureDocument('generated 1 MB, Markdown', oneMb, 'markdown', '≥ 0.8 × remark throughput', quick ? 1 : 3);
const newsMb = newsDocument(1024 * 1024, 3);
measureDocument('news-like 1 MB, plain text', newsMb, 'plaintext', '≥ 10 MB/s', quick ? 1 : 3);
// The trained tagger's share: the same inputs with the rules alone, and the tagger alone on every sentence.
measureDocument('  10 KB article, rules alone (tagger off)', tenKb, 'plaintext', '', RUNS, { attributionModel: false });
measureDocument('  news-like 1 MB, rules alone (tagger off)', newsMb, 'plaintext', '', quick ? 1 : 3, {
  attributionModel: false,
});
const newsSentences = tokenizedSentences(newsMb);
const tagger = shippedWeights()!;
measureReference(
  '  tagger alone: features + Viterbi, every sentence',
  newsMb,
  () => newsSentences.reduce((n, tokens) => n + viterbi(tagger, sentenceFeatures(tokens, tagger.buckets)).length, 0),
  quick ? 1 : 3,
);
// What merely reading the words costs, on the same text: the least any pipeline that looks at words pays.
measureReference('reference: one regex pass over the words', newsMb, () => newsMb.match(WORDS)?.length, quick ? 1 : 3);
measureReference(
  'reference: tokenizer alone (tokens.ts)',
  newsMb,
  () => tokenize(newsMb, 0, newsMb.length).length,
  quick ? 1 : 3,
);
if (!quick) {
  const tenMb = generated(10 * 1024 * 1024, 5);
  measureDocument('generated 10 MB, plain text', tenMb, 'plaintext', '≤ 11 × the 1 MB time', 1);
  const unclosed = `“${'An opening mark that never closes, and the words run on. '.repeat(20000)}`;
  measureDocument('1 MB quote that never closes', unclosed, 'plaintext', 'linear', 1);
  const onePara = 'word '.repeat(220000);
  measureDocument('one 1 MB paragraph, no punctuation', onePara, 'plaintext', 'linear', 1);
  const manySources = Array.from(
    { length: 5000 },
    (_, i) => `Speaker Number${i} Person said that the count was ${i}.`,
  ).join('\n');
  measureDocument('5,000 distinct sources', manySources, 'plaintext', 'linear', 1);
}

// ---------------------------------------------------------------------------------------------
// Issue 14, Source Lens's own stages: the plain-text shapes that were quadratic in them, and long
// emphasis runs (Markdown, where remark-parse takes most of the time), at 100 KB and 1 MB (1 MB rows only
// without --quick). Each row is held to the news-like text's time per MB, measured here beside them.
{
  const newsMsPerMb =
    time(() => analyze(newsMb, { format: 'plaintext', maxLength: Infinity }), quick ? 1 : 3) / mb(newsMb.length);
  const ownShapes = PATHOLOGICAL_SHAPES.filter(
    (shape) => shape.slowIn === 'source-lens' && (shape.format === 'plaintext' || shape.name === 'long emphasis runs'),
  );
  for (const size of quick ? [100 * 1024] : [100 * 1024, 1024 * 1024])
    for (const shape of ownShapes) {
      const text = shape.make(size);
      const runs = size >= 1024 * 1024 ? (quick ? 1 : 3) : RUNS;
      const ours = time(() => analyze(text, { format: shape.format, maxLength: Infinity }), runs);
      const floorMs = time(() => floor(text), runs);
      const remark = shape.format === 'markdown' ? time(() => markdownParser.parse(text), runs) : NaN;
      const perMb = ours / mb(text.length);
      rows.push({
        input: `shape: ${shape.name}${shape.format === 'markdown' ? ' (Markdown)' : ''}`,
        size: size >= 1024 * 1024 ? `${mb(text.length).toFixed(1)} MB` : `${(text.length / 1024).toFixed(1)} KB`,
        ours: `${fmt(ours)} ms`,
        throughput: `${(mb(text.length) / (ours / 1000)).toFixed(2)} MB/s`,
        floor: `×${(ours / floorMs).toFixed(0)}`,
        remark: Number.isNaN(remark) ? '' : `${fmt(remark)} ms (ours ${(ours / remark).toFixed(2)}×)`,
        target: `≤ 3 × news-like per MB: ${(perMb / newsMsPerMb).toFixed(1)}×`,
      });
    }
}
// ---------------------------------------------------------------------------------------------

// Corpus: 1,000 articles with shared paragraphs and a recurring footer.
const random = mulberry32(11);
const footer = 'Subscribe to our newsletter for the latest news. © 2024 Example Media. All rights reserved.';
const shared = article(random, 120);
const corpus = Array.from({ length: quick ? 100 : 1000 }, (_, i) => ({
  path: `article-${i}.md`,
  text: `${article(random, 900)}\n\n${i % 10 === 0 ? shared : ''}\n\n${footer}`,
}));
const corpusMs = time(() => analyzeCorpus(corpus), 1);
rows.push({
  input: `corpus of ${corpus.length} articles`,
  size: `${mb(corpus.reduce((n, d) => n + d.text.length, 0)).toFixed(1)} MB`,
  ours: `${fmt(corpusMs)} ms`,
  throughput: '',
  floor: '',
  remark: '',
  target: '≤ 3 s for 1,000',
});

// The same corpus on the CLI's worker pool (`source-lens analyze --corpus --jobs N`): each document's
// stages on a worker, the findings across documents on the main thread, the analyses back in order. The
// workers are started (and load the core) before the timing, as the CLI's stay loaded between files.
const pool = new AnalysisRunner();
const onJobs = (jobs: number): Analysis[] => {
  const outcome = pool.analyzeCorpus(corpus, {}, 600_000, jobs);
  return 'analyses' in outcome ? outcome.analyses : [];
};
const oneThread = JSON.stringify(analyzeCorpus(corpus).map((r) => r.analysis));
for (const jobs of [1, 2]) {
  const identical = JSON.stringify(onJobs(jobs)) === oneThread;
  const jobsMs = time(() => onJobs(jobs), 1);
  rows.push({
    input: `corpus of ${corpus.length} articles, CLI worker pool, --jobs ${jobs}`,
    size: '',
    ours: `${fmt(jobsMs)} ms`,
    throughput: '',
    floor: '',
    remark: '',
    target: `${jobs === 2 ? '≤ 1.5 s for 1,000; ' : ''}analyses ${identical ? 'identical to' : 'DIFFER from'} one thread`,
  });
}

// Re-analysis after a one-character edit, with the document's cache (as the extension keeps one per
// document): each sample analyses the original, then times the edited text. Markdown too: its parse is
// re-read only around the edit (structure/markdown-reparse.ts).
const edited = oneMb.slice(0, oneMb.length >> 1) + 'x' + oneMb.slice(oneMb.length >> 1);
for (const format of ['plaintext', 'markdown'] as const) {
  const cold = time(() => analyze(edited, { format }), quick ? 3 : 5);
  const cache = createAnalysisCache();
  const editSamples: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    analyze(oneMb, { format, cache });
    const started = process.hrtime.bigint();
    analyze(edited, { format, cache });
    editSamples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const warm = median(editSamples);
  rows.push({
    input: `one-character edit in 1 MB, re-analysis${format === 'markdown' ? ', Markdown' : ''}`,
    size: '1.0 MB',
    ours: `${fmt(warm)} ms`,
    throughput: '',
    floor: '',
    remark: '',
    target: `≥ 5 × faster than cold (${fmt(cold)} ms): ${(cold / warm).toFixed(1)}×`,
  });
}

// ---------------------------------------------------------------------------------------------
// Issue 14's Markdown shapes (scripts/bench-shapes.ts): 100 KB, and 1 MB unless --quick, with remark alone.
rows.push(...markdownShapeRows((run, runs) => time(run, runs), quick));
// ---------------------------------------------------------------------------------------------

// The heap in the worker (scripts/bench-heap.ts): the news-like 1 MB analysed with a cache, then edited.
async function heapRows(): Promise<void> {
  for (const format of ['plaintext', 'markdown'] as const) {
    const { capMb, usedMb } = await heapBound(newsMb, format);
    rows.push({
      input: `heap in a worker: news-like 1 MB${format === 'markdown' ? ', Markdown' : ''}, analysed and edited`,
      size: '1.0 MB',
      ours: capMb === null ? 'over every cap' : `${usedMb.toFixed(0)} MB in use`,
      throughput: '',
      floor: '',
      remark: '',
      target: `≤ 150 MB: completes within an old generation of ${capMb ?? '?'} MB, not less`,
    });
  }
}

function printTable(): void {
  const header: Row = {
    input: 'input',
    size: 'size',
    ours: 'Source Lens (median)',
    throughput: 'throughput',
    floor: 'vs regex floor',
    tokenizer: 'vs tokenizer alone',
    remark: 'remark-parse alone',
    target: 'target',
  };
  const columns = Object.keys(header) as (keyof Row)[];
  const cell = (r: Row, c: keyof Row): string => r[c] ?? '';
  const widths = columns.map((c) => Math.max(...[header, ...rows].map((r) => cell(r, c).length)));
  const line = (r: Row): string => columns.map((c, i) => cell(r, c).padEnd(widths[i])).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-+-'));
  for (const r of rows) console.log(line(r));
  console.log(
    `\nNode ${process.version}, one thread; each row the median of at least ${RUNS} runs (large inputs: fewer) after ${WARM_UP_MS} ms of warm-up.`,
  );
}

void heapRows().then(printTable);
