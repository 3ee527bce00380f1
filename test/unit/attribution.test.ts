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
      kind: 'direct',
      content: ['“We will rebuild the bridge by spring,”'],
      cue: 'said',
      mention: 'Mayor Ana Ruiz',
      source: 'Ana Ruiz',
    });
  });

  it('“…,” said X.', () => {
    const a = only('“The numbers do not add up,” said Tom Okafor, a budget analyst.');
    assert.equal(a.cue, 'said');
    // The appositive describes the speaker and belongs to the mention; the source is still named by the head.
    assert.equal(a.mention, 'Tom Okafor, a budget analyst');
    assert.equal(a.source, 'Tom Okafor');
    assert.equal(a.kind, 'direct');
  });

  it('X said: “…”', () => {
    const a = only('The minister said: “There will be no new taxes this year.”');
    assert.deepEqual(
      [a.kind, a.cue, a.mention, a.content[0]],
      ['direct', 'said', 'The minister', '“There will be no new taxes this year.”'],
    );
  });

  it('“…,” X said, “…” is one statement in two pieces', () => {
    const a = only('“We tried,” she said, “but the money ran out before the work was done.”');
    assert.deepEqual(a.content, ['“We tried,”', '“but the money ran out before the work was done.”']);
    assert.equal(a.mention, 'she');
  });

  it('X said (that) … is reported speech, its "that" part of the content', () => {
    const a = only('The ministry said that the new rules would take effect in March.');
    assert.deepEqual(
      [a.kind, a.cue, a.mention, a.content[0]],
      ['indirect', 'said', 'The ministry', 'that the new rules would take effect in March'],
    );
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
    assert.deepEqual(
      [b.content[0], b.cue, b.mention],
      ['growth slowed to 2 percent last year', 'According to', 'the World Bank'],
    );
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
    const text =
      '“We are not done,” said Maria Lopez, the union leader.\n“The strike goes on until the offer changes.”';
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

  it('scare quotes and verbs that report nothing are not attributions', () => {
    assert.deepEqual(readAttributions('The group declared a so-called “caliphate” spanning both countries.'), []);
    assert.deepEqual(readAttributions('The company built a new phone plant on Monday.'), []);
    assert.deepEqual(readAttributions('The attacks continue to pose a threat to the region.'), []);
    assert.deepEqual(readAttributions('The party won the support of most voters in the north.'), []);
  });

  it('"the public comment period" is a noun phrase, not "the public" commenting; the next "she" is the resident', () => {
    const text =
      'Public Works Director Samuel Reyes told the council the barrier would cost 48 million euros.\n\n' +
      'Maria Delgado, who has lived on Mill Lane for 31 years, spoke against the plan during the public comment ' +
      'period, saying the council had waited too long. She said her basement has flooded three times since 2019.';
    const read = readAttributions(text, analyze(text, { format: 'plaintext' }));
    assert.deepEqual(
      read.filter((a) => a.cue === 'comment'),
      [],
    );
    const basement = read.find((a) => a.content[0]?.startsWith('her basement'));
    assert.equal(basement?.source, 'Maria Delgado');
  });

  describe('positions: what a verb takes is the content', () => {
    it('object: X criticized …, up to the next clause', () => {
      assert.deepEqual(only('The senator criticized the president’s foreign policy and said nothing else.').content, [
        'the president’s foreign policy',
      ]);
      assert.deepEqual(only('The company announced a new phone on Monday.').content, ['a new phone on Monday']);
    });

    it('an appositive or a list stays in the object; a new clause after a comma ends it', () => {
      assert.equal(
        only('He has long supported a ban on all cloning, including cloning for research.').content[0],
        'a ban on all cloning, including cloning for research',
      );
      assert.equal(only('She criticized the budget, which passed on Monday.').content[0], 'the budget');
    });

    it('preposition: X called for …, X talked about …', () => {
      assert.deepEqual(pick(only('Sanders called for a recount in three counties.')), ['called for', 'Sanders']);
      assert.equal(only('She talked about her family’s farm, which closed in 1998.').content[0], 'her family’s farm');
    });

    it('to-infinitive: X wants to …, X vowed to …', () => {
      const a = only('Voters across Europe want to limit immigration.');
      assert.deepEqual([a.content[0], a.cue, a.mention], ['to limit immigration', 'want', 'Voters across Europe']);
    });

    it('object and infinitive: X urged Y to …; X called to …; leaders who can support …', () => {
      assert.equal(
        only('Some experts have urged party leaders to drop the plan.').content[0],
        'party leaders to drop the plan',
      );
      assert.equal(
        only('Most recently, Trump called to ban rallies in the park.').content[0],
        'to ban rallies in the park',
      );
      assert.equal(
        only('Among the delegates are party leaders who can support any candidate.').mention,
        'party leaders',
      );
    });

    it('“…, a spokesman told The Wall Street Journal” keeps whom it was told in the cue clause', () => {
      const a = only('He had been completing his second year, a school spokesman told The Wall Street Journal.');
      assert.deepEqual([a.content[0], a.mention], ['He had been completing his second year', 'a school spokesman']);
    });

    it('“…, according to X” holds a statement inside it, which keeps its own source', () => {
      const found = readAttributions('Most voters said that the economy was weak, according to a poll by the Ledger.');
      assert.deepEqual(
        found.map((a) => [a.content[0], a.mention]),
        [
          ['Most voters said that the economy was weak', 'a poll by the Ledger'],
          ['that the economy was weak', 'Most voters'],
        ],
      );
    });

    it('statements marked for how they yield to others (“according to”, a quote in a verb’s object) carry only the public fields', () => {
      const text =
        'Most voters said that the economy was weak, according to a poll by the Ledger. The mayor called the plan a “disgrace.”';
      const { attributions } = analyze(text);
      assert.equal(attributions.length, 3);
      for (const a of attributions)
        assert.deepEqual(Object.keys(a), ['kind', 'content', 'cue', 'sourceMention', 'source', 'channel', 'sentences']);
    });
  });

  it('a Markdown block quote after "X wrote:" is X’s', () => {
    const text = 'The senator wrote:\n\n> We will not let this stand.\n\nNothing followed.';
    const found = readAttributions(text, analyze(text, { format: 'markdown' }));
    assert.equal(found.length, 1);
    assert.deepEqual([found[0].kind, found[0].cue, found[0].mention], ['blockquote', 'wrote', 'The senator']);
  });

  describe('constructions of news writing', () => {
    it('“…,” X said, adding, “…”: two statements by one speaker', () => {
      const found = readAttributions('“The plan is dead,” Lee said on Monday, adding, “We will start again in May.”');
      assert.deepEqual(
        found.map((a) => [a.cue, a.source]),
        [
          ['said', 'Lee'],
          ['adding', 'Lee'],
        ],
      );
    });

    it('“…,” his colleague wrote: a possessive opens the speaker phrase after a quote', () => {
      const a = only('“He taught me everything I know about the mines,” his colleague wrote on Facebook.');
      assert.deepEqual([a.kind, a.cue, a.mention], ['direct', 'wrote', 'his colleague']);
      // Inside a clause the possessive is another phrase's: "told his aides" names whom, not who.
      const told = only('The governor told his aides that the budget would pass by June.');
      assert.equal(told.mention, 'The governor');
    });

    it('“…,” a title, Name, said: the aside before the name belongs to the speaker clause', () => {
      const a = only(
        '“California stuck out as a place to compete,” the campaign’s manager, Jeff Weaver, said in an interview.',
      );
      assert.deepEqual(
        [a.kind, a.content[0], a.mention],
        ['direct', '“California stuck out as a place to compete,”', 'Jeff Weaver'],
      );
      // A quote with no closing comma of its own runs on into the sentence: the words after it are content.
      const fragment = only('“This will be a challenge” for the governor, Kunin said.');
      assert.deepEqual([fragment.kind, fragment.content[0]], ['mixed', '“This will be a challenge” for the governor']);
    });

    it('an opening phrase, then the subject, its verb and ", saying, “…”": the subject is the speaker', () => {
      const found = readAttributions(
        'Here in Columbia, Sanders stepped up his emphasis on criminal justice, saying, “We have to do better.”',
      );
      const direct = found.find((a) => a.kind === 'direct');
      assert.deepEqual(
        [direct?.mention, direct?.cue, direct?.content],
        ['Sanders', 'saying', ['“We have to do better.”']],
      );
      // A participle that reports nothing ("holding") introduces no quote.
      const holding = readAttributions('At the rally, protesters stood outside, holding, “Dump Trump,” signs.');
      assert.ok(!holding.some((a) => a.kind === 'direct'));
    });

    it('Name: “…” with no verb', () => {
      const a = only('POLLS CLOSE EARLY - Mara Quist and Dev Patel: “We found that turnout fell in every county.”');
      assert.deepEqual([a.kind, a.cue, a.mention], ['direct', ':', 'Mara Quist and Dev Patel']);
    });

    it('Said X, “…” with the verb first', () => {
      const a = only('Said Comey, “The thought is very painful to us.”');
      assert.deepEqual([a.cue, a.mention], ['Said', 'Comey']);
    });

    it('a cue hanging off another verb: goes on to say, began by saying', () => {
      assert.equal(only('The email goes on to say: “Nothing here is new.”').mention, 'The email');
      assert.equal(only('The senator began by saying that the vote was rigged.').mention, 'The senator');
    });

    it('a speaker clause set into the sentence splits the content', () => {
      const a = only('The Republican nominee, he said, watched the Olympics to see who could jump highest.');
      assert.deepEqual(a.content, ['The Republican nominee', 'watched the Olympics to see who could jump highest']);
      assert.equal(a.mention, 'he');
    });

    it('a quote in the object of a verb: called him a “…”', () => {
      const a = only('Mayor Ruiz called the plan a “disgrace to the city,” and left the room.');
      assert.deepEqual([a.kind, a.cue, a.content[0]], ['mixed', 'called', 'the plan a “disgrace to the city,”']);
    });

    it('the cue takes the auxiliaries and adverbs before its verb: has also said, did not mention', () => {
      const a = only('Officials have repeatedly said that the bridge will reopen next month.');
      assert.deepEqual([a.cue, a.mention], ['have repeatedly said', 'Officials']);
      const b = only('“The figures do not add up,” Okafor has also said.');
      assert.deepEqual([b.cue, b.mention], ['has also said', 'Okafor']);
      assert.equal(only('The mayor didn’t mention that the budget had run out in May.').cue, 'didn’t mention');
    });

    it('the cue widens over no other word: the speaker’s clause and its commas stay out', () => {
      const a = only('Okafor, who has long opposed the plan, said that the figures did not add up.');
      assert.deepEqual([a.cue, a.mention], ['said', 'Okafor, who has long opposed the plan']);
      // "then" ends the quote's sentence, not the speaker's clause: the content before the cue is never taken.
      const b = only('The bridge will reopen next month and then, officials said, the tolls will rise.');
      assert.equal(b.cue, 'said');
    });

    it('a preposition after the cue verb is the cue’s: commented on | the reason, said of | the plan', () => {
      const a = only('The mayor has not commented on the reason for canceling the interview.');
      assert.deepEqual([a.cue, a.content[0]], ['has not commented on', 'the reason for canceling the interview']);
      assert.equal(only('Ruiz said of the plan that it would never pass the council.').cue, 'said of');
    });

    it('“to” and a time after the cue stay out of it: wants to limit …, said on Tuesday that …', () => {
      const a = only('Voters across Europe want to limit immigration.');
      assert.deepEqual([a.cue, a.content[0]], ['want', 'to limit immigration']);
      const b = only('Smith said on Tuesday that the bridge would reopen next month.');
      assert.deepEqual([b.cue, b.content[0]], ['said', 'that the bridge would reopen next month']);
    });

    it('a participle takes the sentence’s subject: …, saying …', () => {
      const a = only('Okafor voted against the budget on Tuesday, saying that the figures did not add up.');
      assert.deepEqual([a.cue, a.mention], ['saying', 'Okafor']);
    });

    it('told X that …: who was told comes before the content', () => {
      const a = only('Ruiz told a town hall in Salem on Monday that the bridge would open in May.');
      assert.equal(a.content[0], 'that the bridge would open in May');
    });

    it('a speaker with a party label or an aside: Gov. Phil Bryant (R) said; Fiorina, speaking to Iowans, said', () => {
      assert.equal(
        only('Gov. Phil Bryant (R) said he expects an appeal of the ruling.').mention,
        'Gov. Phil Bryant (R)',
      );
      assert.equal(only('Fiorina, speaking to Iowans, said, “You have not voted yet.”').mention, 'Fiorina');
    });

    it('phrasal cues and reversed appositives: he points out; her adviser, Jake Sullivan, said', () => {
      assert.deepEqual(pick(only('“Voters reject insiders,” he points out.')), ['points out', 'he']);
      assert.deepEqual(pick(only('Her senior adviser, Jake Sullivan, said: “She values a strong Europe.”')), [
        'said',
        'Jake Sullivan',
      ]);
      assert.deepEqual(pick(only('Said Dora Poynter, who grew up with him, “We were all so proud.”')), [
        'Said',
        'Dora Poynter, who grew up with him',
      ]);
    });
  });

  describe('clauses and speakers in scraped news text', () => {
    it('a clause with a curly-apostrophe auxiliary or a short or irregular past is reported speech', () => {
      assert.equal(
        only('Clinton says Sanders can’t name a single example.').content[0],
        'Sanders can’t name a single example',
      );
      assert.equal(
        only('A report published Wednesday said the minister used a private email account.').content[0],
        'the minister used a private email account',
      );
      assert.equal(
        only('The mayor said the council took the money from the school fund.').content[0],
        'the council took the money from the school fund',
      );
    });

    it('an age and a who-clause between the name and the cue: Jane Roe, 58, who …, says', () => {
      const a = only('Jane Roe, 58, who lives outside Salem, says she did not know much about the plan.');
      assert.deepEqual([a.mention, a.source], ['Jane Roe, 58, who lives outside Salem', 'Jane Roe']);
    });

    describe('a source mention takes the appositive that describes its speaker', () => {
      it('after the cue, to the end of the sentence, piece by piece', () => {
        const a = only(
          '“Borrowers are falling behind,” said Mark Kantrowitz, a student loan expert who has published several books.',
        );
        assert.deepEqual(
          [a.mention, a.source],
          ['Mark Kantrowitz, a student loan expert who has published several books', 'Mark Kantrowitz'],
        );
        const b = only(
          '“The economy is not at full strength,” said Josh Bivens, co-director of the Center for Economic ' +
            'and Policy Research, a liberal think tank.',
        );
        assert.equal(
          b.mention,
          'Josh Bivens, co-director of the Center for Economic and Policy Research, a liberal think tank',
        );
        assert.equal(b.source, 'Josh Bivens');
      });

      it('between the speaker and the cue: a title, a description, a relative clause', () => {
        const a = only('Jeff Weaver, Sanders’s campaign manager, said the campaign would fight on.');
        assert.deepEqual([a.mention, a.source], ['Jeff Weaver, Sanders’s campaign manager', 'Jeff Weaver']);
        const b = only('Ben Jealous, the former president of the NAACP, told reporters that he backed Sanders.');
        assert.deepEqual([b.mention, b.source], ['Ben Jealous, the former president of the NAACP', 'Ben Jealous']);
        const c = only('Karen Lee, founder of the Leadership Institute, said the party needed new members.');
        assert.deepEqual([c.mention, c.source], ['Karen Lee, founder of the Leadership Institute', 'Karen Lee']);
      });

      it('not an aside of circumstance, a clause of speech, or the content after “according to”', () => {
        assert.equal(
          only('Marco Rubio, speaking at a rally in Miami, said the race was far from over.').mention,
          'Marco Rubio',
        );
        assert.equal(only('Trump, in Kentucky, said Tuesday that Rubio was a lightweight.').mention, 'Trump');
        assert.equal(
          only('“I like him,” said Vice President Joe Biden, urging critics to give him time.').mention,
          'Vice President Joe Biden',
        );
        const found = readAttributions(
          'Barkley, who said he typically votes Democratic, said one candidate he likes is Kasich.',
        );
        assert.ok(
          found.every((a) => a.mention === null || !a.mention.includes(',')),
          JSON.stringify(found),
        );
        const a = only('According to the newspaper, the mayor has left the city for good.');
        assert.deepEqual([a.mention, a.content[0]], ['the newspaper', 'the mayor has left the city for good']);
      });

      it('keeps one source under its head name across mentions with and without the appositive', () => {
        const text = [
          'Tom Okafor, a budget analyst at the Urban Institute, said the plan would cost more than promised.',
          'Okafor added that the state had no reserves left.',
        ].join('\n');
        const analysis = analyze(text);
        assert.deepEqual(
          analysis.sources.map((s) => [s.name, s.type, s.attributions.length]),
          [['Tom Okafor', 'person', 2]],
        );
      });
    });

    it('a bare verb form after “a” is a noun: “A news report published …” has the report as its speaker', () => {
      assert.deepEqual(
        readAttributions('A news report published Wednesday said the minister used a private email account.').map(
          (a) => a.cue,
        ),
        ['said'],
      );
    });

    it('“…, said X, who …”: an aside about the speaker after a trailing cue keeps the statement', () => {
      const a = only('The deal was close, said Maria Lopez, who spoke at a news conference.');
      assert.deepEqual([a.content, a.cue, a.source], [['The deal was close'], 'said', 'Maria Lopez']);
      // A new clause after the comma is no aside: the speaker's clause does not close the sentence there.
      assert.deepEqual(
        readAttributions('Prices rose sharply last year, said the report, and wages fell in the second quarter.'),
        [],
      );
    });

    it('“…, compared with 64 percent who say the same” is not a trailing “…, said X”', () => {
      const found = readAttributions(
        'Most voters say they like the plan, compared with 64 percent who say the same of the old one.',
      );
      assert.deepEqual(
        found.map((a) => a.mention),
        ['Most voters'],
      );
    });
  });

  describe('statements with no source', () => {
    it('passive: X is expected to …, with the subject in the content and no source', () => {
      assert.deepEqual(only('The governor is widely expected to sign the bill next week.'), {
        kind: 'indirect',
        content: ['The governor', 'to sign the bill next week'],
        cue: 'is widely expected',
        mention: null,
        source: null,
      });
    });

    it('hedge: X has reportedly …', () => {
      const a = only('The club has reportedly spent $1.5 million on advertising this spring.');
      assert.deepEqual(
        [a.content, a.cue, a.mention],
        [['The club has', 'spent $1.5 million on advertising this spring'], 'reportedly', null],
      );
    });

    it('impression: X seemed to …, the writer’s, with the subject in the content and no source', () => {
      assert.deepEqual(only('Trump seemed to appreciate that concept in a Wednesday interview.'), {
        kind: 'indirect',
        content: ['Trump', 'to appreciate that concept in a Wednesday interview'],
        cue: 'seemed',
        mention: null,
        source: null,
      });
      assert.deepEqual(
        readAttributions('The 757 might seem like an odd choice, but the governor would appear to agree with it.').map(
          (a) => [a.content, a.cue, a.mention],
        ),
        [[['the governor', 'to agree with it'], 'would appear', null]],
      );
    });

    it('“appeared” without “to …” is no impression: nothing is said', () => {
      assert.deepEqual(readAttributions('She appeared on Fox News on Sunday with her husband and two children.'), []);
    });

    it('impersonal: it is unclear whether …', () => {
      const a = only('It is still unclear whether the council will approve the budget.');
      assert.deepEqual(
        [a.content, a.cue, a.mention],
        [['whether the council will approve the budget'], 'It is still unclear', null],
      );
    });

    it('a question from someone unnamed: Asked whether …, X said …', () => {
      const found = readAttributions('Asked whether he would run again, the mayor said that he had not decided yet.');
      assert.deepEqual(
        found.map((a) => [a.content[0], a.cue, a.mention]),
        [
          ['whether he would run again', 'Asked', null],
          ['that he had not decided yet', 'said', 'the mayor'],
        ],
      );
    });

    it('“Asked …, X said no”: the question stays its own statement, not the opening of X’s', () => {
      assert.deepEqual(
        readAttributions('Asked on Fox News who leads the party in his view, he said Ryan.').map((a) => [
          a.content,
          a.cue,
          a.mention,
        ]),
        [[['who leads the party in his view'], 'Asked', null]],
      );
      // A question with a cue of its own ("he thought") is still the question put to him.
      assert.deepEqual(
        readAttributions(
          'Asked if he thought the email went too far, Devine responded that the campaign had moved on.',
        ).map((a) => [a.content[0], a.cue, a.mention]),
        [
          ['if he thought the email went too far', 'Asked', null],
          ['that the campaign had moved on', 'responded', 'Devine'],
        ],
      );
    });

    it('a verb that is not “asked” still gives the opening words to the speaker after it', () => {
      assert.deepEqual(
        readAttributions('Without a deal on the budget by Friday, the city will close, the mayor said.').map((a) => [
          a.content,
          a.mention,
        ]),
        [[['Without a deal on the budget by Friday, the city will close'], 'the mayor']],
      );
    });

    describe('a cue in the passive: its subject did not say it', () => {
      const statements = (text: string) => readAttributions(text).map((a) => [a.content, a.cue, a.mention]);

      it('“X was asked about …” is a question from someone unnamed, not X’s statement', () => {
        assert.deepEqual(
          statements('At a town hall in Manchester, Clinton was asked about her plan to cut the cost of college.'),
          [[['her plan to cut the cost of college'], 'was asked', null]],
        );
      });

      it('“it was revealed that …” has no source, not “it”', () => {
        assert.deepEqual(
          statements(
            'Clinton came under heavy criticism when it was revealed in March that she had used a private account.',
          ),
          [[['that she had used a private account'], 'was revealed', null]],
        );
      });

      it('“X is accused of …” keeps X in the content, as what the statement is about', () => {
        assert.deepEqual(statements('Roof is accused of a massacre at a historic black church in Charleston.'), [
          [['Roof', 'a massacre at a historic black church in Charleston'], 'is accused', null],
        ]);
      });

      it('“known” is passive after “is best”, “became” or a bare noun: what it is known for has no source', () => {
        assert.deepEqual(statements('Pfizer is well known for making a wide variety of iconic drugs.'), [
          [['Pfizer', 'making a wide variety of iconic drugs'], 'is well known', null],
        ]);
        assert.deepEqual(
          statements('They waved to crowds in the neighborhood, a community known to be supportive of gay rights.'),
          [[['a community', 'to be supportive of gay rights'], 'known', null]],
        );
        assert.deepEqual(
          readAttributions('The uprising that became known as the Orange Revolution ended in January.').map(
            (a) => a.mention,
          ),
          [null],
        );
      });

      it('“has known” is active: its subject keeps the statement', () => {
        assert.deepEqual(
          readAttributions('The senator has known for weeks that the vote would fail.').map((a) => a.mention),
          ['The senator'],
        );
      });

      it('in a subordinate clause the content ends where the main clause, with its own speaker, starts', () => {
        assert.deepEqual(
          statements(
            'Shortly after Clinton was declared the winner in Maryland, Sanders told a crowd that he expects to win the state.',
          ),
          [
            [['Clinton', 'the winner in Maryland'], 'was declared', null],
            [['that he expects to win the state'], 'told', 'Sanders'],
          ],
        );
      });

      it('a “by” phrase names the source; a state of mind and “he’s said” (has said) keep their subject', () => {
        assert.deepEqual(
          readAttributions('Cruz was also endorsed the day before by former rival Carly Fiorina.').map(
            (a) => a.mention,
          ),
          ['former rival Carly Fiorina'],
        );
        assert.deepEqual(
          readAttributions('Democratic leaders are worried about leaving their convention without a united party.').map(
            (a) => a.mention,
          ),
          ['Democratic leaders'],
        );
        assert.deepEqual(
          readAttributions('But he’s also said that the Senate must hold hearings on any nominee.').map(
            (a) => a.mention,
          ),
          ['he’s'], // the contraction is one token; what counts is that the subject stays the speaker
        );
      });
    });

    it('a named agent or a plain passive is not a statement without a source', () => {
      assert.deepEqual(readAttributions('The bridge was expected by engineers to last a century.'), []);
      assert.deepEqual(readAttributions('The council is set to approve the budget on Monday.'), []);
    });

    it('sentence adverbs, wh-words, contractions and possessives are never the speaker', () => {
      const speakers = (text: string) => readAttributions(text).map((a) => a.mention);
      assert.deepEqual(
        speakers('Instead, he is touring the state with his family, asserting that he can win in New Hampshire.'),
        ['he'],
      );
      assert.deepEqual(speakers('Whatever his quarrels with the “moan” may be, the debate went on for hours.'), []);
      assert.deepEqual(speakers('Trump’s comments are making the race harder for every Republican on the ballot.'), []);
    });

    it('a coordinated predicate takes the sentence’s subject, not the words before “and”', () => {
      const a = only('She greeted supporters at a rally in Houston and told them that the state would turn blue.');
      assert.deepEqual([a.cue, a.mention], ['told', 'She']);
      const found = readAttributions('The column mocks Ann Lee, Tom Ruiz and Ed Park for criticizing the plan.');
      assert.deepEqual(
        found.map((a) => [a.cue, a.mention]),
        [['mocks', 'The column']],
      );
    });

    it('stays the writer’s own claim: nobody is on record for it', () => {
      const text = 'The company has reportedly lost $40 million since 2019 in three states.';
      assert.equal(analyze(text).claims.length, 1);
    });
  });
});

const pick = (a: { cue: string | null; mention: string | null }): [string | null, string | null] => [a.cue, a.mention];
