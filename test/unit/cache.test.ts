// The analysis cache (analysis-cache.ts): after an edit only changed paragraphs are analysed again, and the result
// is the same as a fresh analysis of the new text, whatever edits came before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, createAnalysisCache } from '../../src/core/analyze';
import { TextMemo } from '../../src/core/text/text-memo';
import type { DocumentFormat } from '../../src/core/types';
import { mulberry32 } from '../support/random';

const SAMPLES: [string, DocumentFormat][] = [
  ['samples/agency-article.txt', 'plaintext'],
  ['samples/council-vote.md', 'markdown'],
];

/** Edits a typist makes: a character typed or deleted, a word pasted, a paragraph split or joined, a quote mark. */
function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const pieces = ['x', ' ', '“', '”', '"', '\n\n', ' said Ana Ruiz. ', '.', 'According to the agency, '];
  const kind = random();
  if (kind < 0.5) return text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
  const length = 1 + Math.floor(random() * 40);
  return text.slice(0, at) + text.slice(at + length);
}

describe('analysis cache', () => {
  for (const [path, format] of SAMPLES) {
    it(`${path}: after each of 60 random edits, the cached analysis equals a fresh one`, () => {
      const random = mulberry32(42);
      const cache = createAnalysisCache();
      let text = readFileSync(path, 'utf8');
      for (let step = 0; step < 60; step++) {
        const cached = analyze(text, { format, cache });
        const fresh = analyze(text, { format });
        assert.deepEqual(cached, fresh, `step ${step}`);
        text = randomEdit(text, random);
      }
      // 120 analyses: about a second alone, several on a machine shared with other builds.
    }).timeout(20_000);
  }

  it('an unchanged text is not computed again, and what the analyses stop using is forgotten', () => {
    let computed = 0;
    const memo = new TextMemo<number>();
    const run = (keys: string[]) => {
      for (const key of keys) memo.get(key, () => ++computed);
      memo.endRun();
    };
    const keys = Array.from({ length: 200 }, (_, i) => `paragraph ${i}`);
    run(keys);
    assert.equal(computed, 200);
    run([...keys.slice(0, 150), ...keys.slice(150).map((k) => `${k}, edited`)]);
    assert.equal(computed, 250, 'only the 50 new texts');
    // Unused entries stay until they outnumber the used ones (and a few more): 250 held for 200 used.
    assert.equal(memo.size, 250);
    run(keys.slice(0, 10));
    assert.equal(memo.size, 10, 'swept once the unused far outnumber the used');
    run([keys[199]]);
    assert.equal(computed, 251, 'a swept text is computed again');
  });

  it('keeps the analysis of a long document by its paragraphs: a one-character edit reuses all but one', () => {
    const paragraphs = Array.from(
      { length: 200 },
      (_, i) =>
        `“We will finish bridge number ${i} by spring,” Mayor Ana Ruiz said on Monday. The council voted ${i} to 3.`,
    );
    const cache = createAnalysisCache();
    analyze(paragraphs.join('\n\n'), { cache });
    const before = { sentences: cache.sentences.computed, statements: cache.statements.computed };
    paragraphs[100] = paragraphs[100].replace('spring', 'sprang');
    const edited = analyze(paragraphs.join('\n\n'), { cache });
    assert.deepEqual(edited, analyze(paragraphs.join('\n\n')));
    assert.equal(cache.sentences.computed - before.sentences, 1, 'one paragraph split into sentences again');
    assert.equal(cache.statements.computed - before.statements, 1, 'one sentence read for statements again');
    // Over many edits, old versions of paragraphs are swept before they outnumber the ones in use.
    for (let i = 0; i < 300; i++) {
      paragraphs[i % 200] = `${paragraphs[i % 200]} Edit ${i}.`;
      analyze(paragraphs.join('\n\n'), { cache });
      assert.ok(cache.sentences.size <= 2 * 200 + 64, `${cache.sentences.size} entries held after edit ${i}`);
    }
    // About 300 analyses of a 20 KB document: a second on an idle machine, past mocha's 2 s on a loaded one.
  }).timeout(20_000);

  it('finds the paragraphs and sentences an edit left alone by their offsets, without hashing their text', () => {
    // Varied enough to be neither duplicates nor boilerplate: every paragraph has a claim and a statement.
    const places = [
      'harbour',
      'tunnel',
      'school',
      'library',
      'museum',
      'stadium',
      'clinic',
      'station',
      'market',
      'park',
    ];
    const paragraphs = Array.from(
      { length: 100 },
      (_, i) =>
        `The ${places[i % 10]} number ${i} opens in ${1990 + i}, Mayor Ana Ruiz said of the ${places[(i * 7) % 10]}. ` +
        `Costs for the ${places[(i * 3) % 10]} rose ${i} percent since ${2000 + (i % 20)}.`,
    );
    const cache = createAnalysisCache();
    const memos = [cache.sentences, cache.statements, cache.worthiness, cache.passages, cache.blockFeatures];
    const hashed = () => memos.map((memo) => memo.lookedUpByText);
    analyze(paragraphs.join('\n\n'), { cache });
    const before = hashed();
    paragraphs[50] = paragraphs[50].replace('opens', 'will open');
    const text = paragraphs.join('\n\n');
    const analysis = analyze(text, { cache });
    assert.deepEqual(analysis, analyze(text));
    assert.equal(analysis.claims.length, 100);
    // Only keys in the edited paragraph are looked up by their words: at most its block and its sentences.
    hashed().forEach((count, i) => assert.ok(count - before[i] <= 2, `memo ${i}: ${count - before[i]} hashed`));
    // The same text again: every key is found where it was.
    const again = hashed();
    analyze(text, { cache });
    assert.deepEqual(hashed(), again);
  });
});
