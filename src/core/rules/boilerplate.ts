// Site furniture in the article's text (boilerplate stage).
import { defineRule } from './rule';

export const boilerplate = defineRule({
  id: 'boilerplate',
  severity: 'info',
  suppressible: true,
  anchor: 'boilerplate',
  summary: 'Site furniture: comment policy, newsletter or cookie notice, share prompt, copyright line.',
  warningInTextReport: false,
  marksRemovableText: true,
  check({ analysis }, report) {
    for (const block of analysis.boilerplate)
      report(block, `Boilerplate (${block.reason.replace(/-/g, ' ')}), not article content.`);
  },
});
