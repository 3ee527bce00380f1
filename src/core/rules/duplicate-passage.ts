// A passage that repeats an earlier one, in this document or another of the corpus (duplicates stage).
// The message quotes the copy's start and says where the first copy is: a line here, or another file.
import { LineIndex } from '../text';
import { defineRule } from './rule';
import { quoteStart } from './quote-text';

/** The last part of a path: the file an editor knows it by. */
const fileName = (path: string): string => path.slice(path.replace(/[\\/]+$/, '').search(/[^\\/]*[\\/]*$/));

export const duplicatePassage = defineRule({
  id: 'duplicate-passage',
  severity: 'warning',
  suppressible: true,
  anchor: 'duplicate-passage',
  summary: 'A passage that repeats an earlier one.',
  warningInTextReport: false,
  marksRemovableText: true,
  check({ text, analysis, path }, report) {
    // One index of line starts for all the messages: a scraped page can repeat hundreds of passages, and
    // counting newlines from the top for each would be quadratic.
    const lines = analysis.duplicates.length > 0 ? new LineIndex(text) : null;
    for (const duplicate of analysis.duplicates) {
      const { of } = duplicate;
      const where =
        of.path && of.path !== path
          ? `a passage in ${fileName(of.path)}`
          : `line ${lines!.position(of.start).line + 1}`;
      const how = duplicate.similarity >= 1 ? 'repeats' : 'nearly repeats';
      report(duplicate, `${quoteStart(text, duplicate)} ${how} ${where}: remove one copy.`, of);
    }
  },
});
