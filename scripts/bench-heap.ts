// `npm run bench`'s heap row (issue 15: heap for a 1 MB document ≤ 150 MB in the worker). V8 reports no
// peak, so the peak is bounded from outside: the analysis runs in a worker thread whose old generation is
// capped (`resourceLimits`), as the extension's worker analyses, with a cache, the text and then the text
// after a one-character edit; the row gives the smallest cap it completes within, and the heap in use
// after, with the analysis and the cache alive. A cap it cannot complete within ends the worker with
// ERR_WORKER_OUT_OF_MEMORY, which is the answer, not a failure.
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { analyze, createAnalysisCache } from '../src/core/analyze';
import type { DocumentFormat } from '../src/core/types';

interface Probe {
  heapProbe: true;
  text: string;
  format: DocumentFormat;
}

/** The caps tried, in MB of old generation, smallest first. */
const CAPS_MB = [40, 60, 80, 100, 125, 150, 200, 300];

if (!isMainThread && (workerData as Probe | undefined)?.heapProbe) {
  const { text, format } = workerData as Probe;
  const cache = createAnalysisCache();
  analyze(text, { format, cache, maxLength: Infinity });
  const edited = text.slice(0, text.length >> 1) + 'x' + text.slice(text.length >> 1);
  const analysis = analyze(edited, { format, cache, maxLength: Infinity });
  parentPort?.postMessage({ usedMb: getHeapStatistics().used_heap_size / 2 ** 20, messages: analysis.messages.length });
}

/** Whether the probe completes with the old generation capped at `capMb`, and the heap it then uses. */
function runWithCap(text: string, format: DocumentFormat, capMb: number): Promise<number | null> {
  return new Promise((resolve) => {
    const worker = new Worker(join(__dirname, 'bench-heap.js'), {
      workerData: { heapProbe: true, text, format } satisfies Probe,
      resourceLimits: { maxOldGenerationSizeMb: capMb },
    });
    let used: number | null = null;
    worker.on('message', (reply: { usedMb: number }) => (used = reply.usedMb));
    worker.on('error', () => (used = null));
    worker.on('exit', () => resolve(used));
  });
}

/** The smallest cap of CAPS_MB the analysis completes within, and the heap used then; null cap: none. */
export async function heapBound(
  text: string,
  format: DocumentFormat,
): Promise<{ capMb: number | null; usedMb: number }> {
  for (const capMb of CAPS_MB) {
    const used = await runWithCap(text, format, capMb);
    if (used !== null) return { capMb, usedMb: used };
  }
  return { capMb: null, usedMb: NaN };
}
