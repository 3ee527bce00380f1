// Stage 9, rules: the analysis turned into messages, one rule id each, with reason, place and URL.
export { buildMessages } from './messages';
export { RULES, RULE_DOCS_BASE, ruleUrl } from './registry';
