// A quotation mark the quotes stage could not pair.
import { defineRule } from './rule';

export const unbalancedQuote = defineRule({
  id: 'unbalanced-quote',
  severity: 'warning',
  suppressible: true,
  anchor: 'unbalanced-quote',
  summary: 'A quotation mark that is never closed, or closes nothing.',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ text, unbalanced }, report) {
    for (const span of unbalanced)
      report(span, `Quotation mark ${JSON.stringify(text.slice(span.start, span.end))} has no partner.`);
  },
});
