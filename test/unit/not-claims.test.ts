// Headlines, bylines, captions, datelines and scene-setting sentences are not claims
// (src/core/claims/not-claims.ts): real-looking lines both ways, and what the claims stage then flags.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { isCaption, isNotClaimLine, isSceneSetting } from '../../src/core/claims/not-claims';

const claimsOf = (text: string, format: 'markdown' | 'plaintext' = 'plaintext'): string[] =>
  analyze(text, { format }).claims.map((c) => text.slice(c.start, c.end));

const LEAD =
  'The city council voted 5-2 on Tuesday night to spend $12 million on a concrete flood wall along the Mill ' +
  'Creek, ending two years of debate over how to protect the low-lying Riverside neighbourhood.';

describe('not claims', () => {
  it('reads headlines and bylines as lines, and prose as prose', () => {
    for (const line of [
      'Council Approves $12 Million Flood Wall for Riverside',
      'RED STATES OUTNUMBER BLUE STATES FOR THE FIRST TIME',
      'By Jane Smith | Staff Writer',
      'By Jane Smith and Ali Khan, Associated Press',
      'Jane Smith, Senior Correspondent',
      'Photo: Residents fill sandbags on Mill Street in April 2022.',
      'Image credit: City of Riverside',
    ])
      assert.equal(isNotClaimLine(line, false), true, line);
    for (const line of [
      LEAD,
      'By Labor Day, he had hired staff in many of those states.',
      'Traffic on the old bridge has doubled since 2010',
      'More than 300 homes in Riverside flooded in the spring of 2022.',
      'Picture this: the council spent $12 million in one night.',
    ])
      assert.equal(isNotClaimLine(line, false), false, line);
    // On the first line a headline needs no capitals, only to be short and unpunctuated.
    assert.equal(isNotClaimLine('Auction of gun used to kill Trayvon quashed again', true), true);
  });

  it('reads a caption by its label or its credit', () => {
    const caption = (text: string) => isCaption(text, { start: 0, end: text.length });
    assert.equal(caption('Residents fill sandbags on Mill Street in April 2022. (Photo by Sam Lee)'), true);
    assert.equal(caption('Mayor Ana Ruiz at the ribbon cutting. (Photo by Sam Lee)'), true);
    assert.equal(caption('Photograph: the creek at its height in 2022, when 300 homes flooded.'), true);
    assert.equal(caption('The AP photographer who took the picture said the water rose in an hour.'), false);
  });

  it('reads a scene-setting sentence by the feeling it reports, not by "For …," alone', () => {
    assert.equal(
      isSceneSetting('For Maria Delgado, who has lived on Mill Street for 31 years, the vote came as a relief.'),
      true,
    );
    assert.equal(isSceneSetting('For President Obama, it was a day of celebration.'), true);
    for (const sentence of [
      'For Trump, 38% of likely voters would be scared if the real estate mogul won the GOP nomination.',
      'For Clinton, the event presented an opportunity to roll out her five-year infrastructure plan.',
      'For Trump, the Republican front-runner, the contest was a victory worth 99 delegates.',
    ])
      assert.equal(isSceneSetting(sentence), false, sentence);
  });

  // A local-news draft as an editor gets it: headline, byline and dateline on the lead's lines.
  const DRAFT = [
    'Council Approves $12 Million Flood Wall for Riverside',
    'By Jane Smith | Staff Writer',
    `RIVERSIDE — ${LEAD}`,
    '',
    'More than 300 homes in Riverside flooded in the spring of 2022, when the creek rose nine feet in two days.',
    '',
    'For Maria Delgado, who has lived on Mill Street for 31 years, the vote came as a relief.',
    '',
    'She said her basement has flooded four times since 2015. “I’ll believe it when I see the concrete,” she said.',
    '',
    'Public Works Director Samuel Reyes told the council that construction could begin next summer and would ' +
      'take about 18 months. Reyes said the wall would be built to withstand a 100-year flood.',
    '',
    'Councillor Dana Whitfield, who voted against the plan, said the cost had doubled since the first estimate.',
    '',
    'A senior city official said the state had promised to cover part of the cost.',
    '',
    'The wall will be paid for with a bond issue, which raised property taxes by 2 percent last year.',
  ];
  const FIGURES = [
    'More than 300 homes in Riverside flooded in the spring of 2022, when the creek rose nine feet in two days.',
    'The wall will be paid for with a bond issue, which raised property taxes by 2 percent last year.',
  ];

  it('a plain-text draft: headline, byline, dateline and scene-setting skipped; the lead and figures kept', () => {
    assert.deepEqual(claimsOf(DRAFT.join('\n')), [LEAD, ...FIGURES]);
  });

  it('a Markdown heading is not a claim; the same words in the body are', () => {
    const heading = 'Council approves $12 million flood wall after 300 homes flooded in 2022';
    const markdown = [`# ${heading}`, '', ...DRAFT.slice(2)].join('\n');
    assert.deepEqual(claimsOf(markdown, 'markdown'), [LEAD, ...FIGURES]);
    const inBody = [...DRAFT.slice(2), '', `Then: ${heading}.`].join('\n');
    // A caption's sentence is a claim without its credit, and not with it.
    const photo = 'Residents filled 4,000 sandbags on Mill Street in April 2022, two days before the creek crested.';
    const captioned = [...DRAFT.slice(2, 5), '', `${photo} (Photo by Sam Lee)`, '', ...DRAFT.slice(5)].join('\n');
    assert.ok(claimsOf(captioned.replace(' (Photo by Sam Lee)', ''), 'markdown').includes(photo));
    assert.ok(!claimsOf(captioned, 'markdown').includes(photo));
    assert.deepEqual(analyze(captioned, { format: 'markdown' }).boilerplate, [], 'the boilerplate stage leaves it');
    assert.deepEqual(claimsOf(inBody, 'markdown'), [LEAD, ...FIGURES, `Then: ${heading}.`]);
  });
});
