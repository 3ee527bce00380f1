// What the CLI asks of an analysis worker, and how a request is answered: in a worker thread
// (analysis-worker.ts) or, when no worker can start, inline (analysis-runner.ts). One handler for both,
// so the answers cannot differ.
import {
  type Analysis,
  type AnalyzeOptions,
  analyze,
  analyzeCorpus,
  type CorpusDocumentView,
  type CorpusFindings,
  type CorpusOptions,
  corpusViewOf,
  finishCorpusDocument,
  prepareCorpusDocument,
  type PreparedCorpusDocument,
} from '../core';

/** A request without its id: what a caller schedules. */
export type RequestBody =
  | { kind: 'file'; text: string; options: AnalyzeOptions }
  | { kind: 'corpus'; documents: { path: string; text: string }[]; options: CorpusOptions }
  /** A corpus document's own stages (`--jobs`): kept by the worker under `run` and `index` until `finish`. */
  | { kind: 'prepare'; run: number; index: number; document: { path: string; text: string }; options: CorpusOptions }
  | { kind: 'finish'; run: number; index: number; findings: CorpusFindings | null; options: CorpusOptions };

export type AnalysisRequest = RequestBody & { id: number };

export type AnalysisReply =
  | { id: number; analyses: Analysis[] }
  | { id: number; view: CorpusDocumentView | null }
  | { id: number; error: string };

/** The corpus documents a worker has prepared and not yet finished, for one run at a time. */
export class PreparedStore {
  private run = -1;
  private readonly documents = new Map<number, PreparedCorpusDocument>();

  put(run: number, index: number, prepared: PreparedCorpusDocument): void {
    if (run !== this.run) {
      // A new run: what an earlier one left (it was stopped) is dropped.
      this.documents.clear();
      this.run = run;
    }
    this.documents.set(index, prepared);
  }

  take(run: number, index: number): PreparedCorpusDocument | undefined {
    if (run !== this.run) return undefined;
    const prepared = this.documents.get(index);
    this.documents.delete(index);
    return prepared;
  }
}

/** Answers one request. Throws only where the core would (it is written never to). */
export function answer(request: AnalysisRequest, store: PreparedStore): AnalysisReply {
  switch (request.kind) {
    case 'file':
      return { id: request.id, analyses: [analyze(request.text, request.options)] };
    case 'corpus':
      return { id: request.id, analyses: analyzeCorpus(request.documents, request.options).map((r) => r.analysis) };
    case 'prepare': {
      const prepared = prepareCorpusDocument(request.document, request.options);
      store.put(request.run, request.index, prepared);
      return { id: request.id, view: corpusViewOf(prepared) };
    }
    case 'finish': {
      const prepared = store.take(request.run, request.index);
      if (!prepared) return { id: request.id, error: 'the analysis worker no longer holds this document' };
      return { id: request.id, analyses: [finishCorpusDocument(prepared, request.findings, request.options).analysis] };
    }
  }
}
