// Runs in a worker thread: the CLI's analyses, where the main thread can stop one that runs past --timeout
// (see analysis-runner.ts). Each request is answered on the port it came with; the id of the last request
// answered is stored in this worker's signal, and the pool's shared counter is bumped, so the main thread
// can wait for any of its workers without an event loop.
import { type MessagePort, workerData } from 'node:worker_threads';
import { analyze } from '../core';
import { answer, PreparedStore, type AnalysisRequest, type AnalysisReply } from './analysis-requests';
import type { WorkerData } from './analysis-runner';

const { signal, any, port } = workerData as WorkerData;
const store = new PreparedStore();

// Slot 0: set once the worker listens; slot 1: the id of the last request answered.
const READY = 0;
const DONE = 1;

function tell(slot: number, value: number): void {
  Atomics.store(signal, slot, value);
  Atomics.notify(signal, slot);
  Atomics.add(any, 0, 1);
  Atomics.notify(any, 0);
}

(port as MessagePort).on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    reply = answer(request, store);
  } catch (error) {
    // The core does not throw on any input it was tested with; a crash is still one line, not a hang.
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  tell(DONE, request.id);
});

// The first analysis in a fresh thread loads the word lists and the tagger's weights and compiles the
// stages: done here, before the worker says it is ready, so no file's deadline pays for it.
analyze('“We won the cup today,” Jane Smith said.\n', { format: 'markdown' });
analyze('“We won the cup today,” Jane Smith said.\n', { format: 'plaintext' });
tell(READY, 1);
