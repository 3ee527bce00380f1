import assert from 'node:assert/strict';
import { STRAY_GAP, strayBlocks, type ClusterInput } from '../../src/core/boilerplate/stray-clusters';

const kept = (chars: number): ClusterInput => ({ boilerplate: false, evidence: false, chars });
const byContext = (): ClusterInput => ({ boilerplate: true, evidence: false, chars: 20 });
const byEvidence = (): ClusterInput => ({ boilerplate: true, evidence: true, chars: 20 });

describe('boilerplate stray stretches', () => {
  it('flags a small kept stretch cut off from the article by a long run of boilerplate with evidence', () => {
    const gap = [byEvidence(), ...Array.from({ length: STRAY_GAP - 1 }, byContext)];
    const blocks = [kept(400), kept(300), kept(500), ...gap, kept(250)];
    assert.deepEqual(strayBlocks(blocks), [blocks.length - 1]);
  });

  it('keeps a stretch past a run one block too short, or of context alone, or as large as a third of the article', () => {
    const short = [byEvidence(), ...Array.from({ length: STRAY_GAP - 2 }, byContext)];
    assert.deepEqual(strayBlocks([kept(1200), ...short, kept(250)]), []);
    const contextOnly = Array.from({ length: STRAY_GAP + 5 }, byContext);
    assert.deepEqual(strayBlocks([kept(1200), ...contextOnly, kept(250)]), []);
    const gap = [byEvidence(), ...Array.from({ length: STRAY_GAP }, byContext)];
    assert.deepEqual(strayBlocks([kept(600), ...gap, kept(200), kept(100)]), []);
  });

  it('flags the smaller side whichever end it is on, and nothing in a page of one stretch', () => {
    const gap = [...Array.from({ length: STRAY_GAP }, byContext), byEvidence()];
    assert.deepEqual(strayBlocks([kept(90), kept(60), ...gap, kept(900)]), [0, 1]);
    assert.deepEqual(strayBlocks([kept(90), byEvidence(), kept(900)]), []);
    assert.deepEqual(strayBlocks([]), []);
  });
});
