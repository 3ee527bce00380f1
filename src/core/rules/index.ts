// Stage 9, rules: the analysis turned into messages, one module per rule (registry.ts lists them), and
// the control comments applied to them.
export { buildMessages } from './messages';
export { RULE_DOCS_BASE, RULE_LIST, RULES, ruleUrl, SUPPRESSIBLE_RULES } from './registry';
export { applySeverityLevels, SEVERITY_LEVELS, type SeverityLevel } from './severity-levels';
export { applySuppressions } from './suppress';
export type { Rule, RuleInput, SingleSourceOptions, TimedOut } from './rule';
export { DEFAULT_SINGLE_SOURCE, dominantSource, singleSourceOptions, type DominantSource } from './single-source';
export { isVagueSourceName } from './vague-source';
