// The rules stage: every rule reads the analysis and reports its messages in the style of remark-lint
// (rule id, reason, place, URL): the one list the editor's diagnostics and the CLI's warnings are made from.
import type { UnappliedCorrection } from '../corrections';
import type { UnknownRule } from '../structure';
import type { Analysis, Message, Span } from '../types';
import { RULE_LIST, ruleUrl, SUPPRESSIBLE_RULES } from './registry';
import type { SingleSourceOptions, TimedOut } from './rule';
import { singleSourceOptions } from './single-source';

export interface MessageExtras {
  tooLarge?: number;
  timedOut?: TimedOut;
  internalError?: string;
  /** Why a Markdown document was read as plain text instead (structure stage). */
  markdownNotParsed?: string;
  /** Names in control comments that are not rules (structure stage). */
  unknownRules?: readonly UnknownRule[];
  /** The editor's corrections that apply to nothing or cannot be read (corrections stage). */
  unappliedCorrections?: readonly UnappliedCorrection[];
  /** The path the document was analysed under; '' by default. */
  path?: string;
  /** single-source's thresholds; each missing one has its default. */
  singleSource?: Partial<SingleSourceOptions>;
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
    unappliedCorrections: extras.unappliedCorrections ?? [],
    suppressibleRules: SUPPRESSIBLE_RULES,
    path: extras.path ?? '',
    singleSource: singleSourceOptions(extras.singleSource),
  };
  for (const rule of RULE_LIST) {
    const url = ruleUrl(rule.id);
    rule.check(input, (span, reason, cause, expected, related) => {
      messages.push({
        ruleId: rule.id,
        reason,
        severity: rule.severity,
        url,
        start: span.start,
        end: span.end,
        ...(cause ? { cause } : {}),
        ...(expected ? { expected } : {}),
        ...(related ? { related } : {}),
      });
    });
  }
  // Stable: findings at the same place keep the registry's order.
  return messages.sort((a, b) => a.start - b.start || a.end - b.end);
}
