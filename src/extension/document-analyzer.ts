// Runs the core on documents as the user works: on open and save at once, on change after a trailing
// debounce. A result is published only if the document still has the version it was computed for,
// so a slow analysis never overwrites a newer one.
import * as vscode from 'vscode';
import {
  isSourceLensReport,
  timedOutAnalysis,
  type Analysis,
  type DocumentFormat,
  type RuleId,
  type SeverityLevel,
} from '../core';
import { AnalysisClient, type AnalysisOutcome, INLINE_FALLBACK_LIMIT, NO_WORKER, TIMED_OUT } from './analysis-client';
import { RegistryStore, type RegistryLookup } from './registry-store';
import { readSettings } from './settings';
import { analysisWith } from './analysis-statements';

export interface AnalyzedEvent {
  uri: vscode.Uri;
  /** Document version the analysis is for, or -1 for a file read from disk; stale results are never published. */
  version: number;
}

export interface AnalysisResult {
  uri: vscode.Uri;
  /** Document version, or -1 for a file read from disk by Analyze Workspace. */
  version: number;
  text: string;
  analysis: Analysis;
  /** The sources registry's rule severities; they win over the `sourceLens.severity` setting. */
  registrySeverity?: Partial<Record<RuleId, SeverityLevel>>;
}

/** Schemes whose documents are the user's own text (not output panels, git views or settings). */
const ANALYSED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

/** Enough of the start of a document to tell a report by (a BOM, blank lines, the marker). */
function firstLines(document: vscode.TextDocument): string {
  return document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 5), 0));
}

