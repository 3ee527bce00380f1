// The editor's corrections kept in the text (README "Corrections"): reading them, binding each to one
// statement by paragraph and anchor, stale anchors reported and never applied elsewhere, each correction's
// effect on statements, sources, claims, shares and single-source, the reports' field, and junk never throwing.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { correctionInsert, toReport, type CorrectionTarget } from '../../src/core/report';
import { parseCorrections } from '../../src/core/structure';
import type { Analysis, CorrectionKind, DocumentFormat } from '../../src/core/types';
import { readAttributions } from './helpers';
import { mulberry32 } from '../support/random';
import { RIVERSIDE_DRAFT as DRAFT } from '../support/riverside-draft';

const md = (text: string): Analysis => analyze(text, { format: 'markdown' });

/** The index of the statement whose first content piece holds `words`. */
function statementWith(text: string, analysis: Analysis, words: string): number {
  const i = analysis.attributions.findIndex((a) => text.slice(a.content[0].start, a.content[0].end).includes(words));
  assert.ok(i >= 0, `no statement with ${JSON.stringify(words)}`);
  return i;
}

/** Writes a correction the way the extension does, and returns the new text. */
function corrected(
  text: string,
  target: CorrectionTarget,
  kind: CorrectionKind,
  name?: string,
  format: DocumentFormat = 'markdown',
): string {
  const edit = correctionInsert(text, analyze(text, { format }), target, kind, name);
  assert.ok(edit.insert, 'an insert');
  return text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset);
}

const sourceOf = (text: string, analysis: Analysis, words: string): string | null => {
  const a = analysis.attributions[statementWith(text, analysis, words)];
  return a.source === null ? null : analysis.sources[a.source].name;
};

