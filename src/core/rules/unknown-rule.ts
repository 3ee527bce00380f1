// A control comment naming a rule that does not exist (structure stage). A misspelt name silences
// nothing, so the finding it meant to silence is still reported: the message says why.
import { closestName } from '../text/closest-name';
import { defineRule } from './rule';

export const unknownRule = defineRule({
  id: 'unknown-rule',
  severity: 'warning',
  suppressible: false,
  anchor: 'unknown-rule',
  summary: 'A control comment names a rule Source Lens does not have; the name is ignored.',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ unknownRules, suppressibleRules }, report) {
    for (const unknown of unknownRules) {
      const suggestion = closestName(unknown.ruleId, suppressibleRules);
      const hint = suggestion ? ` Did you mean “${suggestion}”?` : ` Rules: ${suppressibleRules.join(', ')}.`;
      report(
        unknown,
        `“${unknown.ruleId}” is not a Source Lens rule; this control comment ignores it.${hint}`,
        undefined,
        suggestion ? [suggestion] : undefined,
      );
    }
  },
});