export class DocumentAnalyzer implements vscode.Disposable {
  private readonly results = new Map<string, AnalysisResult>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly warnedTooLarge = new Set<string>();
  private readonly warnedTimedOut = new Set<string>();
  private warnedNoWorker = false;
  private readonly emitter = new vscode.EventEmitter<AnalyzedEvent>();
  private readonly closeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly busyEmitter = new vscode.EventEmitter<void>();
  /** Documents with an analysis in flight, by URI, with how many. */
  private readonly running = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter, this.closeEmitter, this.busyEmitter];
  private readonly client: AnalysisClient;
  /** The `.sourcelens.json` each document is analysed with. */
  readonly registries = new RegistryStore();

  readonly onDidAnalyze = this.emitter.event;
  /** Fires when a document's result is dropped: the document closed, or became a report Source Lens skips. */
  readonly onDidForget = this.closeEmitter.event;
  /** Fires when an analysis starts or ends (for a busy indicator). */
  readonly onDidChangeBusy = this.busyEmitter.event;

  /**
   * `workerPath`: the bundled analysis worker; large documents are analysed there, off this thread.
   * `log`: the "Source Lens" output channel; each analysis's cost goes there at debug level.
   */
  constructor(
    workerPath: string,
    private readonly log?: vscode.LogOutputChannel,
  ) {
    this.client = new AnalysisClient(workerPath);
    this.subscriptions.push(this.registries);
  }

  /** How many analyses ran in the worker thread so far. */
  get workerAnalyses(): number {
    return this.client.workerAnalyses;
  }

  isBusy(uri: vscode.Uri): boolean {
    return (this.running.get(uri.toString()) ?? 0) > 0;
  }

  start(): void {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => void this.analyzeNow(document)),
      vscode.workspace.onDidSaveTextDocument((document) => void this.analyzeNow(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sourceLens')) this.reanalyzeOpen();
      }),
      // A registry being typed in is read again after the same pause as a document.
      this.registries.onDidChange(() => {
        for (const document of vscode.workspace.textDocuments) this.schedule(document);
      }),
    );
    this.reanalyzeOpen();
  }

  /** Whether Source Lens looks at this document at all: not at its own exported reports. */
  handles(document: vscode.TextDocument): boolean {
    return (
      ANALYSED_SCHEMES.has(document.uri.scheme) &&
      readSettings(document.uri).languages.includes(document.languageId) &&
      !isSourceLensReport(firstLines(document))
    );
  }

  resultFor(uri: vscode.Uri): AnalysisResult | undefined {
    return this.results.get(uri.toString());
  }

  allResults(): AnalysisResult[] {
    return [...this.results.values()];
  }

  /** Analyses now, skipping the debounce; resolves with the published result (undefined if not handled or stale). */
  async analyzeNow(document: vscode.TextDocument): Promise<AnalysisResult | undefined> {
    this.cancel(document.uri);
    if (!this.handles(document)) return this.forgetUnhandled(document);
    const lookup: RegistryLookup = await this.registries.registryFor(document.uri);
    if (document.isClosed) return undefined;
    const version = document.version;
    const text = document.getText();
    const settings = readSettings(document.uri);
    const key = document.uri.toString();
    const format = document.languageId === 'markdown' ? 'markdown' : 'plaintext';
    this.setRunning(key, +1);
    const started = Date.now();
    const inWorker = this.client.usesWorker;
    let analysis: AnalysisOutcome;
    try {
      analysis = await this.client.analyze(
        text,
        {
          path: document.uri.path,
          format,
          claimThreshold: settings.claimThreshold,
          singleSource: settings.singleSource,
          maxLength: settings.maxFileSizeKB * 1024,
          plainTextMarker: settings.plainTextMarker,
          registry: lookup.registry,
        },
        key,
        settings.analysisTimeoutMs,
      );
    } finally {
      this.setRunning(key, -1);
    }
    this.log?.debug(
      `analysed ${vscode.workspace.asRelativePath(document.uri)} v${version}: ${text.length} characters in ${Date.now() - started} ms (${inWorker ? 'worker thread' : 'inline'})`,
    );
    if (analysis === TIMED_OUT) {
      this.warnTimedOut(document, text.length, settings.analysisTimeoutMs);
      if (document.isClosed) return undefined;
      this.publishTimedOut(document.uri, version, text, format, settings.analysisTimeoutMs);
      return undefined;
    }
    if (analysis === NO_WORKER) {
      this.warnNoWorker();
      return undefined;
    }
    // The document moved on while we worked: a newer analysis is on its way.
    if (document.version !== version || document.isClosed) return undefined;
    this.warnIfTooLarge(document, analysis);
    return this.publish({ uri: document.uri, version, text, analysis, registrySeverity: lookup.registry.severity });
  }

  /**
   * The analysis ran past its deadline: the previous result stays (stale but true of most of the text), with
   * one `analysis-timeout` message at the top saying so; a document with no result yet gets that message
   * alone. The next analysis that finishes replaces it.
   */
  private publishTimedOut(
    uri: vscode.Uri,
    version: number,
    text: string,
    format: DocumentFormat,
    deadlineMs: number,
  ): void {
    const previous = this.results.get(uri.toString());
    const setting = '"sourceLens.analysisTimeoutMs"';
    const [message] = timedOutAnalysis(text, format, { deadlineMs, setting, kept: previous !== undefined }).messages;
    if (!previous) {
      this.publish({ uri, version, text, analysis: timedOutAnalysis(text, format, { deadlineMs, setting }) });
      return;
    }
    // At the top of the previous text, whose offsets the other messages are in.
    const atTop = { ...message, start: 0, end: Math.min(previous.text.length, 1) };
    const others = previous.analysis.messages.filter((m) => m.ruleId !== 'analysis-timeout');
    this.publish({ ...previous, analysis: analysisWith(previous.analysis, { messages: [atTop, ...others] }) });
  }

  private setRunning(key: string, delta: number): void {
    const count = (this.running.get(key) ?? 0) + delta;
    if (count > 0) this.running.set(key, count);
    else this.running.delete(key);
    this.busyEmitter.fire();
  }

  /** Publishes a result computed elsewhere (Analyze Workspace), unless the document is open and newer. */
  publish(result: AnalysisResult): AnalysisResult | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri.toString());
    if (result.version === -1 && open && this.results.get(open.uri.toString())?.version === open.version)
      return undefined;
    this.results.set(result.uri.toString(), result);
    this.emitter.fire({ uri: result.uri, version: result.version });
    return result;
  }

  reanalyzeOpen(): void {
    for (const document of vscode.workspace.textDocuments) void this.analyzeNow(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!this.handles(document)) return void this.forgetUnhandled(document);
    this.cancel(document.uri);
    const delay = readSettings(document.uri).debounceMs;
    this.timers.set(
      document.uri.toString(),
      setTimeout(() => {
        this.timers.delete(document.uri.toString());
        if (!document.isClosed) void this.analyzeNow(document);
      }, delay),
    );
  }

  private cancel(uri: vscode.Uri): void {
    const timer = this.timers.get(uri.toString());
    if (timer) clearTimeout(timer);
    this.timers.delete(uri.toString());
  }

  /** A document that became one Source Lens does not look at (the report marker typed in) loses its old result. */
  private forgetUnhandled(document: vscode.TextDocument): undefined {
    if (this.results.has(document.uri.toString())) this.forget(document.uri);
    return undefined;
  }

  private forget(uri: vscode.Uri): void {
    this.cancel(uri);
    this.client.forget(uri.toString());
    if (this.results.delete(uri.toString())) this.closeEmitter.fire(uri);
    this.warnedTooLarge.delete(uri.toString());
    this.warnedTimedOut.delete(uri.toString());
  }

  /** One notification per document until it is closed: what happened, what stays, and what to change. */
  private warnTimedOut(document: vscode.TextDocument, length: number, timeoutMs: number): void {
    const key = document.uri.toString();
    if (this.warnedTimedOut.has(key)) return;
    this.warnedTimedOut.add(key);
    void vscode.window.showWarningMessage(
      `Source Lens: analysing ${vscode.workspace.asRelativePath(document.uri)} (${Math.round(length / 1024)} KB) took longer than ${timeoutMs / 1000} s and was stopped; the last results stay. Split the document, or raise "sourceLens.analysisTimeoutMs".`,
    );
  }

  /** Once a session: the worker cannot run, so larger documents are not analysed (the host's thread stays free). */
  private warnNoWorker(): void {
    if (this.warnedNoWorker) return;
    this.warnedNoWorker = true;
    const message = `Source Lens: the analysis worker could not run, so only documents under ${INLINE_FALLBACK_LIMIT / 1024} KB are analysed. Reload the window to try again.`;
    this.log?.error(message);
    void vscode.window.showWarningMessage(message);
  }

  private warnIfTooLarge(document: vscode.TextDocument, analysis: Analysis): void {
    const key = document.uri.toString();
    const tooLarge = analysis.messages.find((m) => m.ruleId === 'input-too-large');
    if (!tooLarge || this.warnedTooLarge.has(key)) return;
    this.warnedTooLarge.add(key);
    const limit = readSettings(document.uri).maxFileSizeKB;
    void vscode.window.showWarningMessage(
      `Source Lens: ${vscode.workspace.asRelativePath(document.uri)} is over ${limit} KB and was not analysed (setting "sourceLens.maxFileSizeKB").`,
    );
  }

  dispose(): void {
    void this.client.dispose();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
