// The levels a team or a user may set a rule to: in the editor's `sourceLens.severity` setting and in the
// sources registry's `severity` (the shareable form of the setting). The words are VS Code's, plus "off".
import type { Message, MessageSeverity, RuleId } from '../types';

export type SeverityLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const SEVERITY_LEVELS: readonly SeverityLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

const MESSAGE_SEVERITY: Record<Exclude<SeverityLevel, 'off'>, MessageSeverity> = {
  error: 'error',
  warning: 'warning',
  information: 'info',
  hint: 'hint',
};

/** The messages with the chosen levels applied: a rule set to "off" loses its messages. */
export function applySeverityLevels(
  messages: readonly Message[],
  levels: Partial<Record<RuleId, SeverityLevel>>,
): Message[] {
  const out: Message[] = [];
  for (const message of messages) {
    const level = levels[message.ruleId];
    if (level === undefined) out.push(message);
    else if (level !== 'off') out.push({ ...message, severity: MESSAGE_SEVERITY[level] });
  }
  return out;
}
