// How the rules' messages quote the document (src/core/rules/quote-text.ts): one line in the Problems
// panel, cut at a word with "…", whitespace squeezed, and no Markdown.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { cutAtWord, cutEndAtWord, inWords, plainWords, quoteStart } from '../../src/core/rules/quote-text';
import { claimReasonWords } from '../../src/core/rules/unattributed-claim';

describe('quote text', () => {
  it('cuts a long passage after a whole word, without the punctuation the cut leaves', () => {
    assert.equal(
      cutAtWord('More than 300 homes in Riverside flooded in the spring of 2022, when the creek rose.'),
      'More than 300 homes in Riverside flooded…',
    );
    assert.equal(
      cutAtWord('Councillor Dana Whitfield, who voted against the plan, spoke.', 26),
      'Councillor Dana Whitfield…',
    );
    // A short passage is whole, without its full stop; a word longer than the limit is cut where it must be.
    assert.equal(cutAtWord('Costs rose 40%.'), 'Costs rose 40%');
    assert.equal(cutAtWord(`https://example.com/${'a'.repeat(60)}`, 30), `https://example.com/aaaaaaaaaa…`);
    assert.equal(
      cutEndAtWord('Okafor said the $48 million budget does not add up.', 30),
      '…million budget does not add up',
    );
  });

  it('squeezes whitespace and drops Markdown, so the Problems panel shows what the editor reads', () => {
    assert.equal(
      plainWords('## The  **Mayor** said\n  [the plan](https://x.org) was `final`'),
      'The Mayor said the plan was final',
    );
    assert.equal(plainWords('> “I’ll believe it when I see the concrete,”'), 'I’ll believe it when I see the concrete');
    const text = 'Intro.\n\nThe   council\n  voted 5-2 on **Tuesday** to spend $12 million on the wall.';
    assert.equal(quoteStart(text, { start: 8, end: text.length }), '“The council voted 5-2 on Tuesday to…”');
  });

  it('names at most two reasons, in words, and no bare "number" beside a sum of money', () => {
    assert.equal(inWords([]), '');
    assert.equal(inWords(['a number', 'a date', 'a name']), 'a number, a date and a name');
    assert.equal(claimReasonWords(['a past event', 'a number', 'a date']), 'a past event and a number');
    assert.equal(claimReasonWords(['a number', 'a sum of money', 'a date']), 'a sum of money and a date');
  });

  it('every message is one line, with no Markdown and no run of spaces', () => {
    const text = [
      '# Council **approves** flood wall',
      '',
      'The   city council voted 5-2 on Tuesday\nto spend $12 million on a flood wall, the largest project since 1987.',
      '',
      'A senior official said the state had promised to cover part of the cost. Experts say walls push water onto neighbours.',
      '',
      'He said “we will rebuild the bridge.',
      '',
      'The city council voted 5-2 on Tuesday\nto spend $12 million on a flood wall, the largest project since 1987.',
    ].join('\n');
    const messages = analyze(text, { format: 'markdown' }).messages;
    assert.ok(messages.length >= 5, JSON.stringify(messages));
    for (const { reason } of messages) {
      assert.doesNotMatch(reason, /\n|\s{2}|\*\*|`|\]\(/, reason);
      assert.ok(reason.length <= 140, reason);
    }
  });
});
