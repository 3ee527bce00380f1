// What the CLI asks of an analysis worker, and how a request is answered: in a worker thread
// (analysis-worker.ts) or, when no worker can start, inline (analysis-runner.ts). One handler for both,
// so the answers cannot differ.
import {
  type Analysis,
  type AnalyzeOptions,
  analyze,
  analyzeCorpus,
  answerCorpusStep,
  type CorpusDocumentView,
  type CorpusOptions,
  type CorpusStepRequest,
  PreparedStore,
} from '../core';

export { PreparedStore };

/** A request without its id: what a caller schedules. */
export type RequestBody =
  | { kind: 'file'; text: string; options: AnalyzeOptions }
  | { kind: 'corpus'; documents: { path: string; text: string }[]; options: CorpusOptions }
  /** A corpus document's own stages, or its analysis from them (`--jobs`; see core/corpus-steps.ts). */
  | CorpusStepRequest;

export type AnalysisRequest = RequestBody & { id: number };

export type AnalysisReply =
  | { id: number; analyses: Analysis[] }
  | { id: number; view: CorpusDocumentView | null }
  | { id: number; error: string };

/** Answers one request. Throws only where the core would (it is written never to). */
export function answer(request: AnalysisRequest, store: PreparedStore): AnalysisReply {
  switch (request.kind) {
    case 'file':
      return { id: request.id, analyses: [analyze(request.text, request.options)] };
    case 'corpus':
      return { id: request.id, analyses: analyzeCorpus(request.documents, request.options).map((r) => r.analysis) };
    default: {
      const reply = answerCorpusStep(request, store);
      return 'analysis' in reply ? { id: request.id, analyses: [reply.analysis] } : { id: request.id, ...reply };
    }
  }
}
