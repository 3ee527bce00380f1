// Quick fixes take their place from a diagnostic, and a diagnostic can lag its document: right after an
// edit (until the debounced analysis) and for a task or two after a result is published (diagnostics.ts
// sets them in tasks of their own) its range is the previous version's. An edit made from that range
// would hit whatever text has moved there. So each fix finds its finding again in the analysis of the
// document's current version (same rule, same span) and offers nothing when it is not there: the analysis
// already on its way brings fresh diagnostics, and fixes with them.
import type * as vscode from 'vscode';
import type { Message, RuleId, Span } from '../core';
import type { AnalysisResult, DocumentAnalyzer } from './document-analyzer';

export interface CurrentFinding {
  result: AnalysisResult;
  message: Message;
  span: Span;
}

/** A diagnostic's code as a string (`{ value, target }` codes included). */
export const codeOf = (diagnostic: vscode.Diagnostic): string | undefined =>
  typeof diagnostic.code === 'object'
    ? String(diagnostic.code.value)
    : diagnostic.code === undefined
      ? undefined
      : String(diagnostic.code);

/** The analysis of the document as it is now, or undefined while the one for its version is on its way. */
export function currentResult(analyzer: DocumentAnalyzer, document: vscode.TextDocument): AnalysisResult | undefined {
  const result = analyzer.resultFor(document.uri);
  return result && result.version === document.version ? result : undefined;
}

/** The diagnostic's finding in the current analysis, or undefined when the diagnostic is not (or no longer) one. */
export function currentFinding(
  analyzer: DocumentAnalyzer,
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
): CurrentFinding | undefined {
  const result = currentResult(analyzer, document);
  const ruleId = codeOf(diagnostic) as RuleId | undefined;
  if (!result || !ruleId) return undefined;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const message = result.analysis.messages.find((m) => m.ruleId === ruleId && m.start === start && m.end === end);
  return message && { result, message, span: { start, end } };
}
