// The CLI's analyses under a deadline (--timeout), on up to --jobs worker threads (dist/cli-worker.js,
// beside dist/cli.js). The main thread waits for any worker's answer with Atomics.wait on a counter the
// workers share, so the CLI stays one synchronous run and prints in input order whatever order the answers
// come in. An analysis past its deadline is stopped by ending its worker; a new one takes its place when
// there is more to do. If no worker can start (the script is missing, as when the CLI's code is bundled
// somewhere else), the analyses run inline, one at a time, without a deadline.
//
// A corpus on several workers goes in two rounds: each document's own stages where a worker is free
// (`prepare`; the worker keeps them), the findings across documents here from the documents' views, then
// each document's analysis on the worker that holds its stages (`finish`). The core's analyzeCorpus is the
// same three steps in one thread, so the analyses are the same.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import {
  type Analysis,
  type AnalyzeOptions,
  type CorpusDocumentView,
  type CorpusOptions,
  crossDocumentFindings,
} from '../core';
import { answer, PreparedStore, type AnalysisReply, type RequestBody } from './analysis-requests';

export interface WorkerData {
  /** This worker's: slot 0 set once it listens, slot 1 the id of the last request it answered. */
  signal: Int32Array;
  /** The pool's: a counter every worker bumps when it is ready or has answered. */
  any: Int32Array;
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

/** One request to schedule: `pinned` names the worker that must answer it (the one holding its stages). */
interface Task {
  body: RequestBody;
  pinned?: number;
}

/** A task's answer, with the worker that gave it. */
type TaskResult = { reply: AnalysisReply; worker: number } | { stopped: true } | { failed: string };

/** When a task's time is up: `perTaskMs` from its start, or one deadline for them all. */
type Deadline = { perTaskMs: number } | { at: number };

export class AnalysisRunner {
  private readonly workers: (RunningWorker | null)[] = [];
  private readonly any = new Int32Array(new SharedArrayBuffer(4));
  private inline = false;
  private readonly inlineStore = new PreparedStore();
  private nextId = 1;
  private nextRun = 1;

  constructor(private readonly workerPath = join(__dirname, 'cli-worker.js')) {}

  /** Each file on its own, up to `jobs` at a time; the outcomes in the order of `files`. */
  analyzeFiles(files: { text: string; options: AnalyzeOptions }[], timeoutMs: number, jobs = 1): Outcome[] {
    const tasks = files.map(({ text, options }): Task => ({ body: { kind: 'file', text, options } }));
    return this.run(tasks, jobs, { perTaskMs: timeoutMs }).map(toOutcome);
  }

  analyzeFile(text: string, options: AnalyzeOptions, timeoutMs: number): Outcome {
    return this.analyzeFiles([{ text, options }], timeoutMs)[0];
  }

  /** The documents as one corpus, under one deadline; on `jobs` workers when there are that many documents. */
  analyzeCorpus(
    documents: { path: string; text: string }[],
    options: CorpusOptions,
    timeoutMs: number,
    jobs = 1,
  ): Outcome {
    if (jobs <= 1 || documents.length < 2 || !this.canStart()) {
      return toOutcome(this.run([{ body: { kind: 'corpus', documents, options } }], 1, { perTaskMs: timeoutMs })[0]);
    }
    const deadline: Deadline = { at: performance.now() + timeoutMs };
    const run = this.nextRun++;
    const prepared = this.run(
      documents.map((document, index): Task => ({ body: { kind: 'prepare', run, index, document, options } })),
      jobs,
      deadline,
    );
    const failure = prepared.find((result) => !('reply' in result) || 'error' in result.reply);
    if (failure) return toOutcome(failure);
    const holders = prepared.map((result) => ('reply' in result ? result.worker : -1));
    const views = prepared.map((result) =>
      'reply' in result && 'view' in result.reply ? result.reply.view : null,
    ) as (CorpusDocumentView | null)[];
    const findings = crossDocumentFindings(views, options);
    const finished = this.run(
      findings.map((documentFindings, index): Task => ({
        body: { kind: 'finish', run, index, findings: documentFindings, options },
        pinned: holders[index],
      })),
      jobs,
      deadline,
    );
    const analyses: Analysis[] = [];
    for (const result of finished) {
      const outcome = toOutcome(result);
      if (!('analyses' in outcome)) return outcome;
      analyses.push(outcome.analyses[0]);
    }
    return { analyses };
  }

  /** Runs the tasks on up to `jobs` workers (inline when none can start); results in the order of `tasks`. */
  private run(tasks: Task[], jobs: number, deadline: Deadline): TaskResult[] {
    const results: (TaskResult | undefined)[] = new Array(tasks.length);
    const size = Math.max(1, Math.min(jobs, tasks.length));
    if (!this.startWorkers(size)) return tasks.map((task) => this.runInline(task));
    const queue = tasks.map((_, i) => i);
    /** Per worker slot: the task it is on, its request id and its deadline. */
    const busy = new Map<number, { task: number; id: number; until: number }>();
    while (queue.length > 0 || busy.size > 0) {
      // Read before looking, so a notify that comes while we look still wakes the wait below.
      const seen = Atomics.load(this.any, 0);
      this.assign(tasks, queue, busy, size, deadline, results);
      for (const [slot, job] of busy) {
        const running = this.workers[slot];
        if (!running || Atomics.load(running.signal, DONE) !== job.id) continue;
        const reply = receiveMessageOnPort(running.port)?.message as AnalysisReply | undefined;
        results[job.task] =
          reply && reply.id === job.id ? { reply, worker: slot } : { failed: 'the analysis worker gave no answer' };
        busy.delete(slot);
      }
      if (busy.size === 0) continue;
      const now = performance.now();
      let soonest = Infinity;
      for (const [slot, job] of busy) {
        if (job.until > now) {
          soonest = Math.min(soonest, job.until);
          continue;
        }
        // Ending the worker is the only way to stop a synchronous analysis midway.
        this.end(slot);
        results[job.task] = { stopped: true };
        busy.delete(slot);
        if ('at' in deadline) return this.stopAll(tasks, results);
      }
      if (busy.size > 0 && soonest > now) Atomics.wait(this.any, 0, seen, soonest - now);
    }
    return results.map((result) => result ?? { failed: 'the analysis was not run' });
  }

