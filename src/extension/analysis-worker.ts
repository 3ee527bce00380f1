// Runs in a worker thread: the core's analysis off the extension host's thread, so a large document
// never blocks the editor. One message in (id, text, options), one message out (id, analysis).
import { parentPort } from 'node:worker_threads';
import { analyze } from '../core/analyze';
import type { AnalyzeOptions } from '../core/types';

export interface AnalysisRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

parentPort?.on('message', ({ id, text, options }: AnalysisRequest) => {
  parentPort!.postMessage({ id, analysis: analyze(text, options) });
});
