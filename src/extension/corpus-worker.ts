// The analysis worker's side of Analyze Workspace: one corpus in (`corpus`), each document's analysis back
// as its own message, the next sent only when the host asks (`corpus-next`), so that copying a large
// workspace's results never holds the host's thread for long (the same reason as analysis-worker.ts's parts).
// With `jobs` above 1 the corpus is analysed on helper workers of `workerPath` (corpus-pool.ts).
import type { Analysis, CorpusDocument, CorpusOptions } from '../core';
import { analyzeCorpusOnPool } from './corpus-pool';

export type CorpusRequest =
  | {
      kind: 'corpus';
      id: number;
      documents: CorpusDocument[];
      options: CorpusOptions;
      /** Threads for the documents' own stages, and the worker script they run (this one's). */
      jobs?: number;
      workerPath?: string;
    }
  | { kind: 'corpus-next'; id: number };

export type CorpusReply =
  | { kind: 'corpus-started'; id: number }
  | { kind: 'corpus-document'; id: number; index: number; analysis: Analysis }
  | { kind: 'corpus-end'; id: number; count: number };

/** Replies not yet sent, by request. */
const outbox = new Map<number, CorpusReply[]>();

export async function answerCorpus(request: CorpusRequest, post: (reply: CorpusReply) => void): Promise<void> {
  if (request.kind === 'corpus') {
    post({ kind: 'corpus-started', id: request.id });
    const { analyses } = await analyzeCorpusOnPool(
      request.documents,
      request.options,
      request.jobs ?? 1,
      request.workerPath,
    );
    const replies: CorpusReply[] = analyses.map((analysis, index) => ({
      kind: 'corpus-document',
      id: request.id,
      index,
      analysis,
    }));
    replies.push({ kind: 'corpus-end', id: request.id, count: analyses.length });
    outbox.set(request.id, replies);
  }
  const replies = outbox.get(request.id);
  const reply = replies?.shift();
  if (!reply) return;
  if (replies!.length === 0) outbox.delete(request.id);
  post(reply);
}
