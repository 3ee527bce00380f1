// Starts one of the extension's analysis workers (dist/analysis-worker.js): its messages go to `onMessage`,
// and an error or exit it was not asked for to `onDied`. The worker never keeps the host process alive.
// Null when it cannot start (the caller then falls back or fails the request).
import { Worker } from 'node:worker_threads';

export function startWorker<Message>(
  workerPath: string,
  onMessage: (message: Message) => void,
  onDied: (worker: Worker) => void,
): Worker | null {
  try {
    const worker = new Worker(workerPath);
    worker.on('message', onMessage);
    const died = (): void => onDied(worker);
    worker.on('error', died);
    worker.on('exit', died);
    worker.unref();
    return worker;
  } catch {
    return null;
  }
}
