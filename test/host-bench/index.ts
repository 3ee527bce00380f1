// The entry the extension host loads for `npm run bench:host` ("extensionTestsPath" =
// out/test/host-bench/index; scripts/run-host-bench.mjs). A benchmark, not a test: it never fails on
// time. It measures, inside the real extension host:
//   - how long the extension's activate() took (api.activationMs());
//   - a ~5 MB plain-text document: from opening it to the published analysis, then from a one-character
//     edit to the analysis of the new version; meanwhile, how long the host's event loop was blocked,
//     by perf_hooks.monitorEventLoopDelay (10 ms resolution) and by a setInterval(5 ms) probe;
//   - every pathological shape of issue 14 (test/support/pathological-shapes.ts) at 1 MB, opened the same
//     way as .txt (and the Markdown ones also as .md with BENCH_MARKDOWN=1: VS Code's own Markdown
//     extension then works on the host thread too). The host must stay free while each is analysed.
// Everything comes back as one line, `SOURCE_LENS_BENCH {json}`; progress as `@@BENCH …` lines. A wait
// that takes too long is reported as timed out; run() always resolves.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { SourceLensApi } from '../../src/extension/api';
import { getApi, waitForEvent, workspaceFolder } from '../integration/helpers';
import { PATHOLOGICAL_SHAPES } from '../support/pathological-shapes';
import { newsDocument } from './news';
import { Profiler } from './profile';

const DOCUMENT_CHARS = 5 * 1024 * 1024;
const PATHOLOGICAL_CHARS = 1024 * 1024;
/** Longest wait for one event (an open, an analysis) before it is reported as timed out. */
const WAIT_MS = 60000;
/** Longest the whole benchmark may take; what was measured by then is still reported. */
const OVERALL_MS = 600000;
/** After an analysis is published the monitors keep watching this long: diagnostics, highlights and the
 *  status item are sent to the workbench then. */
const SETTLE_MS = 500;
const PROBE_MS = 5;

const progress = (message: string): void => console.log(`@@BENCH ${message}`);
const round = (ms: number): number => Math.round(ms * 10) / 10;
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Block {
  /** When the block ended, in ms from the start of the measurement. */
  endedAt: number;
  ms: number;
}

export interface LoopStats {
  /** monitorEventLoopDelay: longest and 99th-percentile interval between its 10 ms ticks (a block + up to 10 ms). */
  histogramMaxMs: number;
  histogramP99Ms: number;
  /** setInterval(5 ms) probe: the longest a tick came late, i.e. the longest block. */
  probeMaxLagMs: number;
  /** The longest blocks the probe saw (over 10 ms), longest first. */
  blocks: Block[];
  /** Named moments, in ms from the start of the measurement. */
  marks: Record<string, number>;
}

/** Watches the extension host's event loop from construction to stop(). */
class LoopMonitor {
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });
  private readonly started = performance.now();
  private last = this.started;
  private readonly blocks: Block[] = [];
  private readonly marks: Record<string, number> = {};
  private readonly probe = setInterval(() => {
    const now = performance.now();
    const lag = now - this.last - PROBE_MS;
    if (lag > 10) this.blocks.push({ endedAt: round(now - this.started), ms: round(lag) });
    this.last = now;
  }, PROBE_MS);

  constructor() {
    this.histogram.enable();
  }

  elapsed(): number {
    return performance.now() - this.started;
  }

  mark(name: string): number {
    return (this.marks[name] = round(this.elapsed()));
  }

  stop(): LoopStats {
    clearInterval(this.probe);
    this.histogram.disable();
    const blocks = [...this.blocks].sort((a, b) => b.ms - a.ms);
    return {
      histogramMaxMs: round(this.histogram.max / 1e6),
      histogramP99Ms: round(this.histogram.percentile(99) / 1e6),
      probeMaxLagMs: blocks[0]?.ms ?? 0,
      blocks: blocks.slice(0, 5),
      marks: this.marks,
    };
  }
}

/**
 * Resolves with the monitor's clock when `uri` is next published at version ≥ minVersion, or undefined after WAIT_MS.
 */
