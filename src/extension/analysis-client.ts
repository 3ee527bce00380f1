// Sends analyses to a worker thread (dist/analysis-worker.js) and gets them back as promises. Small
// documents are analysed inline, where a round trip would cost more than the work; if the worker cannot
// start (or dies), everything is analysed inline, so Source Lens keeps working either way.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { analyze } from '../core/analyze';
import type { Analysis, AnalyzeOptions } from '../core/types';

/** Below this many characters an analysis takes a few milliseconds: not worth a thread hop. */
const INLINE_LIMIT = 64 * 1024;

export class AnalysisClient {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 1;
  /** How many analyses the worker has returned (for tests and the debug log). */
  workerAnalyses = 0;
  private readonly pending = new Map<number, { resolve: (a: Analysis) => void; text: string; options: AnalyzeOptions }>();

  constructor(private readonly workerPath: string) {}

  /** Whether a text of this size goes to the worker (when the worker can run). */
  usesWorkerFor(text: string): boolean {
    return text.length >= INLINE_LIMIT && !this.failed;
  }

  analyze(text: string, options: AnalyzeOptions): Promise<Analysis> {
    const worker = text.length >= INLINE_LIMIT ? this.ensureWorker() : null;
    if (!worker) return Promise.resolve(analyze(text, options));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, text, options });
      worker.postMessage({ id, text, options });
    });
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(this.workerPath);
      worker.on('message', ({ id, analysis }: { id: number; analysis: Analysis }) => {
        const request = this.pending.get(id);
        this.pending.delete(id);
        this.workerAnalyses++;
        request?.resolve(analysis);
      });
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

  /** The worker is gone: answer what it owed inline, and stay inline from now on. */
  private fallBack(): void {
    this.failed = true;
    this.worker = null;
    for (const [id, request] of this.pending) {
      this.pending.delete(id);
      request.resolve(analyze(request.text, request.options));
    }
  }

  dispose(): void {
    const worker = this.worker;
    this.failed = true; // no restart while shutting down
    this.worker = null;
    void worker?.terminate();
  }
}

/** Where the bundled worker script sits beside the bundled extension. */
export function defaultWorkerPath(extensionPath: string): string {
  return join(extensionPath, 'dist', 'analysis-worker.js');
}
