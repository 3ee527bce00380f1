// The report stage: turns the analysis into remark-lint-style messages (rule id, reason, place, URL),
// the one list that the editor's diagnostics and the CLI's warnings are made from.
import { RULES, ruleUrl } from './rules';
import type { Analysis, Message, RuleId, Span } from './types';

export interface MessageExtras {
  tooLarge?: number;
  internalError?: string;
}

export function buildMessages(text: string, analysis: Analysis, unbalanced: Span[], extras: MessageExtras = {}): Message[] {
  const messages: Message[] = [];
  const add = (ruleId: RuleId, span: Span, reason: string, cause?: Message['cause']): void => {
    messages.push({ ruleId, reason, severity: RULES[ruleId].severity, url: ruleUrl(ruleId), start: span.start, end: span.end, ...(cause ? { cause } : {}) });
  };
  const whole = { start: 0, end: Math.min(text.length, 1) };
  if (extras.tooLarge !== undefined) {
    add('input-too-large', whole, `The document has ${text.length} characters, over the cap of ${extras.tooLarge}; it was not analysed.`);
  }
  if (extras.internalError !== undefined) add('internal-error', whole, `Analysis failed: ${extras.internalError}`);

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