function published(
  api: SourceLensApi,
  uri: vscode.Uri,
  minVersion: number,
  monitor: LoopMonitor,
): Promise<number | undefined> {
  const key = uri.toString();
  return waitForEvent(
    api.onDidAnalyze,
    // A timed-out analysis republishes the previous result (its version) with analysis-timeout added.
    (e) =>
      e &&
      e.uri.toString() === key &&
      (e.version >= minVersion || api.analysisFor(uri)?.messages.some((m) => m.ruleId === 'analysis-timeout'))
        ? monitor.mark('analysis published')
        : undefined,
    `an analysis of ${key} at version ≥ ${minVersion}`,
    { timeoutMs: WAIT_MS },
  ).catch(() => undefined);
}

/** Waits (up to 15 s) until the host has gone 1 s without a block over 20 ms, so startup work is not measured. */
async function quiet(): Promise<void> {
  const deadline = performance.now() + 15000;
  let calmSince = performance.now();
  let last = performance.now();
  while (performance.now() < deadline && performance.now() - calmSince < 1000) {
    await delay(PROBE_MS);
    const now = performance.now();
    if (now - last - PROBE_MS > 20) calmSince = now;
    last = now;
  }
}

export interface Measurement {
  /** Milliseconds from the action (open, edit) to the published analysis; null if it timed out. */
  toAnalysisMs: number | null;
  loop: LoopStats;
}

/**
 * Starts the monitors, runs `action`, waits for the analysis at version ≥ minVersion, watches SETTLE_MS
 * more. `name` names the CPU profile recorded meanwhile, if asked for (profile.ts).
 */
async function measure(
  name: string,
  api: SourceLensApi,
  uri: vscode.Uri,
  minVersion: number,
  action: (monitor: LoopMonitor) => Thenable<unknown>,
): Promise<Measurement> {
  const profiler = await Profiler.start();
  const monitor = new LoopMonitor();
  const analysed = published(api, uri, minVersion, monitor);
  await action(monitor);
  const toAnalysisMs = (await analysed) ?? null;
  if (toAnalysisMs !== null) await delay(SETTLE_MS);
  const loop = monitor.stop();
  await profiler?.stop(name);
  return { toAnalysisMs, loop };
}

export interface BenchResult {
  /** The step that was running when OVERALL_MS ran out, if it did. */
  timedOut?: string;
  error?: string;
  activationMs?: number;
  extensionWasActive?: boolean;
  debounceMs?: number;
  document?: {
    characters: number;
    lines: number;
    inWorker: boolean;
    attributions: number;
    claims: number;
    duplicates: number;
    messages: number;
    diagnostics: number;
    tooLarge: boolean;
    /** The analysis ran past sourceLens.analysisTimeoutMs: only the analysis-timeout message came back. */
    timedOut: boolean;
  };
  open?: Measurement;
  edit?: Measurement;
  /** The pathological documents: each opened, until its result was published. */
  pathological?: (Measurement & {
    shape: string;
    /** The file's extension, which decides its language: `md` or `txt`. */
    extension: string;
    characters: number;
    /** The same open with Source Lens not looking at the document: what VS Code itself blocks for. */
    withoutSourceLens: LoopStats;
    timedOut: boolean;
    fellBack: boolean;
    deadlineMs?: number;
  })[];
}

