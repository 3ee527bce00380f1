// Shrunk failing cases of the property tests (test/support/document-properties.ts), one named test each:
// what `npm run fuzz` or the bounded run once found, kept so it stays fixed.
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { markCheckedEdit, removalSpans } from '../../../src/core/report';
import { applyRemovals } from '../../../src/core/report/edits';
import { checkMarkChecked, checkRemovals } from '../../support/document-properties';

const COUNCIL =
  'The council approved a budget of 4.2 million dollars on Tuesday, the largest increase in a decade, after months of debate over school funding.';

describe('property regressions', () => {
  describe('"mark as checked" silences its claim', () => {
    it('after an unclosed `<!--` in a block quote (the comment ends with the quote)', () => {
      const text = `> > the <!-- unclosed\n> > The.\n>\n> According to Maria Lopez, the.\n\n${COUNCIL}\n`;
      checkMarkChecked({ text, format: 'markdown' });
    });

    it('after an unclosed `<!--` in a paragraph before a blank line (it is text)', () => {
      checkMarkChecked({ text: `> a <!-- unclosed\n\n${COUNCIL}\n`, format: 'markdown' });
    });

    it('on the line after an unclosed `<!--` in the same paragraph (the comment goes before it)', () => {
      const text = `+ Sign up for our newsletter\n\n  According to Maria Lopez, by budget.\n  in doubled <!-- unclosed\n${COUNCIL}\n`;
      checkMarkChecked({ text, format: 'markdown' });
    });

    it('on a list item right after a line with an unclosed `<!--` (the comment goes before it)', () => {
      const text = `- ${COUNCIL}\n  Officials claimed. Unemployment rose <!-- unclosed\n  1. - Residents fell 40% in 2023.\n`;
      checkMarkChecked({ text, format: 'markdown' });
    });

    it('on a list item two lines below an unclosed `<!--` (a comment line of its own goes before it)', () => {
      const text = `- > - the <!-- unclosed\r\n  >   The.\r\n  - ${COUNCIL}\r\n`;
      const [claim] = analyze(text, { format: 'markdown' }).messages.filter((m) => m.ruleId === 'unattributed-claim');
      assert.ok(claim);
      const { offset, insert } = markCheckedEdit(text, 'markdown', 'unattributed-claim', claim);
      assert.equal(offset, text.indexOf(`  - ${COUNCIL}`));
      assert.equal(insert, '  <!-- source-lens-disable-next-line unattributed-claim -->\r\n');
      checkMarkChecked({ text, format: 'markdown' });
    });

    it('none offered on a line that continues a paragraph with an unclosed `<!--` two lines above', () => {
      const text =
        '- - - According to the minister, unemployment rose.\n      protested <!-- unclosed\n' +
        '      Sign up for our newsletter\n      Your email address will not be published. Required fields are marked *\n';
      const [claim] = analyze(text, { format: 'markdown' }).messages.filter((m) => m.ruleId === 'unattributed-claim');
      assert.ok(claim);
      assert.equal(markCheckedEdit(text, 'markdown', 'unattributed-claim', claim).insert, '');
      checkMarkChecked({ text, format: 'markdown' });
    });
    it('none offered on a lazy line under an unclosed `<!--` that a deeper block quote below does not close', () => {
      // The `>>` line starts a block quote, which ends the paragraph: its `-->` closes no `<!--` above it.
      const text =
        '* 1. <!-- a -->\n     sharply <!-- unclosed\n     According to the minister, taxes rose.\n' +
        `  ${COUNCIL}\n  >>  residents <!-- note -->\n`;
      const claim = analyze(text, { format: 'markdown' }).messages.find(
        (m) => m.ruleId === 'unattributed-claim' && m.start === text.indexOf(COUNCIL),
      );
      assert.ok(claim);
      assert.equal(markCheckedEdit(text, 'markdown', 'unattributed-claim', claim).insert, '');
      checkMarkChecked({ text, format: 'markdown' });
    });

    it('Markdown read as plain text (too deep for remark): a comment line is no claim', () => {
      const text = `${'>'.repeat(150)} deep\n\n<!-- ${COUNCIL} -->\n\n${COUNCIL}\n`;
      const analysis = analyze(text, { format: 'markdown' });
      assert.ok(analysis.messages.some((m) => m.ruleId === 'markdown-not-parsed'));
      const claims = analysis.messages.filter((m) => m.ruleId === 'unattributed-claim');
      assert.deepEqual(
        claims.map((m) => m.start),
        [text.lastIndexOf(COUNCIL)],
      );
      checkMarkChecked({ text, format: 'markdown' });
    });
  });

  describe('a removal leaves the other blocks as they were', () => {
    it('a list item between two quote paragraphs: its line stays blank, so they do not run together', () => {
      const text = '- > >  You may also like\r\n  > + Share this article\r\n  > >2023 costs fell.\r\n';
      checkRemovals({ text, format: 'markdown' });
    });

    it('a heading between two paragraphs in a quoted list item (lazy continuation)', () => {
      const text = `> - > Sign up for our newsletter\n>   > ## the\n>   ${COUNCIL}\n\n> - - ${COUNCIL}\n\n`;
      checkRemovals({ text, format: 'markdown' });
    });

    it('a `10.` opening the passage stays when the next paragraph is indented under it (remark reads it as text)', () => {
      const removed = (text: string): string => {
        const passage = text.indexOf('10. Story');
        const [removal] = removalSpans(text, [{ start: passage, end: text.indexOf('\n', passage) }]);
        assert.ok(removal);
        checkRemovals({ text, format: 'markdown' });
        return applyRemovals(text, [removal]);
      };
      const story = `${COUNCIL}\n>+ 10. Story continues below advertisement\n>\n>`;
      // `>` takes one space of the next line: five more reach the `+` item, six the `10.` item.
      assert.equal(
        removed(`${story}      Sign up for our newsletter\n`),
        `${COUNCIL}\n>+ Sign up for our newsletter\n`,
      );
      assert.equal(
        removed(`${story}       Sign up for our newsletter\n`),
        `${COUNCIL}\n>+ 10. Sign up for our newsletter\n`,
      );
    });

    it('`>-` with no space: the next line `>  more` is outside the list item (its `>` takes a space)', () => {
      const text = '>- ## the\n>  We use cookies to improve your experience.\n>\n>     You may also like\n';
      checkRemovals({ text, format: 'markdown' });
    });

    it('the next paragraph moved up behind the marker leaves its own 1-3 spaces, so the item keeps its width', () => {
      const text = '* Share this article\n\n     Skip to content\n\n  Costs rose.\n';
      const [removal] = removalSpans(text, [{ start: 2, end: text.indexOf('\n') }]);
      assert.ok(removal);
      assert.equal(applyRemovals(text, [removal]), '* Skip to content\n\n  Costs rose.\n');
      checkRemovals({ text, format: 'markdown' });
      const heading = '* Share this article\r\n\r\n     Skip to content\r\n  2) ## council é\r\n';
      checkRemovals({ text: heading, format: 'markdown' });
    });

    it('after a byte-order mark, a `10.` on the line after the removal is the known marker-or-text reading', () => {
      const text = `\uFEFFSkip to content\r\n1. 10. ${COUNCIL}\r\n       <!-- note -->\r\n       * Maria Lopez said that.\r\n`;
      checkRemovals({ text, format: 'markdown' });
    });

    // Known readings the property leaves out (see checkRemovals, blockShapes): each of these once failed.
    it('a paragraph at the margin that ended a list: the indented line after it joins the list (Markdown)', () => {
      const text = `- We use cookies to improve your experience.\n\nDr. Okafor said that costs rose.\n\n   Sign up for our newsletter\n`;
      checkRemovals({ text, format: 'markdown' });
    });

    it("a `2)` line read as lazy text before a list item's content moves up, as an item of its own after", () => {
      const text = '>+ Sign up for our newsletter\r\n>\r\n>  Maria Lopez said that rose.\r\n>> 2) <!-- note -->\r\n';
      checkRemovals({ text, format: 'markdown' });
      const heading = `> >1. ## the sharply\r\n> >   All rights reserved.\r\n> >2) ${COUNCIL}\r\n`;
      checkRemovals({ text: heading, format: 'markdown' });
    });

    it('a `2)` on the first line with content after the removal, blank lines between', () => {
      const text =
        'By in rose 40% 𝔘𝔫𝔦 the.\n10. 2) You may also like\n\n    <!-- ‏ unemployment costs 😀 fell doubled 𝔘𝔫𝔦 😀 -->\n' +
        'According to the minister, é fell protested rose مرحبا council unemployment.\n\n' +
        '2) - Costs by council 🏳️‍🌈 in.\n     officials said that costs שלום 2023 residents 🏳️‍🌈 fell in costs 😀.\n';
      checkRemovals({ text, format: 'markdown' });
    });

    it('with CRLF, the blank line after a heading that follows a paragraph stays', () => {
      const text = `\uFEFF- According to Maria Lopez, the.\r\n\r\nSign up for our newsletter\r\n## the\r\n\r\n${COUNCIL}\r\n\r\n`;
      checkRemovals({ text, format: 'markdown' });
    });

    it('a nested list item moved up to its parent marker keeps its column, so its later lines stay in it', () => {
      const text = '- All rights reserved.\n     - Residents rose 40% in 2023.\n     2) Taxes fell.\n';
      const [removal] = removalSpans(text, [{ start: 2, end: text.indexOf('\n') }]);
      assert.ok(removal);
      const after = applyRemovals(text, [removal]);
      assert.equal(after, '-    - Residents rose 40% in 2023.\n     2) Taxes fell.\n');
      const blocksOf = (t: string): string[] =>
        analyze(t, { format: 'markdown' }).blocks.map((b) => t.slice(b.start, b.end));
      assert.deepEqual(blocksOf(after), blocksOf(text).slice(1));
    });

    it('a heading removed under a line whose `10.` is paragraph text leaves a blank line (no lazy run-on)', () => {
      const text = `> You may also like\n>     10. <!-- note -->\n## Newsletter\n${COUNCIL}\n`;
      const heading = text.indexOf('## ');
      const [removal] = removalSpans(text, [{ start: heading, end: text.indexOf('\n', heading) }]);
      assert.ok(removal);
      const after = applyRemovals(text, [removal]);
      assert.equal(after, `> You may also like\n>     10. <!-- note -->\n\n${COUNCIL}\n`);
      const last = analyze(after, { format: 'markdown' }).blocks.at(-1);
      assert.deepEqual(last && { kind: last.kind, text: after.slice(last.start, last.end) }, {
        kind: 'paragraph',
        text: COUNCIL,
      });
    });

    it('a document read as plain text (too deep for remark) is compared as plain text after a removal', () => {
      // Without the deep line remark parses it: its blocks are then Markdown's, which no removal changes.
      const text = `${'>'.repeat(150)} Sign up for our newsletter\n\n> ${COUNCIL}\n- Residents rose.\n`;
      const analysis = analyze(text, { format: 'markdown' });
      assert.ok(analysis.messages.some((m) => m.ruleId === 'markdown-not-parsed'));
      assert.ok(analysis.boilerplate.length > 0);
      checkRemovals({ text, format: 'markdown' }, analysis);
    });

    it('a boilerplate run whose last block is in a list item that goes on: each block goes with its own marker', () => {
      const text = 'Share this article\n\n- Share this story\n\n  Residents rose 40% in 2023.\n';
      const analysis = analyze(text, { format: 'markdown' });
      const [run] = analysis.boilerplate;
      assert.ok(run && analysis.blocks.filter((b) => b.start < run.end && b.end > run.start).length === 2);
      assert.equal(applyRemovals(text, removalSpans(text, [run], analysis.blocks)), '- Residents rose 40% in 2023.\n');
      checkRemovals({ text, format: 'markdown' }, analysis);
    });

    it('a run across a list item and a paragraph that ended it: an indented code block after stays code', () => {
      const text = '* > Share this article\n\nShare this story\n\n    code line\nNext para here.\n';
      const analysis = analyze(text, { format: 'markdown' });
      const [run] = analysis.boilerplate;
      assert.ok(run);
      assert.equal(applyRemovals(text, removalSpans(text, [run], analysis.blocks)), '    code line\nNext para here.\n');
      checkRemovals({ text, format: 'markdown' }, analysis);
    });

    it('a run goes whole, with the code between its blocks, and its quote lines before a heading', () => {
      const code = 'Share this article\n\n    code\n\nShare this story\n\nNext paragraph here.\n';
      const quoted = `> ${COUNCIL}\n> 1. > Share this article\n>    >\n>    > Share this story\n>    >\n> ## Heading\n`;
      const removed = (text: string): string => {
        const analysis = analyze(text, { format: 'markdown' });
        checkRemovals({ text, format: 'markdown' }, analysis);
        return applyRemovals(text, removalSpans(text, analysis.boilerplate.slice(0, 1), analysis.blocks));
      };
      assert.equal(removed(code), 'Next paragraph here.\n');
      assert.equal(removed(quoted), `> ${COUNCIL}\n> ## Heading\n`);
    });

    it('no pull-up into a list item that held only an HTML block: the code block after it stays code', () => {
      // `>- <!-- note -->`: the line after it, `>  Your email…`, is not in the item (its `>` takes the
      // space) and cannot be a lazy line after HTML, so the item ends there.
      const text =
        '>1. >  According to Dr. Okafor, residents fell in 2023.\n>- <!-- note -->\n' +
        '>  Your email address will not be published. Required fields are marked *\n>\n>      Sign up for our newsletter\n';
      const { blocks } = analyze(text, { format: 'markdown' });
      const run = { start: text.indexOf('According'), end: text.indexOf('*\n') + 1 };
      assert.equal(applyRemovals(text, removalSpans(text, [run], blocks)), '>      Sign up for our newsletter\n');
    });

    it('lines of only `>` left after a removed list item, before a blank line or the end, go too (no lazy `>` text)', () => {
      const text = `>${COUNCIL}\n+ - Share this article\n    >\n\nSkip to content\n`;
      const passage = text.indexOf('Share');
      const removals = removalSpans(text, [{ start: passage, end: text.indexOf('\n', passage) }]);
      assert.equal(applyRemovals(text, removals), `>${COUNCIL}\n\nSkip to content\n`);
      checkRemovals({ text, format: 'markdown' });
      // So do such lines at the end of the text, with no line break after them.
      const last = `>${COUNCIL}\n+ - Share this article\n    >\n    >`;
      const at = last.indexOf('Share');
      const [removal] = removalSpans(last, [{ start: at, end: last.indexOf('\n', at) }]);
      assert.ok(removal);
      assert.equal(applyRemovals(last, [removal]), `>${COUNCIL}\n`);
    });
  });
});
