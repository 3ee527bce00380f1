// Evidence for claims: a link, footnote reference or URL in a claim's own sentence makes it a linked
// claim (kept, with its evidence, but no unattributed-claim message); one in a neighbouring sentence, an
// image, or a URL written as inline code does not.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { toReport } from '../../src/core/report/json-report';
import { summarizeAnalysis } from '../../src/core/report/summary';
import type { DocumentFormat } from '../../src/core/types';

/** A sentence the claims model scores well above the threshold, with no source. */
const CLAIM = 'Unemployment rose to 7.5% in March 2023, the highest level since 2009';
const OTHER_CLAIM = 'The state cut 4,000 jobs in Ohio in 2022, twice as many as in 2021.';

interface Read {
  claim: string;
  evidence: { kind: string; target: string; text: string }[] | undefined;
}

function claimsOf(text: string, format: DocumentFormat): Read[] {
  return analyze(text, { format }).claims.map((c) => ({
    claim: text.slice(c.start, c.end),
    evidence: c.evidence?.map((e) => ({ kind: e.kind, target: e.target, text: text.slice(e.start, e.end) })),
  }));
}

/** The text of each unattributed-claim message. */
function flagged(text: string, format: DocumentFormat): string[] {
  return analyze(text, { format })
    .messages.filter((m) => m.ruleId === 'unattributed-claim')
    .map((m) => text.slice(m.start, m.end));
}

/** The evidence of the claim whose text starts with `start`. */
function evidenceOf(text: string, format: DocumentFormat, start = 'Unemployment'): Read['evidence'] {
  const claim = claimsOf(text, format).find((c) => c.claim.startsWith(start));
  assert.ok(claim, `a claim starting "${start}" in ${JSON.stringify(text)}`);
  return claim.evidence;
}

