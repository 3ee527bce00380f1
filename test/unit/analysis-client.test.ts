// The extension's worker client (issue 14): every text goes to the worker; disposing it while an analysis
// is pending drops that analysis (it is never re-run inline on the extension host's thread: about 2 s for
// 2 MB); a worker that dies is replaced, and only when workers keep dying are small texts analysed inline.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { AnalysisClient, INLINE_FALLBACK_LIMIT, NO_WORKER, TIMED_OUT } from '../../src/extension/analysis-client';
import { newsDocument } from '../host-bench/news';

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

  for (const [size, text] of [
    ['a small', 'The mayor said the bridge would reopen in May.'],
    ['a large', 'The mayor said the bridge would reopen in May. '.repeat(2000)],
  ])
    it(`sends ${size} text to the worker, and on dispose drops it instead of analysing it inline`, async () => {
      const client = new AnalysisClient(silentWorker);
      assert.equal(client.usesWorker, true);
      const analysis = client.analyze(text, { format: 'plaintext' });
      assert.equal(await settled(analysis), PENDING, 'the worker has it');
      await client.dispose();
      // The worker has exited; an inline fallback would have resolved the promise by now.
      assert.equal(await settled(analysis), PENDING, 'dropped, not re-run on this thread');
    });

  it('replaces a worker that dies, and the new one answers what it owed', async () => {
    const flag = join(dir, 'crashed-once');
    const crashOnce = join(dir, 'crash-once-worker.js');
    writeFileSync(
      crashOnce,
      `const { parentPort } = require('node:worker_threads'); const fs = require('node:fs');
const first = !fs.existsSync(${JSON.stringify(flag)}); fs.writeFileSync(${JSON.stringify(flag)}, '');
parentPort.on('message', (m) => {
  if (first) process.exit(3);
  parentPort.postMessage({ id: m.id, kind: 'start', scalars: { length: m.text.length, attributions: [] } });
  parentPort.postMessage({ id: m.id, kind: 'end' });
});\n`,
    );
    const client = new AnalysisClient(crashOnce);
    const analysis = await client.analyze('Short.', { format: 'plaintext' });
    assert.ok(analysis !== TIMED_OUT && analysis !== NO_WORKER);
    assert.equal(analysis.attributions.length, 0, "the stand-in's answer, not an inline analysis");
    assert.equal(client.workerAnalyses, 1);
    assert.equal(client.usesWorker, true);
    await client.dispose();
  });

  it('when workers keep dying: small texts inline, larger ones answered NO_WORKER, never analysed here', async () => {
    const crashing = join(dir, 'crashing-worker.js');
    writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const client = new AnalysisClient(crashing);
    const sentence = 'The mayor said the bridge would reopen in May. ';
    const small = await client.analyze(sentence, { format: 'plaintext' });
    assert.ok(small !== TIMED_OUT && small !== NO_WORKER && small.attributions.length > 0, 'answered inline');
    assert.equal(client.usesWorker, false);
    const large = sentence.repeat(Math.ceil(INLINE_FALLBACK_LIMIT / sentence.length) + 1);
    assert.equal(await client.analyze(large, { format: 'plaintext' }), NO_WORKER);
    await client.dispose();
  });

  it('ends a worker that runs past the deadline, answers TIMED_OUT, and serves the next request from a new one', async () => {
    // The first worker never answers; the ones after it are the real worker's stand-in: they echo an end.
    const flag = join(dir, 'started-once');
    const stuckOnce = join(dir, 'stuck-once-worker.js');
    writeFileSync(
      stuckOnce,
      `const { parentPort } = require('node:worker_threads'); const fs = require('node:fs');
const first = !fs.existsSync(${JSON.stringify(flag)}); fs.writeFileSync(${JSON.stringify(flag)}, '');
parentPort.on('message', (m) => {
  if (first || m.kind !== 'analyze') return;
  parentPort.postMessage({ id: m.id, kind: 'start', scalars: { length: m.text.length, attributions: [] } });
  parentPort.postMessage({ id: m.id, kind: 'end' });
});\n`,
    );
    const client = new AnalysisClient(stuckOnce);
    const large = 'A paragraph. '.repeat(6000);
    assert.equal(await client.analyze(large, { format: 'plaintext' }, undefined, 200), TIMED_OUT);
    const next = await client.analyze(`${large}Another.`, { format: 'plaintext' }, undefined, 5000);
    assert.notEqual(next, TIMED_OUT);
    assert.equal(next !== TIMED_OUT && next.length, large.length + 8, 'answered by the new worker');
    await client.dispose();
  });
  it('after an edit, takes the changes from the analysis it holds: equal to a fresh one, unchanged items kept', async () => {
    const client = new AnalysisClient(join(__dirname, 'analysis-worker.js'));
    // What the host is sent: not the sentences and quotes, nor each statement's sentences (statement-table.ts).
    const whole = (text: string) => {
      const analysis = analyze(text, { format: 'plaintext' });
      const attributions = analysis.attributions.map((a) => ({ ...a, sentences: [] }));
      return { ...analysis, attributions, sentences: [], quotes: [] };
    };
    const text = newsDocument(30 * 1024, 2);
    const first = await client.analyze(text, { format: 'plaintext' }, 'doc');
    assert.ok(first !== TIMED_OUT && first !== NO_WORKER);
    // An edit near the end: the items before it are the objects the client already held.
    const nearEnd = `${text.slice(0, -50)}x${text.slice(-50)}`;
    const second = await client.analyze(nearEnd, { format: 'plaintext' }, 'doc');
    assert.ok(second !== TIMED_OUT && second !== NO_WORKER);
    assert.deepEqual(second, whole(nearEnd));
    assert.equal(second.claims[0], first.claims[0], 'kept, not copied across');
    // An edit at the start: the items after it are moved, made here from the held ones.
    const atStart = `x${nearEnd}`;
    const third = await client.analyze(atStart, { format: 'plaintext' }, 'doc');
    assert.ok(third !== TIMED_OUT && third !== NO_WORKER);
    assert.deepEqual(third, whole(atStart));
    assert.notEqual(third.claims.at(-1), second.claims.at(-1));
    // Forgotten: the next analysis of the same key comes whole, and is still right.
    client.forget('doc');
    const fourth = await client.analyze(text, { format: 'plaintext' }, 'doc');
    assert.deepEqual(fourth, whole(text));
    await client.dispose();
  }).timeout(20_000);
});
