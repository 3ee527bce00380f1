// The Problems panel: the core's messages as diagnostics, with stable codes linking to the README,
// the severity the user chose per code, related information pointing at a duplicate's first copy, and
// the Unnecessary tag on duplicates and boilerplate (VS Code fades them).
import * as vscode from 'vscode';
import { LineIndex } from '../core/positions';
import type { Message, RuleId } from '../core/types';
import type { AnalysisResult, DocumentAnalyzer } from './document-analyzer';
import { readSettings, type SeveritySetting } from './settings';

export const DIAGNOSTIC_SOURCE = 'Source Lens';

const SEVERITY: Record<Exclude<SeveritySetting, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const DEFAULT_SEVERITY: Record<RuleId, SeveritySetting> = {
  'unattributed-claim': 'information',
  'duplicate-passage': 'warning',
  boilerplate: 'hint',
  'unbalanced-quote': 'warning',
  'anonymous-source': 'information',
  'unknown-speaker': 'information',
  'input-too-large': 'warning',
  'internal-error': 'error',
};

const UNNECESSARY = new Set<RuleId>(['duplicate-passage', 'boilerplate']);

export class DiagnosticsPresenter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('sourceLens');
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.subscriptions = [
      analyzer.onDidAnalyze(({ uri }) => {
        const result = analyzer.resultFor(uri);
        if (result) this.collection.set(uri, this.diagnosticsFor(result));
      }),
      analyzer.onDidForget((uri) => this.collection.delete(uri)),
    ];
  }

  diagnosticsFor(result: AnalysisResult): vscode.Diagnostic[] {
    const settings = readSettings(result.uri);
    const places = positionsFor(result);
    const diagnostics: vscode.Diagnostic[] = [];
    for (const message of result.analysis.messages) {
      const setting = settings.severity[message.ruleId] ?? DEFAULT_SEVERITY[message.ruleId];
      if (setting === 'off') continue;
      const diagnostic = new vscode.Diagnostic(places.range(message), message.reason, SEVERITY[setting]);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = { value: message.ruleId, target: vscode.Uri.parse(message.url) };
      if (UNNECESSARY.has(message.ruleId)) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
      if (message.cause) diagnostic.relatedInformation = this.firstCopy(result, message);
      diagnostics.push(diagnostic);
    }
    return diagnostics;
  }

  /** Where the first copy of a duplicate is, in this document or another one the analyzer knows. */
  private firstCopy(result: AnalysisResult, message: Message): vscode.DiagnosticRelatedInformation[] {
    const cause = message.cause!;
    const sameDocument = !cause.path || cause.path === result.uri.path || cause.path === result.uri.toString();
    const target = sameDocument ? result : this.analyzer.allResults().find((r) => r.uri.toString() === cause.path || r.uri.path === cause.path);
    if (!target) return [];
    const range = positionsFor(target).range(cause);
    const where = sameDocument ? `line ${range.start.line + 1}` : `${vscode.workspace.asRelativePath(target.uri)}:${range.start.line + 1}`;
    return [new vscode.DiagnosticRelatedInformation(new vscode.Location(target.uri, range), `First copy (${where}).`)];
  }

  dispose(): void {
    this.collection.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** Offsets to ranges: the open document's own `positionAt` when it is open, else the text's line index. */
export function positionsFor(result: AnalysisResult): { position(offset: number): vscode.Position; range(span: { start: number; end: number }): vscode.Range } {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri.toString() && d.version === result.version);
  const index = open ? null : new LineIndex(result.text);
  const position = (offset: number): vscode.Position => {
    if (open) return open.positionAt(offset);
    const { line, character } = index!.position(offset);
    return new vscode.Position(line, character);
  };
  return { position, range: (span) => new vscode.Range(position(span.start), position(span.end)) };
}
