// Sends analyses to a worker thread (dist/analysis-worker.js) and gets them back as promises. Small
// documents are analysed inline, where a round trip would cost more than the work (and the editor's
// features read the sentences and blocks that the worker does not send back). Each worker analysis has a
// deadline: past it the worker is ended (a new one starts for the next request) and the promise resolves
// with `TIMED_OUT`. If the worker cannot start (or dies), everything is analysed inline. Each
// document's analysis cache (core/analysis-cache.ts) lives where its analyses run: here for inline ones, in the
// worker for the others; `forget` drops both when the document closes.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { type Analysis, type AnalysisCache, analyze, type AnalyzeOptions, createAnalysisCache } from '../core';
import type { AnalysisPart, WorkerRequest } from './analysis-worker';

/** Below this many characters an analysis usually takes a few milliseconds: not worth a thread hop. */
const INLINE_LIMIT = 64 * 1024;

/** What an analysis that ran past its deadline resolves with. */
export const TIMED_OUT = 'timed-out';
/** The deadline when none is given. */
export const DEFAULT_DEADLINE_MS = 5000;

export class AnalysisClient {
  private worker: Worker | null = null;
  private failed = false;
  private disposed = false;
  private nextId = 1;
  /** How many analyses the worker has returned (for tests and the debug log). */
  workerAnalyses = 0;
  private readonly pending = new Map<
    number,
    {
      resolve: (a: Analysis | typeof TIMED_OUT) => void;
      text: string;
      options: AnalyzeOptions;
      cacheKey?: string;
      received?: Analysis;
      timer: NodeJS.Timeout;
    }
  >();
  private readonly inlineCaches = new Map<string, AnalysisCache>();

  constructor(private readonly workerPath: string) {}

  /** Whether a text of this size goes to the worker (when the worker can run). */
  usesWorkerFor(text: string): boolean {
    return text.length >= INLINE_LIMIT && !this.failed;
  }

  /**
   * Analyses a text; with a `cacheKey` (the document's URI), the next analysis of it redoes only what
   * changed. Resolves with TIMED_OUT when the worker did not answer within `deadlineMs`.
   */
  analyze(
    text: string,
    options: AnalyzeOptions,
    cacheKey?: string,
    deadlineMs = DEFAULT_DEADLINE_MS,
  ): Promise<Analysis | typeof TIMED_OUT> {
    const worker = text.length >= INLINE_LIMIT ? this.ensureWorker() : null;
    if (!worker) return Promise.resolve(this.analyzeInline(text, options, cacheKey));
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.timedOut(id), deadlineMs);
      this.pending.set(id, { resolve, text, options, cacheKey, timer });
      this.post(worker, { kind: 'analyze', id, text, options, cacheKey });
    });
  }

  /**
   * An analysis ran past its deadline: the worker is ended, so the work stops, and the others it held are
   * sent again to the next worker (their caches went with the old one: they start afresh).
   */
  private timedOut(id: number): void {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    request.resolve(TIMED_OUT);
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners('exit');
      worker.removeAllListeners('error');
      void worker.terminate();
    }
    const next = this.ensureWorker();
    for (const [otherId, other] of this.pending) {
      other.received = undefined;
      if (next)
        this.post(next, {
          kind: 'analyze',
          id: otherId,
          text: other.text,
          options: other.options,
          cacheKey: other.cacheKey,
        });
    }
    if (!next) this.fallBack();
  }

  /** The document is closed: its caches go. */
  forget(cacheKey: string): void {
    this.inlineCaches.delete(cacheKey);
    if (this.worker) this.post(this.worker, { kind: 'forget', cacheKey });
  }

  private analyzeInline(text: string, options: AnalyzeOptions, cacheKey?: string): Analysis {
    let cache: AnalysisCache | undefined;
    if (cacheKey !== undefined) {
      cache = this.inlineCaches.get(cacheKey) ?? createAnalysisCache();
      this.inlineCaches.set(cacheKey, cache);
    }
    return analyze(text, { ...options, cache });
  }

  private post(worker: Worker, request: WorkerRequest): void {
    worker.postMessage(request);
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(this.workerPath);
      worker.on('message', (part: AnalysisPart) => this.receive(part));
      const fail = (): void => this.fallBack();
      worker.on('error', fail);
      worker.on('exit', fail);
      worker.unref();
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  /** One part of an analysis from the worker (see `AnalysisPart`): assembled until its end arrives. */
  private receive(part: AnalysisPart): void {
    const request = this.pending.get(part.id);
    if (!request) return;
    if (part.kind === 'start') {
      request.received = part.scalars as Analysis;
    } else if (part.kind === 'items' && request.received) {
      const list = request.received[part.field] as unknown[];
      for (const item of part.items) list.push(item);
    } else if (part.kind === 'end' && request.received) {
      this.pending.delete(part.id);
      clearTimeout(request.timer);
      this.workerAnalyses++;
      request.resolve(request.received);
      return;
    }
    // Ask for the next part in a later task, so the host's other work runs in between.
    const worker = this.worker;
    setTimeout(() => worker && this.worker === worker && this.post(worker, { kind: 'next', id: part.id }), 0);
  }

  /** The worker is gone: answer what it owed inline, and stay inline from now on. */
  private fallBack(): void {
    this.failed = true;
    this.worker = null;
    // Shutting down: what the worker owed is owed to no one, and must not be redone on the host's thread.
    if (this.disposed) return;
    for (const [id, request] of this.pending) {
      this.pending.delete(id);
      clearTimeout(request.timer);
      request.resolve(this.analyzeInline(request.text, request.options, request.cacheKey));
    }
  }

  /** Ends the worker; analyses it still owed are dropped, never re-run inline. Resolves once it has exited. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.disposed = true;
    this.failed = true; // no restart while shutting down
    this.worker = null;
    for (const request of this.pending.values()) clearTimeout(request.timer);
    this.pending.clear();
    await worker?.terminate();
  }
}

/** Where the bundled worker script sits beside the bundled extension. */
export function defaultWorkerPath(extensionPath: string): string {
  return join(extensionPath, 'dist', 'analysis-worker.js');
}