async function bench(result: BenchResult, step: (name: string) => void): Promise<void> {
  step('activating');
  result.extensionWasActive = vscode.extensions.getExtension('source-lens.source-lens')?.isActive;
  const api = await getApi();
  result.activationMs = round(api.activationMs());
  result.debounceMs = vscode.workspace.getConfiguration('sourceLens').get<number>('debounceMs');

  step('writing the 5 MB document');
  const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'bench-5mb.txt');
  await vscode.workspace.fs.writeFile(uri, Buffer.from(newsDocument(DOCUMENT_CHARS), 'utf8'));
  await quiet();

  step('opening it');
  const key = uri.toString();
  const workerBefore = api.workerAnalyses();
  result.open = await measure('open', api, uri, 0, (monitor) => {
    // When the workbench has handed the document's text to the extension host.
    const arrived = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.toString() !== key) return;
      monitor.mark('document in host');
      arrived.dispose();
    });
    return vscode.commands.executeCommand('vscode.open', uri);
  });
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  const analysis = api.analysisFor(uri);
  if (!document || !analysis || result.open.toAnalysisMs === null) return;
  result.document = {
    characters: document.getText().length,
    lines: document.lineCount,
    inWorker: api.workerAnalyses() > workerBefore,
    attributions: analysis.attributions.length,
    claims: analysis.claims.length,
    duplicates: analysis.duplicates.length,
    messages: analysis.messages.length,
    diagnostics: vscode.languages.getDiagnostics(uri).length,
    tooLarge: analysis.messages.some((m) => m.ruleId === 'input-too-large'),
    timedOut: analysis.messages.some((m) => m.ruleId === 'analysis-timeout'),
  };
  await quiet();

  step('editing it');
  const line = document.lineAt(Math.floor(document.lineCount / 2));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, line.range.start, 'A');
  result.edit = await measure('edit', api, uri, document.version + 1, async (monitor) => {
    await vscode.workspace.applyEdit(edit);
    monitor.mark('edit applied');
  });

  step('closing it');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  if (process.env.SOURCE_LENS_BENCH_SHAPES !== '0') await pathological(api, result, step);
}

/** How long opening the same document blocks the host with Source Lens not looking at it (no languages). */
const BASELINE_WINDOW_MS = 2000;
async function openedWithoutSourceLens(uri: vscode.Uri): Promise<LoopStats> {
  const config = vscode.workspace.getConfiguration('sourceLens');
  await config.update('languages', [], vscode.ConfigurationTarget.Workspace);
  const monitor = new LoopMonitor();
  await vscode.commands.executeCommand('vscode.open', uri);
  await delay(BASELINE_WINDOW_MS);
  const loop = monitor.stop();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await config.update('languages', undefined, vscode.ConfigurationTarget.Workspace);
  return loop;
}

/** Opens each 1 MB pathological document and measures the host until its result is out. */
async function pathological(api: SourceLensApi, result: BenchResult, step: (name: string) => void): Promise<void> {
  result.pathological = [];
  // As .md, VS Code's own Markdown extension (markdown-it, on the host thread) is itself stuck for minutes
  // on some of these shapes, with or without Source Lens; BENCH_MARKDOWN=1 measures that too.
  const cases = PATHOLOGICAL_SHAPES.flatMap((shape) => [
    { shape, extension: 'txt' },
    ...(shape.format === 'markdown' && process.env.SOURCE_LENS_BENCH_MARKDOWN === '1'
      ? [{ shape, extension: 'md' }]
      : []),
  ]);
  for (const [i, { shape, extension }] of cases.entries()) {
    step(`pathological ${i + 1} of ${cases.length}: ${shape.name} (.${extension})`);
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, `bench-pathological-${i}.${extension}`);
    const text = shape.make(PATHOLOGICAL_CHARS);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    await quiet();
    const withoutSourceLens = await openedWithoutSourceLens(uri);
    await quiet();
    const measured = await measure(`pathological-${i}`, api, uri, 0, () =>
      vscode.commands.executeCommand('vscode.open', uri),
    );
    const messages = api.analysisFor(uri)?.messages ?? [];
    result.pathological.push({
      ...measured,
      shape: shape.name,
      extension,
      characters: text.length,
      withoutSourceLens,
      timedOut: messages.some((m) => m.ruleId === 'analysis-timeout'),
      fellBack: messages.some((m) => m.ruleId === 'markdown-not-parsed'),
      deadlineMs: vscode.workspace.getConfiguration('sourceLens').get<number>('analysisTimeoutMs'),
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  }
}

export async function run(): Promise<void> {
  const result: BenchResult = {};
  let current = 'starting';
  const step = (name: string): void => {
    current = name;
    progress(name);
  };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      result.timedOut = current;
      resolve();
    }, OVERALL_MS);
  });
  const finished = bench(result, step).catch((error: unknown) => {
    result.error = String((error as Error)?.stack ?? error);
  });
  await Promise.race([finished, timedOut]);
  clearTimeout(timer);
  console.log('SOURCE_LENS_BENCH ' + JSON.stringify(result));
}
