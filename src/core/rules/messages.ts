// The report stage: turns the analysis into remark-lint-style messages (rule id, reason, place, URL),
// the one list that the editor's diagnostics and the CLI's warnings are made from.
import { closestName } from '../text/closest-name';
import { RULES, ruleUrl } from './registry';
import { SUPPRESSIBLE_RULES, type UnknownRule } from '../structure';
import type { Analysis, Message, RuleId, Span } from '../types';

export interface MessageExtras {
  tooLarge?: number;
  internalError?: string;
  /** Names in control comments that are not rules (suppressions.ts). */
  unknownRules?: readonly UnknownRule[];
}

export function buildMessages(text: string, analysis: Analysis, unbalanced: Span[], extras: MessageExtras = {}): Message[] {
  const messages: Message[] = [];
  const add = (ruleId: RuleId, span: Span, reason: string, cause?: Message['cause'], expected?: string[]): void => {
    messages.push({
      ruleId,
      reason,
      severity: RULES[ruleId].severity,
      url: ruleUrl(ruleId),
      start: span.start,
      end: span.end,
      ...(cause ? { cause } : {}),
      ...(expected ? { expected } : {}),
    });
  };
  const whole = { start: 0, end: Math.min(text.length, 1) };
  if (extras.tooLarge !== undefined) {
    add('input-too-large', whole, `The document has ${text.length} characters, over the cap of ${extras.tooLarge}; it was not analysed.`);
  }
  if (extras.internalError !== undefined) add('internal-error', whole, `Analysis failed: ${extras.internalError}`);

  for (const unknown of extras.unknownRules ?? []) {
    // A misspelt name silences nothing, so the finding it meant to silence is still reported: say why.
    const suggestion = closestName(unknown.ruleId, SUPPRESSIBLE_RULES);
    const hint = suggestion ? ` Did you mean “${suggestion}”?` : ` Rules: ${SUPPRESSIBLE_RULES.join(', ')}.`;
    add('unknown-rule', unknown, `“${unknown.ruleId}” is not a Source Lens rule; this control comment ignores it.${hint}`, undefined, suggestion ? [suggestion] : undefined);
  }
  for (const claim of analysis.claims) {
    add('unattributed-claim', claim, `Check-worthy statement with no source (${claim.reasons.join(', ') || 'claim-like'}).`);
  }
  for (const duplicate of analysis.duplicates) {
    const exact = duplicate.similarity >= 1 ? 'repeats' : `nearly repeats (${Math.round(duplicate.similarity * 100)}% similar)`;
    add('duplicate-passage', duplicate, `This passage ${exact} an earlier one.`, duplicate.of);
  }
  for (const block of analysis.boilerplate) add('boilerplate', block, `Boilerplate (${block.reason.replace(/-/g, ' ')}), not article content.`);
  for (const span of unbalanced) {
    add('unbalanced-quote', span, `Quotation mark ${JSON.stringify(text.slice(span.start, span.end))} has no partner.`);
  }
  analysis.attributions.forEach((attribution) => {
    const source = attribution.source === null ? null : analysis.sources[attribution.source];
    const place = attribution.sourceMention ?? attribution.content[0];
    if (source?.type === 'anonymous') {
      add('anonymous-source', place, `Attributed to an unnamed source ("${text.slice(place.start, place.end)}").`);
    } else if (!source && attribution.kind !== 'indirect') {
      add('unknown-speaker', attribution.content[0], 'Quotation with no identifiable speaker.');
    }
  });
  return messages.sort((a, b) => a.start - b.start || a.end - b.end);
}
