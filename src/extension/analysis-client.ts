// Sends analyses to a worker thread (dist/analysis-worker.js) and gets them back as promises. Every
// document goes there, whatever its size: some small inputs take seconds (issue 14), and the extension
// host's thread must never be held that long. The editor's features read only what the worker sends back
// (not the sentences, blocks and quotes it keeps: see analysis-worker.ts). Each analysis has a deadline:
// past it the worker is ended (a new one starts at once) and the promise resolves with `TIMED_OUT`. A worker
// that dies is restarted, and what it owed is sent to the new one; only when workers keep dying, or cannot
// start, are analyses run inline, and then only for texts under `INLINE_FALLBACK_LIMIT` (others resolve with
// `NO_WORKER`). Each document's analysis cache (core/analysis-cache.ts) lives where its analyses run: in
// the worker, or here for inline ones; `forget` drops both when the document closes.
import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { type Analysis, type AnalysisCache, analyze, type AnalyzeOptions, createAnalysisCache } from '../core';
import type { AnalysisPart, WorkerRequest } from './analysis-worker';
import { moved } from './result-delta';
import { statementsOf, withStatements } from './analysis-statements';
import { type StatementSlice, StatementTable } from './statement-table';
import { startWorker } from './start-worker';

/**
 * Without a worker, texts up to this many characters are still analysed, on the host's thread. Small, so
 * an ordinary note costs a few milliseconds; it does not bound every shape (a few lines of 1,000 list
 * markers take about a second even at 2 KB), which is why this path is only for a worker that cannot run.
 */
export const INLINE_FALLBACK_LIMIT = 16 * 1024;
/** Workers that may die in a row (with no analysis returned between) before the client stops starting them. */
const MAX_RESTARTS = 2;

/** What an analysis that ran past its deadline resolves with. */
export const TIMED_OUT = 'timed-out';
/** What an analysis resolves with when no worker can run and the text is over `INLINE_FALLBACK_LIMIT`. */
export const NO_WORKER = 'no-worker';
export type AnalysisOutcome = Analysis | typeof TIMED_OUT | typeof NO_WORKER;
/** The deadline when none is given. */
export const DEFAULT_DEADLINE_MS = 5000;

export class AnalysisClient {
  private worker: Worker | null = null;
  private failed = false;
  private disposed = false;
  /** Workers that died since the last analysis one returned. */
  private deaths = 0;
  private nextId = 1;
  /** How many analyses the worker has returned (for tests and the debug log). */
  workerAnalyses = 0;
  private readonly pending = new Map<
    number,
    {
      resolve: (a: AnalysisOutcome) => void;
      text: string;
      options: AnalyzeOptions;
      cacheKey?: string;
      received?: Analysis;
      /** The statements received so far, as slices of tables (statement-table.ts), joined at the end. */
      statements?: StatementSlice[];
      /** The document's last analysis received when this was asked: the worker may send changes from it. */
      base?: { id: number; analysis: Analysis };
      timer: NodeJS.Timeout;
    }
  >();
  /** The last analysis received of each document (by cache key), with its request id. */
  private readonly lastReceived = new Map<string, { id: number; analysis: Analysis }>();
  private readonly inlineCaches = new Map<string, AnalysisCache>();

  constructor(private readonly workerPath: string) {}

