// The vague-source rule on realistic sentences: statements credited to an unnamed group or to nobody in
// particular are flagged, named and described sources are not, and a statement never gets both
// vague-source and anonymous-source.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { isImpersonalCue, vagueMention } from '../../src/core/lexicon/vague-sources';

/** The text of each message of `rule`, and its reason. */
function flagsOf(text: string, rule = 'vague-source'): { words: string; reason: string }[] {
  return analyze(text, { format: 'plaintext' })
    .messages.filter((m) => m.ruleId === rule)
    .map((m) => ({ words: text.slice(m.start, m.end), reason: m.reason }));
}
const wordsFlagged = (text: string, rule?: string): string[] => flagsOf(text, rule).map((flag) => flag.words);

describe('vague-source', () => {
  it('flags an unnamed group, and the message quotes the words and asks which', () => {
    assert.deepEqual(flagsOf('Experts say the bridge is unsafe.'), [
      { words: 'Experts say', reason: '“Experts say”: which experts? Name them, or say why not.' },
    ]);
    const [flag] = analyze('Experts say the bridge is unsafe.').messages;
    assert.equal(flag.severity, 'info');
  });

  it('flags groups after a quantifier, and quantifiers alone', () => {
    assert.deepEqual(wordsFlagged('Many believe the plan will fail.'), ['Many believe']);
    assert.deepEqual(
      flagsOf('Some say the plan will fail.')[0].reason,
      '“Some say”: who are they? Name them, or say why not.',
    );
    assert.deepEqual(wordsFlagged('Others say the plan will fail.'), ['Others say']);
    assert.deepEqual(wordsFlagged('Many experts say the plan will fail.'), ['Many experts say']);
    assert.deepEqual(wordsFlagged('Observers note that turnout was low.'), ['Observers note']);
    assert.deepEqual(wordsFlagged('Analysts expect prices to rise.'), ['Analysts expect']);
    assert.deepEqual(wordsFlagged('People are saying the mayor will resign.'), ['People are saying']);
    assert.deepEqual(wordsFlagged('Sources said the deal was close.'), ['Sources said']);
  });

  it('keeps "of …" after critics, opponents and supporters: it says what they stand for, not who they are', () => {
    assert.deepEqual(wordsFlagged('Critics of the plan argue it will raise rents.'), ['Critics of the plan argue']);
    assert.deepEqual(wordsFlagged('Opponents of the bill say it will cost jobs.'), ['Opponents of the bill say']);
  });

  it('quotes the mention with its cue, also when the cue follows the statement', () => {
    assert.deepEqual(wordsFlagged('The bridge will close in May, officials said.'), ['officials said']);
    assert.deepEqual(wordsFlagged('“The bridge will close in May,” experts said.'), ['experts said']);
  });

  it('flags an impersonal statement: a spread adverb, or a bare "it is said"', () => {
    assert.deepEqual(flagsOf('It is widely believed that the mayor will resign.'), [
      {
        words: 'It is widely believed',
        reason: '“It is widely believed”: by whom? Name who holds it, or say why not.',
      },
    ]);
    assert.deepEqual(wordsFlagged('It is widely thought that the mayor will resign.'), ['It is widely thought']);
    assert.deepEqual(wordsFlagged('The mayor is widely believed to be planning to resign.'), ['is widely believed']);
    assert.deepEqual(wordsFlagged('It is understood that the deal is close.'), ['It is understood']);
    assert.deepEqual(wordsFlagged('It was widely reported that the mayor would resign.'), ['It was widely reported']);
  });

  it('leaves named, affiliated and described sources alone', () => {
    assert.deepEqual(wordsFlagged('Engineers at the state transport department say the bridge is unsafe.'), []);
    assert.deepEqual(wordsFlagged('“It is unsafe,” said Maria Lopez, an engineer.'), []);
    assert.deepEqual(wordsFlagged('Officials at the Department of Transportation said the bridge would close.'), []);
    assert.deepEqual(wordsFlagged('Some of them say the plan will fail.'), []);
    assert.deepEqual(wordsFlagged('The meeting turned sour, according to people in attendance.'), []);
    assert.deepEqual(wordsFlagged('Some 200 people said they saw the car.'), []);
    assert.deepEqual(wordsFlagged('Prices are expected to rise.'), []);
  });

  it('splits with anonymous-source: a described or single unnamed source is anonymous-source’s, never both', () => {
    for (const text of [
      'A senior official said the talks had stalled.',
      'A source familiar with the talks said a deal was near.',
      'Two officials familiar with the negotiations said the state had not paid.',
      'Senior officials said the talks had stalled.',
    ]) {
      assert.deepEqual(wordsFlagged(text), [], text);
      assert.equal(wordsFlagged(text, 'anonymous-source').length, 1, text);
    }
    for (const text of [
      'The bridge will close in May, officials said.',
      'Critics of the plan argue it will raise rents.',
    ])
      assert.deepEqual(wordsFlagged(text, 'anonymous-source'), [], text);
  });

  it('is silenced by a control comment', () => {
    const text = 'source-lens: disable-next-line vague-source\nExperts say the bridge is unsafe.';
    assert.deepEqual(wordsFlagged(text), []);
  });

  it('reads the word lists: mentions and cues', () => {
    assert.deepEqual(vagueMention(['a', 'number', 'of', 'economists']), { kind: 'group', head: 'economists' });
    assert.deepEqual(vagueMention(['most']), { kind: 'quantifier' });
    assert.equal(vagueMention(['senior', 'officials']), undefined);
    assert.equal(vagueMention(['sources', 'close', 'to', 'the', 'minister']), undefined);
    assert.equal(vagueMention(['experts', 'at', 'the', 'university']), undefined);
    assert.equal(isImpersonalCue(['is', 'said'], true), true);
    assert.equal(isImpersonalCue(['is', 'said'], false), false);
    assert.equal(isImpersonalCue(['are', 'generally', 'expected'], false), true);
    assert.equal(isImpersonalCue(['are', 'expected'], true), false);
    assert.equal(isImpersonalCue(['widely', 'believed'], false), false);
  });
});
