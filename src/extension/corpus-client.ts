// Analyze Workspace's corpus analysis off the extension host's thread, in a worker of its own (the
// analysis worker's script, dist/analysis-worker.js, with the `corpus` request of corpus-worker.ts), so
// that stopping it never drops the open documents' analyses or their caches. A run can be stopped at any
// moment: on Cancel, or past its deadline, the worker is ended at once (a synchronous analysis cannot be
// interrupted any other way) and the next run starts a new one. If no worker can start, the corpus is
// analysed inline, as before, where neither can stop it. The corpus worker spreads the documents over
// helper workers of its own (corpus-pool.ts), which end with it.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { type Analysis, analyzeCorpus, type CorpusDocument, type CorpusOptions } from '../core';
import type { CorpusReply, CorpusRequest } from './corpus-worker';
import { startWorker } from './start-worker';

export const CORPUS_CANCELLED = 'cancelled';
export const CORPUS_TIMED_OUT = 'timed-out';
export type CorpusOutcome = Analysis[] | typeof CORPUS_CANCELLED | typeof CORPUS_TIMED_OUT;

/** The part of vscode.CancellationToken this needs (so the client stays testable outside VS Code). */
export interface CancelToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

interface Run {
  id: number;
  analyses: Analysis[];
  onStarted?: () => void;
  finish: (outcome: CorpusOutcome) => void;
}

export interface CorpusRunOptions {
  token?: CancelToken;
  /** Called when the worker has begun the analysis (a test cancels then, to cancel a run in flight). */
  onStarted?: () => void;
}

export class CorpusClient {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 1;
  private run: Run | null = null;

  constructor(private readonly workerPath: string) {}

  /**
   * The corpus's analyses, in the documents' order; CORPUS_CANCELLED as soon as the token is cancelled,
   * CORPUS_TIMED_OUT past `deadlineMs`. One run at a time: a new run stops the one before it.
   */
  analyze(
    documents: CorpusDocument[],
    options: CorpusOptions,
    deadlineMs: number,
    { token, onStarted }: CorpusRunOptions = {},
  ): Promise<CorpusOutcome> {
    if (token?.isCancellationRequested) return Promise.resolve(CORPUS_CANCELLED);
    this.stop(CORPUS_CANCELLED);
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(analyzeCorpus(documents, options).map((r) => r.analysis));
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.stop(CORPUS_TIMED_OUT), deadlineMs);
      const cancellation = token?.onCancellationRequested(() => this.stop(CORPUS_CANCELLED));
      this.run = {
        id,
        analyses: [],
        onStarted,
        finish: (outcome) => {
          clearTimeout(timer);
          cancellation?.dispose();
          resolve(outcome);
        },
      };
      // The corpus worker runs the documents' stages on helpers of the same script, one per core.
      const jobs = availableParallelism();
      this.post(worker, { kind: 'corpus', id, documents, options, jobs, workerPath: this.workerPath });
    });
  }

  /** Ends the run in flight, if any, with `outcome`, and the worker with it. */
  private stop(outcome: typeof CORPUS_CANCELLED | typeof CORPUS_TIMED_OUT): void {
    const run = this.run;
    if (!run) return;
    this.run = null;
    this.endWorker();
    run.finish(outcome);
  }

  private receive(reply: CorpusReply): void {
    const run = this.run;
    if (!run || reply.id !== run.id) return;
    if (reply.kind === 'corpus-started') return run.onStarted?.();
    if (reply.kind === 'corpus-end') {
      this.run = null;
      run.finish(run.analyses);
      return;
    }
    run.analyses[reply.index] = reply.analysis;
    // The next document's analysis in a later task, so the host's other work runs in between.
    setTimeout(() => {
      if (this.run === run && this.worker) this.post(this.worker, { kind: 'corpus-next', id: run.id });
    }, 0);
  }

  private post(worker: Worker, request: CorpusRequest): void {
    worker.postMessage(request);
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    this.worker = startWorker<CorpusReply>(
      this.workerPath,
      (reply) => this.receive(reply),
      // A worker that dies on its own (not ended here) fails the run in flight; the next run starts another.
      (worker) => {
        if (this.worker !== worker) return;
        this.worker = null;
        this.stop(CORPUS_TIMED_OUT);
      },
    );
    if (!this.worker) this.failed = true;
    return this.worker;
  }

  private endWorker(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }

  /** Ends the worker; a run in flight resolves as cancelled and publishes nothing. */
  dispose(): void {
    this.failed = true;
    this.stop(CORPUS_CANCELLED);
    this.endWorker();
  }
}
