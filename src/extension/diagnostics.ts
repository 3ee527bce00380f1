// The Problems panel: the core's messages as diagnostics, with stable codes linking to the README,
// the severity the user chose per code, related information pointing at a duplicate's first copy, and
// the Unnecessary tag on duplicates and boilerplate (VS Code fades them).
//
// At most `sourceLens.maxProblems` per document (as cSpell's `cSpell.maxNumberOfProblems`): a 5 MB
// draft has ~18k findings, and building that many vscode.Diagnostic objects (and sending them to the
// workbench) blocked the extension host for ~160 ms; nobody reads past the first thousand anyway. When
// some are left out, one Information diagnostic on line 1 says how many and which setting to raise.
// Diagnostics are built and set in a task of their own after each analysis (next-task.ts), not inside
// the task that published it, so the host is never busy with both at once.
import * as vscode from 'vscode';
import { type Message, RULE_DOCS_BASE, type RuleId } from '../core';
import type { AnalysisResult, DocumentAnalyzer } from './document-analyzer';
import { inNextTask } from './next-task';
import { positionsFor, type PositionsFor } from './positions';
import { readSettings, type SeveritySetting } from './settings';
import { DEFAULT_SEVERITY } from './severity-settings';

export const DIAGNOSTIC_SOURCE = 'Source Lens';
/** The code of the notice counting the findings left out by `sourceLens.maxProblems`. */
export const MAX_PROBLEMS_CODE = 'max-problems';

const SEVERITY: Record<Exclude<SeveritySetting, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const UNNECESSARY = new Set<RuleId>(['duplicate-passage', 'boilerplate']);

