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
import { listDelta, type ListRun, type Renumbering, statementDelta } from './result-delta';
import { buffersOf, type StatementColumns, StatementTable } from './statement-table';

export type WorkerRequest =
  /** `base`: the analysis of this document the host holds (its id), which the worker may send the changes from. */
  | { kind: 'analyze'; id: number; text: string; options: AnalyzeOptions; cacheKey?: string; base?: number }
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
  /** `base`: the request's base, when the lists come as changes from it (result-delta.ts). */
  | { id: number; kind: 'start'; scalars: Partial<Analysis>; base?: number }
  | { id: number; kind: 'items'; field: keyof Analysis; items: unknown[] }
  /** Statements (`attributions`) as columns (statement-table.ts), in one part: their buffers are transferred. */
  | { id: number; kind: 'statements'; columns: StatementColumns }
  /** The base's first `count` items of the list, as they are. */
  | { id: number; kind: 'keep'; field: keyof Analysis; count: number }
  /** The base's items [from, from + count) of the list, moved by `shift` (the statements' trailing rows). */
  | { id: number; kind: 'moved'; field: keyof Analysis; from: number; count: number; shift: number }
  /** The next items of a list after its kept ones: runs of the base's items moved, and items sent (result-delta.ts). */
  | { id: number; kind: 'runs'; field: keyof Analysis; runs: ListRun[]; shift: number; renumber?: Renumbering }
  | { id: number; kind: 'end' };

/** Items per message: small enough that copying one message takes a few milliseconds. */
export const ITEMS_PER_PART = 2500;

const caches = new Map<string, AnalysisCache>();
/**
 * The last analysis sent of each document, by its request id: the base the host may name next time. Its
 * statements are kept as the columns sent (compact, and compared as the host holds them).
 */
const sent = new Map<string, Sent>();
interface Sent {
  id: number;
  analysis: Analysis;
  statements: StatementTable;
  /** How many sentences it had (its list is not kept): a claim's `sentence` moves by the difference. */
  sentences: number;
}
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
    sent.delete(request.cacheKey);
    return;
  }
  if (request.kind === 'next') {
    sendNext(request.id);
    return;
  }
  const { id, text, options, cacheKey, base } = request;
  let cache: AnalysisCache | undefined;
  if (cacheKey !== undefined) {
    cache = caches.get(cacheKey) ?? createAnalysisCache();
    caches.set(cacheKey, cache);
  }
  const analysis = analyze(text, { ...options, cache });
  const last = cacheKey === undefined ? undefined : sent.get(cacheKey);
  const statements = StatementTable.from(analysis.attributions);
  // Only from the analysis the host says it holds: one it never finished receiving is no base.
  sendInParts(id, analysis, statements, base !== undefined && last?.id === base ? last : undefined);
  // Kept without the lists it never sends, which would otherwise stay alive with it.
  if (cacheKey !== undefined)
    sent.set(cacheKey, {
      id,
      analysis: { ...analysis, sentences: [], quotes: [], attributions: [] },
      statements,
      sentences: analysis.sentences.length,
    });
});

/**
 * The intermediate stages nothing in the host reads: on a 5 MB document they are a large share of the
 * result's objects, so they stay here (see `SourceLensApi.analysisFor`). The blocks go: the corrections'
 * edit puts its line before the statement's block (core/report/correction-edit.ts). A claim carries its
 * sentence's span for "Add Evidence Link", so the sentences need not.
 */
const NOT_SENT: ReadonlySet<keyof Analysis> = new Set<keyof Analysis>(['sentences', 'quotes']);

function sendInParts(id: number, analysis: Analysis, statements: StatementTable, base?: Sent): void {
  const parts: AnalysisPart[] = [];
  const scalars: Record<string, unknown> = {};
  const lists: [keyof Analysis, unknown[]][] = [];
  for (const [field, value] of Object.entries(analysis) as [keyof Analysis, unknown][]) {
    if (Array.isArray(value)) {
      scalars[field] = [];
      if (!NOT_SENT.has(field)) lists.push([field, value]);
    } else scalars[field] = value;
  }
  parts.push({ id, kind: 'start', scalars: scalars as Partial<Analysis>, ...(base && { base: base.id }) });
  const shift = analysis.length - (base?.analysis.length ?? 0);
  for (const [field, items] of lists) {
    if (field === 'attributions') {
      parts.push(...statementParts(id, statements, base?.statements, shift));
      continue;
    }
    const before = base?.analysis[field] as unknown[] | undefined;
    if (!before) {
      for (let i = 0; i < items.length; i += ITEMS_PER_PART)
        parts.push({ id, kind: 'items', field, items: items.slice(i, i + ITEMS_PER_PART) });
      continue;
    }
    const delta = listDelta(before, items, shift, renumbering(field, analysis, base!));
    parts.push({ id, kind: 'keep', field, count: delta.keep });
    // The moved items are made by the host from its own, a part at a time, as it takes the others.
    for (const runs of inSlices(delta.rest, ITEMS_PER_PART))
      parts.push({ id, kind: 'runs', field, runs, shift, ...(delta.renumber && { renumber: delta.renumber }) });
  }
  parts.push({ id, kind: 'end' });
  outbox.set(id, parts);
  sendNext(id);
}

/** The index a list's items carry that an edit renumbers: a block's own, a claim's sentence. */
function renumbering(field: keyof Analysis, analysis: Analysis, base: Sent): Renumbering | undefined {
  if (field === 'blocks') return { field: 'index', by: analysis.blocks.length - base.analysis.blocks.length };
  if (field === 'claims') return { field: 'sentence', by: analysis.sentences.length - base.sentences };
  return undefined;
}

/** Runs cut into slices of at most `size` items each, sent or moved (each slice is one message's worth). */
function inSlices(runs: readonly ListRun[], size: number): ListRun[][] {
  const slices: ListRun[][] = [];
  let slice: ListRun[] = [];
  let room = size;
  for (const run of runs) {
    let done = 0;
    const length = 'items' in run ? run.items.length : run.moved.count;
    while (done < length) {
      const take = Math.min(room, length - done);
      slice.push(
        'items' in run
          ? { items: run.items.slice(done, done + take) }
          : { moved: { from: run.moved.from + done, count: take } },
      );
      done += take;
      room -= take;
      if (room === 0) {
        slices.push(slice);
        slice = [];
        room = size;
      }
    }
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}

/**
 * The statements, as columns in one part (a copy: `sent` keeps the table, and a posted part's buffers are
 * transferred). From a base: the base's leading rows that stand, the rows between, its trailing rows moved.
 */
function statementParts(
  id: number,
  next: StatementTable,
  previous: StatementTable | undefined,
  shift: number,
): AnalysisPart[] {
  if (!previous) return [{ id, kind: 'statements', columns: next.slice(0, next.length).toColumns() }];
  const { keep, tail } = statementDelta(previous, next, shift);
  const field = 'attributions';
  return [
    { id, kind: 'keep', field, count: keep },
    { id, kind: 'statements', columns: next.slice(keep, next.length - keep - tail).toColumns() },
    { id, kind: 'moved', field, from: previous.length - tail, count: tail, shift },
  ];
}

function sendNext(id: number): void {
  const parts = outbox.get(id);
  const part = parts?.shift();
  if (!part) return;
  if (parts!.length === 0) outbox.delete(id);
  parentPort!.postMessage(part, part.kind === 'statements' ? buffersOf(part.columns) : []);
}
