// The document is over the size cap: one message on its first character, and no analysis.
import { defineRule } from './rule';

export const inputTooLarge = defineRule({
  id: 'input-too-large',
  severity: 'warning',
  suppressible: false,
  anchor: 'input-too-large',
  summary: 'The document is over the size cap and was not analysed.',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ text, tooLarge }, report) {
    if (tooLarge === undefined) return;
    report(
      { start: 0, end: Math.min(text.length, 1) },
      `The document has ${text.length} characters, over the cap of ${tooLarge}; it was not analysed.`,
    );
  },
});
