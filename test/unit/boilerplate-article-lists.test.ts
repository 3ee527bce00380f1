import assert from 'node:assert/strict';
import { articleListBlocks, startsWithBullet, type ListLine } from '../../src/core/boilerplate/article-lists';
import { isArticleListLabel } from '../../src/core/boilerplate/phrase-rules';
import { BlockText, blockFeatures } from '../../src/core/boilerplate/features';

const label = (text: string) => {
  const block = new BlockText(text);
  return isArticleListLabel(block, blockFeatures(block).words);
};
const line = (text: string): ListLine => ({ label: label(text), item: startsWithBullet(text.trim()) });

describe('boilerplate article lists', () => {
  it('knows a review’s list labels in any case, with a colon or a typographic apostrophe, and nothing longer', () => {
    for (const text of ['PROS', 'Cons:', 'What we don’t like', 'Reasons to buy']) assert.ok(label(text), text);
    for (const text of ['Pros and cons of remote work for small teams', 'Prose', 'Consent', 'What we like about it'])
      assert.ok(!label(text), text);
  });

  it('takes a label and the bulleted items after it, through a second label, up to the first other line', () => {
    const lines = [
      'PROS',
      ' * Lightweight',
      ' * Good side pull design',
      'CONS',
      ' * Expensive',
      'Price: $175',
      ' * Other',
    ];
    assert.deepEqual(articleListBlocks(lines.map(line)), [0, 1, 2, 3, 4]);
  });

  it('takes no bulleted list without a label, nor a label’s next paragraph', () => {
    assert.deepEqual(articleListBlocks([' * Home', ' * Laptops', ' * Deals'].map(line)), []);
    assert.deepEqual(articleListBlocks(['Pros', 'It is light and quick to hang.'].map(line)), [0]);
  });
});
