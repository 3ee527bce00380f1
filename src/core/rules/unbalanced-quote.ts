// A quotation mark the quotes stage could not pair. The message says which way it fails (opens a
// quotation that never closes, or closes one that never opened) and quotes the words beside it, so the
// editor finds the mark without counting characters.
import { defineRule } from './rule';
import { quoteBefore, quoteStart } from './quote-text';

const OPENING = new Set(['“', '«', '„', '‹']);
const CLOSING = new Set(['”', '»', '›']);

/** Whether the mark at `at` opens a quotation: by its shape, or for a straight mark by what stands around it. */
function opens(text: string, at: number): boolean {
  const mark = text[at];
  if (OPENING.has(mark)) return true;
  if (CLOSING.has(mark)) return false;
  const before = at === 0 ? ' ' : text[at - 1];
  const after = text[at + 1] ?? ' ';
  return /[\s([{—–-]/u.test(before) && !/\s/u.test(after);
}

export const unbalancedQuote = defineRule({
  id: 'unbalanced-quote',
  severity: 'warning',
  suppressible: true,
  anchor: 'unbalanced-quote',
  summary: 'A quotation mark that is never closed, or closes nothing.',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ text, unbalanced }, report) {
    for (const span of unbalanced) report(span, reasonFor(text, span.start));
  },
});

/** The words the mark stands beside: the rest of its paragraph after an opening mark, the paragraph before a closing one. */
function reasonFor(text: string, at: number): string {
  if (opens(text, at)) {
    const paragraphEnd = text.indexOf('\n\n', at);
    const after = { start: at + 1, end: paragraphEnd < 0 ? text.length : paragraphEnd };
    return `Opening quotation mark never closed, before ${quoteStart(text, after)}.`;
  }
  const paragraphStart = text.lastIndexOf('\n\n', at) + 1;
  return `Closing quotation mark with no opening one, after ${quoteBefore(text, paragraphStart, at)}.`;
}
