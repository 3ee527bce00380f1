// A quotation the attribution and sources stages found no speaker for. Indirect speech without a
// source is not reported: it is an unattributed claim's business.
import { quoteStart } from './quote-text';
import { defineRule } from './rule';

export const unknownSpeaker = defineRule({
  id: 'unknown-speaker',
  severity: 'info',
  suppressible: true,
  anchor: 'unknown-speaker',
  summary: 'A quotation with no identifiable speaker.',
  warningInTextReport: false,
  marksRemovableText: false,
  check({ text, analysis }, report) {
    for (const attribution of analysis.attributions) {
      const source = attribution.source === null ? null : analysis.sources[attribution.source];
      if (!source && attribution.kind !== 'indirect')
        report(attribution.content[0], `No speaker for ${quoteStart(text, attribution.content[0])}: say who said it.`);
    }
  },
});
