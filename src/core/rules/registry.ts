// Every rule the core reports, one module each, in the order their sections stand in the README. The
// diagnostic codes, "learn more" links, suppressible names, default severities, the CLI's text report and
// package.json's `sourceLens.severity` schema (npm run sync:rules) are all read from this list.
// Adding a rule: a module beside this one, its entry here and in `RuleId` (types.ts; the compiler points at
// whichever is missing), its README section, and `npm run sync:rules`.
import type { RuleId } from '../types';
import { analysisTimeout } from './analysis-timeout';
import { anonymousSource } from './anonymous-source';
import { anonymousSourceWithoutReason } from './anonymous-source-without-reason';
import { boilerplate } from './boilerplate';
import { duplicatePassage } from './duplicate-passage';
import { inputTooLarge } from './input-too-large';
import { internalError } from './internal-error';
import { loadedAttributionVerb } from './loaded-attribution-verb';
import { markdownNotParsed } from './markdown-not-parsed';
import { lowStandingSource } from './low-standing-source';
import type { Rule } from './rule';
import { singleSource } from './single-source';
import { unattributedClaim } from './unattributed-claim';
import { unappliedCorrection } from './unapplied-correction';
import { unbalancedQuote } from './unbalanced-quote';
import { unknownRule } from './unknown-rule';
import { unknownSpeaker } from './unknown-speaker';
import { vagueSource } from './vague-source';

/**
 * By id, in README order. The type makes the compiler check that every `RuleId` has its module here,
 * and that each module's id is the key it stands under.
 */
export const RULES: { readonly [Id in RuleId]: Rule<Id> } = {
  'unattributed-claim': unattributedClaim,
  'duplicate-passage': duplicatePassage,
  boilerplate,
  'unbalanced-quote': unbalancedQuote,
  'anonymous-source': anonymousSource,
  'anonymous-source-without-reason': anonymousSourceWithoutReason,
  'vague-source': vagueSource,
  'unknown-speaker': unknownSpeaker,
  'loaded-attribution-verb': loadedAttributionVerb,
  'low-standing-source': lowStandingSource,
  'single-source': singleSource,
  'unknown-rule': unknownRule,
  'unapplied-correction': unappliedCorrection,
  'markdown-not-parsed': markdownNotParsed,
  'input-too-large': inputTooLarge,
  'analysis-timeout': analysisTimeout,
  'internal-error': internalError,
};

/** The rules in README order: the order messages at the same place are listed in. */
export const RULE_LIST: readonly Rule[] = Object.values(RULES);

/** The rules a control comment can silence, in registry order (the order `unknown-rule` lists them in). */
export const SUPPRESSIBLE_RULES: readonly RuleId[] = RULE_LIST.filter((rule) => rule.suppressible).map(
  (rule) => rule.id,
);

/** The README, whose `### rule-id` sections document the rules. */
export const RULE_DOCS_BASE = 'https://github.com/source-lens/source-lens/blob/main/README.md#';

export function ruleUrl(id: RuleId): string {
  return RULE_DOCS_BASE + RULES[id].anchor;
}
