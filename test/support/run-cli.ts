// The CLI run in-process, as the unit tests drive it: `run(argv, io)` with standard output, standard error
// and standard input in memory.
import assert from 'node:assert/strict';
import { run } from '../../src/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI, collecting what it writes; `stdin` is what standard input holds. */
export function runCli(argv: string[], stdin: string | Buffer = ''): CliResult {
  let stdout = '';
  let stderr = '';
  let stdinReads = 0;
  const code = run(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    stdin: () => {
      stdinReads++;
      assert.equal(stdinReads, 1, 'standard input is read once');
      return Buffer.isBuffer(stdin) ? stdin : Buffer.from(stdin, 'utf8');
    },
  });
  return { code, stdout, stderr };
}
