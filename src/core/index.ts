// The face of the core: everything the adapters (src/extension/, src/cli/) and the scripts may use.
// Pure TypeScript, no `vscode`: text in, a typed analysis out. The stages behind it are private.
export {
  analyze,
  analyzeCorpus,
  createAnalysisCache,
  DEFAULT_CLAIM_THRESHOLD,
  DEFAULT_MAX_LENGTH,
  DEFAULT_RECURRENCE_THRESHOLD,
  type AnalysisCache,
} from './analyze';
export { markdownReport, removalSpans, REPORT_SCHEMA, toReport, type AnalysisReport, type FileReport } from './report';
export { markCheckedEdit } from './structure';
export { RULE_DOCS_BASE, RULES, ruleUrl } from './rules';
export { LineIndex } from './text';
export type * from './types';
export type { AnalyzeOptions, CorpusOptions } from './options';