  /** Gives each idle worker the next task it may take. */
  private assign(
    tasks: Task[],
    queue: number[],
    busy: Map<number, { task: number; id: number; until: number }>,
    size: number,
    deadline: Deadline,
    results: (TaskResult | undefined)[],
  ): void {
    for (let slot = 0; slot < size && queue.length > 0; slot++) {
      if (busy.has(slot)) continue;
      const at = queue.findIndex((i) => tasks[i].pinned === undefined || tasks[i].pinned === slot);
      if (at < 0) continue;
      const [task] = queue.splice(at, 1);
      const running = this.workers[slot] ?? this.startWorker(slot);
      if (!running) {
        results[task] = { failed: 'no analysis worker could start' };
        continue;
      }
      const id = this.nextId++;
      running.port.postMessage({ ...tasks[task].body, id });
      busy.set(slot, { task, id, until: 'at' in deadline ? deadline.at : performance.now() + deadline.perTaskMs });
    }
    // A task pinned to a worker that was ended cannot be answered.
    for (let i = queue.length - 1; i >= 0; i--) {
      const pinned = tasks[queue[i]].pinned;
      if (pinned !== undefined && (pinned >= size || !this.workers[pinned])) {
        results[queue[i]] = { failed: 'the analysis worker holding this document was stopped' };
        queue.splice(i, 1);
      }
    }
  }

  /** A corpus past its one deadline: every worker is ended, and the run counts as stopped. */
  private stopAll(tasks: Task[], results: (TaskResult | undefined)[]): TaskResult[] {
    for (let slot = 0; slot < this.workers.length; slot++) this.end(slot);
    return tasks.map((_, i) => results[i] ?? { stopped: true });
  }

  private runInline(task: Task): TaskResult {
    try {
      return { reply: answer({ ...task.body, id: 0 }, this.inlineStore), worker: 0 };
    } catch (error) {
      return { failed: error instanceof Error ? error.message : String(error) };
    }
  }

  private canStart(): boolean {
    return !this.inline && existsSync(this.workerPath);
  }

  /** Starts the first `size` workers together (they load the core in parallel); false to run inline. */
  private startWorkers(size: number): boolean {
    if (!this.canStart()) {
      this.inline = true;
      return false;
    }
    const starting: number[] = [];
    for (let slot = 0; slot < size; slot++) if (!this.workers[slot] && this.spawn(slot)) starting.push(slot);
    const until = performance.now() + STARTUP_LIMIT_MS;
    for (const slot of starting) this.awaitReady(slot, until);
    if (this.workers.slice(0, size).some(Boolean)) return true;
    this.inline = true;
    return false;
  }

  /** A worker in `slot` started afresh (after one was ended), ready before it is given work; null if it cannot. */
  private startWorker(slot: number): RunningWorker | null {
    return this.spawn(slot) ? this.awaitReady(slot, performance.now() + STARTUP_LIMIT_MS) : null;
  }

  /** The worker in `slot` once it says it is ready (it loads the core first); ended, and null, if not by `until`. */
  private awaitReady(slot: number, until: number): RunningWorker | null {
    const running = this.workers[slot];
    if (!running) return null;
    const left = Math.max(0, until - performance.now());
    if (Atomics.wait(running.signal, READY, 0, left) === 'timed-out' && Atomics.load(running.signal, READY) === 0) {
      this.end(slot);
      return null;
    }
    return running;
  }

  private spawn(slot: number): boolean {
    try {
      const signal = new Int32Array(new SharedArrayBuffer(8));
      const { port1, port2 } = new MessageChannel();
      const data: WorkerData = { signal, any: this.any, port: port2 };
      const worker = new Worker(this.workerPath, { workerData: data, transferList: [port2] });
      worker.unref();
      // A worker that dies (out of memory) is found out by its deadline; unheard, its 'error' would throw here.
      worker.on('error', () => undefined);
      this.workers[slot] = { worker, port: port1, signal };
      return true;
    } catch {
      return false;
    }
  }

  private end(slot: number): void {
    const running = this.workers[slot];
    this.workers[slot] = null;
    if (!running) return;
    running.port.close();
    void running.worker.terminate();
  }
}

function toOutcome(result: TaskResult): Outcome {
  if (!('reply' in result)) return result;
  const { reply } = result;
  if ('error' in reply) return { failed: reply.error };
  if ('analyses' in reply) return { analyses: reply.analyses };
  return { failed: 'the analysis worker answered with no analysis' };
}
