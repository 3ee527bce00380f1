// Analyze Workspace's pool (src/extension/corpus-pool.ts) outside VS Code: the documents' stages on helper
// workers of the extension's own worker script give the same analyses as the core's analyzeCorpus in one
// thread, with any number of helpers, and the corpus runs inline when no helper can start.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeCorpus } from '../../src/core';
import { analyzeCorpusOnPool } from '../../src/extension/corpus-pool';

const SHARED = 'Engineers warned that rationing could return by August if the reservoir keeps falling at this rate.';
const FOOTER = 'Subscribe to our newsletter for the latest news. All rights reserved.';
const documents = Array.from({ length: 7 }, (_, i) => ({
  path: `story-${i}.md`,
  text:
    `Story ${i} opens on day ${i + 1}. “We saw ${i + 2} trucks,” Officer Lee ${i} said on Monday.\n\n` +
    `${i === 1 || i === 4 ? SHARED : `A paragraph of its own, number ${i}, unlike the others.`}\n\n${FOOTER}\n`,
}));

describe("Analyze Workspace's worker pool", () => {
  const oneThread = analyzeCorpus(documents).map((r) => r.analysis);

  it('gives the analyses of one thread: cross-document duplicates and recurring boilerplate included', async function () {
    this.timeout(20000); // helpers load the core before they answer
    assert.ok(
      oneThread.some((a, i) => a.duplicates.some((d) => d.of.path !== documents[i].path)),
      'a duplicate across documents',
    );
    assert.ok(oneThread.every((a) => a.boilerplate.length > 0));
    for (const jobs of [2, 3]) {
      const pooled = await analyzeCorpusOnPool(documents, {}, jobs, join(__dirname, 'analysis-worker.js'));
      assert.equal(pooled.helpers, jobs, 'the helpers made them (not the inline fallback)');
      assert.deepEqual(pooled.analyses, oneThread, `${jobs} helpers`);
    }
  });

  it('runs inline when no helper can start, with the same analyses', async () => {
    const inline = await analyzeCorpusOnPool(documents, {}, 2, join(__dirname, 'no-such-worker.js'));
    assert.equal(inline.helpers, 0);
    assert.deepEqual(inline.analyses, oneThread);
  });
});
