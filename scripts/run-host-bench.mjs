#!/usr/bin/env node
// `npm run bench:host`: the extension's performance targets measured in the real extension host of
// code-server (offline, as run-host-tests.mjs runs the integration suite), printed as one table. A
// benchmark, not a test: it never fails on time. Exit code 0 when the measurements came back, even if
// some timed out; non-zero only when the run itself broke (no result from the extension host).
//
// Same harness as the tests (code-server-harness.mjs), another entry: out/test/host-bench/index.js
// (test/host-bench/index.ts), whose run() measures activation, a 5 MB document and a 1 MB pathological one, and logs one line
// `SOURCE_LENS_BENCH {json}`. This script prints that as a table, beside the size of dist/extension.js
// (`npm run bench:host` builds it minified, as `npm run package` does).
//
// The workspace is the usual copy of test/fixtures/workspace/ plus .vscode/settings.json raising
// sourceLens.maxFileSizeKB: the 5 MB document is exactly at the default cap (5120 KB).
//
// Env: HOST_BENCH_TIMEOUT_MS (default 900000), BENCH_MARKDOWN=1 (the Markdown shapes also as .md), BENCH_SHAPES=0 (the
// 5 MB document alone, no pathological shapes), DISABLE_OTHER_EXTENSIONS=1, BENCH_PROFILE=1 (CPU profiles
// of the extension host's main thread during each measurement, to test-results/host-bench/; build
// without --minify for readable names), VERBOSE=1, KEEP_TMP=1, CHROMIUM, CODE_SERVER_DIR, NODE24 (see
// code-server-harness.mjs).
import fs from 'node:fs';
import { ownTime } from './profile-own-time.mjs';
import path from 'node:path';
import {
  createRun,
  finish,
  hardTimeout,
  preflight,
  repoRoot,
  runExtensionEntry,
  stamp,
  startCodeServer,
  stopping,
  verbose,
} from './code-server-harness.mjs';

const benchEntry = path.join(repoRoot, 'out/test/host-bench/index');
const extensionJs = path.join(repoRoot, 'dist/extension.js');
const profileDir = process.env.BENCH_PROFILE === '1' ? path.join(repoRoot, 'test-results/host-bench') : null;
const timeoutMs = Number(process.env.HOST_BENCH_TIMEOUT_MS ?? 900000);
const build = 'run "node esbuild.config.mjs --extension --minify --host-bench" (npm run bench:host does)';
preflight([
  [extensionJs, `dist/extension.js missing: ${build}`],
  [benchEntry + '.js', `out/test/host-bench/index.js missing: ${build}`],
]);

// ---------------------------------------------------------------- the table
const ms = (v) => (v === null || v === undefined ? 'timed out' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);
const versus = (value, target) =>
  value === null || value === undefined ? '' : value <= target ? 'within' : `over, ×${(value / target).toFixed(1)}`;

function loopRows(label, m) {
  if (!m) return [[`${label}: not measured`, '', '', '']];
  const { loop } = m;
  return [
    [`${label}: analysis published`, ms(m.toAnalysisMs), '≤ 1 s', versus(m.toAnalysisMs, 1000)],
    ['  longest block, setInterval(5 ms) probe', ms(loop.probeMaxLagMs), '≤ 50 ms', versus(loop.probeMaxLagMs, 50)],
    [
      '  monitorEventLoopDelay max / p99 (10 ms res.)',
      `${ms(loop.histogramMaxMs)} / ${ms(loop.histogramP99Ms)}`,
      '≤ 50 ms',
      versus(loop.histogramMaxMs, 50),
    ],
  ];
}

function describeBlocks(label, m) {
  if (!m?.loop) return [];
  const marks = Object.entries(m.loop.marks)
    .map(([name, at]) => `${name} at ${ms(at)}`)
    .join(', ');
  const blocks = m.loop.blocks.map((b) => `${ms(b.ms)} ending at ${ms(b.endedAt)}`).join('; ') || 'none over 10 ms';
  return [`${label}: ${marks || 'no marks'}. Longest blocks: ${blocks}.`];
}

