// Analyze Workspace on several threads: run in the corpus worker (corpus-worker.ts), it starts helper
// workers of the same script and gives each document's own stages to whichever helper is free
// (`prepare`), makes the findings across documents itself from the documents' views, and has each
// document finished by the helper that holds its stages (`finish`): the steps of the core's analyzeCorpus,
// so the analyses are the same (core/corpus-steps.ts). The helpers end with the run; ending the corpus
// worker (Cancel, the deadline) ends them too. Inline, as analyzeCorpus, when no helper can start.
import type { Worker } from 'node:worker_threads';
import {
  type Analysis,
  analyzeCorpus,
  type CorpusDocument,
  type CorpusDocumentView,
  type CorpusOptions,
  type CorpusStepReply,
  type CorpusStepRequest,
  crossDocumentFindings,
} from '../core';
import { startWorker } from './start-worker';

/** What a helper is sent and answers (analysis-worker.ts routes it to core/corpus-steps.ts). */
export interface StepMessage {
  kind: 'corpus-step';
  id: number;
  step: CorpusStepRequest;
}
export interface StepAnswer {
  kind: 'corpus-step';
  id: number;
  reply: CorpusStepReply;
}

interface Helper {
  worker: Worker;
  /** The answer it owes, by message id. */
  waiting: Map<number, (reply: CorpusStepReply) => void>;
  /** It exited or failed: it answers nothing more. */
  dead: boolean;
}

const HELPER_STOPPED: CorpusStepReply = { error: 'an analysis helper stopped' };

/** The corpus's analyses, in the documents' order, and how many helper threads made them (0: inline). */
export interface PooledCorpus {
  analyses: Analysis[];
  helpers: number;
}

export async function analyzeCorpusOnPool(
  documents: CorpusDocument[],
  options: CorpusOptions,
  jobs: number,
  workerPath: string | undefined,
): Promise<PooledCorpus> {
  const inline = (): PooledCorpus => ({
    analyses: analyzeCorpus(documents, options).map((r) => r.analysis),
    helpers: 0,
  });
  if (!workerPath || jobs < 2 || documents.length < 2) return inline();
  const helpers = startHelpers(workerPath, Math.min(jobs, documents.length));
  if (helpers.length === 0) return inline();
  try {
    let nextId = 1;
    const ask = (helper: Helper, step: CorpusStepRequest): Promise<CorpusStepReply> =>
      new Promise((resolve) => {
        if (helper.dead) return resolve(HELPER_STOPPED);
        const id = nextId++;
        helper.waiting.set(id, resolve);
        helper.worker.postMessage({ kind: 'corpus-step', id, step } satisfies StepMessage);
      });
    // Each document's stages on whichever helper is free first.
    const holders: number[] = new Array<number>(documents.length);
    const views: (CorpusDocumentView | null)[] = new Array<CorpusDocumentView | null>(documents.length);
    let next = 0;
    await Promise.all(
      helpers.map(async (helper, h) => {
        while (next < documents.length) {
          const index = next++;
          const { path, text } = documents[index];
          const reply = await ask(helper, { kind: 'prepare', run: 1, index, document: { path, text }, options });
          if (!('view' in reply)) throw new Error('error' in reply ? reply.error : 'no view');
          views[index] = reply.view;
          holders[index] = h;
        }
      }),
    );
    const findings = crossDocumentFindings(views, options);
    // Each document finished where its stages are.
    const analyses: Analysis[] = new Array<Analysis>(documents.length);
    await Promise.all(
      helpers.map(async (helper, h) => {
        for (let index = 0; index < documents.length; index++) {
          if (holders[index] !== h) continue;
          const reply = await ask(helper, { kind: 'finish', run: 1, index, findings: findings[index], options });
          if (!('analysis' in reply)) throw new Error('error' in reply ? reply.error : 'no analysis');
          analyses[index] = reply.analysis;
        }
      }),
    );
    return { analyses, helpers: helpers.length };
  } catch {
    // A helper that failed or died: the corpus in this thread instead, as one thread would have it.
    return inline();
  } finally {
    for (const helper of helpers) void helper.worker.terminate();
  }
}

function startHelpers(workerPath: string, count: number): Helper[] {
  const helpers: Helper[] = [];
  for (let i = 0; i < count; i++) {
    const waiting = new Map<number, (reply: CorpusStepReply) => void>();
    const helper: { dead: boolean } = { dead: false };
    const worker = startWorker<StepAnswer>(
      workerPath,
      (answer) => {
        waiting.get(answer.id)?.(answer.reply);
        waiting.delete(answer.id);
      },
      // A helper that dies owes its answers: each becomes an error, and the run goes inline.
      () => {
        helper.dead = true;
        for (const resolve of waiting.values()) resolve(HELPER_STOPPED);
        waiting.clear();
      },
    );
    if (worker) helpers.push(Object.assign(helper, { worker, waiting }));
  }
  return helpers;
}