  /** Whether analyses go to a worker (false once workers cannot start or keep dying). */
  get usesWorker(): boolean {
    return !this.failed;
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
  ): Promise<AnalysisOutcome> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(this.analyzeWithoutWorker(text, options, cacheKey));
    const id = this.nextId++;
    const base = cacheKey === undefined ? undefined : this.lastReceived.get(cacheKey);
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.timedOut(id), deadlineMs);
      this.pending.set(id, { resolve, text, options, cacheKey, base, timer });
      this.post(worker, { kind: 'analyze', id, text, options, cacheKey, base: base?.id });
    });
  }

  /** An analysis ran past its deadline: the worker is ended, so the work stops, and a new one takes the rest. */
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
    this.resendPending();
  }

  /**
   * The worker exited or failed without being asked to (out of memory on a pathological text, say): a new
   * one takes what it owed, each request still under its own deadline. Workers that keep dying are not
   * started again: from then on the client runs inline, within `INLINE_FALLBACK_LIMIT`.
   */
  private died(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    worker.removeAllListeners('exit');
    worker.removeAllListeners('error');
    if (++this.deaths > MAX_RESTARTS) this.failed = true;
    this.resendPending();
  }

  /**
   * The analyses the old worker held go to the next one (their caches went with the old one: they start
   * afresh), or, with none, are answered without one.
   */
  private resendPending(): void {
    const next = this.disposed ? null : this.ensureWorker();
    if (!next) return this.fallBack();
    for (const [id, other] of this.pending) {
      other.received = undefined;
      // A new worker holds no analysis to send changes from: it sends each whole.
      this.post(next, { kind: 'analyze', id, text: other.text, options: other.options, cacheKey: other.cacheKey });
    }
  }

  /** The document is closed: its caches go. */
  forget(cacheKey: string): void {
    this.inlineCaches.delete(cacheKey);
    this.lastReceived.delete(cacheKey);
    if (this.worker) this.post(this.worker, { kind: 'forget', cacheKey });
  }

  /** No worker can run: small texts inline, larger ones not at all (see `INLINE_FALLBACK_LIMIT`). */
  private analyzeWithoutWorker(text: string, options: AnalyzeOptions, cacheKey?: string): AnalysisOutcome {
    if (text.length > INLINE_FALLBACK_LIMIT) return NO_WORKER;
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
    this.worker = startWorker<AnalysisPart>(
      this.workerPath,
      (part) => this.receive(part),
      (worker) => this.died(worker),
    );
    if (!this.worker) this.failed = true;
    return this.worker;
  }

  /** One part of an analysis from the worker (see `AnalysisPart`): assembled until its end arrives. */
  private receive(part: AnalysisPart): void {
    const request = this.pending.get(part.id);
    if (!request) return;
    if (part.kind === 'start') {
      request.received = part.scalars as Analysis;
      request.statements = [];
      // Sent as changes only from the base this request named (analysis-worker.ts): the two agree.
      if (part.base !== request.base?.id) request.base = undefined;
    } else if (part.kind === 'statements' && request.statements) {
      const table = StatementTable.fromColumns(part.columns);
      request.statements.push({ table, from: 0, count: table.length, shift: 0 });
    } else if (isStatementsDelta(part) && request.statements && request.base) {
      // The base's own columns, read in place: kept as they are, or moved.
      const table = statementsOf(request.base.analysis);
      if (part.kind === 'keep') request.statements.push({ table, from: 0, count: part.count, shift: 0 });
      else request.statements.push({ table, from: part.from, count: part.count, shift: part.shift });
    } else if (part.kind === 'items' && request.received) {
      const list = request.received[part.field] as unknown[];
      for (const item of part.items) list.push(item);
    } else if ((part.kind === 'keep' || part.kind === 'runs') && request.received && request.base) {
      // The base's own objects for the items that stand; fresh ones, moved, for those after the edit.
      const list = request.received[part.field] as unknown[];
      const before = request.base.analysis[part.field] as unknown[];
      if (part.kind === 'keep') for (let i = 0; i < part.count; i++) list.push(before[i]);
      else
        for (const run of part.runs) {
          if ('items' in run) for (const item of run.items) list.push(item);
          else
            for (let i = run.moved.from; i < run.moved.from + run.moved.count; i++)
              list.push(moved(before[i], part.shift, part.renumber));
        }
    } else if (part.kind === 'end' && request.received && request.statements) {
      withStatements(request.received, joined(request.statements));
      this.pending.delete(part.id);
      clearTimeout(request.timer);
      this.workerAnalyses++;
      this.deaths = 0;
      if (request.cacheKey !== undefined)
        this.lastReceived.set(request.cacheKey, { id: part.id, analysis: request.received });
      // Published in a task of its own: joining the statements' columns above already took this one.
      const received = request.received;
      setTimeout(() => request.resolve(received), 0);
      return;
    }
    // Ask for the next part in a later task, so the host's other work runs in between.
    const worker = this.worker;
    setTimeout(() => worker && this.worker === worker && this.post(worker, { kind: 'next', id: part.id }), 0);
  }

  /** No worker can run: answer what the last one owed without it, and stay without one from now on. */
  private fallBack(): void {
    this.failed = true;
    this.worker = null;
    // Shutting down: what the worker owed is owed to no one, and must not be redone on the host's thread.
    if (this.disposed) return;
    for (const [id, request] of this.pending) {
      this.pending.delete(id);
      clearTimeout(request.timer);
      request.resolve(this.analyzeWithoutWorker(request.text, request.options, request.cacheKey));
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

/** A statements part of a delta: the base's statements kept, or moved. */
function isStatementsDelta(part: AnalysisPart): part is Extract<AnalysisPart, { kind: 'keep' | 'moved' }> {
  return (part.kind === 'keep' || part.kind === 'moved') && part.field === 'attributions';
}

/** The statements' slices as one table; a single whole table as it came. */
function joined(slices: StatementSlice[]): StatementTable {
  const [only] = slices;
  if (slices.length === 1 && only.from === 0 && only.count === only.table.length && only.shift === 0) return only.table;
  return StatementTable.join(slices);
}

/** Where the bundled worker script sits beside the bundled extension. */
export function defaultWorkerPath(extensionPath: string): string {
  return join(extensionPath, 'dist', 'analysis-worker.js');
}
