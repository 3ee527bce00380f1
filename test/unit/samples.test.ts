// The full expected analysis of the team's samples: what an editor should see for each.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/types';

function load(path: string): {
  text: string;
  analysis: Analysis;
  slice: (span: { start: number; end: number }) => string;
} {
  const text = readFileSync(path, 'utf8');
  return { text, analysis: analyze(text, { path }), slice: (span) => text.slice(span.start, span.end) };
}

describe('sample: agency-article.txt (scraped: repeated body, comment policy)', () => {
  const { text, analysis, slice } = load('samples/agency-article.txt');
  const lines = text.split('\n');
  const lineStart = (n: number): number => lines.slice(0, n - 1).reduce((at, line) => at + line.length + 1, 0);

  it('has one agency source, with its acronym, descriptions and channel, holding every statement of the body', () => {
    const agency = analysis.sources.find((s) => s.name === 'Ethics and Anti-Corruption Commission');
    assert.ok(agency, 'the commission is a source');
    assert.equal(agency.type, 'organization');
    assert.deepEqual(new Set(agency.aliases), new Set(['Kenya’s anti-corruption body', 'EACC', 'the commission']));
    assert.deepEqual(agency.channels, ['a statement on X']);
    // Body: announced, said, added, further added, noted, concluded … by reaffirming; the repeat again.
    const cues = agency.attributions.map((i) => slice(analysis.attributions[i].cue!));
    assert.deepEqual(cues, [
      'announced',
      'said',
      'added',
      'further added',
      'noted',
      'concluded its statement by reaffirming',
      'said',
      'added',
      'further added',
      'noted',
      'concluded its statement by reaffirming',
    ]);
    const others = analysis.sources.filter((s) => s !== agency);
    assert.deepEqual(
      others.map((s) => [s.name, s.type]),
      [['audits', 'document']],
    );
  });

  it('reads reported speech with quoted fragments as mixed, the dateline outside the source', () => {
    const first = analysis.attributions[0];
    assert.equal(first.kind, 'mixed');
    assert.equal(slice(first.sourceMention!), 'Kenya’s anti-corruption body');
    assert.ok(slice(first.content[0]).startsWith('that it has frozen assets'));
    const said = analysis.attributions[1];
    assert.ok(slice(said.content[0]).startsWith('that “after months of forensic audits'));
    assert.equal(slice(said.channel!), 'In a statement on X');
  });

  it('gives scare quotes no attribution and flags the unsourced background as claims', () => {
    const goldenberg = text.indexOf('“Goldenberg”');
    assert.ok(!analysis.attributions.some((a) => a.content.some((c) => c.start <= goldenberg && goldenberg < c.end)));
    assert.deepEqual(
      analysis.claims.map((c) => slice(c).slice(0, 40)),
      [
        'Kenya lost an estimated 600 billion shil',
        'The scandal revived memories of the so-c',
        // The writer's own clause beside "audits show that …" is a claim; the audits' finding is not.
        'Although parliament passed a stricter pr',
      ],
    );
    assert.ok(analysis.claims.every((c) => c.reasons.length > 0 && c.score >= 0.5));
  });

  it('marks each of the six repeated paragraphs as a copy of the first', () => {
    assert.deepEqual(
      analysis.duplicates.map((d) => [lineOf(text, d.start), lineOf(text, d.of.start), d.similarity]),
      [
        [8, 2, 1],
        [9, 3, 1],
        [10, 4, 1],
        [11, 5, 1],
        [12, 6, 1],
        [13, 7, 1],
      ],
    );
  });

  it('marks the comment-moderation block, from "Comments" to "Post a comment", as boilerplate', () => {
    assert.deepEqual(
      analysis.boilerplate.map((b) => [b.start, b.end, b.reason]),
      [[lineStart(14), text.trimEnd().length, 'comment-policy']],
    );
  });

  it('reports no unbalanced quotes in well-formed text', () => {
    assert.deepEqual(
      analysis.messages.filter((m) => m.ruleId === 'unbalanced-quote'),
      [],
    );
  });
});

describe('sample: council-vote.md (Markdown: people, a multi-paragraph quote, a block quote, anonymous officials)', () => {
  const { analysis, slice } = load('samples/council-vote.md');
  const bySource = (name: string) =>
    analysis.attributions.filter((a) => a.source !== null && analysis.sources[a.source].name === name);

  it('finds four sources of the right kinds', () => {
    assert.deepEqual(
      analysis.sources.map((s) => [s.name, s.type, s.aliases]),
      [
        ['Ana Ruiz', 'person', ['Ruiz']],
        ['Tom Okafor', 'person', ['Okafor']],
        ['Regional Transport Authority', 'organization', ['RTA', 'the authority']],
        ['Two officials familiar with the negotiations', 'anonymous', []],
      ],
    );
  });

  it('joins the mayor’s follow-up quote to her statement and gives her the block quote she introduced', () => {
    const [quote, blockquote] = bySource('Ana Ruiz');
    assert.equal(quote.kind, 'direct');
    assert.equal(quote.content.length, 2);
    assert.ok(slice(quote.content[1]).startsWith('“We cannot keep patching'));
    assert.equal(blockquote.kind, 'blockquote');
    assert.equal(slice(blockquote.cue!), 'posted');
  });

  it('reads the quote over two paragraphs as one statement with its speaker at the end', () => {
    const direct = bySource('Tom Okafor').filter((a) => a.kind === 'direct');
    assert.equal(direct.length, 1);
    assert.equal(direct[0].content.length, 2);
    assert.equal(slice(direct[0].sourceMention!), 'Okafor');
  });

  it('flags only the unsourced facts as claims, and the share prompt and copyright as boilerplate', () => {
    assert.deepEqual(
      analysis.claims.map((c) => slice(c).slice(0, 30)),
      ['The city council voted 7-2 on ', 'Traffic on the old bridge has '],
    );
    assert.deepEqual(
      analysis.boilerplate.map((b) => b.reason),
      ['newsletter', 'copyright'],
    );
    assert.deepEqual(analysis.messages.filter((m) => m.ruleId === 'anonymous-source').length, 1);
  });

  it('never reads front matter or the heading as prose statements', () => {
    assert.ok(analysis.attributions.every((a) => !slice(a.content[0]).includes('title:')));
  });
});

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('control comments in the pipeline', () => {
  it('a Markdown disable-next-line silences the claim below it, in the lists and the messages', () => {
    const claim = 'Traffic on the bridge has doubled since 2010, the largest rise in the county.';
    const plain = analyze(`${claim}\n`, { format: 'markdown' });
    assert.equal(plain.claims.length, 1);
    const silenced = analyze(`<!-- source-lens-disable-next-line unattributed-claim -->\n${claim}\n`, {
      format: 'markdown',
    });
    assert.deepEqual(silenced.claims, []);
    assert.ok(!silenced.messages.some((m) => m.ruleId === 'unattributed-claim'));
  });

  it('a plain-text marker line is a directive, not prose', () => {
    const text =
      'source-lens: disable-next-line unattributed-claim\nTraffic on the bridge has doubled since 2010, the largest rise in the county.\n';
    const analysis = analyze(text, { format: 'plaintext' });
    assert.deepEqual(analysis.claims, []);
    assert.ok(analysis.sentences.every((s) => !text.slice(s.start, s.end).includes('source-lens')));
    const custom = analyze(text.replace('source-lens:', '%% sl:'), { format: 'plaintext', plainTextMarker: '%% sl:' });
    assert.deepEqual(custom.claims, []);
  });
});
