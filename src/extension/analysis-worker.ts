// Runs in a worker thread: the core's analysis off the extension host's thread, so a large document
// never blocks the editor. One request in; the analysis goes back in parts (see `AnalysisPart`). Each
// document's analysis cache lives here, beside the work it saves, until the document is forgotten.
import { parentPort } from 'node:worker_threads';
import {
  type Analysis,
  type AnalysisCache,
  analyze,
  type AnalyzeOptions,
  answerCorpusStep,
  createAnalysisCache,
  PreparedStore,
} from '../core';
import type { StepAnswer, StepMessage } from './corpus-pool';
import { answerCorpus, type CorpusRequest } from './corpus-worker';

export type WorkerRequest =
  | { kind: 'analyze'; id: number; text: string; options: AnalyzeOptions; cacheKey?: string }
  | { kind: 'forget'; cacheKey: string }
  | { kind: 'next'; id: number }
  | CorpusRequest
  | StepMessage;

/**
 * The host copies each message in one go, in one task: a 5 MB document's analysis (hundreds of thousands
 * of small objects) in one message would hold the host's thread for a third of a second. So the lists
 * come in slices, each its own message. Node delivers every message already waiting in one task, so the
 * worker sends a slice only when the host asks for the next (`next`), after its event loop has turned.
 */
export type AnalysisPart =
  | { id: number; kind: 'start'; scalars: Partial<Analysis> }
  | { id: number; kind: 'items'; field: keyof Analysis; items: unknown[] }
  | { id: number; kind: 'end' };

/** Items per message: small enough that copying one message takes a few milliseconds. */
export const ITEMS_PER_PART = 2500;

const caches = new Map<string, AnalysisCache>();
/** As a helper of Analyze Workspace's pool: the documents whose stages ran here, until finished. */
const prepared = new PreparedStore();
/** Parts not yet sent, by request. */
const outbox = new Map<number, AnalysisPart[]>();

parentPort?.on('message', (request: WorkerRequest) => {
  // Analyze Workspace (corpus-worker.ts; the host gives it a worker of its own, see corpus-client.ts).
  if (request.kind === 'corpus' || request.kind === 'corpus-next') {
    void answerCorpus(request, (reply) => parentPort!.postMessage(reply));
    return;
  }
  if (request.kind === 'corpus-step') {
    const answer: StepAnswer = { kind: 'corpus-step', id: request.id, reply: answerCorpusStep(request.step, prepared) };
    parentPort!.postMessage(answer);
    return;
  }
  if (request.kind === 'forget') {
    caches.delete(request.cacheKey);
    return;
  }
  if (request.kind === 'next') {
    sendNext(request.id);
    return;
  }
  const { id, text, options, cacheKey } = request;
  let cache: AnalysisCache | undefined;
  if (cacheKey !== undefined) {
    cache = caches.get(cacheKey) ?? createAnalysisCache();
    caches.set(cacheKey, cache);
  }
  sendInParts(id, analyze(text, { ...options, cache }));
});

/**
 * The intermediate stages nothing in the host reads: on a 5 MB document they are a large share of the
 * result's objects, so they stay here (see `SourceLensApi.analysisFor`). The blocks go: the corrections'
 * edit puts its line before the statement's block (core/report/correction-edit.ts). A claim carries its
 * sentence's span for "Add Evidence Link", so the sentences need not.
 */
const NOT_SENT: ReadonlySet<keyof Analysis> = new Set<keyof Analysis>(['sentences', 'quotes']);

function sendInParts(id: number, analysis: Analysis): void {
  const parts: AnalysisPart[] = [];
  const scalars: Record<string, unknown> = {};
  const lists: [keyof Analysis, unknown[]][] = [];
  for (const [field, value] of Object.entries(analysis) as [keyof Analysis, unknown][]) {
    if (Array.isArray(value)) {
      scalars[field] = [];
      if (!NOT_SENT.has(field)) lists.push([field, value]);
    } else scalars[field] = value;
  }
  parts.push({ id, kind: 'start', scalars: scalars as Partial<Analysis> });
  for (const [field, items] of lists) {
    for (let i = 0; i < items.length; i += ITEMS_PER_PART)
      parts.push({ id, kind: 'items', field, items: items.slice(i, i + ITEMS_PER_PART) });
  }
  parts.push({ id, kind: 'end' });
  outbox.set(id, parts);
  sendNext(id);
}

function sendNext(id: number): void {
  const parts = outbox.get(id);
  const part = parts?.shift();
  if (!part) return;
  if (parts!.length === 0) outbox.delete(id);
  parentPort!.postMessage(part);
}
