// A corpus analysed on several threads: the requests a thread that holds documents' stages answers, in
// the CLI's worker pool (`source-lens analyze --jobs`) and in Analyze Workspace's. Each document's own
// stages (`prepare`) are kept where they ran until that thread finishes it with its findings across the
// corpus (`finish`); the findings themselves are made in one place from every document's view
// (analyze.ts's crossDocumentFindings). Pure data in and out, so a request and its reply can cross postMessage.
import {
  corpusViewOf,
  finishCorpusDocument,
  prepareCorpusDocument,
  type CorpusDocumentView,
  type CorpusFindings,
  type PreparedCorpusDocument,
} from './analyze';
import type { CorpusOptions } from './options';
import type { Analysis } from './types';

export type CorpusStepRequest =
  | { kind: 'prepare'; run: number; index: number; document: { path: string; text: string }; options: CorpusOptions }
  | { kind: 'finish'; run: number; index: number; findings: CorpusFindings | null; options: CorpusOptions };

export type CorpusStepReply = { view: CorpusDocumentView | null } | { analysis: Analysis } | { error: string };

/** The corpus documents a thread has prepared and not yet finished, for one run at a time. */
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

/** Answers one step. Never throws (the core's functions do not). */
export function answerCorpusStep(request: CorpusStepRequest, store: PreparedStore): CorpusStepReply {
  if (request.kind === 'prepare') {
    const prepared = prepareCorpusDocument(request.document, request.options);
    store.put(request.run, request.index, prepared);
    return { view: corpusViewOf(prepared) };
  }
  const prepared = store.take(request.run, request.index);
  if (!prepared) return { error: 'the analysis worker no longer holds this document' };
  return { analysis: finishCorpusDocument(prepared, request.findings, request.options).analysis };
}
