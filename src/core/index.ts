// The face of the core: everything the adapters (src/extension/, src/cli/) and the scripts may use.
// Pure TypeScript, no `vscode`: text in, a typed analysis out. The stages behind it are private.
export {
  analyze,
  analyzeCorpus,
  corpusViewOf,
  createAnalysisCache,
  crossDocumentFindings,
  DEFAULT_CLAIM_THRESHOLD,
  DEFAULT_MAX_LENGTH,
  DEFAULT_RECURRENCE_THRESHOLD,
  finishCorpusDocument,
  prepareCorpusDocument,
  timedOutAnalysis,
  type AnalysisCache,
  type CorpusDocumentView,
  type CorpusFindings,
  type PreparedCorpusDocument,
} from './analyze';
export { answerCorpusStep, type CorpusStepReply, type CorpusStepRequest, PreparedStore } from './corpus-steps';
export {
  correctionInsert,
  type CorrectionTarget,
  evidenceLinkEdit,
  evidenceUrlProblem,
  isSourceLensReport,
  markCheckedEdit,
  markdownReport,
  removalSpans,
  REPORT_MARKER,
  REPORT_SCHEMA,
  sourceIdentity,
  summarizeAnalysis,
  toReport,
  type AnalysisReport,
  type AnalysisSummary,
  type FileReport,
  type OtherDocument,
  type SourceIdentity,
  type TextInsert,
} from './report';
export { claimNeed, LIKELY_NEEDS_SOURCE, type ClaimNeed } from './claims';
export { countStatements, type StatementCounts, type StatementFacts } from './duplicates';
export {
  applySeverityLevels,
  DEFAULT_SINGLE_SOURCE,
  RULE_DOCS_BASE,
  RULE_LIST,
  RULES,
  ruleUrl,
  SEVERITY_LEVELS,
  SUPPRESSIBLE_RULES,
  type Rule,
  type SeverityLevel,
  type SingleSourceOptions,
  type TimedOut,
} from './rules';
export {
  addToRegistry,
  EMPTY_REGISTRY,
  newRegistryText,
  type NewRegistryEntry,
  type RegistryAddition,
  parseRegistry,
  REGISTRY_FILE_NAME,
  registryKey,
  registrySchema,
  type RegistryEntry,
  type RegistryProblem,
  type SourceRegistry,
} from './source-registry';
export { STANDINGS, type StandingInfo } from './lexicon/standings';
export { LineIndex } from './text';
export type * from './types';
export type { AnalyzeOptions, CorpusOptions } from './options';