describe('evidence for claims', () => {
  it('the test sentences are claims with no evidence to begin with', () => {
    assert.deepEqual(flagged(`${CLAIM}. ${OTHER_CLAIM}`, 'plaintext'), [`${CLAIM}.`, OTHER_CLAIM]);
    assert.deepEqual(flagged(`${CLAIM}. ${OTHER_CLAIM}\n`, 'markdown'), [`${CLAIM}.`, OTHER_CLAIM]);
  });

  describe('Markdown, from remark', () => {
    it('an inline link is evidence, and the claim is linked, not flagged', () => {
      const text = `Unemployment rose to [7.5%](https://bls.gov/cps) in March 2023, the highest level since 2009. ${OTHER_CLAIM}\n`;
      assert.deepEqual(evidenceOf(text, 'markdown'), [
        { kind: 'link', target: 'https://bls.gov/cps', text: '[7.5%](https://bls.gov/cps)' },
      ]);
      assert.deepEqual(flagged(text, 'markdown'), [OTHER_CLAIM]);
    });

    it('a reference link with its definition is evidence; without one it is text', () => {
      const linked = 'Unemployment rose to 7.5% in March 2023, the [highest level since 2009]';
      assert.deepEqual(evidenceOf(`${linked}[bls].\n\n[bls]: https://bls.gov\n`, 'markdown'), [
        { kind: 'link', target: 'https://bls.gov', text: '[highest level since 2009][bls]' },
      ]);
      assert.deepEqual(evidenceOf(`${linked}.\n\n[Highest level since 2009]: https://bls.gov\n`, 'markdown'), [
        { kind: 'link', target: 'https://bls.gov', text: '[highest level since 2009]' },
      ]);
      assert.equal(evidenceOf(`${linked}[bls].\n`, 'markdown'), undefined);
    });

    it('a footnote reference, before or after the full stop, takes its definition as the target', () => {
      const before = `${CLAIM}[^1]. ${OTHER_CLAIM}\n\n[^1]: https://bls.gov/cps\n`;
      assert.deepEqual(evidenceOf(before, 'markdown'), [
        { kind: 'footnote', target: 'https://bls.gov/cps', text: '[^1]' },
      ]);
      // After the stop (Chicago style) the reference still belongs to its sentence, not the next one.
      const after = `${CLAIM}.[^1] ${OTHER_CLAIM}\n\n[^1]: https://bls.gov/cps\n`;
      assert.deepEqual(evidenceOf(after, 'markdown'), [
        { kind: 'footnote', target: 'https://bls.gov/cps', text: '[^1]' },
      ]);
      assert.deepEqual(flagged(after, 'markdown'), [OTHER_CLAIM]);
    });

    it('a footnote whose note is text, or that has no note yet, still counts', () => {
      const noted = `${CLAIM}[^bls].\n\n[^bls]: Bureau of Labor Statistics, April 2023.\n`;
      assert.deepEqual(evidenceOf(noted, 'markdown'), [
        { kind: 'footnote', target: 'Bureau of Labor Statistics, April 2023.', text: '[^bls]' },
      ]);
      assert.deepEqual(evidenceOf(`${CLAIM}[^2].\n`, 'markdown'), [{ kind: 'footnote', target: '[^2]', text: '[^2]' }]);
    });

    it('an autolink and a bare URL are evidence', () => {
      assert.deepEqual(evidenceOf(`${CLAIM} (see <https://bls.gov/cps>).\n`, 'markdown'), [
        { kind: 'url', target: 'https://bls.gov/cps', text: '<https://bls.gov/cps>' },
      ]);
      assert.deepEqual(evidenceOf(`${CLAIM}, see https://bls.gov/cps.\n`, 'markdown'), [
        { kind: 'url', target: 'https://bls.gov/cps', text: 'https://bls.gov/cps' },
      ]);
    });

    it('a link in the neighbouring sentence does not count', () => {
      const text = `${CLAIM}. The figures are [online](https://bls.gov/cps). ${OTHER_CLAIM}\n`;
      assert.equal(evidenceOf(text, 'markdown'), undefined);
      assert.equal(evidenceOf(text, 'markdown', 'The state'), undefined);
      assert.deepEqual(flagged(text, 'markdown'), [`${CLAIM}.`, OTHER_CLAIM]);
    });

    it('an image is not evidence, nor a URL in inline code, nor an escaped footnote', () => {
      assert.equal(evidenceOf(`${CLAIM} ![chart](https://bls.gov/chart.png).\n`, 'markdown'), undefined);
      assert.equal(evidenceOf(`${CLAIM}, up from \`https://bls.gov/cps\`.\n`, 'markdown'), undefined);
      assert.equal(evidenceOf(`${CLAIM} \\[^1].\n`, 'markdown'), undefined);
    });
  });

  describe('plain text, from text patterns', () => {
    it('a bracketed or bare URL, www. and a footnote mark are evidence', () => {
      assert.deepEqual(evidenceOf(`${CLAIM} [https://bls.gov/cps]. ${OTHER_CLAIM}`, 'plaintext'), [
        { kind: 'url', target: 'https://bls.gov/cps', text: 'https://bls.gov/cps' },
      ]);
      assert.deepEqual(evidenceOf(`${CLAIM} (www.bls.gov).`, 'plaintext'), [
        { kind: 'url', target: 'www.bls.gov', text: 'www.bls.gov' },
      ]);
      assert.deepEqual(evidenceOf(`${CLAIM}.[^1] ${OTHER_CLAIM}\n\n[^1]: https://bls.gov`, 'plaintext'), [
        { kind: 'footnote', target: 'https://bls.gov', text: '[^1]' },
      ]);
      assert.deepEqual(flagged(`${CLAIM} [https://bls.gov/cps]. ${OTHER_CLAIM}`, 'plaintext'), [OTHER_CLAIM]);
    });

    it('a URL in the next sentence, an e-mail address or "www." alone is not', () => {
      assert.equal(evidenceOf(`${CLAIM}. More at https://bls.gov/cps today.`, 'plaintext'), undefined);
      assert.equal(evidenceOf(`${CLAIM}, wrote press@bls.gov.`, 'plaintext'), undefined);
      assert.equal(evidenceOf(`${CLAIM} on www. sites.`, 'plaintext'), undefined);
    });
  });

  it('evidence does not change check-worthiness: the claim and its score stay', () => {
    const plain = analyze(`${CLAIM} [https://bls.gov/cps].`, { format: 'plaintext' }).claims;
    const linked = analyze(
      `Unemployment rose to [7.5%](https://bls.gov) in March 2023, the highest level since 2009.`,
      {
        format: 'markdown',
      },
    ).claims;
    const bare = analyze(`${CLAIM}.`, { format: 'markdown' }).claims;
    assert.equal(linked.length, 1);
    assert.equal(linked[0].score, bare[0].score);
    assert.deepEqual(linked[0].reasons, bare[0].reasons);
    assert.equal(plain.length, 1);
  });

  it('the JSON report carries evidence on linked claims only, and the summary counts them apart', () => {
    const text = `${CLAIM} [https://bls.gov/cps]. ${OTHER_CLAIM}`;
    const analysis = analyze(text, { format: 'plaintext' });
    const [linked, unlinked] = toReport('a.txt', analysis).claims;
    assert.deepEqual(linked.evidence, [{ kind: 'url', target: 'https://bls.gov/cps', start: 71, end: 90 }]);
    assert.equal(text.slice(71, 90), 'https://bls.gov/cps');
    assert.ok(!('evidence' in unlinked));
    const summary = summarizeAnalysis(analysis);
    assert.equal(summary.unattributed, 1);
    assert.equal(summary.linked, 1);
  });
});
