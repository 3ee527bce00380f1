#!/usr/bin/env node
// Runs the integration suite (out/test/integration/) inside the real Node extension host of code-server
// (VS Code 1.139, installed by scripts/install-code-server.mjs), offline.
//
// 1. Copies test/fixtures/workspace/ to a temp dir (the workspace folder the tests see).
// 2. Starts code-server on a free 127.0.0.1 port, no auth, user-data and extensions dirs under
//    .vscode-test/runs/, with --vscode-option enable-smoke-test-driver: a built VS Code honours the
//    URL payload's extensionDevelopmentPath/extensionTestsPath only with the smoke-test driver on.
// 3. Opens the workbench in Debian's Chromium (playwright-core) at
//    /?folder=<workspace>&payload=[["extensionDevelopmentPath","vscode-remote://127.0.0.1:PORT/<repo>"],
//                                  ["extensionTestsPath","vscode-remote://127.0.0.1:PORT/<repo>/out/test/integration/index"]]
//    The extension host loads the extension from the repo (dist/extension.js) and calls run() of the
//    mocha entry. Its console comes back through window.codeAutomationLog, its exit code through
//    window.codeAutomationExit; both are hooked with page.exposeFunction.
// 4. Exit code = the test result; the last line is `N passed, N failed`.
//
// A hard timeout (HOST_TEST_TIMEOUT_MS, default 300000) stops everything and fails. code-server (its
// whole process group) and Chromium are stopped on every exit path.
//
// Env: HOST_TEST_TIMEOUT_MS, TEST_GREP (mocha --grep), DISABLE_OTHER_EXTENSIONS=1, VERBOSE=1 (everything:
// workbench noise, browser console, server log), KEEP_TMP=1, CHROMIUM, CODE_SERVER_DIR, NODE24.
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

const testsEntry = path.join(repoRoot, 'out/test/integration/index');
const timeoutMs = Number(process.env.HOST_TEST_TIMEOUT_MS ?? 300000);
const build = 'run "node esbuild.config.mjs --extension --integration" (npm run test:host does)';
preflight([
  [path.join(repoRoot, 'dist/extension.js'), `dist/extension.js missing: ${build}`],
  [testsEntry + '.js', `out/test/integration/index.js missing: ${build}`],
]);

// Workbench and extension-host log lines that are noise in a test log (shown with VERBOSE=1).
const NOISE =
  /^(\[(ChatModelSelection|AgentHost[^\]]*|AccountPolicyGate|reconnection-grace-time|Service Worker|McpGateway)\]|Resolv(ing|ed) connection token|Creating a socket|Updating additional builtin extensions cache|getaddrinfo ENOTFOUND|Timed out waiting for authentication provider)/;

const counts = { passed: 0, failed: 0 };
let summary = null;
const countsLine = () => {
  const s = summary ?? counts;
  return `${s.passed} passed, ${s.failed} failed`;
};

let server;
hardTimeout(timeoutMs, () => ({
  message: `the test run did not finish (${counts.passed} passed, ${counts.failed} failed so far); code-server log tail:\n${server?.tail(3000) ?? '(not started)'}`,
  lines: [`${counts.passed} passed, ${counts.failed + 1} failed`],
}));

const run = createRun('host');
let exitCode = 1;
try {
  server = await startCodeServer(run, { vscodeOptions: ['enable-smoke-test-driver'] });
  const onLog = (type, list) => {
    const first = typeof list[0] === 'string' ? list[0] : '';
    if (first.startsWith('@@RESULT ')) {
      try {
        summary = JSON.parse(first.slice('@@RESULT '.length));
      } catch {}
      return;
    }
    const progress = /^@@TEST (pass|fail) /.exec(first);
    if (progress) {
      counts[progress[1] === 'pass' ? 'passed' : 'failed']++;
      return;
    }
    if (/^\d+ passed, \d+ failed$/.test(first)) return; // printed last, by this script
    if (!verbose && (NOISE.test(first) || /^\s+at /.test(first))) return;
    // stack frames inside the workbench's own bundles are noise in a test log
    const shown = verbose
      ? list
      : list.map((a) => (typeof a === 'string' ? a.replace(/\n\s+at .*\/static\/out\/vs\/.*/g, '') : a));
    (console[type] ?? console.log)(...shown);
  };
  const environment = process.env.TEST_GREP ? { SOURCE_LENS_TEST_GREP: process.env.TEST_GREP } : undefined;
  const result = await runExtensionEntry(server, run, {
    entry: testsEntry,
    onLog,
    environment,
    description: 'the suite',
  });
  if (stopping()) await new Promise(() => {}); // the hard timeout or a signal is ending the run
  if (result === 'server-exit') {
    console.error(`${stamp()} code-server exited (${server.exitCode}) during the run:\n${server.tail()}`);
  } else if (result === 'page-crash') {
    console.error(`${stamp()} the workbench page crashed`);
  } else {
    exitCode = result;
    console.log(`${stamp()} extension host exited with code ${exitCode}`);
  }
} catch (e) {
  if (stopping()) await new Promise(() => {});
  console.error(`${stamp()} runner error: ${e?.stack ?? e}`);
  if (server) console.error(server.tail());
}

if (!summary) {
  console.error('no test summary came back from the extension host (did out/test/integration/index.js load?)');
  if (exitCode === 0) exitCode = 1;
  counts.failed = Math.max(counts.failed, 1);
} else if (summary.failed > 0 && exitCode === 0) {
  exitCode = 1;
}
if (summary?.skipped) console.log(`${summary.skipped} skipped`);
if (summary && exitCode !== 0 && summary.failed === 0) {
  console.error('the extension host reported a failure outside the tests (see the log above)');
  summary.failed = 1;
}
await finish(exitCode, [countsLine()]);
