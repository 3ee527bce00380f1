// The benchmark's Markdown rows for issue 14's pathological shapes (test/support/pathological-shapes.ts):
// each shape at 100 KB (and 1 MB unless --quick) through Source Lens, with remark-parse alone on the same
// input beside it, against the target "≤ 3 × news-like per MB". `npm run bench` adds these rows to its
// table; `node out/scripts/bench-shapes.js [--quick]` runs them alone (the full bench is long).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyze } from '../src/core/analyze';
import { newsDocument } from '../test/host-bench/news';
import { PATHOLOGICAL_SHAPES } from '../test/support/pathological-shapes';

/** One row of the benchmark's table (scripts/bench.ts prints these rows beside its own). */
export interface ShapeRow {
  input: string;
  size: string;
  ours: string;
  throughput: string;
  floor: string;
  /** Ours against the tokenizer alone (text/tokens.ts) on the same text: what reading its words costs. */
  tokenizer?: string;
  remark: string;
  target: string;
}

/** Median milliseconds of `run` over `runs` runs (the caller's timer, with its warm-up). */
export type Timer = (run: () => unknown, runs: number) => number;

const KB = 1024;
const MB = 1024 * 1024;
/** remark alone is quadratic on most of these shapes: past this at 100 KB, its 1 MB time is not measured. */
const REMARK_1MB_LIMIT_MS = 1000;
/** remark alone runs in a process of its own (scripts/remark-alone.ts), stopped after this long. */
const REMARK_STOP_MS = 10_000;

/** remark-parse's median time on the shape (its own process), or undefined when it was stopped. */
function remarkAlone(shapeIndex: number, size: number, runs: number): number | undefined {
  const script = join(__dirname, 'remark-alone.js');
  const run = spawnSync(process.execPath, [script, String(shapeIndex), String(size), String(runs)], {
    encoding: 'utf8',
    timeout: REMARK_STOP_MS * runs,
  });
  const ms = Number(run.stdout.trim());
  return run.status === 0 && Number.isFinite(ms) ? ms : undefined;
}
const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

export function markdownShapeRows(time: Timer, quick: boolean): ShapeRow[] {
  const sizes = quick ? [100 * KB] : [100 * KB, MB];
  // The yardstick: news-like text's time per MB, measured here on the same machine and run.
  const news = newsDocument(100 * KB, 3);
  const newsMsPerMb = time(() => analyze(news, { format: 'markdown' }), 3) / (news.length / MB);
  const rows: ShapeRow[] = [];
  const remarkAt100Kb = new Map<string, number>();
  for (const size of sizes) {
    for (const [index, shape] of PATHOLOGICAL_SHAPES.entries()) {
      if (shape.format !== 'markdown') continue;
      const text = shape.make(size);
      const runs = size >= MB ? 1 : 3;
      const ours = time(() => analyze(text, { format: 'markdown', maxLength: Infinity }), runs);
      const earlier = remarkAt100Kb.get(shape.name);
      let remark: string;
      if (size < MB || (earlier !== undefined && earlier < REMARK_1MB_LIMIT_MS)) {
        const ms = remarkAlone(index, size, earlier !== undefined && earlier < REMARK_1MB_LIMIT_MS ? runs : 1);
        if (size < MB) remarkAt100Kb.set(shape.name, ms ?? Infinity);
        remark =
          ms === undefined
            ? `stopped after ${REMARK_STOP_MS / 1000} s`
            : `${fmt(ms)} ms (ours ${(ours / ms).toFixed(2)}×)`;
      } else
        remark =
          earlier === Infinity
            ? 'not run (stopped at 100 KB)'
            : `not run (${fmt(earlier!)} ms at 100 KB, super-linear)`;
      const perMb = ours / (text.length / MB);
      rows.push({
        input: `md shape: ${shape.name}`,
        size: size >= MB ? `${(text.length / MB).toFixed(1)} MB` : `${(text.length / KB).toFixed(1)} KB`,
        ours: `${fmt(ours)} ms`,
        throughput: `${(text.length / MB / (ours / 1000)).toFixed(2)} MB/s`,
        floor: '',
        remark,
        target: `≤ 3 × news-like per MB (${fmt(newsMsPerMb)} ms): ${(perMb / newsMsPerMb).toFixed(1)}× ${perMb <= 3 * newsMsPerMb ? 'ok' : 'MISSED'}`,
      });
    }
  }
  return rows;
}

/** A plain median timer with a short warm-up, for running these rows alone. */
function medianTime(run: () => unknown, runs: number): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

if (/bench-shapes\.js$/.test(process.argv[1] ?? '')) {
  const rows = markdownShapeRows(medianTime, process.argv.includes('--quick'));
  for (const row of rows) console.log([row.input, row.size, row.ours, row.remark, row.target].join(' | '));
}
