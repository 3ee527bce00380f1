// The extension's worker client (issue 14): disposing it while a large analysis is pending drops that
// analysis; it is never re-run inline on the extension host's thread (about 2 s for 2 MB).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisClient } from '../../src/extension/analysis-client';

const PENDING = Symbol('pending');
const settled = (promise: Promise<unknown>): Promise<unknown> => Promise.race([promise, Promise.resolve(PENDING)]);

describe('analysis client', () => {
  let dir: string;
  /** A worker that takes requests and never answers: an analysis still running. */
  let silentWorker: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'source-lens-client-'));
    silentWorker = join(dir, 'silent-worker.js');
    writeFileSync(silentWorker, "require('node:worker_threads').parentPort.on('message', () => {});\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('sends a large text to the worker, and on dispose drops it instead of analysing it inline', async () => {
    const client = new AnalysisClient(silentWorker);
    const large = 'The mayor said the bridge would reopen in May. '.repeat(2000);
    assert.equal(client.usesWorkerFor(large), true);
    const analysis = client.analyze(large, { format: 'plaintext' });
    assert.equal(await settled(analysis), PENDING, 'the worker has it');
    await client.dispose();
    // The worker has exited; an inline fallback would have resolved the promise by now.
    assert.equal(await settled(analysis), PENDING, 'dropped, not re-run on this thread');
  });

  it('still falls back inline when the worker dies while in use (not disposed)', async () => {
    const crashing = join(dir, 'crashing-worker.js');
    writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const client = new AnalysisClient(crashing);
    const large = 'The mayor said the bridge would reopen in May. '.repeat(2000);
    const analysis = await client.analyze(large, { format: 'plaintext' });
    assert.ok(analysis.attributions.length > 0, 'answered inline after the crash');
    await client.dispose();
  });
});