describe('corrections', () => {
  it('reads each correction in Markdown and plain text, not in code, and keeps what cannot be read as a problem', () => {
    const markdown = [
      '<!-- source-lens-speaker "her basement" Maria Delgado -->',
      '> <!-- source-lens-not-a-statement "spoke against" -->',
      '<!-- source-lens-anonymous “curly” -->',
      '```',
      '<!-- source-lens-anonymous "in code" -->',
      '```',
      '<!-- source-lens-attribute-to "More than" -->',
      '<!-- source-lens-disable-next-line -->',
      'Text <!-- source-lens-anonymous "not alone on its line" -->',
    ].join('\n');
    const found = parseCorrections(markdown, 'markdown');
    assert.deepEqual(
      found.list.map((c) => [c.kind, c.anchor, c.name]),
      [
        ['speaker', 'her basement', 'Maria Delgado'],
        ['not-a-statement', 'spoke against', ''],
      ],
    );
    assert.deepEqual(
      found.problems.map((p) => markdown.slice(p.start, p.end)),
      ['<!-- source-lens-anonymous “curly” -->', '<!-- source-lens-attribute-to "More than" -->'],
    );
    const plain =
      'source-lens: speaker "her basement" Maria Delgado\n  source-lens: anonymous "officials"\nsource-lens: disable-next-line\n';
    assert.deepEqual(
      parseCorrections(plain, 'plaintext').list.map((c) => [c.kind, c.anchor, c.name]),
      [
        ['speaker', 'her basement', 'Maria Delgado'],
        ['anonymous', 'officials', ''],
      ],
    );
    assert.equal(parseCorrections('// speaker "x" Y\n', 'plaintext', '//').list.length, 1);
  });

  it('"speaker": the resident’s account and quote become hers, single-source no longer fires, shares follow', () => {
    const before = md(DRAFT);
    assert.equal(sourceOf(DRAFT, before, 'her basement'), 'Public Works Director Samuel Reyes');
    assert.ok(before.messages.some((m) => m.ruleId === 'single-source'));
    let text = corrected(
      DRAFT,
      { attribution: statementWith(DRAFT, before, 'her basement') },
      'speaker',
      'Maria Delgado',
    );
    text = corrected(text, { attribution: statementWith(text, md(text), 'believe it') }, 'speaker', 'Maria Delgado');
    assert.ok(text.includes('<!-- source-lens-speaker "her basement has flooded three times" Maria Delgado -->\n'));
    const after = md(text);
    assert.equal(sourceOf(text, after, 'her basement'), 'Maria Delgado');
    assert.equal(sourceOf(text, after, 'believe it'), 'Maria Delgado');
    assert.equal(after.attributions[statementWith(text, after, 'believe it')].setByEditor, 'speaker');
    assert.equal(after.attributions[statementWith(text, after, 'city will spend')].setByEditor, undefined);
    assert.ok(!after.messages.some((m) => m.ruleId === 'single-source'));
    // The sources list each statement once, in order, and every index agrees both ways.
    after.sources.forEach((s, i) => s.attributions.forEach((a) => assert.equal(after.attributions[a].source, i)));
    const reyes = after.sources.find((s) => s.name === 'Public Works Director Samuel Reyes')!;
    assert.ok(!reyes.mentions.some((m) => text.slice(m.start, m.end) === 'She'));
    assert.equal(after.messages.filter((m) => m.ruleId === 'unapplied-correction').length, 0);
    // The JSON contract says which statements an editor set.
    const report = toReport('draft.md', after);
    assert.deepEqual(
      report.attributions.flatMap((a) => (a.setByEditor ? [a.setByEditor] : [])),
      ['speaker', 'speaker'],
    );
  });

  it('binds to one statement of its paragraph and survives an edit elsewhere in it', () => {
    const text = corrected(
      DRAFT,
      { attribution: statementWith(DRAFT, md(DRAFT), 'believe it') },
      'speaker',
      'Maria Delgado',
    );
    const edited = text.replace('three times since 2019', 'four times since 2018');
    const after = md(edited);
    assert.equal(sourceOf(edited, after, 'believe it'), 'Maria Delgado');
    assert.equal(sourceOf(edited, after, 'her basement'), 'Public Works Director Samuel Reyes');
  });

  it('a correction whose anchor no longer matches is reported at its line and applied to nothing', () => {
    const text = corrected(
      DRAFT,
      { attribution: statementWith(DRAFT, md(DRAFT), 'believe it') },
      'speaker',
      'Maria Delgado',
    );
    const edited = text.replace('“I’ll believe it when', '“I will trust it when');
    const after = md(edited);
    const stale = after.messages.filter((m) => m.ruleId === 'unapplied-correction');
    assert.equal(stale.length, 1);
    assert.ok(edited.slice(stale[0].start, stale[0].end).startsWith('<!-- source-lens-speaker'));
    assert.match(stale[0].reason, /no longer matches/);
    assert.ok(
      !after.sources.some(
        (s) => s.name === 'Maria Delgado' && s.attributions.some((a) => after.attributions[a].setByEditor),
      ),
    );
    assert.ok(!after.attributions.some((a) => a.setByEditor));
  });

  it('"not-a-statement" drops the statement; a check-worthy sentence is then the writer’s own claim', () => {
    const text = 'Prices rose 40 percent in 2023, the report said.\n';
    const before = md(text);
    assert.equal(before.attributions.length, 1);
    assert.equal(before.claims.length, 0);
    const after = md(corrected(text, { attribution: 0 }, 'not-a-statement'));
    assert.equal(after.attributions.length, 0);
    assert.equal(after.sources.length, 0);
    assert.equal(after.claims.length, 1);
  });

  it('"anonymous" makes the statement’s source anonymous, and the anonymous-source rule sees it', () => {
    const before = md(DRAFT);
    const text = corrected(DRAFT, { attribution: statementWith(DRAFT, before, 'city will spend') }, 'anonymous');
    const after = md(text);
    const a = after.attributions[statementWith(text, after, 'city will spend')];
    assert.equal(a.setByEditor, 'anonymous');
    assert.equal(after.sources[a.source!].type, 'anonymous');
    assert.ok(after.messages.some((m) => m.ruleId === 'anonymous-source'));
  });

  it('"attribute-to" turns an unattributed claim into a statement of an existing or a new source', () => {
    const before = md(DRAFT);
    const claim = before.claims.find((c) => DRAFT.slice(c.start, c.end).startsWith('More than 300'))!;
    const text = corrected(DRAFT, { claim }, 'attribute-to', 'Samuel Reyes');
    const after = md(text);
    assert.ok(!after.claims.some((c) => text.slice(c.start, c.end).startsWith('More than 300')));
    const i = statementWith(text, after, 'More than 300');
    assert.deepEqual(
      { ...readAttributions(text, after)[i], setByEditor: after.attributions[i].setByEditor },
      {
        kind: 'indirect',
        content: ['More than 300 homes in Riverside flooded in 2021.'],
        cue: null,
        mention: null,
        source: 'Public Works Director Samuel Reyes',
        setByEditor: 'attribute-to',
      },
    );
    const named = md(corrected(DRAFT, { claim }, 'attribute-to', 'County Flood Office'));
    assert.ok(named.sources.some((s) => s.name === 'County Flood Office' && s.type === 'person'));
  });

  it('plain text: the marker line is written, read back and honoured', () => {
    const text = DRAFT.replace(/^# /, '');
    const plain = analyze(text, { format: 'plaintext' });
    const written = corrected(
      text,
      { attribution: statementWith(text, plain, 'her basement') },
      'speaker',
      'Maria Delgado',
      'plaintext',
    );
    assert.ok(
      written.includes('\nsource-lens: speaker "her basement has flooded three times" Maria Delgado\nShe said'),
    );
    assert.equal(sourceOf(written, analyze(written, { format: 'plaintext' }), 'her basement'), 'Maria Delgado');
  });

  it('an edit that would not read back is empty; junk never throws', function () {
    this.timeout(20000);
    const analysis = md(DRAFT);
    assert.equal(correctionInsert(DRAFT, analysis, { attribution: 99 }, 'anonymous').insert, '');
    assert.equal(correctionInsert(DRAFT, analysis, { attribution: 0 }, 'speaker', '  ').insert, '');
    const random = mulberry32(13);
    const pieces = [
      '<!-- source-lens-',
      'speaker',
      'anonymous',
      'attribute-to',
      'not-a-statement',
      ' "',
      '"',
      ' X',
      '-->',
      '\n',
      '\r\n',
      '```',
      'She said “a”',
      ' ',
      'source-lens: ',
    ];
    for (let round = 0; round < 80; round++) {
      let text = '';
      for (let k = 0; k < 30; k++) text += pieces[Math.floor(random() * pieces.length)];
      for (const format of ['markdown', 'plaintext'] as const) {
        const result = analyze(text, { format });
        assert.ok(!result.messages.some((m) => m.ruleId === 'internal-error'), JSON.stringify(text));
        parseCorrections(text, format);
      }
    }
  });
});
