// Runs in a worker thread: the core's analysis off the extension host's thread, so a large document
// never blocks the editor. One request in; the analysis goes back in parts (see `AnalysisPart`). Each
// document's analysis cache lives here, beside the work it saves, until the document is forgotten.
import { parentPort } from 'node:worker_threads';
import { analyze, createAnalysisCache, type AnalysisCache } from '../core/analyze';
import type { Analysis, AnalyzeOptions } from '../core/types';

export type WorkerRequest =
  | { kind: 'analyze'; id: number; text: string; options: AnalyzeOptions; cacheKey?: string }
  | { kind: 'forget'; cacheKey: string };

/**
 * The host copies each message in one go, in one task: a 5 MB document's analysis (hundreds of thousands
 * of small objects) in one message would hold the host's thread for a third of a second. So the lists
 * come in slices, each its own message, and the host's event loop runs between them.
 */
export type AnalysisPart =
  | { id: number; kind: 'start'; scalars: Partial<Analysis> }
  | { id: number; kind: 'items'; field: keyof Analysis; items: unknown[] }
  | { id: number; kind: 'end' };

/** Items per message: small enough that copying one message takes a few milliseconds. */
export const ITEMS_PER_PART = 1000;

const caches = new Map<string, AnalysisCache>();

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.kind === 'forget') {
    caches.delete(request.cacheKey);
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

function sendInParts(id: number, analysis: Analysis): void {
  const post = (part: AnalysisPart): void => parentPort!.postMessage(part);
  const scalars: Record<string, unknown> = {};
  const lists: [keyof Analysis, unknown[]][] = [];
  for (const [field, value] of Object.entries(analysis) as [keyof Analysis, unknown][]) {
    if (Array.isArray(value)) {
      scalars[field] = [];
      lists.push([field, value]);
    } else scalars[field] = value;
  }
  post({ id, kind: 'start', scalars: scalars as Partial<Analysis> });
  for (const [field, items] of lists) {
    for (let i = 0; i < items.length; i += ITEMS_PER_PART) post({ id, kind: 'items', field, items: items.slice(i, i + ITEMS_PER_PART) });
  }
  post({ id, kind: 'end' });
}
