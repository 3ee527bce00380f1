// The rules stage: every rule reads the analysis and reports its messages in the style of remark-lint
// (rule id, reason, place, URL): the one list the editor's diagnostics and the CLI's warnings are made from.
import type { UnknownRule } from '../structure';
import type { Analysis, Message, Span } from '../types';
import { RULE_LIST, ruleUrl, SUPPRESSIBLE_RULES } from './registry';

export interface MessageExtras {
  tooLarge?: number;
  internalError?: string;
  /** Names in control comments that are not rules (structure stage). */
  unknownRules?: readonly UnknownRule[];
}

export function buildMessages(
  text: string,
  analysis: Analysis,
  unbalanced: Span[],
  extras: MessageExtras = {},
): Message[] {
  const messages: Message[] = [];
  const input = {
    text,
    analysis,
    unbalanced,
    ...extras,
    unknownRules: extras.unknownRules ?? [],
    suppressibleRules: SUPPRESSIBLE_RULES,
  };
  for (const rule of RULE_LIST) {
    const url = ruleUrl(rule.id);
    rule.check(input, (span, reason, cause, expected) => {
      messages.push({
        ruleId: rule.id,
        reason,
        severity: rule.severity,
        url,
        start: span.start,
        end: span.end,
        ...(cause ? { cause } : {}),
        ...(expected ? { expected } : {}),
      });
    });
  }
  // Stable: findings at the same place keep the registry's order.
  return messages.sort((a, b) => a.start - b.start || a.end - b.end);
}
