// Analyze Workspace's worker client (issue 14): Cancel ends the run at once (the worker is ended, the
// promise resolves as cancelled), past the deadline it resolves as timed out, and the next run starts a
// new worker. Stand-in workers (tiny scripts) play the analysis worker's part of the protocol.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { CORPUS_CANCELLED, CORPUS_TIMED_OUT, CorpusClient } from '../../src/extension/corpus-client';

/** A cancellation token the test cancels, as vscode.CancellationTokenSource's. */
function cancellable() {
  const listeners: (() => void)[] = [];
  const token = {
    isCancellationRequested: false,
    onCancellationRequested: (listener: () => void) => {
      listeners.push(listener);
      return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
    },
  };
  return { token, cancel: () => ((token.isCancellationRequested = true), listeners.forEach((l) => l())) };
}

const DOCUMENTS = [
  { path: 'a.md', text: 'One.' },
  { path: 'b.md', text: 'Two.' },
];

describe('corpus client', () => {
  let dir: string;
  /** Busy for ever once asked: a corpus analysis still running. It says when it has the request. */
  let busyWorker: string;
  /** Answers each document with a stand-in analysis, one per `corpus-next`, then the end. */
  let answeringWorker: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'source-lens-corpus-'));
    busyWorker = join(dir, 'busy-worker.js');
    writeFileSync(
      busyWorker,
      `const { parentPort } = require('node:worker_threads');
parentPort.on('message', () => { parentPort.postMessage({ kind: 'busy' }); for (;;) {} });\n`,
    );
    answeringWorker = join(dir, 'answering-worker.js');
    writeFileSync(
      answeringWorker,
      `const { parentPort } = require('node:worker_threads');
let left = [];
parentPort.on('message', (m) => {
  if (m.kind === 'corpus') left = m.documents.map((d, index) => ({ kind: 'corpus-document', id: m.id, index, analysis: { path: d.path } }))
    .concat([{ kind: 'corpus-end', id: m.id, count: m.documents.length }]);
  const next = left.shift();
  if (next) parentPort.postMessage(next);
});\n`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each document its analysis, in order', async () => {
    const client = new CorpusClient(answeringWorker);
    const analyses = await client.analyze(DOCUMENTS, {}, 5000);
    assert.deepEqual(analyses, [{ path: 'a.md' }, { path: 'b.md' }]);
    client.dispose();
  });

  it('on Cancel resolves as cancelled at once and ends the busy worker; the next run starts a new one', async () => {
    const client = new CorpusClient(busyWorker);
    const { token, cancel } = cancellable();
    const run = client.analyze(DOCUMENTS, {}, 60_000, { token });
    // Wait until the worker is in its endless loop: the run is really in flight.
    const worker = (client as unknown as { worker: Worker }).worker;
    await new Promise((resolve) => worker.once('message', resolve));
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    const cancelledAt = performance.now();
    cancel();
    assert.equal(await run, CORPUS_CANCELLED);
    assert.ok(performance.now() - cancelledAt < 100, 'resolved within 100 ms of Cancel');
    await exited; // the busy thread was ended, not left spinning
    const again = client.analyze(DOCUMENTS, {}, 60_000);
    const next = (client as unknown as { worker: Worker }).worker;
    assert.notEqual(next, worker, 'a new worker');
    client.dispose();
    assert.equal(await again, CORPUS_CANCELLED, 'dispose cancels the run in flight');
  });

  it('past the deadline resolves as timed out', async () => {
    const client = new CorpusClient(busyWorker);
    assert.equal(await client.analyze(DOCUMENTS, {}, 50), CORPUS_TIMED_OUT);
    client.dispose();
  });

  it('a token cancelled before the run starts no work', async () => {
    const client = new CorpusClient(busyWorker);
    const { token, cancel } = cancellable();
    cancel();
    assert.equal(await client.analyze(DOCUMENTS, {}, 60_000, { token }), CORPUS_CANCELLED);
    assert.equal((client as unknown as { worker: unknown }).worker, null, 'no worker started');
    client.dispose();
  });
});
