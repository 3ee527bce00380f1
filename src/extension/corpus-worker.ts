// The analysis worker's side of Analyze Workspace: one corpus in (`corpus`), each document's analysis back
// as its own message, the next sent only when the host asks (`corpus-next`), so that copying a large
// workspace's results never holds the host's thread for long (the same reason as analysis-worker.ts's parts).
import { type Analysis, analyzeCorpus, type CorpusDocument, type CorpusOptions } from '../core';

export type CorpusRequest =
  | { kind: 'corpus'; id: number; documents: CorpusDocument[]; options: CorpusOptions }
  | { kind: 'corpus-next'; id: number };

export type CorpusReply =
  | { kind: 'corpus-started'; id: number }
  | { kind: 'corpus-document'; id: number; index: number; analysis: Analysis }
  | { kind: 'corpus-end'; id: number; count: number };

/** Replies not yet sent, by request. */
const outbox = new Map<number, CorpusReply[]>();

export function answerCorpus(request: CorpusRequest, post: (reply: CorpusReply) => void): void {
  if (request.kind === 'corpus') {
    post({ kind: 'corpus-started', id: request.id });
    const results = analyzeCorpus(request.documents, request.options);
    const replies: CorpusReply[] = results.map((r, index) => ({
      kind: 'corpus-document',
      id: request.id,
      index,
      analysis: r.analysis,
    }));
    replies.push({ kind: 'corpus-end', id: request.id, count: results.length });
    outbox.set(request.id, replies);
  }
  const replies = outbox.get(request.id);
  const reply = replies?.shift();
  if (!reply) return;
  if (replies!.length === 0) outbox.delete(request.id);
  post(reply);
}
