import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { readAttributions } from './helpers';

const only = (text: string, options = {}) => {
  const found = readAttributions(text, analyze(text, options));
  assert.equal(found.length, 1, `expected one attribution, got ${JSON.stringify(found, null, 1)}`);
  return found[0];
};

describe('attribution', () => {
  it('“…,” X said.', () => {
    assert.deepEqual(only('“We will rebuild the bridge by spring,” Mayor Ana Ruiz said.'), {
      kind: 'direct', content: ['“We will rebuild the bridge by spring,”'], cue: 'said', mention: 'Mayor Ana Ruiz', source: 'Ana Ruiz',
    });
  });

  it('“…,” said X.', () => {
    const a = only('“The numbers do not add up,” said Tom Okafor, a budget analyst.');
    assert.equal(a.cue, 'said');
    assert.equal(a.mention, 'Tom Okafor');
    assert.equal(a.kind, 'direct');
  });

  it('X said: “…”', () => {
    const a = only('The minister said: “There will be no new taxes this year.”');
    assert.deepEqual([a.kind, a.cue, a.mention, a.content[0]], ['direct', 'said', 'The minister', '“There will be no new taxes this year.”']);
  });

  it('“…,” X said, “…” is one statement in two pieces', () => {
    const a = only('“We tried,” she said, “but the money ran out before the work was done.”');
    assert.deepEqual(a.content, ['“We tried,”', '“but the money ran out before the work was done.”']);
    assert.equal(a.mention, 'she');
  });

  it('X said (that) … is reported speech, its "that" part of the content', () => {
    const a = only('The ministry said that the new rules would take effect in March.');
    assert.deepEqual([a.kind, a.cue, a.mention, a.content[0]], ['indirect', 'said', 'The ministry', 'that the new rules would take effect in March']);
    const b = only('Smith said the plan would cost too much.');
    assert.equal(b.content[0], 'the plan would cost too much');
  });

  it('reported speech with quoted fragments is mixed', () => {
    const a = only('The agency added that arrests “have been made in several countries” after a long inquiry.');
    assert.equal(a.kind, 'mixed');
    assert.equal(a.content[0], 'that arrests “have been made in several countries” after a long inquiry');
  });

  it('…, X said. and According to X, …', () => {
    const a = only('The bridge will reopen next month, officials said.');
    assert.deepEqual([a.content[0], a.cue, a.mention], ['The bridge will reopen next month', 'said', 'officials']);
    const b = only('According to the World Bank, growth slowed to 2 percent last year.');
    assert.deepEqual([b.content[0], b.cue, b.mention], ['growth slowed to 2 percent last year', 'According to', 'the World Bank']);
    const c = only('Growth slowed to 2 percent last year, according to the World Bank.');
    assert.deepEqual([c.content[0], c.mention], ['Growth slowed to 2 percent last year', 'the World Bank']);
  });

  it('takes the channel: in a statement on X, told reporters', () => {
    const text = 'In a statement on X, the Port Authority said that the terminal would close for repairs.';
    const analysis = analyze(text);
    const channel = analysis.attributions[0].channel;
    assert.equal(channel && text.slice(channel.start, channel.end), 'In a statement on X');
    assert.deepEqual(analysis.sources[0].channels, ['a statement on X']);
  });

  it('a quote standing alone in the next paragraph continues the last speaker’s statement', () => {
    const text = '“We are not done,” said Maria Lopez, the union leader.\n“The strike goes on until the offer changes.”';
    const found = readAttributions(text);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].content, ['“We are not done,”', '“The strike goes on until the offer changes.”']);
    assert.equal(found[0].source, 'Maria Lopez');
  });

  it('a standalone quote after someone else’s reported speech gets that speaker but its own statement', () => {
    const text = 'The mayor said that the budget was final.\n“Nothing will change this year.”';
    const found = readAttributions(text);
    assert.equal(found.length, 2);
    assert.deepEqual([found[1].kind, found[1].cue, found[1].source], ['direct', null, found[0].source]);
  });

  it('a quoted fragment inside a longer clause is mixed speech, its clause the content', () => {
    const a = only('Senator Alan Park says “the wind is at our backs” despite the loss in Nevada.');
    assert.equal(a.kind, 'mixed');
    assert.equal(a.content[0], '“the wind is at our backs” despite the loss in Nevada');
  });

  it('a quote that runs over paragraphs is one statement', () => {
    const text = 'Jane Doe, the mayor, said:\n“The first paragraph of the quote goes on.\n“The last one closes here.”';
    const found = readAttributions(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].content.length, 2);
    assert.equal(found[0].source, 'Jane Doe');
  });

  it('scare quotes and verbs with objects are not attributions', () => {
    assert.deepEqual(readAttributions('The group declared a so-called “caliphate” spanning both countries.'), []);
    assert.deepEqual(readAttributions('The company announced a new phone on Monday.'), []);
    assert.deepEqual(readAttributions('The attacks continue to pose a threat to the region.'), []);
  });

  it('a Markdown block quote after "X wrote:" is X’s', () => {
    const text = 'The senator wrote:\n\n> We will not let this stand.\n\nNothing followed.';
    const found = readAttributions(text, analyze(text, { format: 'markdown' }));
    assert.equal(found.length, 1);
    assert.deepEqual([found[0].kind, found[0].cue, found[0].mention], ['blockquote', 'wrote', 'The senator']);
  });
});
