// Control comments applied: the structure stage read where each rule is silenced; here the findings
// there are dropped, from the messages and from the lists the editor's highlights are drawn from.
import type { Suppressions } from '../structure';
import type { Analysis, RuleId, Span } from '../types';

/**
 * The analysis without silenced findings: messages, and the claim, duplicate and boilerplate lists the highlights use.
 */
export function applySuppressions(analysis: Analysis, suppressions: Suppressions): Analysis {
  if (suppressions.directives.length === 0) return analysis;
  const keep =
    (ruleId: RuleId) =>
    (span: Span): boolean =>
      !suppressions.isSuppressed(ruleId, span);
  return {
    ...analysis,
    claims: analysis.claims.filter(keep('unattributed-claim')),
    duplicates: analysis.duplicates.filter(keep('duplicate-passage')),
    boilerplate: analysis.boilerplate.filter(keep('boilerplate')),
    messages: analysis.messages.filter((message) => !suppressions.isSuppressed(message.ruleId, message)),
  };
}
