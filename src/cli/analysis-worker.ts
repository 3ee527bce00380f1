// Runs in a worker thread: the CLI's analyses, where the main thread can stop one that runs past --timeout
// (see analysis-runner.ts). Each request is answered on the port it came with, and the id of the last
// request answered is stored in the shared signal, so the main thread can wait for it without an event loop.
import { type MessagePort, workerData } from 'node:worker_threads';
import { type Analysis, analyze, analyzeCorpus } from '../core';
import type { AnalysisRequest, AnalysisReply, WorkerData } from './analysis-runner';

const { signal, port } = workerData as WorkerData;

(port as MessagePort).on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    const analyses: Analysis[] =
      request.kind === 'corpus'
        ? analyzeCorpus(request.documents, request.options).map((r) => r.analysis)
        : [analyze(request.text, request.options)];
    reply = { id: request.id, analyses };
  } catch (error) {
    // The core does not throw on any input it was tested with; a crash is still one line, not a hang.
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  Atomics.store(signal, DONE, request.id);
  Atomics.notify(signal, DONE);
});

// Slot 0: set once the worker listens; slot 1: the id of the last request answered.
const READY = 0;
const DONE = 1;
// The first analysis in a fresh thread loads the word lists and the tagger's weights and compiles the
// stages: done here, before the worker says it is ready, so no file's deadline pays for it.
analyze('“We won the cup today,” Jane Smith said.\n', { format: 'markdown' });
analyze('“We won the cup today,” Jane Smith said.\n', { format: 'plaintext' });
Atomics.store(signal, READY, 1);
Atomics.notify(signal, READY);
