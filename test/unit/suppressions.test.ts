// Inline control comments: every directive form in Markdown and plain text, code fences and code spans,
// unknown rules, exact offsets with CRLF and CR, the "mark as checked" edit and its round trip, and the
// promises the core keeps (never throws, linear time).
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { closestName } from '../../src/core/text/closest-name';
import { markCheckedEdit } from '../../src/core/report';
import { applySuppressions, SUPPRESSIBLE_RULES } from '../../src/core/rules';
import {
  blankDirectives,
  DEFAULT_PLAIN_TEXT_MARKER,
  parseSuppressions as readControlComments,
} from '../../src/core/structure';
import type { Analysis, DocumentFormat, RuleId, Span } from '../../src/core/types';
import { mulberry32 } from '../support/random';

/** The control comments of a text, read for the registry's suppressible rules (as the pipeline does). */
const parseSuppressions = (text: string, format: DocumentFormat, marker?: string) =>
  readControlComments(text, format, { rules: SUPPRESSIBLE_RULES, marker });

/** Offset of the `nth` occurrence of `needle`; fails the test when there is none. */
function at(text: string, needle: string, nth = 0): number {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `${JSON.stringify(needle)} #${nth} not in the text`);
  }
  return offset;
}

/** A one-character finding at the start of `needle`. */
const spanAt = (text: string, needle: string, nth = 0): Span => ({
  start: at(text, needle, nth),
  end: at(text, needle, nth) + 1,
});

/** Which of the lines marked with a word are suppressed for a rule: the words, in order. */
function suppressedWords(
  text: string,
  format: DocumentFormat,
  rule: RuleId,
  words: string[],
  marker?: string,
): string[] {
  const suppressions = parseSuppressions(text, format, marker);
  return words.filter((word) => suppressions.isSuppressed(rule, spanAt(text, word)));
}

function applyEdit(text: string, edit: { offset: number; insert: string }): string {
  return text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset);
}

/** Marks the finding at `span` as checked and parses the result: the finding (moved by the insert) must be silenced. */
function roundTrip(text: string, format: DocumentFormat, rule: RuleId, span: Span, marker?: string): string {
  const edit = markCheckedEdit(text, format, rule, span, marker);
  assert.ok(edit.offset <= span.start, 'the edit goes before the finding');
  const edited = applyEdit(text, edit);
  const moved = { start: span.start + edit.insert.length, end: span.end + edit.insert.length };
  const suppressions = parseSuppressions(edited, format, marker);
  assert.ok(suppressions.isSuppressed(rule, moved), `not silenced after the edit:\n${JSON.stringify(edited)}`);
  const before = parseSuppressions(text, format, marker);
  const where = JSON.stringify({ text, start: span.start, edited });
  assert.equal(suppressions.unknownRules.length, before.unknownRules.length, where);
  assert.equal(suppressions.directives.length, before.directives.length + 1, where);
  const other: RuleId = rule === 'boilerplate' ? 'unknown-speaker' : 'boilerplate';
  assert.equal(
    suppressions.isSuppressed(other, moved),
    before.isSuppressed(other, span),
    'only the named rule changes',
  );
  return edited;
}

