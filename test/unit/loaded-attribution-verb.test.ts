// The loaded-attribution-verb rule on realistic sentences: which cue verbs it flags, which neighbours it
// leaves alone, the neutral verb it offers, and that applying that verb touches only the verb.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { neutralVerbFor } from '../../src/core/lexicon/loaded-verbs';
import { buildMessages } from '../../src/core/rules';
import type { Analysis, DocumentFormat, Message } from '../../src/core/types';

const flagsOf = (messages: readonly Message[]): Message[] =>
  messages.filter((m) => m.ruleId === 'loaded-attribution-verb');

/** The flagged words, and the text after every quick fix is applied (last first, so offsets hold). */
function check(text: string, format: DocumentFormat = 'plaintext'): { words: string[]; fixed: string } {
  const flags = flagsOf(analyze(text, { format }).messages);
  let fixed = text;
  for (const flag of [...flags].reverse()) {
    assert.equal(flag.expected?.length, 1, flag.reason);
    fixed = fixed.slice(0, flag.start) + flag.expected[0] + fixed.slice(flag.end);
  }
  return { words: flags.map((m) => text.slice(m.start, m.end)), fixed };
}

describe('loaded-attribution-verb', () => {
  it('flags a cue verb that judges the statement, and names the neutral verb in the message', () => {
    const text = 'The senator claimed the bill was dead.';
    const [flag] = flagsOf(analyze(text).messages);
    assert.deepEqual(
      { word: text.slice(flag.start, flag.end), reason: flag.reason, expected: flag.expected, severity: flag.severity },
      {
        word: 'claimed',
        reason: '“claimed” judges the statement; “said” reports it neutrally.',
        expected: ['said'],
        severity: 'info',
      },
    );
    assert.equal(check(text).fixed, 'The senator said the bill was dead.');
  });

  it('keeps the tense and person: present, past, after a direct quote', () => {
    assert.deepEqual(check('The mayor admits the plan failed, and insists it will work next year.'), {
      words: ['admits', 'insists'],
      fixed: 'The mayor says the plan failed, and says it will work next year.',
    });
    assert.deepEqual(check('Smith admitted that the plan had failed.').fixed, 'Smith said that the plan had failed.');
    assert.deepEqual(check('“We will win,” he insisted.').fixed, '“We will win,” he said.');
    assert.deepEqual(
      check('The report reveals that emissions rose by 4 percent.').fixed,
      'The report says that emissions rose by 4 percent.',
    );
  });

  it('replaces only the verb of a cue with auxiliaries', () => {
    assert.deepEqual(check('The company has claimed that its product is safe.'), {
      words: ['claimed'],
      fixed: 'The company has said that its product is safe.',
    });
    assert.deepEqual(check('It was revealed that the minister had resigned.'), {
      words: ['revealed'],
      fixed: 'It was said that the minister had resigned.',
    });
  });

  it('"claims" before an infinitive, which has no one-word neutral twin', () => {
    assert.equal(
      neutralVerbFor('claims', () => ({ before: 'he', after: 'to' })),
      undefined,
    );
    assert.equal(
      neutralVerbFor('claims', () => ({ before: 'he', after: 'that' })),
      'says',
    );
    assert.equal(
      neutralVerbFor('insisted', () => ({ before: 'she', after: 'to' })),
      'said',
    );
  });

  it('"alleged" only before "that", never as an adjective', () => {
    assert.deepEqual(check('Prosecutors alleged that he stole the money.').words, ['alleged']);
    assert.deepEqual(check('The alleged thief was arrested on Monday, police said.').words, []);
  });

  it('leaves alone the same words where they report no statement, and neutral cues', () => {
    for (const text of [
      'He claims the award.',
      'He conceded defeat on Tuesday night.',
      'He was admitted to hospital on Monday, his wife said.',
      'Police said the man had admitted to the crime.',
      'The senator said the bill was dead.',
      // The tagger reads "claims" here as a cue; after a possessive it is a noun.
      "Despite Mr. Trump's claims that his net worth exceeds $10 billion, all of the wealth research firms put him far lower in rankings.",
    ])
      assert.deepEqual(check(text).words, [], text);
  });

  it('leaves alone a speaker’s own words inside quotation marks', () => {
    assert.deepEqual(check('“I admit nothing,” she said.').words, []);
    // A statement the stages found inside a quotation (a quoted speaker quoting someone): its cue is quoted.
    const text = 'She said: “He claimed the bill was dead.”';
    const analysis = analyze(text);
    const cue = { start: text.indexOf('claimed'), end: text.indexOf('claimed') + 'claimed'.length };
    const nested: Analysis = {
      ...analysis,
      attributions: [
        ...analysis.attributions,
        { kind: 'indirect', content: [], cue, sourceMention: null, source: null, channel: null, sentences: [0] },
      ],
    };
    assert.deepEqual(flagsOf(buildMessages(text, nested, [])), []);
  });

  it('reads the tagger’s cues as the rules’ ones, and flags a cue shared by two statements once', () => {
    const text = 'The senator claimed the bill was dead.';
    const analysis = analyze(text);
    const [statement] = analysis.attributions;
    const twice: Analysis = { ...analysis, attributions: [statement, { ...statement, foundBy: 'tagger' }] };
    assert.equal(flagsOf(buildMessages(text, twice, [])).length, 1);
    assert.equal(flagsOf(buildMessages(text, { ...analysis, attributions: [twice.attributions[1]] }, [])).length, 1);
  });

  it('is silenced by a control comment, in plain text and Markdown', () => {
    const plain = 'source-lens: disable-next-line loaded-attribution-verb\nThe senator claimed the bill was dead.';
    assert.deepEqual(check(plain).words, []);
    const markdown = '<!-- source-lens-disable loaded-attribution-verb -->\n\nThe senator claimed the bill was dead.\n';
    assert.deepEqual(check(markdown, 'markdown').words, []);
    assert.deepEqual(check(markdown.replace(/<!--.*-->\n\n/, ''), 'markdown').words, ['claimed']);
  });

  it('the word list: every form in the same tense and person, a capital kept, no noun', () => {
    const neutral = (word: string, before = 'he', after = 'the') => neutralVerbFor(word, () => ({ before, after }));
    assert.deepEqual(
      ['claim', 'claims', 'claiming', 'Conceded', 'confesses', 'boasted', 'said'].map((word) => neutral(word)),
      ['say', 'says', 'saying', 'Said', 'says', 'said', undefined],
    );
    assert.equal(neutral('alleges', 'she', 'that'), 'says');
    assert.equal(neutral('alleges', 'she', 'fraud'), undefined);
    // "their claims", "Trump's claims that …" are nouns; "he's claimed" is "he has claimed".
    assert.equal(neutral('claims', 'their'), undefined);
    assert.equal(neutral('claims', 'trump’s'), undefined);
    assert.equal(neutral('claimed', 'he’s'), 'said');
  });
});
