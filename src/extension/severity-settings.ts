// The `sourceLens.severity` setting, read from the rule registry: the levels a user may pick, each rule's
// default (its registry severity in the setting's words), and the JSON schema that `npm run sync:rules`
// writes into package.json (a unit test fails while the two differ). No `vscode` here, so the script
// and the unit tests can load it.
import { RULE_LIST, SEVERITY_LEVELS, type MessageSeverity, type RuleId, type SeverityLevel } from '../core';

/** The setting's words are the core's severity levels, which the sources registry's `severity` shares. */
export type SeveritySetting = SeverityLevel;

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = SEVERITY_LEVELS;

const SETTING_OF: Record<MessageSeverity, SeveritySetting> = {
  error: 'error',
  warning: 'warning',
  info: 'information',
  hint: 'hint',
};

export const DEFAULT_SEVERITY = Object.fromEntries(
  RULE_LIST.map((rule) => [rule.id, SETTING_OF[rule.severity]]),
) as Record<RuleId, SeveritySetting>;

/** package.json's `contributes.configuration.properties["sourceLens.severity"]`. */
export function severitySchema(): object {
  return {
    type: 'object',
    scope: 'resource',
    markdownDescription:
      "Severity of each diagnostic code in the Problems panel: `error`, `warning`, `information`, `hint` or `off`. A `severity` set for the same rule in the team's sources registry (`.sourcelens.json`) wins.",
    properties: Object.fromEntries(
      RULE_LIST.map((rule) => [rule.id, { type: 'string', enum: [...SEVERITY_SETTINGS], description: rule.summary }]),
    ),
    additionalProperties: false,
    default: DEFAULT_SEVERITY,
  };
}
