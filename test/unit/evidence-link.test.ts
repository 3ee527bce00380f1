// The "Add Evidence Link…" edit (core/report/evidence-link.ts) and the hover of a linked claim: where the
// footnote or URL goes, which number a new footnote takes, how its definition joins the text's end, and
// that the edited text makes the claim linked.
import assert from 'node:assert/strict';
import { analyze, evidenceLinkEdit, evidenceUrlProblem, type DocumentFormat } from '../../src/core';
import { hoverAt } from '../../src/extension/hover-text';

const CLAIM = 'Unemployment rose to 7.5% in March 2023, the highest level since 2009';
const URL = 'https://bls.gov/cps';

/** The text with the edit for the claim's sentence (the first sentence starting "Unemployment") applied. */
function linked(text: string, format: DocumentFormat, url = URL): string {
  const analysis = analyze(text, { format });
  const sentence = analysis.sentences.find((s) => text.startsWith('Unemployment', s.start));
  assert.ok(sentence, 'the claim sentence');
  let result = text;
  // Applied from the end, so each offset still points into the text as it was.
  for (const { offset, insert } of [...evidenceLinkEdit(text, format, sentence, url)].reverse())
    result = result.slice(0, offset) + insert + result.slice(offset);
  return result;
}

describe('Add Evidence Link edit', () => {
  it('plain text: the URL in brackets before the full stop, and the claim is then linked', () => {
    const text = `${CLAIM}. The council met on Tuesday.`;
    const after = linked(text, 'plaintext');
    assert.equal(after, `${CLAIM} [${URL}]. The council met on Tuesday.`);
    assert.deepEqual(analyze(after, { format: 'plaintext' }).claims[0].evidence?.[0].target, URL);
    assert.equal(linked(`${CLAIM}`, 'plaintext'), `${CLAIM} [${URL}]`, 'no stop: at the end');
    assert.equal(linked(`“${CLAIM}.”`.slice(1), 'plaintext'), `${CLAIM} [${URL}].”`, 'before the stop and quote');
  });

  it('Markdown: footnote 1 and its definition after a blank line, and the claim is then linked', () => {
    const after = linked(`${CLAIM}. The council met on Tuesday.\n`, 'markdown');
    assert.equal(after, `${CLAIM}[^1]. The council met on Tuesday.\n\n[^1]: ${URL}\n`);
    const [claim] = analyze(after, { format: 'markdown' }).claims;
    assert.deepEqual(
      claim.evidence?.map((e) => [e.kind, e.target]),
      [['footnote', URL]],
    );
    assert.equal(linked(`${CLAIM}.`, 'markdown'), `${CLAIM}[^1].\n\n[^1]: ${URL}\n`, 'no final line break');
    assert.equal(linked(`${CLAIM}.\n\n\n`, 'markdown'), `${CLAIM}[^1].\n\n\n[^1]: ${URL}\n`, 'blank lines kept');
  });

  it('Markdown: the next number after the highest, joining the definitions at the end; CRLF kept', () => {
    const text = `Note.[^3]\n\n${CLAIM}.\n\n[^3]: https://example.org\n`;
    assert.equal(linked(text, 'markdown'), `Note.[^3]\n\n${CLAIM}[^4].\n\n[^3]: https://example.org\n[^4]: ${URL}\n`);
    assert.equal(linked(`${CLAIM}.\r\n`, 'markdown'), `${CLAIM}[^1].\r\n\r\n[^1]: ${URL}\r\n`);
  });

  it('refuses what is not an http(s) address, with a message for the input box', () => {
    assert.equal(evidenceUrlProblem('https://bls.gov/cps'), null);
    assert.equal(evidenceUrlProblem(' http://bls.gov '), null);
    for (const bad of ['bls.gov', 'ftp://bls.gov', 'https://', 'https://bls gov', 'javascript:alert(1)'])
      assert.ok(evidenceUrlProblem(bad), bad);
    assert.deepEqual(evidenceLinkEdit(`${CLAIM}.`, 'plaintext', { start: 0, end: CLAIM.length + 1 }, 'bls.gov'), []);
  });

  it('the hover calls a linked claim linked and names its evidence; an unlinked one stays unattributed', () => {
    const text = `${CLAIM} [${URL}]. The state cut 4,000 jobs in Ohio in 2022, twice as many as in 2021.`;
    const analysis = analyze(text, { format: 'plaintext' });
    const said = (offset: number) =>
      hoverAt(analysis, text, offset, '/a.txt')
        ?.parts.map((p) => ('text' in p ? p.text : 'markdown' in p ? p.markdown : p.label))
        .join('');
    assert.equal(said(3), `**Linked claim:** evidence ${URL}`);
    assert.match(said(text.indexOf('The state') + 3) ?? '', /^\*\*Unattributed claim\*\*/);
  });
});
