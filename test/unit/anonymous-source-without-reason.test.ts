// The anonymous-source-without-reason rule on realistic sentences: an unnamed source is flagged unless its
// sentence or the next says why it is not named; vague groups ("officials said") are not its to flag.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { givesAnonymityReason } from '../../src/core/lexicon/anonymity-reasons';

const RULE = 'anonymous-source-without-reason';

/** The words each message of `rule` marks. */
const wordsFlagged = (text: string, rule = RULE): string[] =>
  analyze(text, { format: 'plaintext' })
    .messages.filter((m) => m.ruleId === rule)
    .map((m) => text.slice(m.start, m.end));

describe('anonymous-source-without-reason', () => {
  it('flags an unnamed source with no reason, as a warning beside anonymous-source', () => {
    const text = 'A senior official said the deal was close.';
    const messages = analyze(text).messages.filter((m) => m.ruleId === RULE);
    assert.deepEqual(
      messages.map((m) => [text.slice(m.start, m.end), m.reason, m.severity]),
      [
        [
          'A senior official',
          'No reason given for not naming “A senior official”: say why, here or in the next sentence.',
          'warning',
        ],
      ],
    );
    assert.deepEqual(wordsFlagged(text, 'anonymous-source'), ['A senior official']);
  });

  it('leaves a source whose sentence gives the reason', () => {
    for (const text of [
      'The deal is close, a senior official said on condition of anonymity because he was not authorized to discuss the talks.',
      'A senior official said the deal was close, speaking on condition of anonymity because he was not authorized to discuss the talks.',
      'Two people familiar with the talks said the deal was close, speaking on condition of anonymity to discuss private deliberations.',
      'The deal was close, according to a source familiar with the talks, who asked not to be named for fear of reprisal.',
    ]) {
      // Each is an unnamed source (so the rule was asked), and each gives its reason.
      assert.equal(wordsFlagged(text, 'anonymous-source').length, 1, text);
      assert.deepEqual(wordsFlagged(text), [], text);
    }
    // The source is still unnamed: anonymous-source says so.
    assert.equal(
      wordsFlagged(
        'Two people familiar with the talks said the deal was close, speaking on condition of anonymity to discuss private deliberations.',
        'anonymous-source',
      ).length,
      1,
    );
  });

  it('reads the next sentence, and no further', () => {
    assert.deepEqual(
      wordsFlagged('A senior official said the deal was close. He was not authorized to speak publicly.'),
      [],
    );
    assert.deepEqual(
      wordsFlagged(
        'A senior official said the deal was close. The talks began in May. He was not authorized to speak publicly.',
      ),
      ['A senior official'],
    );
  });

  it('flags a grant of anonymity that gives no reason', () => {
    assert.deepEqual(wordsFlagged('A senior official said the deal was close, speaking on condition of anonymity.'), [
      'A senior official',
    ]);
  });

  it('leaves vague groups and named sources to others', () => {
    assert.deepEqual(wordsFlagged('The bridge will close in May, officials said.'), []);
    assert.deepEqual(wordsFlagged('Experts say the bridge is unsafe.'), []);
    assert.deepEqual(wordsFlagged('Maria Lopez, the transport minister, said the deal was close.'), []);
  });

  it('is silenced by a control comment', () => {
    const text = `source-lens: disable-next-line ${RULE}\nA senior official said the deal was close.`;
    assert.deepEqual(wordsFlagged(text), []);
    assert.deepEqual(wordsFlagged(text, 'anonymous-source'), ['A senior official']);
  });

  it('reads the word list: reasons, and grants with the word that opens their reason', () => {
    const reads = (phrase: string): boolean => givesAnonymityReason(phrase.split(' '));
    assert.equal(reads('he was not authorised to speak publicly'), true);
    assert.equal(reads('who asked not to be named since the talks are confidential'), true);
    assert.equal(reads('for fear of reprisal'), true);
    assert.equal(reads('because the investigation is ongoing'), true);
    assert.equal(reads('who spoke on condition of anonymity'), false);
    assert.equal(reads('the deal was close'), false);
  });
});
