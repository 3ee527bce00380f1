// The CLI's analysis runner (src/cli/analysis-runner.ts) beyond the happy path: a worker whose analysis
// fails answers with one reason, a worker that dies is found out by its deadline, and with no worker
// script at all the analyses run inline. Stand-in workers (tiny scripts) play the worker's side.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisRunner } from '../../src/cli/analysis-runner';

/**
 * A stand-in worker: says it is ready, then runs `onRequest` (JavaScript, with `m`, `port` and `tell`) per
 * request. `tell(slot, value)` is the protocol: store in its own signal, bump the pool's shared counter.
 */
const standIn = (onRequest: string): string => `const { workerData } = require('node:worker_threads');
const { signal, any, port } = workerData;
const tell = (slot, value) => {
  Atomics.store(signal, slot, value); Atomics.notify(signal, slot); Atomics.add(any, 0, 1); Atomics.notify(any, 0);
};
port.on('message', (m) => { ${onRequest} });
tell(0, 1);\n`;

describe('cli analysis runner', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'source-lens-runner-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an analysis that failed in the worker as failed, with its reason', () => {
    const path = join(dir, 'failing.js');
    writeFileSync(path, standIn(`port.postMessage({ id: m.id, error: 'boom' }); tell(1, m.id);`));
    assert.deepEqual(new AnalysisRunner(path).analyzeFile('Text.', {}, 10_000), { failed: 'boom' });
  });

  it('reports a worker that dies mid-analysis as stopped at the deadline', () => {
    const path = join(dir, 'dying.js');
    writeFileSync(path, standIn('process.exit(3);'));
    assert.deepEqual(new AnalysisRunner(path).analyzeFile('Text.', {}, 300), { stopped: true });
  });

  it('analyses inline when there is no worker script', () => {
    const outcome = new AnalysisRunner(join(dir, 'missing.js')).analyzeFile(
      '“We won the cup today,” Jane Smith said.\n',
      { format: 'plaintext' },
      1,
    );
    assert.ok('analyses' in outcome && outcome.analyses[0].attributions.length === 1, JSON.stringify(outcome));
  });
});