describe('suppressions', () => {
  describe('Markdown', () => {
    it('disable … enable silences every rule between them, line by line', () => {
      const text = [
        'Alpha one.',
        '',
        '<!-- source-lens-disable -->',
        '',
        'Beta two.',
        '',
        'Gamma three.',
        '',
        '<!-- source-lens-enable -->',
        '',
        'Delta four.',
      ].join('\n');
      for (const rule of ['unattributed-claim', 'boilerplate', 'unknown-speaker'] as RuleId[]) {
        assert.deepEqual(suppressedWords(text, 'markdown', rule, ['Alpha', 'Beta', 'Gamma', 'Delta']), [
          'Beta',
          'Gamma',
        ]);
      }
    });

    it('a disable with no enable runs to the end of the text', () => {
      const text = 'Alpha.\n\n<!-- source-lens-disable boilerplate -->\n\nBeta.\n\nGamma.';
      assert.deepEqual(suppressedWords(text, 'markdown', 'boilerplate', ['Alpha', 'Beta', 'Gamma']), ['Beta', 'Gamma']);
      assert.ok(
        parseSuppressions(text, 'markdown').isSuppressed('boilerplate', { start: text.length - 1, end: text.length }),
      );
    });

    it('rule lists name rules, separated by spaces or commas; other rules are not touched', () => {
      const text = '<!-- source-lens-disable unattributed-claim  boilerplate,unknown-speaker -->\nAlpha.';
      const suppressions = parseSuppressions(text, 'markdown');
      const alpha = spanAt(text, 'Alpha');
      for (const rule of ['unattributed-claim', 'boilerplate', 'unknown-speaker'] as RuleId[])
        assert.ok(suppressions.isSuppressed(rule, alpha), rule);
      for (const rule of ['duplicate-passage', 'unbalanced-quote', 'anonymous-source'] as RuleId[])
        assert.ok(!suppressions.isSuppressed(rule, alpha), rule);
    });

    it('enable with a rule list ends only those rules, whichever disable started them', () => {
      const text = [
        '<!-- source-lens-disable -->',
        'Alpha.',
        '<!-- source-lens-enable boilerplate -->',
        'Beta.',
        '<!-- source-lens-disable boilerplate -->',
        'Gamma.',
        '<!-- source-lens-enable -->',
        'Delta.',
      ].join('\n');
      assert.deepEqual(suppressedWords(text, 'markdown', 'boilerplate', ['Alpha', 'Beta', 'Gamma', 'Delta']), [
        'Alpha',
        'Gamma',
      ]);
      assert.deepEqual(suppressedWords(text, 'markdown', 'unattributed-claim', ['Alpha', 'Beta', 'Gamma', 'Delta']), [
        'Alpha',
        'Beta',
        'Gamma',
      ]);
    });

    it('directives do not nest: a second disable changes nothing, one enable ends it', () => {
      const text =
        '<!-- source-lens-disable -->\n<!-- source-lens-disable -->\nAlpha.\n<!-- source-lens-enable -->\nBeta.\n<!-- source-lens-enable -->\nGamma.';
      assert.deepEqual(suppressedWords(text, 'markdown', 'boilerplate', ['Alpha', 'Beta', 'Gamma']), ['Alpha']);
    });

    it('an enable with nothing disabled is harmless', () => {
      const text = '<!-- source-lens-enable -->\nAlpha.';
      assert.deepEqual(suppressedWords(text, 'markdown', 'boilerplate', ['Alpha']), []);
      assert.equal(parseSuppressions(text, 'markdown').directives.length, 1);
    });

    it('disable and enable at the end of a text line cover and uncover that line', () => {
      const text = 'Alpha. <!-- source-lens-disable -->\nBeta.\nGamma. <!-- source-lens-enable -->\nDelta.';
      assert.deepEqual(suppressedWords(text, 'markdown', 'boilerplate', ['Alpha', 'Beta', 'Gamma', 'Delta']), [
        'Alpha',
        'Beta',
      ]);
    });

    it('disable-next-line covers the next line with content, all of it, and nothing after', () => {
      const text =
        'Alpha.\n\n<!-- source-lens-disable-next-line unattributed-claim -->\n\n   \nBeta starts here and\nruns on. Gamma.\nDelta.';
      assert.deepEqual(suppressedWords(text, 'markdown', 'unattributed-claim', ['Alpha', 'Beta', 'Gamma', 'Delta']), [
        'Beta',
      ]);
      const suppressions = parseSuppressions(text, 'markdown');
      // A multi-line finding counts by its start; its end may be anywhere.
      assert.ok(suppressions.isSuppressed('unattributed-claim', { start: at(text, 'here'), end: at(text, 'Delta') }));
      assert.ok(
        !suppressions.isSuppressed('unattributed-claim', { start: at(text, 'runs'), end: at(text, 'runs') + 4 }),
      );
      assert.ok(!suppressions.isSuppressed('boilerplate', spanAt(text, 'Beta')));
    });

    it('disable-next-line also covers a finding that starts on a line of only `>` before that line', () => {
      // In a paragraph, `    >` is text (remark reads it so): a sentence may start there.
      const text = 'Alpha. <!-- source-lens-disable-next-line unattributed-claim -->\n    >\n    >  Beta.\nGamma.';
      const suppressions = parseSuppressions(text, 'markdown');
      const markers = at(text, '    >');
      assert.ok(suppressions.isSuppressed('unattributed-claim', { start: markers, end: at(text, 'Beta') + 5 }));
      assert.ok(!suppressions.isSuppressed('unattributed-claim', spanAt(text, 'Alpha')));
      assert.ok(!suppressions.isSuppressed('unattributed-claim', spanAt(text, 'Gamma')));
    });

    it('disable-next-line at the end of a text line covers the line after it', () => {
      const text = 'Alpha. <!-- source-lens-disable-next-line -->\nBeta.\nGamma.';
      assert.deepEqual(suppressedWords(text, 'markdown', 'unknown-speaker', ['Alpha', 'Beta', 'Gamma']), ['Beta']);
    });

    it('stacked disable-next-line directives all reach the same line', () => {
      const text = [
        '<!-- source-lens-disable-next-line unattributed-claim -->',
        '<!-- source-lens-disable-next-line boilerplate -->',
        '<!-- an ordinary comment -->',
        'Alpha.',
        'Beta.',
      ].join('\n');
      assert.deepEqual(suppressedWords(text, 'markdown', 'unattributed-claim', ['Alpha', 'Beta']), ['Alpha']);
      assert.deepEqual(suppressedWords(text, 'markdown', 'boilerplate', ['Alpha', 'Beta']), ['Alpha']);
    });

    it('disable-next-line inside a block quote skips the quote markers of blank lines', () => {
      const text = '> Alpha.\n>\n> <!-- source-lens-disable-next-line anonymous-source -->\n>\n> Beta.\n> Gamma.';
      assert.deepEqual(suppressedWords(text, 'markdown', 'anonymous-source', ['Alpha', 'Beta', 'Gamma']), ['Beta']);
    });

    it('disable-next-line at the end of the text silences nothing', () => {
      const text = 'Alpha.\n<!-- source-lens-disable-next-line -->\n\n';
      assert.deepEqual(suppressedWords(text, 'markdown', 'boilerplate', ['Alpha']), []);
      assert.equal(parseSuppressions(text, 'markdown').directives.length, 1);
    });

    it('disable-line covers its own line only', () => {
      const text = 'Alpha.\nBeta. <!-- source-lens-disable-line duplicate-passage -->\nGamma.';
      assert.deepEqual(suppressedWords(text, 'markdown', 'duplicate-passage', ['Alpha', 'Beta', 'Gamma']), ['Beta']);
      assert.deepEqual(suppressedWords(text, 'markdown', 'boilerplate', ['Alpha', 'Beta', 'Gamma']), []);
    });

    it('a comment over several lines is one directive: its lines, and the line after its end', () => {
      const text =
        'Alpha <!-- source-lens-disable-line\n  unattributed-claim\n-->\nBeta.\n<!--\n  source-lens-disable-next-line\n  boilerplate\n-->\nGamma.\nDelta.';
      const suppressions = parseSuppressions(text, 'markdown');
      assert.equal(suppressions.directives.length, 2);
      assert.ok(suppressions.isSuppressed('unattributed-claim', spanAt(text, 'Alpha')));
      assert.ok(suppressions.isSuppressed('unattributed-claim', spanAt(text, 'unattributed-claim')));
      assert.ok(!suppressions.isSuppressed('unattributed-claim', spanAt(text, 'Beta')));
      assert.deepEqual(suppressedWords(text, 'markdown', 'boilerplate', ['Alpha', 'Beta', 'Gamma', 'Delta']), [
        'Gamma',
      ]);
    });

    it('disable-file works from anywhere, with or without rules, and an enable does not end it', () => {
      const text =
        'Alpha.\n\nBeta.\n<!-- source-lens-enable -->\n\nGamma. <!-- source-lens-disable-file boilerplate -->';
      assert.deepEqual(suppressedWords(text, 'markdown', 'boilerplate', ['Alpha', 'Beta', 'Gamma']), [
        'Alpha',
        'Beta',
        'Gamma',
      ]);
      assert.deepEqual(suppressedWords(text, 'markdown', 'unattributed-claim', ['Alpha', 'Beta', 'Gamma']), []);
      const all = 'Alpha.\n\n<!-- source-lens-disable-file -->\n';
      for (const rule of [
        'unattributed-claim',
        'duplicate-passage',
        'boilerplate',
        'unbalanced-quote',
        'anonymous-source',
        'unknown-speaker',
      ] as RuleId[]) {
        assert.ok(parseSuppressions(all, 'markdown').isSuppressed(rule, { start: 0, end: 1 }), rule);
      }
    });

    it('a reason after `--` is ignored', () => {
      const text =
        '<!-- source-lens-disable-next-line unattributed-claim -- checked with the ministry, 3 May -->\nAlpha.';
      const suppressions = parseSuppressions(text, 'markdown');
      assert.ok(suppressions.isSuppressed('unattributed-claim', spanAt(text, 'Alpha')));
      assert.ok(!suppressions.isSuppressed('boilerplate', spanAt(text, 'Alpha')));
      assert.deepEqual(suppressions.unknownRules, []);
    });

    it('lists each directive span exactly', () => {
      const text =
        'Alpha <!-- source-lens-disable-line --> and <!-- a note --> <!--source-lens-disable-file boilerplate-->';
      const first = '<!-- source-lens-disable-line -->';
      const second = '<!--source-lens-disable-file boilerplate-->';
      assert.deepEqual(parseSuppressions(text, 'markdown').directives, [
        { start: at(text, first), end: at(text, first) + first.length },
        { start: at(text, second), end: at(text, second) + second.length },
      ]);
    });

    it('ignores near misses: other comments, other prefixes, misspelt keywords, the plain-text marker', () => {
      const text = [
        '<!-- source-lens disable -->',
        '<!-- markdownlint-disable -->',
        '<!-- source-lens-disabled -->',
        '<!-- source-lens-disable-lines -->',
        '<!-- Source-Lens-Disable -->',
        'source-lens: disable',
        '<!- source-lens-disable -->',
        'Alpha.',
      ].join('\n');
      const suppressions = parseSuppressions(text, 'markdown');
      assert.deepEqual(suppressions.directives, []);
      assert.ok(!suppressions.isSuppressed('boilerplate', spanAt(text, 'Alpha')));
    });

    it('comments in fenced code do not count, with ``` or ~~~, info strings and longer closing fences', () => {
      const text = [
        '```markdown',
        '<!-- source-lens-disable -->',
        '```',
        'Alpha.',
        '~~~~',
        '<!-- source-lens-disable-file -->',
        '~~~',
        '<!-- source-lens-disable-next-line -->',
        '~~~~~',
        'Beta.',
        '- ```',
        '  <!-- source-lens-disable -->',
        '  ```',
        'Gamma.',
      ].join('\n');
      const suppressions = parseSuppressions(text, 'markdown');
      assert.deepEqual(suppressions.directives, []);
      for (const word of ['Alpha', 'Beta', 'Gamma'])
        assert.ok(!suppressions.isSuppressed('boilerplate', spanAt(text, word)), word);
    });

    it('an unclosed fence runs to the end; a fence in a block quote ends with the quote', () => {
      const unclosed = 'Alpha.\n```\n<!-- source-lens-disable-file -->\n';
      assert.deepEqual(parseSuppressions(unclosed, 'markdown').directives, []);
      const quoted =
        '> ```\n> <!-- source-lens-disable-file unknown-speaker -->\nAlpha. <!-- source-lens-disable-line boilerplate -->';
      const suppressions = parseSuppressions(quoted, 'markdown');
      assert.equal(suppressions.directives.length, 1);
      assert.ok(suppressions.isSuppressed('boilerplate', spanAt(quoted, 'Alpha')));
      assert.ok(!suppressions.isSuppressed('unknown-speaker', spanAt(quoted, 'Alpha')));
    });

    it('a fence-like run with a backtick in its info string is inline code, not a fence', () => {
      const text = '```not`a fence```\n<!-- source-lens-disable-next-line -->\nAlpha.';
      assert.ok(parseSuppressions(text, 'markdown').isSuppressed('boilerplate', spanAt(text, 'Alpha')));
    });

    it('comments in inline code spans do not count; the line goes on after the span', () => {
      const text = [
        'Write `<!-- source-lens-disable -->` to silence findings.',
        'Or ``<!-- source-lens-disable-file -->``. Or `` ` `` <!-- source-lens-disable-line boilerplate -->',
        'An unmatched ` backtick <!-- source-lens-disable-line unknown-speaker -->',
        'Alpha.',
      ].join('\n');
      const suppressions = parseSuppressions(text, 'markdown');
      assert.equal(suppressions.directives.length, 2);
      assert.ok(suppressions.isSuppressed('boilerplate', spanAt(text, 'Or ')));
      assert.ok(suppressions.isSuppressed('unknown-speaker', spanAt(text, 'An unmatched')));
      assert.ok(!suppressions.isSuppressed('boilerplate', spanAt(text, 'Alpha')));
      assert.ok(!suppressions.isSuppressed('boilerplate', spanAt(text, 'Write')));
    });

    it('a directive inside another comment is commented out (HTML comments do not nest)', () => {
      const text = '<!--\n<!-- source-lens-disable-file -->\n\nAlpha.\n<!-- source-lens-disable-next-line -->\nBeta.';
      const suppressions = parseSuppressions(text, 'markdown');
      assert.equal(suppressions.directives.length, 1);
      assert.ok(!suppressions.isSuppressed('boilerplate', spanAt(text, 'Alpha')));
      assert.ok(suppressions.isSuppressed('boilerplate', spanAt(text, 'Beta')));
    });

    it('after an unclosed comment nothing counts', () => {
      const text =
        '<!-- source-lens-disable-line -->Alpha.\n<!-- forgot to close\n<!-- source-lens-disable-file -->\nBeta.';
      // `<!-- forgot to close\n<!-- source-lens-disable-file -->` is one comment; the directive is its text.
      const suppressions = parseSuppressions(text, 'markdown');
      assert.equal(suppressions.directives.length, 1);
      assert.ok(suppressions.isSuppressed('boilerplate', spanAt(text, 'Alpha')));
      assert.ok(!suppressions.isSuppressed('boilerplate', spanAt(text, 'Beta')));
      const open = 'Alpha.\n<!-- source-lens-disable-file\nBeta.';
      assert.deepEqual(parseSuppressions(open, 'markdown').directives, []);
    });

    it('a comment begun in a block quote ends with the quote, as remark ends its HTML block', () => {
      const text = '> <!-- forgot to close\n> still the comment\n\n<!-- source-lens-disable-next-line -->\nAlpha.';
      const suppressions = parseSuppressions(text, 'markdown');
      assert.equal(suppressions.directives.length, 1);
      assert.ok(suppressions.isSuppressed('boilerplate', spanAt(text, 'Alpha')));
      // Inside the quote it is still open: a directive there is its text.
      const inside = '> <!-- forgot to close\n> <!-- source-lens-disable-file -->\n\nAlpha.';
      assert.equal(parseSuppressions(inside, 'markdown').directives.length, 0);
    });

    it('an unclosed `<!--` after other text is text (inline HTML closes within its paragraph or not at all)', () => {
      const text = 'Alpha <!-- not a comment\n\n<!-- source-lens-disable-next-line -->\nBeta.';
      const suppressions = parseSuppressions(text, 'markdown');
      assert.equal(suppressions.directives.length, 1);
      assert.ok(suppressions.isSuppressed('boilerplate', spanAt(text, 'Beta')));
      // Closed within the paragraph, on a later line, it is a comment, and a directive inside it is its text.
      const closed = 'Alpha <!-- a comment\nb <!-- source-lens-disable-file --> Beta.';
      assert.equal(parseSuppressions(closed, 'markdown').directives.length, 0);
      // A line that starts a block (here an HTML block) ends the paragraph first: the `<!--` above is text.
      const interrupted = 'Alpha <!-- text\n<!-- source-lens-disable-line --> Beta.';
      assert.ok(parseSuppressions(interrupted, 'markdown').isSuppressed('boilerplate', spanAt(interrupted, 'Beta')));
      // The same text in a later paragraph does not close it.
      const later = 'Alpha <!-- text\n\nBeta <!-- source-lens-disable-line --> Gamma.';
      assert.ok(parseSuppressions(later, 'markdown').isSuppressed('boilerplate', spanAt(later, 'Gamma')));
    });

    it('lists unknown rule names with their places; a directive naming only unknown rules silences nothing', () => {
      const text =
        '<!-- source-lens-disable-next-line unatributed-claim,boilerplate internal-error -->\nAlpha.\n<!-- source-lens-disable-file nothing-here -->';
      const suppressions = parseSuppressions(text, 'markdown');
      assert.deepEqual(suppressions.unknownRules, [
        {
          ruleId: 'unatributed-claim',
          start: at(text, 'unatributed-claim'),
          end: at(text, 'unatributed-claim') + 'unatributed-claim'.length,
        },
        {
          ruleId: 'internal-error',
          start: at(text, 'internal-error'),
          end: at(text, 'internal-error') + 'internal-error'.length,
        },
        {
          ruleId: 'nothing-here',
          start: at(text, 'nothing-here'),
          end: at(text, 'nothing-here') + 'nothing-here'.length,
        },
      ]);
      assert.ok(suppressions.isSuppressed('boilerplate', spanAt(text, 'Alpha')));
      assert.ok(!suppressions.isSuppressed('unattributed-claim', spanAt(text, 'Alpha')));
      assert.ok(
        !suppressions.isSuppressed('unknown-speaker', { start: 0, end: 1 }),
        'disable-file with only unknown rules',
      );
    });

    it('never silences the tool’s own messages', () => {
      const text = '<!-- source-lens-disable -->\n<!-- source-lens-disable-file -->\nAlpha.';
      const suppressions = parseSuppressions(text, 'markdown');
      for (const rule of ['input-too-large', 'internal-error'] as RuleId[])
        assert.ok(!suppressions.isSuppressed(rule, { start: 0, end: 1 }));
    });

    it('knows only the rule names it is given (the rules stage says which rules exist)', () => {
      const text = '<!-- source-lens-disable-next-line boilerplate -->\nAlpha.';
      assert.ok(
        readControlComments(text, 'markdown', { rules: ['boilerplate'] }).isSuppressed(
          'boilerplate',
          spanAt(text, 'Alpha'),
        ),
      );
      const none = readControlComments(text, 'markdown', { rules: [] });
      assert.deepEqual(
        none.unknownRules.map((unknown) => unknown.ruleId),
        ['boilerplate'],
      );
      assert.ok(!none.isSuppressed('boilerplate', spanAt(text, 'Alpha')));
    });
  });

  describe('plain text', () => {
    it('reads every directive after the default marker, indented or not', () => {
      const text = [
        'Alpha.',
        'source-lens: disable boilerplate',
        'Beta.',
        '   source-lens: enable',
        'Gamma.',
        '\tsource-lens:disable-next-line   unattributed-claim, boilerplate',
        '',
        'Delta.',
        'Epsilon.',
        'source-lens: disable-file unknown-speaker',
      ].join('\n');
      const words = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
      assert.deepEqual(suppressedWords(text, 'plaintext', 'boilerplate', words), ['Beta', 'Delta']);
      assert.deepEqual(suppressedWords(text, 'plaintext', 'unattributed-claim', words), ['Delta']);
      assert.deepEqual(suppressedWords(text, 'plaintext', 'unknown-speaker', words), words);
      assert.deepEqual(suppressedWords(text, 'plaintext', 'anonymous-source', words), []);
      assert.equal(DEFAULT_PLAIN_TEXT_MARKER, 'source-lens:');
    });

    it('directive spans start at the marker and leave out trailing spaces', () => {
      const text = 'Alpha.\n  source-lens: disable-next-line  \nBeta.';
      const directive = 'source-lens: disable-next-line';
      assert.deepEqual(parseSuppressions(text, 'plaintext').directives, [
        { start: at(text, directive), end: at(text, directive) + directive.length },
      ]);
    });

    it('stacked marker lines all reach the next line of text', () => {
      const text =
        'source-lens: disable-next-line unattributed-claim\nsource-lens: disable-next-line boilerplate\nAlpha.\nBeta.';
      assert.deepEqual(suppressedWords(text, 'plaintext', 'unattributed-claim', ['Alpha', 'Beta']), ['Alpha']);
      assert.deepEqual(suppressedWords(text, 'plaintext', 'boilerplate', ['Alpha', 'Beta']), ['Alpha']);
    });

    it('takes a configured marker, and then not the default one', () => {
      const text = '# sl disable-next-line boilerplate\nAlpha.\nsource-lens: disable-next-line boilerplate\nBeta.';
      assert.deepEqual(suppressedWords(text, 'plaintext', 'boilerplate', ['Alpha', 'Beta'], '# sl'), ['Alpha']);
      assert.deepEqual(suppressedWords(text, 'plaintext', 'boilerplate', ['Alpha', 'Beta']), ['Beta']);
      assert.deepEqual(
        suppressedWords(text, 'plaintext', 'boilerplate', ['Alpha', 'Beta'], '   '),
        ['Beta'],
        'a blank marker means the default',
      );
    });

    it('ignores markers in mid-line, Markdown comments, misspelt keywords', () => {
      const text =
        'Alpha says source-lens: disable-file\n<!-- source-lens-disable-file -->\nsource-lens: disabled\nsource-lens: source-lens-disable\nBeta.';
      const suppressions = parseSuppressions(text, 'plaintext');
      assert.deepEqual(suppressions.directives, []);
      assert.ok(!suppressions.isSuppressed('boilerplate', spanAt(text, 'Beta')));
    });

    it('lists unknown rules', () => {
      const text = 'source-lens: disable-next-line claims boilerplate\nAlpha.';
      const suppressions = parseSuppressions(text, 'plaintext');
      assert.deepEqual(suppressions.unknownRules, [
        { ruleId: 'claims', start: at(text, 'claims'), end: at(text, 'claims') + 6 },
      ]);
      assert.ok(suppressions.isSuppressed('boilerplate', spanAt(text, 'Alpha')));
    });
  });

  describe('line endings', () => {
    it('CRLF: regions and spans are exact offsets', () => {
      const text = 'Alpha.\r\n\r\n<!-- source-lens-disable-next-line -->\r\nBeta.\r\nGamma.\r\n';
      const suppressions = parseSuppressions(text, 'markdown');
      const beta = at(text, 'Beta');
      const gamma = at(text, 'Gamma');
      assert.ok(!suppressions.isSuppressed('boilerplate', { start: beta - 1, end: beta }), 'the \\n before the line');
      assert.ok(suppressions.isSuppressed('boilerplate', { start: beta, end: beta + 1 }));
      assert.ok(suppressions.isSuppressed('boilerplate', { start: gamma - 1, end: gamma }), 'the line’s own \\n');
      assert.ok(!suppressions.isSuppressed('boilerplate', { start: gamma, end: gamma + 1 }));
      const directive = '<!-- source-lens-disable-next-line -->';
      assert.deepEqual(suppressions.directives, [
        { start: at(text, directive), end: at(text, directive) + directive.length },
      ]);
    });

    it('CRLF in plain text, with an unknown rule at its exact offset', () => {
      const text =
        'Alpha.\r\nsource-lens: disable-next-line nope\r\nsource-lens: disable-next-line boilerplate\r\nBeta.\r\nGamma.';
      const suppressions = parseSuppressions(text, 'plaintext');
      assert.deepEqual(suppressions.unknownRules, [
        { ruleId: 'nope', start: at(text, 'nope'), end: at(text, 'nope') + 4 },
      ]);
      assert.deepEqual(suppressedWords(text, 'plaintext', 'boilerplate', ['Alpha', 'Beta', 'Gamma']), ['Beta']);
      assert.equal(suppressions.directives[1].end, at(text, 'boilerplate') + 'boilerplate'.length);
    });

    it('a lone CR ends a line too', () => {
      const text = 'Alpha.\r<!-- source-lens-disable-next-line -->\r\rBeta.\rGamma.';
      assert.deepEqual(suppressedWords(text, 'markdown', 'boilerplate', ['Alpha', 'Beta', 'Gamma']), ['Beta']);
      const plain = 'Alpha.\rsource-lens: disable-line\rsource-lens: disable-next-line\rBeta.\rGamma.';
      assert.deepEqual(suppressedWords(plain, 'plaintext', 'boilerplate', ['Alpha', 'Beta', 'Gamma']), ['Beta']);
    });

    it('emoji and other astral characters keep UTF-16 offsets', () => {
      const text =
        '😀 <!-- source-lens-disable-line -->\n🇺🇦 Alpha <!-- source-lens-disable-next-line unknown-speaker 😀 -->\nBeta.';
      const suppressions = parseSuppressions(text, 'markdown');
      assert.deepEqual(suppressions.unknownRules, [
        { ruleId: '😀', start: at(text, '😀', 1), end: at(text, '😀', 1) + 2 },
      ]);
      assert.ok(suppressions.isSuppressed('boilerplate', { start: 0, end: 2 }));
      assert.ok(suppressions.isSuppressed('unknown-speaker', spanAt(text, 'Beta')));
    });
  });

  describe('markCheckedEdit', () => {
    const comment = '<!-- source-lens-disable-next-line unattributed-claim -->';

    it('Markdown: a comment line before the paragraph, at the line’s start', () => {
      const text = 'Intro.\n\nThe rate rose to 9% in 2023.\n';
      const span = spanAt(text, 'The rate');
      assert.deepEqual(markCheckedEdit(text, 'markdown', 'unattributed-claim', span), {
        offset: at(text, 'The rate'),
        insert: `${comment}\n`,
      });
      assert.equal(
        roundTrip(text, 'markdown', 'unattributed-claim', span),
        `Intro.\n\n${comment}\nThe rate rose to 9% in 2023.\n`,
      );
    });

    it('Markdown: a finding in mid-line goes by its line; the first line of the text works', () => {
      const text = 'Officials met. The rate rose to 9%.';
      assert.deepEqual(markCheckedEdit(text, 'markdown', 'unattributed-claim', spanAt(text, 'The rate')), {
        offset: 0,
        insert: `${comment}\n`,
      });
      roundTrip(text, 'markdown', 'unattributed-claim', spanAt(text, 'The rate'));
    });

    it('keeps the document’s line ending: CRLF and CR', () => {
      const crlf = 'Intro.\r\n\r\n  The rate rose.\r\n';
      assert.deepEqual(markCheckedEdit(crlf, 'markdown', 'unattributed-claim', spanAt(crlf, 'The')), {
        offset: at(crlf, '  The'),
        insert: `  ${comment}\r\n`,
      });
      roundTrip(crlf, 'markdown', 'unattributed-claim', spanAt(crlf, 'The'));
      const cr = 'Intro.\r\rThe rate rose.';
      assert.deepEqual(markCheckedEdit(cr, 'markdown', 'unattributed-claim', spanAt(cr, 'The')), {
        offset: at(cr, 'The'),
        insert: `${comment}\r`,
      });
      roundTrip(cr, 'markdown', 'unattributed-claim', spanAt(cr, 'The'));
      // A one-line CRLF text: the line's own ending.
      const one = 'The rate rose.\r\n';
      assert.equal(markCheckedEdit(one, 'markdown', 'unattributed-claim', spanAt(one, 'The')).insert, `${comment}\r\n`);
    });

    it('Markdown block quote: the comment line carries the `>` markers and stays in the quote', () => {
      const text = 'Intro.\n\n> First.\n>\n> > The rate rose.\n';
      const edit = markCheckedEdit(text, 'markdown', 'unattributed-claim', spanAt(text, 'The'));
      assert.deepEqual(edit, { offset: at(text, '> > The'), insert: `> > ${comment}\n` });
      roundTrip(text, 'markdown', 'unattributed-claim', spanAt(text, 'The'));
    });

    it('Markdown list item: the comment takes the item’s indentation, before its marker', () => {
      const text = '- One.\n\n  - The rate rose.\n';
      assert.deepEqual(markCheckedEdit(text, 'markdown', 'unattributed-claim', spanAt(text, 'The')), {
        offset: at(text, '  - The'),
        insert: `  ${comment}\n`,
      });
      roundTrip(text, 'markdown', 'unattributed-claim', spanAt(text, 'The'));
    });

    it('Markdown continuation line: the directive is appended to the line before, so the paragraph stays whole', () => {
      const text = 'Officials met on Monday.\nThe rate rose to 9%.\n';
      assert.deepEqual(markCheckedEdit(text, 'markdown', 'unattributed-claim', spanAt(text, 'The')), {
        offset: at(text, '\nThe'),
        insert: ` ${comment}`,
      });
      assert.equal(
        roundTrip(text, 'markdown', 'unattributed-claim', spanAt(text, 'The')),
        `Officials met on Monday. ${comment}\nThe rate rose to 9%.\n`,
      );
      for (const [before, after] of [
        ['- Item one\n  continues. The rate rose.', '- Item one <!--'],
        ['> Quoted\n> The rate rose.', '> Quoted <!--'],
        ['1. One\n2. The rate rose.', '1. One <!--'],
      ]) {
        assert.ok(roundTrip(before, 'markdown', 'unattributed-claim', spanAt(before, 'The')).startsWith(after), before);
      }
    });

    it('Markdown continuation line: a hard line break (two spaces or a backslash) survives', () => {
      const spaces = 'Officials met.  \nThe rate rose.';
      assert.equal(
        roundTrip(spaces, 'markdown', 'unattributed-claim', spanAt(spaces, 'The')),
        `Officials met. ${comment}  \nThe rate rose.`,
      );
      const backslash = 'Officials met.\\\r\nThe rate rose.';
      assert.equal(
        roundTrip(backslash, 'markdown', 'unattributed-claim', spanAt(backslash, 'The')),
        `Officials met. ${comment}\\\r\nThe rate rose.`,
      );
      const escaped = 'A path C:\\\\\nThe rate rose.';
      assert.equal(
        roundTrip(escaped, 'markdown', 'unattributed-claim', spanAt(escaped, 'The')),
        `A path C:\\\\ ${comment}\nThe rate rose.`,
      );
    });

    it('Markdown: after a heading, a rule, a fence or a comment, a line of its own', () => {
      for (const before of [
        '# Title',
        '---',
        '```\ncode\n```',
        '<!-- note -->',
        '<!-- source-lens-disable-next-line boilerplate -->',
      ]) {
        const text = `${before}\nThe rate rose.`;
        assert.deepEqual(
          markCheckedEdit(text, 'markdown', 'unattributed-claim', spanAt(text, 'The')),
          { offset: at(text, 'The rate'), insert: `${comment}\n` },
          before,
        );
        roundTrip(text, 'markdown', 'unattributed-claim', spanAt(text, 'The'));
      }
    });

    it('Markdown: a line that ends a comment begun above gets the directive before that comment', () => {
      const inline = 'Officials met <!-- a note\nthat runs on --> The rate rose.';
      assert.deepEqual(markCheckedEdit(inline, 'markdown', 'unattributed-claim', spanAt(inline, 'The')), {
        offset: at(inline, '<!--'),
        insert: comment,
      });
      roundTrip(inline, 'markdown', 'unattributed-claim', spanAt(inline, 'The'));
      const block = 'Intro.\r\n\r\n> <!-- a note\r\n> that runs on --> The rate rose.';
      assert.deepEqual(markCheckedEdit(block, 'markdown', 'unattributed-claim', spanAt(block, 'The')), {
        offset: at(block, '> <!--'),
        insert: `> ${comment}\r\n`,
      });
      roundTrip(block, 'markdown', 'unattributed-claim', spanAt(block, 'The'));
    });

    it('Markdown: after a line with an inline comment, still appended (the paragraph goes on)', () => {
      const text = 'Officials met. <!-- note -->\nThe rate rose.';
      assert.equal(
        roundTrip(text, 'markdown', 'unattributed-claim', spanAt(text, 'The')),
        `Officials met. <!-- note --> ${comment}\nThe rate rose.`,
      );
    });

    it('Markdown: after a line with an unclosed `<!--` (text), the directive goes before it, so it stays text', () => {
      const text = 'Officials met <!-- forgot to close\nThe rate rose.';
      assert.equal(
        roundTrip(text, 'markdown', 'unattributed-claim', spanAt(text, 'The')),
        `Officials met ${comment} <!-- forgot to close\nThe rate rose.`,
      );
    });

    it('stacks on an existing directive for another rule; both rules are then silenced', () => {
      const text = '<!-- source-lens-disable-next-line boilerplate -->\nThe rate rose.';
      const edited = roundTrip(text, 'markdown', 'unattributed-claim', spanAt(text, 'The'));
      assert.ok(parseSuppressions(edited, 'markdown').isSuppressed('boilerplate', spanAt(edited, 'The')));
    });

    it('a byte-order mark stays first', () => {
      const text = '\uFEFFThe rate rose.';
      assert.deepEqual(markCheckedEdit(text, 'markdown', 'unattributed-claim', spanAt(text, 'The')), {
        offset: 1,
        insert: `${comment}\n`,
      });
      roundTrip(text, 'markdown', 'unattributed-claim', spanAt(text, 'The'));
    });

    it('plain text: a marker line with the line’s indentation, the line ending and the configured marker', () => {
      const text = 'Intro.\r\n    The rate rose.\r\n';
      assert.deepEqual(markCheckedEdit(text, 'plaintext', 'unattributed-claim', spanAt(text, 'The')), {
        offset: at(text, '    The'),
        insert: '    source-lens: disable-next-line unattributed-claim\r\n',
      });
      assert.equal(
        roundTrip(text, 'plaintext', 'unattributed-claim', spanAt(text, 'The')),
        'Intro.\r\n    source-lens: disable-next-line unattributed-claim\r\n    The rate rose.\r\n',
      );
      assert.equal(
        roundTrip(text, 'plaintext', 'boilerplate', spanAt(text, 'The'), '#sl:'),
        'Intro.\r\n    #sl: disable-next-line boilerplate\r\n    The rate rose.\r\n',
      );
      const continuation = 'Officials met on Monday and\nthe rate rose.';
      roundTrip(continuation, 'plaintext', 'unattributed-claim', spanAt(continuation, 'the rate'));
    });

    it('a multi-line finding is silenced by its first line', () => {
      const text = 'Intro.\n\nThe rate\nrose to 9%.';
      const edit = markCheckedEdit(text, 'markdown', 'unattributed-claim', {
        start: at(text, 'The'),
        end: text.length,
      });
      const edited = applyEdit(text, edit);
      assert.ok(
        parseSuppressions(edited, 'markdown').isSuppressed('unattributed-claim', {
          start: at(edited, 'The'),
          end: edited.length,
        }),
      );
    });

    it('a rule that cannot be silenced gives an empty insert; odd spans do not throw', () => {
      assert.deepEqual(markCheckedEdit('Alpha.\nBeta.', 'markdown', 'internal-error', { start: 8, end: 9 }), {
        offset: 7,
        insert: '',
      });
      for (const span of [
        { start: -5, end: 0 },
        { start: 1e9, end: 1e9 },
        { start: Number.NaN, end: 0 },
        null as unknown as Span,
      ]) {
        for (const format of ['markdown', 'plaintext'] as DocumentFormat[]) {
          const edit = markCheckedEdit('Alpha.\nBeta.', format, 'boilerplate', span);
          assert.ok(edit.offset >= 0 && edit.offset <= 12);
        }
      }
      assert.deepEqual(markCheckedEdit('', 'plaintext', 'boilerplate', { start: 0, end: 0 }), {
        offset: 0,
        insert: 'source-lens: disable-next-line boilerplate\n',
      });
    });
  });

  describe('blankDirectives and applySuppressions', () => {
    it('blanks directive text to spaces, keeping length and line breaks', () => {
      const text = 'Alpha.\nsource-lens: disable-next-line\nBeta.\n<!-- x\r\n-->';
      const suppressions = parseSuppressions(text, 'plaintext');
      const blanked = blankDirectives(text, suppressions.directives);
      assert.equal(blanked.length, text.length);
      assert.equal(blanked, `Alpha.\n${' '.repeat('source-lens: disable-next-line'.length)}\nBeta.\n<!-- x\r\n-->`);
      assert.equal(
        blankDirectives('<!-- source-lens-disable\r\n-->x', [{ start: 0, end: 29 }]),
        `${' '.repeat(24)}\r\n   x`,
      );
      assert.equal(blankDirectives('abc', [{ start: 2, end: 9 }]), 'abc', 'a span out of range is skipped');
    });

    it('filters messages and the claim, duplicate and boilerplate lists alike', () => {
      const text = 'Alpha.\n<!-- source-lens-disable-next-line unattributed-claim boilerplate -->\nBeta.\nGamma.';
      const beta = spanAt(text, 'Beta');
      const gamma = spanAt(text, 'Gamma');
      const message = (ruleId: RuleId, span: Span) => ({
        ruleId,
        reason: '',
        severity: 'info' as const,
        url: '',
        ...span,
      });
      const of = { start: 0, end: 1, path: '' };
      const analysis = {
        claims: [beta, gamma].map((s) => ({ ...s, sentence: 0, sentenceSpan: s, score: 1, reasons: [] })),
        duplicates: [beta, gamma].map((s) => ({ ...s, similarity: 1, of })),
        boilerplate: [beta, gamma].map((s) => ({ ...s, reason: 'copyright' as const })),
        messages: [
          message('unattributed-claim', beta),
          message('duplicate-passage', beta),
          message('boilerplate', beta),
          message('unattributed-claim', gamma),
        ],
      } as unknown as Analysis;
      const filtered = applySuppressions(analysis, parseSuppressions(text, 'markdown'));
      assert.deepEqual(
        filtered.claims.map((c) => c.start),
        [gamma.start],
      );
      assert.deepEqual(
        filtered.duplicates.map((d) => d.start),
        [beta.start, gamma.start],
      );
      assert.deepEqual(
        filtered.boilerplate.map((b) => b.start),
        [gamma.start],
      );
      assert.deepEqual(
        filtered.messages.map((m) => `${m.ruleId}@${m.start}`),
        [`duplicate-passage@${beta.start}`, `unattributed-claim@${gamma.start}`],
      );
      assert.equal(
        applySuppressions(analysis, parseSuppressions('no directives', 'markdown')),
        analysis,
        'unchanged without directives',
      );
    });
  });

  describe('unknown rule names', () => {
    const spanOf = (m: Span): Span => ({ start: m.start, end: m.end });
    const wordAt = (text: string, word: string): Span => ({ start: at(text, word), end: at(text, word) + word.length });
    it('reports a misspelt rule where it is written, suggests the rule meant, and still reports what it failed to silence', () => {
      const text =
        '<!-- source-lens-disable-next-line unatributed-claim -->\nThe ministry spent 40 million dollars on the bridge in 2019.';
      const analysis = analyze(text, { format: 'markdown' });
      const unknown = analysis.messages.filter((m) => m.ruleId === 'unknown-rule');
      assert.equal(unknown.length, 1);
      assert.deepEqual(spanOf(unknown[0]), wordAt(text, 'unatributed-claim'));
      assert.deepEqual(unknown[0].expected, ['unattributed-claim']);
      assert.equal(unknown[0].severity, 'warning');
      assert.match(
        unknown[0].reason,
        /“unatributed-claim” is not a Source Lens rule.*Did you mean “unattributed-claim”\?/,
      );
      assert.ok(
        analysis.messages.some((m) => m.ruleId === 'unattributed-claim'),
        'the claim is still reported',
      );
    });

    it('lists the rules instead of guessing when no name is close, in plain text too', () => {
      const text =
        'source-lens: disable-next-line claims\nThe ministry spent 40 million dollars on the bridge in 2019.';
      const [unknown] = analyze(text, { format: 'plaintext' }).messages.filter((m) => m.ruleId === 'unknown-rule');
      assert.deepEqual(spanOf(unknown), wordAt(text, 'claims'));
      assert.equal(unknown.expected, undefined);
      assert.match(unknown.reason, /Rules: unattributed-claim, duplicate-passage, boilerplate/);
    });

    it('cannot itself be silenced, and known names give no such message', () => {
      const text =
        '<!-- source-lens-disable-file -->\n<!-- source-lens-disable boilerplat -->\n<!-- source-lens-enable boilerplate -->\nText.';
      const messages = analyze(text, { format: 'markdown' }).messages;
      assert.deepEqual(
        messages.map((m) => `${m.ruleId}@${m.start}`),
        [`unknown-rule@${at(text, 'boilerplat ')}`],
      );
    });

    it('suggests by edit distance, case aside, and nothing for a far-off word', () => {
      const names = ['unattributed-claim', 'duplicate-passage', 'boilerplate'];
      assert.equal(closestName('Boilerplate', names), 'boilerplate');
      assert.equal(closestName('duplciate-passage', names), 'duplicate-passage', 'a swap of neighbours is one edit');
      assert.equal(closestName('boiler', names), null);
      assert.equal(closestName('', names), null);
      assert.equal(closestName('x'.repeat(500), names), null);
    });
  });

  describe('robustness', () => {
    const FRAGMENTS = [
      '<!--',
      '-->',
      '<!-->',
      ' source-lens-disable',
      ' source-lens-enable',
      ' source-lens-disable-next-line',
      ' source-lens-disable-line',
      ' source-lens-disable-file',
      'source-lens: ',
      'disable ',
      'enable ',
      'disable-next-line ',
      'disable-file ',
      'unattributed-claim',
      'boilerplate',
      ',',
      ' -- ',
      'nope',
      '```',
      '~~~',
      '`',
      '> ',
      '- ',
      '1. ',
      '\n',
      '\r\n',
      '\r',
      '\n\n',
      '  ',
      '\t',
      '\\',
      'word',
      'The rate rose. ',
      '😀',
      '\uD83D',
      '\uFEFF',
      '\u00A0',
      '#',
    ];
    const RULES: RuleId[] = [
      'unattributed-claim',
      'duplicate-passage',
      'boilerplate',
      'unbalanced-quote',
      'anonymous-source',
      'unknown-speaker',
      'internal-error',
    ];

    const inRange = (span: Span, length: number): boolean =>
      Number.isInteger(span.start) &&
      Number.isInteger(span.end) &&
      0 <= span.start &&
      span.start < span.end &&
      span.end <= length;

    it('fuzz: never throws, spans lie in the text, and marking a finding as checked silences it', () => {
      const next = mulberry32(20240501);
      for (let round = 0; round < 1500; round++) {
        const parts: string[] = [];
        const count = 1 + Math.floor(next() * 40);
        for (let i = 0; i < count; i++) parts.push(FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]);
        const text = parts.join('');
        for (const format of ['markdown', 'plaintext'] as DocumentFormat[]) {
          const suppressions = parseSuppressions(text, format);
          for (const d of suppressions.directives) assert.ok(inRange(d, text.length), JSON.stringify(text));
          for (const u of suppressions.unknownRules)
            assert.ok(inRange(u, text.length) && u.ruleId.length > 0, JSON.stringify(text));
          const start = Math.floor(next() * (text.length + 1));
          const rule = RULES[Math.floor(next() * RULES.length)];
          assert.equal(typeof suppressions.isSuppressed(rule, { start, end: start }), 'boolean');
          const edit = markCheckedEdit(text, format, rule, { start, end: start + 1 });
          assert.ok(
            edit.offset >= 0 && edit.offset <= Math.max(start, 1) && edit.offset <= text.length,
            JSON.stringify({ text, start, edit }),
          );
          // The round trip holds for a finding on a line of text: plain text, an ordinary line (not a
          // marker line); Markdown, a letter outside fenced code and comments.
          if (rule === 'internal-error' || !/[A-Za-z]/.test(text[start] ?? '')) continue;
          const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
          const before = text.slice(0, start);
          const opened = before.lastIndexOf('<!--');
          const ordinary =
            format === 'plaintext'
              ? /^[A-Za-z][A-Za-z .]*$/.test(text.slice(lineStart, start + 1))
              : !/~~~|```/.test(before) && (opened < 0 || before.indexOf('-->', opened + 2) >= 0);
          if (ordinary) roundTrip(text, format, rule, { start, end: start + 1 });
        }
      }
    });

    it('odd and empty inputs', () => {
      for (const format of ['markdown', 'plaintext'] as DocumentFormat[]) {
        for (const text of [
          '',
          '\n',
          '\r',
          '\r\n',
          '<!--',
          '-->',
          '<!-->',
          '<!--->',
          '```',
          '\uFEFF',
          '\uD800',
          'source-lens:',
          '<!-- source-lens-disable',
        ]) {
          const suppressions = parseSuppressions(text, format);
          assert.ok(Array.isArray(suppressions.directives));
          assert.equal(suppressions.isSuppressed('boilerplate', { start: 0, end: 0 }), false, JSON.stringify(text));
        }
        assert.deepEqual(parseSuppressions(undefined as unknown as string, format).directives, []);
        assert.deepEqual(parseSuppressions(42 as unknown as string, format, 7 as unknown as string).directives, []);
      }
      const suppressions = parseSuppressions('<!-- source-lens-disable -->', 'markdown');
      for (const start of [Number.NaN, -1, Infinity, 1e12])
        suppressions.isSuppressed('boilerplate', { start, end: start });
      assert.equal(suppressions.isSuppressed('boilerplate', { start: -1, end: 0 }), false);
    });

    // Speed is measured by `npm run bench`, never asserted here: a test must not fail on a busy machine.
    it('1 MB pathological inputs parse, and marking a finding in them still works', function () {
      this.timeout(30_000);
      const mb = 1 << 20;
      const inputs = [
        '<!--'.repeat(mb / 4),
        '<!-- '.repeat(mb / 5) + '-->',
        '<!-- source-lens-disable '.repeat(mb / 25),
        '<!-- source-lens-disable-line unattributed-claim -->\n'.repeat(mb / 53),
        '<!-- source-lens-disable-next-line -->\nx\n'.repeat(mb / 41),
        '`<!--`'.repeat(mb / 6),
        '` `` ``` `'.repeat(mb / 10) + '<!-- source-lens-disable -->',
        '```\n'.repeat(mb / 4),
        '\r'.repeat(mb),
        '\r\n'.repeat(mb / 2),
        '> '.repeat(mb / 2),
        `<!-- source-lens-disable ${'x,'.repeat(mb / 2)} -->`,
        `source-lens: disable ${'nope '.repeat(mb / 5)}`,
        'source-lens: disable-next-line\n'.repeat(mb / 31),
        '😀'.repeat(mb / 2),
      ];
      for (const text of inputs) {
        for (const format of ['markdown', 'plaintext'] as DocumentFormat[]) {
          const suppressions = parseSuppressions(text, format);
          assert.equal(
            typeof suppressions.isSuppressed('boilerplate', { start: text.length >> 1, end: text.length }),
            'boolean',
          );
          const edit = markCheckedEdit(text, format, 'boilerplate', { start: text.length >> 1, end: text.length });
          assert.ok(edit.offset >= 0 && edit.offset <= text.length, `${format} ${JSON.stringify(text.slice(0, 30))}…`);
        }
      }
    });

    it('a 5 MB document yields every directive', function () {
      this.timeout(30_000);
      const article = [
        '# Budget talks',
        '',
        'The ministry said on Monday that the deficit rose to 4.2% in 2023, the highest since 1990.',
        '<!-- source-lens-disable-next-line unattributed-claim -- checked -->',
        'Unemployment fell to 5.1% last year, according to figures seen by reporters.',
        '',
        '> “We will not cut pensions,” the minister told reporters. <!-- a note -->',
        '',
        '```',
        '<!-- source-lens-disable -->',
        '```',
        '',
        '- Item one with `<!-- code -->` in it.',
        '',
      ].join('\n');
      const text = article.repeat(Math.ceil((5 * 1024 * 1024) / article.length));
      for (const format of ['markdown', 'plaintext'] as DocumentFormat[]) {
        const suppressions = parseSuppressions(text, format);
        if (format === 'markdown')
          assert.equal(suppressions.directives.length, Math.ceil((5 * 1024 * 1024) / article.length));
      }
    });
  });
});
