// What the adapters hand on: the JSON report, the Markdown report, the summary, and the text edits of the fixes.
export { toReport, REPORT_SCHEMA, type AnalysisReport, type FileReport } from './json-report';
export { isSourceLensReport, markdownReport, REPORT_MARKER, type OtherDocument } from './markdown-report';
export { removalSpans } from './removal-spans';
export { markCheckedEdit } from './mark-checked';
export { evidenceLinkEdit, evidenceUrlProblem, type TextInsert } from './evidence-link';
export { sourceIdentity, summarizeAnalysis, type AnalysisSummary, type SourceIdentity } from './summary';
export { correctionInsert, type CorrectionTarget } from './correction-edit';
