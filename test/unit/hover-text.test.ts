import assert from 'node:assert/strict';
import { analyze, claimNeed, parseRegistry, type Analysis } from '../../src/core';
import { commandLinkMarkdown, hoverAt, type HoverPart } from '../../src/extension/hover-text';

/** A hover as one string: Markdown as it is, text in ⟦…⟧, a command link as ⟪label → command⟫. */
const rendered = (parts: HoverPart[]): string =>
  parts
    .map((p) => ('markdown' in p ? p.markdown : 'text' in p ? `⟦${p.text}⟧` : `⟪${p.label} → ${p.command}⟫`))
    .join('');

describe('hover text', () => {
  // Statement 0–15, mention 16–32, cue 33–37, then 40–55, 57–76 and the copy of 40–55 at 78–93.
  const text = '“Taxes   stay,” the **minister** said.  Costs rose 40%.  Share this article!  Costs rose 40%.';
  const analysis = {
    attributions: [
      {
        kind: 'direct',
        content: [{ start: 0, end: 15 }],
        cue: { start: 33, end: 37 },
        sourceMention: { start: 16, end: 32 },
        source: 0,
        channel: null,
        sentences: [0],
      },
      {
        kind: 'indirect',
        content: [{ start: 40, end: 55 }],
        cue: null,
        sourceMention: null,
        source: null,
        channel: { start: 16, end: 32 },
        sentences: [1],
      },
    ],
    sources: [
      {
        name: 'the **minister** [x](command:y)',
        type: 'person',
        aliases: [],
        mentions: [],
        attributions: [0],
        channels: [],
      },
    ],
    claims: [
      {
        start: 40,
        end: 55,
        sentence: 1,
        sentenceSpan: { start: 40, end: 55 },
        score: 0.834,
        reasons: ['number', 'comparison'],
      },
      { start: 57, end: 76, sentence: 2, sentenceSpan: { start: 57, end: 76 }, score: 0.5, reasons: [] },
    ],
    duplicates: [
      { start: 78, end: 93, similarity: 0.996, of: { start: 40, end: 55 } },
      { start: 78, end: 93, similarity: 1, of: { start: 0, end: 15, path: '/drafts/other.md' } },
    ],
    boilerplate: [{ start: 57, end: 76, reason: 'share-prompt' }],
  } as unknown as Analysis;
  const at = (offset: number, path = '/drafts/this.md') => {
    const hover = hoverAt(analysis, text, offset, path);
    return hover && { span: [hover.span.start, hover.span.end], says: rendered(hover.parts) };
  };

  it('a statement: its source, type and count, its kind and cue; the passage hovered', () => {
    const says = '**Source:** ⟦the **minister** [x](command:y)⟧ · person · 1 statement  \nQuoted directly · ⟦“said”⟧';
    assert.deepEqual(at(3), { span: [0, 15], says });
    // Over the mention or the cue, the hover covers the mention.
    assert.deepEqual(at(20), { span: [16, 32], says });
    assert.deepEqual(at(36), { span: [16, 32], says });
  });

  it('a statement without a source comes before the claim on the same words, with its channel quoted', () => {
    assert.deepEqual(at(45), {
      span: [40, 55],
      says:
        '**No speaker found.** Name one beside the words (“…,” she said) to credit them.  \n' +
        'Reported speech · via ⟦the **minister**⟧',
    });
  });

  it('quotes squeeze their spaces and stop at 120 characters; aliases and the count (of statements in the text) read as a sentence', () => {
    const long = `${'word \n  '.repeat(40)}said`;
    const one = {
      ...analysis,
      attributions: [
        { ...analysis.attributions[0], content: [{ start: 0, end: 5 }], cue: { start: 0, end: long.length } },
      ],
      sources: [{ ...analysis.sources[0], name: 'Ana Ruiz', aliases: ['the mayor', 'Ruiz'], attributions: [0, 1, 2] }],
    } as Analysis;
    const says = rendered(hoverAt(one, long, 1, '/a.md')!.parts);
    assert.equal(
      says,
      `**Source:** ⟦Ana Ruiz⟧ · person · 1 statement  \nAlso called: ⟦the mayor, Ruiz⟧  \nQuoted directly · ⟦“${'word '.repeat(24)}”⟧`,
    );
  });

  it('a claim: how much it needs a source, in words, and what will do; not the reasons the message names', () => {
    const unflagged = { ...analysis, attributions: [], boilerplate: [] } as unknown as Analysis;
    const todo = 'Credit it (“…, the council said”), or link or footnote the evidence.';
    assert.equal(
      rendered(hoverAt(unflagged, text, 45, '/a.md')!.parts),
      `**Unattributed claim** · likely needs a source  \n${todo}`,
    );
    assert.equal(
      rendered(hoverAt(unflagged, text, 60, '/a.md')!.parts),
      `**Unattributed claim** · may need a source  \n${todo}`,
    );
    // The cut is the calibrated one: 0.75 and above "likely", the rest of the flagged claims "may".
    assert.equal(claimNeed(0.75), 'likely needs a source');
    assert.equal(claimNeed(0.749), 'may need a source');
    assert.equal(hoverAt(unflagged, text, 55, '/a.md'), undefined);
  });

  it('a duplicate: how similar, and where its first copy is (here: how it starts; elsewhere: which file)', () => {
    assert.deepEqual(at(80), {
      span: [78, 93],
      says: '**Duplicated passage** · 100% similar  \n⟦First copy starts: “Costs rose 40%. Share this article! Costs rose 40%.…”⟧',
    });
    const elsewhere = { ...analysis, duplicates: [analysis.duplicates[1]] } as Analysis;
    assert.equal(
      rendered(hoverAt(elsewhere, text, 80, '/drafts/this.md')!.parts),
      '**Duplicated passage** · 100% similar  \n⟦First copy in /drafts/other.md.⟧',
    );
    assert.match(rendered(hoverAt(elsewhere, text, 80, '/drafts/other.md')!.parts), /First copy starts: “/);
  });

  it('boilerplate, when nothing else is there; nothing between the highlights or at a span’s end', () => {
    const noClaims = { ...analysis, claims: [] } as unknown as Analysis;
    assert.equal(
      rendered(hoverAt(noClaims, text, 60, '/a.md')!.parts),
      '**Boilerplate** · share prompt  \nFaded as not part of the story: **Remove All Boilerplate** deletes every such block.',
    );
    assert.equal(at(37), undefined);
    assert.equal(at(15), undefined);
    assert.equal(at(93), undefined);
  });

  it('on a real analysis, the document’s words only ever come as text, never as Markdown', () => {
    const draft =
      '“We will *not* [raise](command:taxes) taxes,” the <b>finance</b> minister said. Costs rose 40% in 2023, the most ever.';
    const real = analyze(draft);
    let hovers = 0;
    for (let offset = 0; offset < draft.length; offset++) {
      const hover = hoverAt(real, draft, offset, '/a.md');
      if (!hover) continue;
      hovers++;
      for (const part of hover.parts)
        if ('markdown' in part)
          assert.doesNotMatch(part.markdown, /command:|<b>|\*not\*|raise|minister|Costs/, `at ${offset}`);
    }
    assert.ok(hovers > 20, `${hovers} offsets have a hover`);
  });

  it('says when the trained tagger, not a rule, found the statement', () => {
    const draft =
      'A memorable campaign ad in 2008 questioned whether the rival senator was prepared to face emergencies.';
    const real = analyze(draft);
    const tagged = real.attributions.find((a) => a.foundBy === 'tagger');
    assert.ok(tagged, 'the shipped tagger reads this sentence');
    const hover = rendered(hoverAt(real, draft, tagged.content[0].start, '/a.md')!.parts);
    assert.match(hover, /Found by the trained tagger, not a rule/);
    const ruled = analyze('The mayor said the bridge will reopen in May.');
    assert.equal(ruled.attributions[0].foundBy, undefined);
    assert.doesNotMatch(
      rendered(hoverAt(ruled, 'The mayor said the bridge will reopen in May.', 20, '/a.md')!.parts),
      /tagger/,
    );
  });

  it('says a statement’s speaker was set by the editor (a correction in the text), and only then', () => {
    const draft =
      'The mayor said the bridge will reopen in May.\n\n<!-- source-lens-speaker "the road" Ana Ruiz -->\nShe said the road is closed.\n';
    const real = analyze(draft, { format: 'markdown' });
    const corrected = real.attributions.find((a) => a.setByEditor === 'speaker')!;
    const hover = rendered(hoverAt(real, draft, corrected.content[0].start, '/a.md')!.parts);
    assert.match(hover, /Source:\*\* ⟦Ana Ruiz⟧/);
    assert.match(hover, /\*\*Speaker set by the editor\*\*, in a correction above the paragraph/);
    assert.doesNotMatch(rendered(hoverAt(real, draft, 20, '/a.md')!.parts), /editor/);
  });

  it('shows the sources registry’s standing, the team’s note and link, the registry’s words as text', () => {
    const draft = 'Mayor Ali Hassan said crime fell by 40 percent last year.';
    const { registry } = parseRegistry(
      JSON.stringify({
        sources: [
          { name: 'Ali Hassan', standing: 'discredited', note: 'Invented *figures* in 2024.', url: 'https://x.org/a' },
        ],
      }),
    );
    const says = rendered(hoverAt(analyze(draft, { registry }), draft, 25, '/a.md')!.parts);
    assert.match(
      says,
      /\*\*Standing:\*\* discredited · sources registry entry ⟦“Ali Hassan”⟧ {2}\n⟦Invented \*figures\* in 2024\.⟧ {2}\n⟦https:\/\/x\.org\/a⟧/,
    );
    assert.doesNotMatch(rendered(hoverAt(analyze(draft), draft, 25, '/a.md')!.parts), /Standing/);
  });
});

