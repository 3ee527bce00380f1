// The CLI's analyses under a deadline (--timeout). The core runs in a worker thread (dist/cli-worker.js,
// beside dist/cli.js); the main thread waits for each answer with Atomics.wait, so the CLI stays one
// synchronous run and its output is what it was. An analysis past its deadline is stopped by ending the
// worker; the next one starts a new worker. If no worker can start (the script is missing, as when the
// CLI's code is bundled somewhere else), the analyses run inline, without a deadline.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type Analysis, type AnalyzeOptions, analyze, analyzeCorpus, type CorpusOptions } from '../core';

export type AnalysisRequest =
  | { id: number; kind: 'file'; text: string; options: AnalyzeOptions }
  | { id: number; kind: 'corpus'; documents: { path: string; text: string }[]; options: CorpusOptions };

export type AnalysisReply = { id: number; analyses: Analysis[] } | { id: number; error: string };

export interface WorkerData {
  signal: Int32Array;
  port: MessagePort;
}

/** What a request came to: its analyses, or why there are none. */
export type Outcome = { analyses: Analysis[] } | { stopped: true } | { failed: string };

/** The default --timeout: a 5 MB news-like file (the default size cap) takes about 5 s. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** How long a worker may take to load before the run goes on inline instead. */
const STARTUP_LIMIT_MS = 30_000;
const READY = 0;
const DONE = 1;

interface RunningWorker {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

export class AnalysisRunner {
  private current: RunningWorker | null = null;
  private inline = false;
  private nextId = 1;

  constructor(private readonly workerPath = join(__dirname, 'cli-worker.js')) {}

  analyzeFile(text: string, options: AnalyzeOptions, timeoutMs: number): Outcome {
    return this.request({ id: this.nextId++, kind: 'file', text, options }, timeoutMs);
  }

  analyzeCorpus(documents: { path: string; text: string }[], options: CorpusOptions, timeoutMs: number): Outcome {
    return this.request({ id: this.nextId++, kind: 'corpus', documents, options }, timeoutMs);
  }

  private request(request: AnalysisRequest, timeoutMs: number): Outcome {
    const running = this.ensureWorker();
    if (!running) return runInline(request);
    running.port.postMessage(request);
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      // Read once: waiting on a second read could miss the worker's notify that came in between.
      const done = Atomics.load(running.signal, DONE);
      if (done === request.id) break;
      const left = deadline - performance.now();
      if (left <= 0) {
        // Ending the worker is the only way to stop a synchronous analysis midway.
        this.end();
        return { stopped: true };
      }
      Atomics.wait(running.signal, DONE, done, left);
    }
    const reply = receiveMessageOnPort(running.port)?.message as AnalysisReply | undefined;
    if (!reply || reply.id !== request.id) return { failed: 'the analysis worker gave no answer' };
    return 'error' in reply ? { failed: reply.error } : { analyses: reply.analyses };
  }

  private ensureWorker(): RunningWorker | null {
    if (this.current || this.inline) return this.current;
    if (!existsSync(this.workerPath)) {
      this.inline = true;
      return null;
    }
    try {
      const signal = new Int32Array(new SharedArrayBuffer(8));
      const { port1, port2 } = new MessageChannel();
      const data: WorkerData = { signal, port: port2 };
      const worker = new Worker(this.workerPath, { workerData: data, transferList: [port2] });
      worker.unref();
      // A worker that dies (out of memory) is found out by its deadline; unheard, its 'error' would throw here.
      worker.on('error', () => undefined);
      // The worker loads the core (remark, the tagger's weights) before it listens: not part of any deadline.
      if (Atomics.wait(signal, READY, 0, STARTUP_LIMIT_MS) === 'timed-out' && Atomics.load(signal, READY) === 0) {
        void worker.terminate();
        this.inline = true;
        return null;
      }
      this.current = { worker, port: port1, signal };
    } catch {
      this.inline = true;
    }
    return this.current;
  }

  private end(): void {
    const running = this.current;
    this.current = null;
    if (!running) return;
    running.port.close();
    void running.worker.terminate();
  }
}

function runInline(request: AnalysisRequest): Outcome {
  if (request.kind === 'corpus')
    return { analyses: analyzeCorpus(request.documents, request.options).map((r) => r.analysis) };
  return { analyses: [analyze(request.text, request.options)] };
}
