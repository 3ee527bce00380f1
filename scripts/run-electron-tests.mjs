#!/usr/bin/env node
// The same integration suite (out/test/integration/), in desktop VS Code via @vscode/test-electron.
// For contributors with internet access and a display: it downloads VS Code (into .vscode-test/) on first
// use. On Linux without a display, run it under Xvfb:  xvfb-run -a npm run test:electron
// Offline machines (CI here) cannot download VS Code: use `npm run test:host` (code-server) instead. This
// script checks first and fails fast, in one line, when the download server is out of reach.
//
// Env: VSCODE_VERSION (default "stable"; the suite needs >= 1.95), VSCODE_EXECUTABLE (a VS Code binary
// already on disk: no download), TEST_GREP (mocha --grep), KEEP_TMP=1.
// Exit code = the test result; the last line is `N passed, N failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testsEntry = path.join(root, 'out/test/integration/index');
const version = process.env.VSCODE_VERSION ?? 'stable';
const executable = process.env.VSCODE_EXECUTABLE;

for (const file of [path.join(root, 'dist/extension.js'), testsEntry + '.js']) {
  if (!fs.existsSync(file)) {
    console.error(
      `${path.relative(root, file)} missing: run "node esbuild.config.mjs --extension --integration" (npm run test:electron does)`,
    );
    process.exit(3);
  }
}

if (executable) {
  if (!fs.existsSync(executable)) {
    console.error(`VSCODE_EXECUTABLE=${executable} does not exist`);
    process.exit(3);
  }
} else {
  // runTests would try the download and, offline, fail only after its own timeouts and retries.
  const probe = 'https://update.code.visualstudio.com/api/releases/stable';
  try {
    const response = await fetch(probe, { method: 'HEAD', signal: AbortSignal.timeout(8000) });
    if (!response.ok && response.status >= 500) throw new Error(`HTTP ${response.status}`);
  } catch (e) {
    console.error(
      `cannot download VS Code (${probe}: ${e?.cause?.code ?? e?.message ?? e}): test:electron needs internet access; offline, run "npm run test:host" (code-server) instead, or set VSCODE_EXECUTABLE to a local VS Code`,
    );
    process.exit(3);
  }
}

const { runTests } = await import('@vscode/test-electron');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'source-lens-electron-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
const resultFile = path.join(tmp, 'result.json');

let exitCode;
try {
  exitCode = await runTests({
    version,
    ...(executable ? { vscodeExecutablePath: executable } : {}),
    extensionDevelopmentPath: root,
    extensionTestsPath: testsEntry,
    extensionTestsEnv: {
      SOURCE_LENS_TEST_RESULT: resultFile,
      ...(process.env.TEST_GREP ? { SOURCE_LENS_TEST_GREP: process.env.TEST_GREP } : {}),
    },
    launchArgs: [workspace, '--disable-extensions'],
  });
} catch (e) {
  // runTests rejects with the exit code (or an Error) when the tests fail or VS Code cannot start
  console.error(`VS Code run failed: ${e?.message ?? e}`);
  exitCode = typeof e === 'number' && e !== 0 ? e : 1;
}

let result = null;
try {
  result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
} catch {
  console.error('no test summary came back from the extension host (did out/test/integration/index.js load?)');
}
if (!process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
if (!result) result = { passed: 0, failed: 1 };
if (result.failed > 0 && exitCode === 0) exitCode = 1;
if (exitCode !== 0 && result.failed === 0) result.failed = 1;
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(exitCode);
