// The input shapes issue 14 found slow or deep, as generators of any size: one place for the benchmark
// (`npm run bench`), the extension-host benchmark, the property tests and `npm run fuzz`. Each is the
// shape as the issue measured it, repeated until the text has `size` characters (cut at a repeat's end
// where it can be, so a shape is never half a unit).
import type { DocumentFormat } from '../../src/core/types';

export interface PathologicalShape {
  /** Short name for a benchmark row or a test title. */
  name: string;
  /** The format it is slow in: remark-parse's shapes are Markdown, Source Lens's own are plain text. */
  format: DocumentFormat;
  /** Where the issue found the time going: in remark-parse itself, or in Source Lens's own stages. */
  slowIn: 'remark-parse' | 'source-lens';
  make(size: number): string;
}

/** `unit` repeated to about `size` characters, whole units only (at least one). */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/** Lines `make(i)` for i = 0, 1, … until the text has `size` characters. */
function linesTo(size: number, make: (i: number) => string): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const line = make(i);
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

export const PATHOLOGICAL_SHAPES: readonly PathologicalShape[] = [
  {
    name: 'unclosed HTML comments (`text <!-- ` repeated)',
    format: 'markdown',
    slowIn: 'remark-parse',
    make: (size) => repeatTo('text <!-- ', size),
  },
  {
    name: 'lines of 1,000 list markers',
    format: 'markdown',
    slowIn: 'remark-parse',
    make: (size) => repeatTo(`${'- '.repeat(1000)}x\n`, size),
  },
  {
    name: 'backticks with comment openers',
    format: 'markdown',
    slowIn: 'remark-parse',
    make: (size) => repeatTo('`<!-- ', size),
  },
  {
    name: 'tiny paragraphs (`a\\n\\n`)',
    format: 'markdown',
    slowIn: 'source-lens',
    make: (size) => repeatTo('a\n\n', size),
  },
  {
    name: 'lists nested 1,000 deep',
    format: 'markdown',
    slowIn: 'remark-parse',
    make: (size) => linesTo(size, (i) => `${'  '.repeat(i % 1000)}- item ${i}`),
  },
  {
    name: 'block quotes nested 1,000 deep',
    format: 'markdown',
    slowIn: 'remark-parse',
    make: (size) => repeatTo(`${'> '.repeat(1000)}x\n`, size),
  },
  {
    name: 'block quotes nested 20,000 deep',
    format: 'markdown',
    slowIn: 'source-lens',
    make: (size) => repeatTo(`${'>'.repeat(20000)} x\n`, size),
  },
  {
    name: '20,000 list markers on one line',
    format: 'markdown',
    slowIn: 'source-lens',
    make: (size) => repeatTo(`${'* '.repeat(20000)}x\n`, size),
  },
  {
    name: 'long emphasis runs',
    format: 'markdown',
    slowIn: 'source-lens',
    make: (size) => repeatTo('*a **b ***c ', size),
  },
  {
    name: 'one paragraph of emoji, “said” and quotes',
    format: 'plaintext',
    slowIn: 'source-lens',
    make: (size) => repeatTo('😀 👩‍👩‍👧 said “🎉” ', size),
  },
  {
    name: 'lines with HTML comments',
    format: 'plaintext',
    slowIn: 'source-lens',
    make: (size) => linesTo(size, (i) => `<!-- note ${i} --> Officials said “the count was ${i}”.`),
  },
  {
    name: 'table-like rows with quotes',
    format: 'plaintext',
    slowIn: 'source-lens',
    make: (size) => linesTo(size, (i) => `| ${i} | “Row ${i}” | said the clerk | “yes” |`),
  },
  // One paragraph without a full stop is one sentence: each of these repeats an attribution cue in it
  // thousands of times (issue 14 measured ×6 to ×12 the time for ×4 the text).
  ...[
    ['“according to X, …”', 'according to the mayor, the budget grew '],
    ['“she called for …”', 'she called for calm and '],
    ['quotes with “said Smith, …”', '“We will win,” said Smith, '],
    ['“is expected to …”', 'the council is expected to vote '],
    ['“when asked …”', 'when asked about it '],
    ['“…, the mayor said …”', 'the plan works, the mayor said '],
  ].map(([pattern, unit]): PathologicalShape => ({
    name: `one paragraph of ${pattern}`,
    format: 'plaintext',
    slowIn: 'source-lens',
    make: (size) => repeatTo(unit, size),
  })),
];
