// The public surface of the core: pure TypeScript, no `vscode`, text in and a typed analysis out.
export { analyze, analyzeCorpus, DEFAULT_CLAIM_THRESHOLD, DEFAULT_MAX_LENGTH, DEFAULT_RECURRENCE_THRESHOLD } from './analyze';
export { toReport, REPORT_SCHEMA } from './report';
export { RULES, ruleUrl } from './rules';
export type * from './types';
export type { AnalysisReport, FileReport } from './report';
