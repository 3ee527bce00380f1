// Realistic-but-nasty documents for the property tests and `npm run fuzz` (fast-check arbitraries):
// news-like paragraphs with quotes of every kind and reported speech, lists and block quotes nested, the
// same paragraph and boilerplate lines placed again inside list items and quotes (so the removal fixes
// have something to remove there), CRLF, emoji and ZWJ sequences, right-to-left text, a byte-order mark,
// unbalanced quotes and HTML comments; now and then a 20,000-deep nesting. Sizes stay small: a document
// is a handful of blocks, so thousands of them run in seconds.
import fc from 'fast-check';
import type { DocumentFormat } from '../../src/core/types';

export interface GeneratedDocument {
  text: string;
  format: DocumentFormat;
}

const NAMES = ['Maria Lopez', 'the minister', 'Dr. Okafor', 'a spokesperson', 'officials', 'Ана Петрова', 'محمد'];
const VERBS = ['said', 'told reporters', 'claimed', 'added', 'according to', 'insisted', 'wrote'];
const WORDS = [
  'the',
  'council',
  'budget',
  'rose',
  'by',
  '40%',
  'in',
  '2023',
  'costs',
  'fell',
  'sharply',
  'residents',
  'protested',
  'unemployment',
  'doubled',
  '😀',
  '👩‍👩‍👧',
  '🏳️‍🌈',
  'e\u0301',
  'שלום',
  'مرحبا',
  '\u200f',
  '\u200d',
  'naïve',
  '𝔘𝔫𝔦',
];
/** Paired and lone quote marks: straight, curly, guillemets, low-9, CJK corners. */
const QUOTES: [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ['‘', '’'],
  ['«', '»'],
  ['„', '“'],
  ['「', '」'],
  ['“', ''],
  ['', '”'],
  ["'", "'"],
];
const BOILERPLATE = [
  'Sign up for our newsletter',
  'All rights reserved.',
  'Share this article',
  'We use cookies to improve your experience.',
  'Skip to content',
  'You may also like',
  'Your email address will not be published. Required fields are marked *',
  'Story continues below advertisement',
];
/** Paragraphs long enough for the duplicate finder, placed more than once in a document. */
const REPEATED = [
  'The council approved a budget of 4.2 million dollars on Tuesday, the largest increase in a decade, after months of debate over school funding.',
  '“We will not raise taxes this year,” the mayor said, adding that the city’s reserves would cover the 12% shortfall until spring.',
  'Unemployment in the region doubled between 2019 and 2023, and more than 3,000 families now rely on food banks every week 😀👩‍👩‍👧.',
];

const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));

const sentence = fc.oneof(
  words.map((w) => `${w[0]?.toUpperCase() ?? ''}${w.slice(1)}.`),
  fc
    .tuple(fc.constantFrom(...QUOTES), words, fc.constantFrom(...NAMES), fc.constantFrom(...VERBS))
    .map(([[open, close], w, name, verb]) => `${open}${w},${close} ${name} ${verb}.`),
  fc
    .tuple(fc.constantFrom(...NAMES), fc.constantFrom(...VERBS), fc.constantFrom(...QUOTES), words)
    .map(([name, verb, [open, close], w]) => `${name} ${verb} ${open}${w}${close}`),
  fc.tuple(fc.constantFrom(...NAMES), words).map(([name, w]) => `According to ${name}, ${w}.`),
  fc.tuple(fc.constantFrom(...NAMES), words).map(([name, w]) => `${name} said that ${w}.`),
  words.map((w) => `${w} <!-- note ${w} -->`),
  words.map((w) => `${w} <!-- unclosed`),
);

const paragraph = fc.oneof(
  { weight: 4, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')) },
  { weight: 2, arbitrary: fc.constantFrom(...REPEATED) },
  { weight: 2, arbitrary: fc.constantFrom(...BOILERPLATE) },
  // Two lines of one paragraph (a soft break), the second a continuation.
  { weight: 1, arbitrary: fc.tuple(sentence, sentence).map(([a, b]) => `${a}\n${b}`) },
);

/** A block as lines: a container prefixes each of its lines. */
type Lines = string[];

const LIST_MARKERS = ['- ', '* ', '+ ', '1. ', '2) ', '10. '];

/** Markdown blocks, nested up to `depth` containers deep. */
const block: fc.Memo<Lines> = fc.memo((depth: number) => {
  const leaf = fc.oneof(
    { weight: 6, arbitrary: paragraph.map((p) => p.split('\n')) },
    { weight: 1, arbitrary: words.map((w) => [`## ${w}`]) },
    { weight: 1, arbitrary: words.map((w) => [`<!-- ${w} -->`]) },
  );
  if (depth <= 1) return leaf;
  const children = fc
    .array(block(depth - 1), { minLength: 1, maxLength: 3 })
    .chain((blocks) => fc.boolean().map((tight) => blocks.flatMap((b, i) => (i > 0 && !tight ? ['', ...b] : b))));
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('> ', '>', '>  '), children)
        .map(([marker, lines]) => lines.map((line) => (line === '' ? marker.trimEnd() : marker + line))),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...LIST_MARKERS), children).map(([marker, lines]) => {
        const indent = ' '.repeat(marker.length);
        return lines.map((line, i) => (i === 0 ? marker + line : line === '' ? '' : indent + line));
      }),
    },
  );
});

/** A nesting 20,000 deep: block quotes (the stack overflow), or a deep list. */
const deepNesting = fc.constantFrom(`${'>'.repeat(20000)} deep`, `${'  '.repeat(100)}- deep`);

/** Markdown blocks; `deepWeight` in 1,000 of them a 20,000-deep nesting (slow: seconds each). */
const markdownBody = (deepWeight: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof({ weight: 1000, arbitrary: block(4) }, { weight: deepWeight, arbitrary: deepNesting.map((d) => [d]) }),
      { minLength: 1, maxLength: 8 },
    )
    .chain((blocks) =>
      fc
        .array(fc.constantFrom('\n\n', '\n', '\n\n\n'), { minLength: blocks.length, maxLength: blocks.length })
        .map((separators) => blocks.map((b, i) => (i > 0 ? separators[i] : '') + b.join('\n')).join('')),
    );

const plainBody = fc
  .array(fc.oneof(paragraph, fc.constantFrom(...REPEATED), fc.constantFrom(...BOILERPLATE)), {
    minLength: 1,
    maxLength: 8,
  })
  .chain((paragraphs) => fc.constantFrom('\n\n', '\n').map((separator) => paragraphs.join(separator)));

/** A document: Markdown or plain text, with or without a BOM, LF or CRLF, with or without a final line break. */
export function documentArbitrary(options: { deepWeight?: number } = {}): fc.Arbitrary<GeneratedDocument> {
  const markdown = markdownBody(options.deepWeight ?? 0);
  return fc
    .tuple(
      fc.constantFrom<DocumentFormat>('markdown', 'markdown', 'plaintext'),
      fc.boolean(),
      fc.boolean(),
      fc.constantFrom('', '\n', '\n\n'),
    )
    .chain(([format, bom, crlf, tail]) =>
      (format === 'markdown' ? markdown : plainBody).map((body) => {
        let text = body + tail;
        if (crlf) text = text.replace(/\n/g, '\r\n');
        return { format, text: bom ? `\uFEFF${text}` : text };
      }),
    );
}