describe('hover text agrees with the Problems message at its place', () => {
  // Statements nest: Barrett's statement holds the officials' one, whose source is unnamed.
  const draft = [
    'The state signed the settlement in March after months of talks with the company.',
    '',
    "West Virginia officials felt comfortable with this arrangement because they could pressure Patriot's " +
      "hedge fund lenders to contribute money to the trust for reclamation work, said Mr. Barrett, the lawyer for West Virginia's environmental protection agency.",
  ].join('\n');

  it('over an unnamed source inside a named source’s statement, the hover speaks of the unnamed one', () => {
    const analysis = analyze(draft);
    const flagged = analysis.messages.filter((m) =>
      ['anonymous-source', 'anonymous-source-without-reason', 'vague-source', 'unknown-speaker'].includes(m.ruleId),
    );
    assert.ok(flagged.length > 0, JSON.stringify(analysis.messages));
    for (const message of flagged) {
      const says = rendered(hoverAt(analysis, draft, message.start, '/a.md')!.parts);
      assert.doesNotMatch(says, /Barrett/, `${message.reason} above ${says}`);
      assert.match(says, /unnamed|No speaker found/, says);
    }
  });
});

describe('hover text for an uncertain speaker', () => {
  const draft =
    '“The pipe will be replaced by May,” Samuel Reyes said, and Maria Delgado said she doubted it. “I will believe it when I see the concrete,” she said.';
  const analysis = analyze(draft);
  const quote = analysis.attributions.find((a) =>
    draft.slice(a.content[0].start, a.content[0].end).includes('concrete'),
  )!;

  it('says why in plain words and offers each alternative as a Change Speaker… link for this statement', () => {
    const hover = hoverAt(analysis, draft, quote.content[0].start + 2, '/a.txt', 'file:///a.txt')!;
    assert.match(
      rendered(hover.parts),
      /\*\*Unsure of the speaker:\*\* ⟦“she”⟧ could also be ⟪Samuel Reyes → sourceLens\.changeSpeaker⟫: click a name/,
    );
    const link = hover.parts.find((p) => 'command' in p)!;
    assert.ok('command' in link);
    assert.deepEqual(link.args, [
      { uri: 'file:///a.txt', statement: { start: quote.content[0].start, end: quote.content[0].end } },
      'Samuel Reyes',
    ]);
    // Without the document's URI (no editor to run it in) the names are plain text.
    const plain = rendered(hoverAt(analysis, draft, quote.content[0].start + 2, '/a.txt')!.parts);
    assert.match(plain, /could also be ⟦Samuel Reyes⟧\.$/);
  });

  it('a certain statement says nothing of doubt', () => {
    const named = analysis.attributions.find((a) => a.uncertainty === undefined && a.source !== null)!;
    assert.doesNotMatch(
      rendered(hoverAt(analysis, draft, named.content[0].start + 2, '/a.txt', 'file:///a.txt')!.parts),
      /Unsure/,
    );
  });

  it('a link’s label is document text: never Markdown, HTML or a second link', () => {
    const hostile = '*Bold* [x](command:evil) <img src=x> `code` \\ & "q"\nnext';
    const markdown = commandLinkMarkdown({
      label: hostile,
      command: 'sourceLens.changeSpeaker',
      args: [{ uri: 'file:///a.txt' }, hostile],
      title: 'Make "this" the speaker',
    });
    const [, label, target] = /^\[(.*)\]\((command:sourceLens\.changeSpeaker\?[^ ]*) "[^"]*"\)$/s.exec(markdown)!;
    // Every character Markdown or HTML reads is escaped, so no unescaped bracket, star, angle or backtick is left.
    assert.doesNotMatch(label.replace(/\\[\s\S]/g, ''), /[[\]()*_<>`&"\\]/);
    assert.equal(label.replace(/\\([\s\S])/g, '$1'), hostile.replace(/\s+/g, ' '));
    // The arguments are one URI-encoded JSON array: nothing in them can end the link.
    assert.doesNotMatch(target, /[\s()"]/);
    assert.deepEqual(JSON.parse(decodeURIComponent(target.split('?')[1])), [{ uri: 'file:///a.txt' }, hostile]);
  });

  it('counts a source’s statements once, as the Sources view does, when a pasted passage repeats them', () => {
    const paragraph =
      'Mayor Ana Ruiz said on Monday that the bridge would reopen in May after three years of repairs. ' +
      'She said the repairs had cost the city 40 million euros, twice the first estimate. ' +
      'Ruiz added that the contractor had been fined for the delay.';
    const draft = `${paragraph}\n\n${paragraph}\n`;
    const real = analyze(draft, { path: '/a.md' });
    assert.equal(real.duplicates.length, 1, 'the pasted copy is a duplicate');
    const says = rendered(hoverAt(real, draft, draft.indexOf('the bridge'), '/a.md')!.parts);
    assert.match(says, / · 3 statements {2}\n/);
  });
});
