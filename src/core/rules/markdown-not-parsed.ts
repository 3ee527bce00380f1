// A Markdown document of a shape the Markdown parser reads in quadratic time (structure stage's pre-scan):
// it was read as plain text instead, so the editor stays responsive. One message on its first character.
import { defineRule } from './rule';

export const markdownNotParsed = defineRule({
  id: 'markdown-not-parsed',
  severity: 'warning',
  suppressible: false,
  anchor: 'markdown-not-parsed',
  summary: 'The Markdown has a shape the parser reads in quadratic time, so it was read as plain text.',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ text, markdownNotParsed }, report) {
    if (markdownNotParsed === undefined) return;
    // The first character, whole: a surrogate pair is two code units.
    const first = text.codePointAt(0) ?? 0;
    report(
      { start: 0, end: Math.min(text.length, first > 0xffff ? 2 : 1) },
      `This Markdown was read as plain text, because ${markdownNotParsed}. Markup is analysed as words; ` +
        'remove the repeated shape (or open the file as plain text) to have it read as Markdown.',
    );
  },
});
