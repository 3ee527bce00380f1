// The Problems panel: the core's messages as diagnostics, with stable codes linking to the README,
// the severity the user chose per code, related information pointing at a duplicate's first copy (and at
// the other places a message names, such as a single source's statements), and
// the Unnecessary tag on duplicates and boilerplate (VS Code fades them). With `sourceLens.claims.mark` set to
// "highlight", an unattributed claim's amber fill is its mark and its diagnostic a hint, with no squiggle:
// doubled-underlines.ts says why.
//
// At most `sourceLens.maxProblems` per document (as cSpell's `cSpell.maxNumberOfProblems`): a 5 MB
// draft has ~18k findings, and building that many vscode.Diagnostic objects (and sending them to the
// workbench) blocked the extension host for ~160 ms; nobody reads past the first thousand anyway. Which
// ones are shown is max-problems.ts's choice (the most severe first). When some are left out, one
// Information diagnostic on line 1 says how many and which setting to raise.
// Diagnostics are built and set in a task of their own after each analysis (next-task.ts), not inside
// the task that published it, so the host is never busy with both at once.
import * as vscode from 'vscode';
import { type Message, RULE_DOCS_BASE, RULES } from '../core';
import type { AnalysisResult, DocumentAnalyzer } from './document-analyzer';
import { withoutDoubledUnderlines } from './doubled-underlines';
import { chooseProblems, LEVEL, levelsOf, overflowText } from './max-problems';
import { inNextTask } from './next-task';
import { positionsFor, type PositionsFor } from './positions';
import { readSettings } from './settings';
import { DEFAULT_SEVERITY } from './severity-settings';

export const DIAGNOSTIC_SOURCE = 'Source Lens';
/** The code of the notice counting the findings left out by `sourceLens.maxProblems`. */
export const MAX_PROBLEMS_CODE = 'max-problems';

// A finding's level (max-problems.ts) is the number of its vscode.DiagnosticSeverity, and is passed on as
// it is: this line stops compiling if the two ever part.
LEVEL satisfies {
  error: vscode.DiagnosticSeverity.Error;
  warning: vscode.DiagnosticSeverity.Warning;
  information: vscode.DiagnosticSeverity.Information;
  hint: vscode.DiagnosticSeverity.Hint;
};

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
    // The team's registry wins over the user's setting, as markdownlint's config files win over its setting.
    const levels = withoutDoubledUnderlines(
      levelsOf(messages, { ...settings.severity, ...result.registrySeverity }, DEFAULT_SEVERITY),
      messages,
      settings,
    );
    const { shown, hidden } = chooseProblems(levels, settings.maxProblems);
    const places = positionsFor(result);
    const targets = new Map<string, PositionsFor | null>();
    const diagnostics: vscode.Diagnostic[] = [];
    for (const i of shown) {
      const message = messages[i];
      const diagnostic = new vscode.Diagnostic(
        places.range(message),
        message.reason,
        levels[i] as vscode.DiagnosticSeverity,
      );
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = { value: message.ruleId, target: ruleUri(message.url) };
      if (RULES[message.ruleId].marksRemovableText) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
      if (message.cause) diagnostic.relatedInformation = this.firstCopy(result, message, places, targets);
      if (message.related)
        diagnostic.relatedInformation = [
          ...(diagnostic.relatedInformation ?? []),
          ...message.related.map(
            (related) =>
              new vscode.DiagnosticRelatedInformation(
                new vscode.Location(result.uri, places.range(related)),
                related.reason,
              ),
          ),
        ];
      diagnostics.push(diagnostic);
    }
    if (hidden > 0) diagnostics.push(overflowNotice(hidden, settings.maxProblems));
    return diagnostics;
  }

  /**
   * Where the first copy of a duplicate is, in this document or another one the analyzer knows.
   * `targets` keeps each other document's positions for the rest of one diagnosticsFor call.
   */
  private firstCopy(
    result: AnalysisResult,
    message: Message,
    places: PositionsFor,
    targets: Map<string, PositionsFor | null>,
  ): vscode.DiagnosticRelatedInformation[] {
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
    const where = sameDocument
      ? `line ${range.start.line + 1}`
      : `${vscode.workspace.asRelativePath(target.uri)}:${range.start.line + 1}`;
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
    overflowText(hidden, max),
    vscode.DiagnosticSeverity.Information,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: MAX_PROBLEMS_CODE, target: vscode.Uri.parse(RULE_DOCS_BASE + 'settings') };
  return diagnostic;
}