export class DiagnosticsPresenter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('sourceLens');
  private readonly subscriptions: vscode.Disposable[];
  /** Documents analysed since their diagnostics were last set: each one's next job, by URI. */
  private readonly pending = new Map<string, { dispose(): void }>();

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.subscriptions = [
      analyzer.onDidAnalyze(({ uri }) => this.schedule(uri)),
      analyzer.onDidForget((uri) => {
        this.pending.get(uri.toString())?.dispose();
        this.pending.delete(uri.toString());
        this.collection.delete(uri);
      }),
    ];
  }

  /** Builds the document's diagnostics from its latest result in one task, and sets them in the next. */
  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.pending.has(key)) return; // on its way: its jobs read the latest result
    this.pending.set(
      key,
      inNextTask(() => {
        const result = this.analyzer.resultFor(uri);
        if (!result) {
          this.pending.delete(key);
          return;
        }
        const diagnostics = this.diagnosticsFor(result);
        // Handing a thousand diagnostics to VS Code costs about as much again: a task of its own.
        this.pending.set(
          key,
          inNextTask(() => {
            this.pending.delete(key);
            if (this.analyzer.resultFor(uri) === result) this.collection.set(uri, diagnostics);
            else this.schedule(uri); // a newer analysis came meanwhile
          }),
        );
      }),
    );
  }

  diagnosticsFor(result: AnalysisResult): vscode.Diagnostic[] {
    const settings = readSettings(result.uri);
    const { messages } = result.analysis;
    // Which messages are shown is decided before any Diagnostic is built, so the cost is the cap's, not
    // the document's. The most severe come first (errors, then warnings, then information, then hints;
    // within a level, in document order): the cap then drops the least important findings, e.g. the
    // thousands of information-level claims in a long draft rather than a duplicated passage or an
    // unbalanced quote further down; the Problems panel, which sorts by severity, shows at its top what it
    // would have shown uncapped; and VS Code's own cut (1000 per document) keeps the same order. The
    // diagnostics themselves stay in document order.
    // A message's level is its vscode.DiagnosticSeverity (Error 0, Warning 1, Information 2, Hint 3: the
    // most severe is the lowest), or -1 when its code is turned off.
    const levels = new Int8Array(messages.length);
    const perLevel = [0, 0, 0, 0];
    for (let i = 0; i < messages.length; i++) {
      const setting = settings.severity[messages[i].ruleId] ?? DEFAULT_SEVERITY[messages[i].ruleId];
      levels[i] = setting === 'off' ? -1 : SEVERITY[setting];
      if (levels[i] >= 0) perLevel[levels[i]]++;
    }
    // At most maxProblems in all, the notice included (VS Code itself sends at most 1000 per document to
    // the Problems panel, dropping the rest with its own note, so the default must leave room for ours).
    const found = perLevel.reduce((a, b) => a + b, 0);
    // Levels below `cutoff` are shown whole; of level `cutoff`, the first `room`.
    let cutoff = 0;
    let room = found > settings.maxProblems ? settings.maxProblems - 1 : found;
    while (cutoff < perLevel.length && perLevel[cutoff] <= room) room -= perLevel[cutoff++];

    const places = positionsFor(result);
    const targets = new Map<string, PositionsFor | null>();
    const diagnostics: vscode.Diagnostic[] = [];
    for (let i = 0; i < messages.length; i++) {
      const level = levels[i];
      if (level < 0 || level > cutoff) continue;
      if (level === cutoff) {
        if (room === 0) continue;
        room--;
      }
      const message = messages[i];
      const diagnostic = new vscode.Diagnostic(places.range(message), message.reason, level as vscode.DiagnosticSeverity);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = { value: message.ruleId, target: ruleUri(message.url) };
      if (UNNECESSARY.has(message.ruleId)) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
      if (message.cause) diagnostic.relatedInformation = this.firstCopy(result, message, places, targets);
      diagnostics.push(diagnostic);
    }
    const hidden = found - diagnostics.length;
    if (hidden > 0) diagnostics.push(overflowNotice(hidden, settings.maxProblems));
    return diagnostics;
  }

  /**
   * Where the first copy of a duplicate is, in this document or another one the analyzer knows.
   * `targets` keeps each other document's positions for the rest of one diagnosticsFor call.
   */
  private firstCopy(result: AnalysisResult, message: Message, places: PositionsFor, targets: Map<string, PositionsFor | null>): vscode.DiagnosticRelatedInformation[] {
    const cause = message.cause!;
    const sameDocument = !cause.path || cause.path === result.uri.path || cause.path === result.uri.toString();
    let target: AnalysisResult | undefined = result;
    let targetPlaces: PositionsFor | null | undefined = places;
    if (!sameDocument) {
      target = this.analyzer.allResults().find((r) => r.uri.toString() === cause.path || r.uri.path === cause.path);
      targetPlaces = targets.get(cause.path);
      if (targetPlaces === undefined) targets.set(cause.path, (targetPlaces = target ? positionsFor(target) : null));
    }
    if (!target || !targetPlaces) return [];
    const range = targetPlaces.range(cause);
    const where = sameDocument ? `line ${range.start.line + 1}` : `${vscode.workspace.asRelativePath(target.uri)}:${range.start.line + 1}`;
    return [new vscode.DiagnosticRelatedInformation(new vscode.Location(target.uri, range), `First copy (${where}).`)];
  }

  dispose(): void {
    for (const job of this.pending.values()) job.dispose();
    this.pending.clear();
    this.collection.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

const ruleUris = new Map<string, vscode.Uri>();
/** A rule's documentation link, parsed once. */
function ruleUri(url: string): vscode.Uri {
  let uri = ruleUris.get(url);
  if (!uri) ruleUris.set(url, (uri = vscode.Uri.parse(url)));
  return uri;
}

/** The one diagnostic that stands for the findings over the cap: Information, at the start of line 1. */
function overflowNotice(hidden: number, max: number): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, 0),
    `${hidden} more Source Lens finding${hidden === 1 ? '' : 's'} not shown (sourceLens.maxProblems is ${max}).`,
    vscode.DiagnosticSeverity.Information,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: MAX_PROBLEMS_CODE, target: vscode.Uri.parse(RULE_DOCS_BASE + 'settings') };
  return diagnostic;
}
