// The analysis threw: one message on the document's first character instead of findings.
import { defineRule } from './rule';

export const internalError = defineRule({
  id: 'internal-error',
  severity: 'error',
  suppressible: false,
  anchor: 'internal-error',
  summary: 'Source Lens failed on this document; please report it.',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ text, internalError }, report) {
    if (internalError !== undefined)
      report({ start: 0, end: Math.min(text.length, 1) }, `Analysis failed: ${internalError}`);
  },
});
