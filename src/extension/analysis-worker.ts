// Runs in a worker thread: the core's analysis off the extension host's thread, so a large document
// never blocks the editor. One message in (id, text, options), one message out (id, analysis). Each
// document's analysis cache lives here, beside the work it saves, until the document is forgotten.
import { parentPort } from 'node:worker_threads';
import { analyze, createAnalysisCache, type AnalysisCache } from '../core/analyze';
import type { AnalyzeOptions } from '../core/types';

export type WorkerRequest =
  | { kind: 'analyze'; id: number; text: string; options: AnalyzeOptions; cacheKey?: string }
  | { kind: 'forget'; cacheKey: string };

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
  parentPort!.postMessage({ id, analysis: analyze(text, { ...options, cache }) });
});