function table(result) {
  const size = fs.statSync(extensionJs).size;
  // Minified code is a few very long lines (template literals keep their own line breaks).
  const minified = size / fs.readFileSync(extensionJs, 'utf8').split('\n').length > 1000;
  const worker = path.join(repoRoot, 'dist/analysis-worker.js');
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows = [
    ['measure', 'result', 'target', 'vs target'],
    ['activate() duration', ms(result.activationMs), '≤ 50 ms', versus(result.activationMs, 50)],
    [
      `dist/extension.js size (${minified ? 'minified' : 'NOT minified'})`,
      kb(size),
      '≤ 1 MB',
      versus(size, 1024 * 1024),
    ],
    ...loopRows('5 MB document opened', result.open),
    ...loopRows('one-character edit', result.edit),
    ...(result.pathological ?? []).flatMap((p) => [
      ...loopRows(`1 MB .${p.extension}: ${p.shape}`.replace(/`/g, ''), p),
      ['  the same open, Source Lens off: longest block', ms(p.withoutSourceLens?.probeMaxLagMs), '', ''],
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.slice(1).map(line), ''];
  const d = result.document;
  if (d) {
    out.push(
      `Document: ${(d.characters / 1024 / 1024).toFixed(2)} M characters, ${d.lines} lines, ${d.timedOut ? 'NOT analysed: it ran past the deadline (analysis-timeout)' : `analysed ${d.inWorker ? 'in the worker thread' : 'INLINE on the host thread'}`}` +
        `${d.tooLarge ? ' — but OVER THE SIZE CAP (input-too-large): not really analysed' : ''}; ${d.attributions} attributions, ${d.claims} claims, ` +
        `${d.duplicates} duplicates, ${d.messages} messages, ${d.diagnostics} diagnostics.`,
    );
  }
  out.push(...describeBlocks('Open (ms from the vscode.open command)', result.open));
  out.push(...describeBlocks('Edit (ms from applyEdit)', result.edit));
  for (const p of result.pathological ?? []) {
    out.push(
      `Pathological document (.${p.extension}): ${p.shape}, ${(p.characters / 1024 / 1024).toFixed(2)} M characters; ` +
        (p.timedOut
          ? `its analysis ran past the ${p.deadlineMs} ms deadline (sourceLens.analysisTimeoutMs): the worker was ended and analysis-timeout published.`
          : `analysed within the deadline${p.fellBack ? ', read as plain text (markdown-not-parsed)' : ''}.`),
    );
    out.push(...describeBlocks('  open (ms from the vscode.open command)', p));
  }
  if (result.debounceMs !== undefined)
    out.push(
      `The edit row includes the ${result.debounceMs} ms debounce (sourceLens.debounceMs) before the analysis starts.`,
    );
  out.push(
    `activate() ${result.extensionWasActive ? 'had already run when the benchmark started (the workbench opens a plain-text model at startup)' : 'ran when the benchmark asked for the API'}; ` +
      `loading the bundle before it is not included. dist/analysis-worker.js: ${fs.existsSync(worker) ? kb(fs.statSync(worker).size) : 'missing'}.`,
  );
  if (profileDir) {
    out.push(
      `CPU profiles of the extension host's main thread: ${path.relative(repoRoot, profileDir)}/{open,edit,pathological-N}.cpuprofile.`,
      "Source Lens's own code in them (dist/extension.js): in all / longest stretch with no idle between:",
    );
    const names = ['open', 'edit', ...(result.pathological ?? []).map((_, i) => `pathological-${i}`)];
    for (const [i, name] of names.entries()) {
      const file = path.join(profileDir, `${name}.cpuprofile`);
      if (!fs.existsSync(file)) continue;
      const own = ownTime(file);
      const p = i >= 2 ? result.pathological[i - 2] : null;
      out.push(
        `  ${name}${p ? ` (${p.shape}, .${p.extension})` : ''}: ${ms(own.ownMs)} of ${ms(own.totalMs)} / ${ms(own.longestOwnStretchMs)}`,
      );
    }
  }
  if (result.timedOut) out.push(`TIMED OUT while ${result.timedOut}: the rows after it were not measured.`);
  if (result.error) out.push(`The benchmark stopped on an error: ${result.error}`);
  return out;
}

// ---------------------------------------------------------------- the run
let result = null;
hardTimeout(timeoutMs, () => ({
  message: 'the benchmark did not finish',
  lines: result ? table(result) : ['no result came back from the extension host'],
}));

const run = createRun('bench');
fs.mkdirSync(path.join(run.workspace, '.vscode'), { recursive: true });
fs.writeFileSync(
  path.join(run.workspace, '.vscode/settings.json'),
  JSON.stringify({ 'sourceLens.maxFileSizeKB': 16384 }, null, 2) + '\n',
);

let exitCode = 1;
let server;
try {
  server = await startCodeServer(run, { vscodeOptions: ['enable-smoke-test-driver'] });
  const onLog = (type, list) => {
    const first = typeof list[0] === 'string' ? list[0] : '';
    if (first.startsWith('SOURCE_LENS_BENCH ')) {
      try {
        result = JSON.parse(first.slice('SOURCE_LENS_BENCH '.length));
      } catch (e) {
        console.error(`unreadable result line: ${e}`);
      }
    } else if (first.startsWith('@@BENCH ')) {
      console.log(`${stamp()} ${first.slice('@@BENCH '.length)}`);
    } else if (verbose) {
      (console[type] ?? console.log)(...list);
    }
  };
  const environment = {
    ...(profileDir ? { SOURCE_LENS_BENCH_PROFILE: profileDir } : {}),
    ...(process.env.BENCH_MARKDOWN === '1' ? { SOURCE_LENS_BENCH_MARKDOWN: '1' } : {}),
    ...(process.env.BENCH_SHAPES === '0' ? { SOURCE_LENS_BENCH_SHAPES: '0' } : {}),
  };
  const outcome = await runExtensionEntry(server, run, {
    entry: benchEntry,
    onLog,
    environment,
    description: 'the benchmark',
  });
  if (stopping()) await new Promise(() => {});
  if (outcome === 'server-exit')
    console.error(`${stamp()} code-server exited (${server.exitCode}) during the run:\n${server.tail()}`);
  else if (outcome === 'page-crash') console.error(`${stamp()} the workbench page crashed`);
  else exitCode = result && !result.error ? 0 : 1; // timings never fail the run; an error does
} catch (e) {
  if (stopping()) await new Promise(() => {});
  console.error(`${stamp()} runner error: ${e?.stack ?? e}`);
  if (server) console.error(server.tail());
}
if (!result)
  console.error('no SOURCE_LENS_BENCH line came back from the extension host (did out/test/host-bench/index.js load?)');
await finish(exitCode, result ? ['', ...table(result)] : []);
