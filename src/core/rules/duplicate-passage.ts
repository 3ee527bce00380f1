// A passage that repeats an earlier one, in this document or another of the corpus (duplicates stage).
import { defineRule } from './rule';

export const duplicatePassage = defineRule({
  id: 'duplicate-passage',
  severity: 'warning',
  suppressible: true,
  anchor: 'duplicate-passage',
  summary: 'A passage that repeats an earlier one.',
  warningInTextReport: false,
  marksRemovableText: true,
  check({ analysis }, report) {
    for (const duplicate of analysis.duplicates) {
      const exact =
        duplicate.similarity >= 1 ? 'repeats' : `nearly repeats (${Math.round(duplicate.similarity * 100)}% similar)`;
      report(duplicate, `This passage ${exact} an earlier one.`, duplicate.of);
    }
  },
});
