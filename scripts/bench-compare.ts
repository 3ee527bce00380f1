// Speed of the core now against the core at another commit, for changes meant to keep speed (a move, a split,
// a refactor):
//   npm run bench:compare -- <git-ref> [--runs N]
// On a shared or virtual machine, runs of `npm run bench` minutes apart differ by 10–30%, more than most
// changes. So this script loads both cores in one process and times them on the same inputs in alternation:
// the machine's ups and downs fall on both alike. For each input it prints the two medians, their ratio, and
// how often the current core was the faster of a pair. About half means the same speed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { newsDocument } from '../test/host-bench/news';
import * as current from '../src/core';

type Core = Pick<typeof current, 'analyze'>;

/** The core at `ref`, bundled from a copy of its src/ (the working tree is not touched). */
async function coreAt(ref: string): Promise<Core> {
  const root = resolve('out', 'bench-compare', ref.replace(/[^\w.-]/g, '_'));
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const archive = execFileSync('git', ['archive', ref, 'src'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', root], { input: archive });
  // The old core's imports (remark, unified) resolve from this checkout's packages.
  if (!existsSync(join(root, 'node_modules'))) symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  const outfile = join(root, 'core.cjs');
  await build({
    entryPoints: [join(root, 'src/core/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  // A path known only now: a plain require of the bundle just built.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads a file built at run time
  return require(outfile) as Core;
}

function milliseconds(core: Core, text: string, format: 'plaintext' | 'markdown'): number {
  const start = process.hrtime.bigint();
  core.analyze(text, { format });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const WARM_UP_MS = 500;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];

function compare(name: string, before: Core, text: string, format: 'plaintext' | 'markdown', runs: number): string {
  // Warm up by time, as the bench does, so that small inputs are timed on optimised code.
  const warmUntil = Date.now() + WARM_UP_MS;
  for (let i = 0; i < 3 || Date.now() < warmUntil; i++) {
    milliseconds(before, text, format);
    milliseconds(current, text, format);
  }
  const old: number[] = [];
  const now: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always runs on a warmer cache.
    if (i % 2) {
      old.push(milliseconds(before, text, format));
      now.push(milliseconds(current, text, format));
    } else {
      now.push(milliseconds(current, text, format));
      old.push(milliseconds(before, text, format));
    }
  }
  const faster = now.filter((t, i) => t < old[i]).length;
  const ratio = median(now) / median(old);
  return [
    name.padEnd(30),
    `${median(old).toFixed(2).padStart(9)} ms`,
    `${median(now).toFixed(2).padStart(9)} ms`,
    `×${ratio.toFixed(3)}`,
    `faster in ${faster}/${runs}`,
  ].join(' | ');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ref = args.find((a) => !a.startsWith('--'));
  if (!ref) {
    console.error('usage: npm run bench:compare -- <git-ref> [--runs N]');
    process.exit(2);
  }
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 30;
  const before = await coreAt(ref);
  const article = newsDocument(10_000);
  const megabyte = newsDocument(1_000_000);
  console.log(`${'input'.padEnd(30)} | ${ref.padStart(12)} | ${'now'.padStart(12)} | ratio  | paired runs`);
  console.log(compare('news-like 10 KB, plain text', before, article, 'plaintext', runs * 10));
  console.log(compare('news-like 10 KB, Markdown', before, article, 'markdown', runs * 10));
  console.log(compare('news-like 1 MB, plain text', before, megabyte, 'plaintext', runs));
  console.log(compare('news-like 1 MB, Markdown', before, megabyte, 'markdown', Math.ceil(runs / 2)));
}

void main();
