// A passage that repeats an earlier one, in this document or another of the corpus (duplicates stage).
// The message quotes the copy's start and says where the first copy is: a line here, or another file.
import { defineRule } from './rule';
import { quoteStart } from './quote-text';

/** The 1-based line `offset` is on. */
const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

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
    for (const duplicate of analysis.duplicates) {
      const { of } = duplicate;
      const where =
        of.path && of.path !== path ? `a passage in ${fileName(of.path)}` : `line ${lineAt(text, of.start)}`;
      const how = duplicate.similarity >= 1 ? 'repeats' : 'nearly repeats';
      report(duplicate, `${quoteStart(text, duplicate)} ${how} ${where}: remove one copy.`, of);
    }
  },
});
