// The mocha entry point the VS Code extension host loads ("extensionTestsPath" = out/test/integration/index).
// Used by both runners: scripts/run-host-tests.mjs (code-server's extension host, offline) and
// scripts/run-electron-tests.mjs (@vscode/test-electron, desktop VS Code). Resolving means success,
// rejecting means failure; the host turns that into its exit code.
//
// Counts: after the run it logs `@@RESULT {"passed":N,"failed":N,"skipped":N}` (run-host-tests.mjs reads it
// from the workbench log) and `N passed, N failed` (readable in any runner's output); with
// SOURCE_LENS_TEST_RESULT set (test-electron's extensionTestsEnv) it also writes that JSON to the file.
// While running it logs `@@TEST pass|fail <title>`, so a runner that times out can still count.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 20000, color: false, reporter: 'spec' });
  if (process.env.SOURCE_LENS_TEST_GREP) mocha.grep(process.env.SOURCE_LENS_TEST_GREP);
  for (const file of testFiles(__dirname)) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        const result = {
          passed: stats?.passes ?? 0,
          failed: stats?.failures ?? failures,
          skipped: stats?.pending ?? 0,
        };
        console.log('@@RESULT ' + JSON.stringify(result));
        console.log(`${result.passed} passed, ${result.failed} failed`);
        if (process.env.SOURCE_LENS_TEST_RESULT)
          fs.writeFileSync(process.env.SOURCE_LENS_TEST_RESULT, JSON.stringify(result));
        if (failures > 0) reject(new Error(`${failures} test${failures === 1 ? '' : 's'} failed.`));
        else if (result.passed === 0) reject(new Error(`no tests ran (looked for *.test.js under ${__dirname})`));
        else resolve();
      });
      runner.on('pass', (test) => console.log(`@@TEST pass ${test.fullTitle()}`));
      runner.on('fail', (test) => console.log(`@@TEST fail ${test.fullTitle()}`));
    } catch (err) {
      reject(err);
    }
  });
}
