import assert from 'node:assert/strict';
import { blockKey, detectBoilerplate, recurringBlockKeys } from '../../src/core/boilerplate/detect-boilerplate';
import { parseStructure } from '../../src/core/structure/parse-structure';
import type { Boilerplate, DocumentFormat } from '../../src/core/types';

const detect = (text: string, format: DocumentFormat = 'plaintext', recurring?: ReadonlySet<string>): Boilerplate[] => {
  const structure = parseStructure(text, format);
  return detectBoilerplate(structure.prose, structure.blocks, recurring);
};

/** Each boilerplate span as [reason, its text]. */
const read = (text: string, spans: Boilerplate[]): [string, string][] =>
  spans.map((s) => [s.reason, text.slice(s.start, s.end)]);

const BODY = [
  'KIRKUK, Iraq - Provincial officials said on Tuesday that a new water pipeline would reach the city’s southern districts by the end of the summer, ending years of shortages.',
  'The project, funded by a loan from an international development bank, has been delayed twice since 2021 because of disputes over land and contractors’ payments.',
  '“Families here have been buying water from tankers for a decade,” said Amina Rashid, a member of the provincial council. “That ends this year.”',
  'Engineers said the remaining work included two pumping stations and about 14 kilometres of pipe, most of it already delivered to the sites.',
  'Residents who spoke to reporters said they would believe it when water came out of their taps, citing earlier promises that were never kept.',
];

const COMMENT_SECTION = [
  'Comments',
  'Our newsroom moderates all comments submitted on this site. We welcome comments that add to the discussion of the article and we read every one.',
  'To be published, your comments must follow our community guidelines, and they may be shortened.',
  'We will not tolerate the following: insults, threats, profanity, spam or personal attacks on other readers.',
  'Comments that do not meet our guidelines will be removed without notice.',
  'Post a comment',
];

describe('boilerplate', () => {
  it('flags a comment-moderation section, from its heading to its prompt, and none of the article', () => {
    const text = [...BODY, ...BODY.slice(1), ...COMMENT_SECTION].join('\n');
    const spans = detect(text);
    const sectionStart = text.indexOf('Comments\n');
    assert.deepEqual(read(text, spans), [['comment-policy', text.slice(sectionStart)]]);
    assert.equal(spans[0].end, text.length);
  });

  it('flags a cookie notice', () => {
    const notice =
      'We use cookies to improve your experience on our site. By continuing to browse, you agree to our cookie policy.';
    const text = [BODY[0], BODY[1], notice, BODY[2]].join('\n\n');
    assert.deepEqual(read(text, detect(text)), [['cookie-notice', notice]]);
  });

  it('flags a newsletter prompt', () => {
    const prompt = 'Sign up for our newsletter and get the day’s top stories delivered to your inbox every morning.';
    const text = [BODY[0], BODY[1], prompt, BODY[2], BODY[3]].join('\n\n');
    assert.deepEqual(read(text, detect(text)), [['newsletter', prompt]]);
  });

  it('flags share prompts, merging a run of them into one span', () => {
    const text = [BODY[0], BODY[1], BODY[2], 'Share this article', 'Follow us on Twitter and Facebook'].join('\n');
    const start = text.indexOf('Share this');
    assert.deepEqual(read(text, detect(text)), [['share-prompt', text.slice(start)]]);
  });

  it('flags copyright lines', () => {
    const text = [BODY[0], BODY[1], BODY[2], '© 2024 Northern Daily Media Ltd. All rights reserved.'].join('\n\n');
    assert.deepEqual(read(text, detect(text)), [
      ['copyright', '© 2024 Northern Daily Media Ltd. All rights reserved.'],
    ]);
  });

  it('flags calls to action, review teasers, reading times, bylines, dates and image credits on their own lines', () => {
    const lines: [string, string][] = [
      ['Buy now', 'advertisement'],
      ['Get a quote', 'advertisement'],
      ['Book a demo', 'advertisement'],
      ['Learn more', 'related-links'],
      ['Read our full Acer Aspire Go 15 (2025) review', 'related-links'],
      ['Table of Contents', 'navigation'],
      ['Get in touch', 'navigation'],
      ['13 min read', 'low-content'],
      ['Written by Jane Doe', 'low-content'],
      ['About the author', 'low-content'],
      ['Dec 19, 2025', 'low-content'],
      ['Updated: March 11, 2019', 'low-content'],
      ['Image credit: Avis', 'low-content'],
      ['Source', 'low-content'],
      ['Sponsor message', 'advertisement'],
      ['RECENT STORIES BY ASHLEY BIANCUZZO:', 'related-links'],
    ];
    for (const [line, reason] of lines) {
      const text = [BODY[0], BODY[1], line, BODY[2], BODY[3]].join('\n\n');
      assert.deepEqual(read(text, detect(text)), [[reason, line]], line);
    }
  });

  it('does not flag prose that mentions a call to action, a review, an author or a date', () => {
    for (const line of [
      'Buy now, pay later schemes have grown fast among shoppers under thirty in the past two years.',
      'Read our full coverage of the vote and the reactions from the council chamber on Thursday night.',
      'Written by hand in 1932, the letter was found in a drawer of the old town hall last spring.',
      'The council will publish the figures on Dec 19, 2025, a week after the audit is finished.',
      'Learn more about the pipeline at the open meeting the provincial council holds on Saturday.',
      'Recent stories by local reporters have questioned what the pipeline will cost the province in the end.',
      'Source: the council’s own accounts, which show the cost of the pipeline has doubled since 2021.',
    ]) {
      const text = [BODY[0], BODY[1], line, BODY[2], BODY[3]].join('\n\n');
      assert.deepEqual(read(text, detect(text)), [], line);
    }
  });

  it('flags a related-stories list and a navigation menu around a scraped article', () => {
    const menu = ['Home', 'World', 'Politics', 'Business', 'Sport', 'Opinion'];
    const related = [
      'Related stories',
      'Drought forces farmers to leave villages',
      'Council approves new budget for schools',
    ];
    const text = [...menu, ...BODY, ...related].join('\n');
    const spans = detect(text);
    const covered = (line: string) => {
      const start = text.indexOf(line);
      return spans.some((s) => s.start <= start && start + line.length <= s.end);
    };
    for (const line of [...menu, ...related]) assert.ok(covered(line), `not flagged: ${line}`);
    for (const line of BODY) assert.ok(!covered(line), `flagged: ${line}`);
    assert.equal(spans.find((s) => text.slice(s.start, s.end).startsWith('Related'))?.reason, 'related-links');
  });

  it('flags a block that recurs in enough documents of a corpus, and only then', () => {
    const tagline = 'Northern Daily is an independent newsroom funded by its readers in Kirkuk and Erbil.';
    // Each body paragraph is in at most two of the three documents; the tagline is in all three.
    const docs = [
      [0, 1],
      [2, 3],
      [4, 0],
    ].map(([a, b]) => [BODY[a], BODY[b], tagline].join('\n\n'));
    const structures = docs.map((text) => parseStructure(text, 'plaintext'));
    const corpus = structures.map((s) => ({ text: s.prose, blocks: s.blocks }));
    const recurring = recurringBlockKeys(corpus, 3);
    assert.ok(recurring.has(blockKey(tagline)));
    assert.ok(!recurring.has(blockKey(BODY[0])));
    assert.deepEqual(read(docs[0], detect(docs[0], 'plaintext', recurring)), [['recurring', tagline]]);
    assert.equal(recurringBlockKeys(corpus, 4).size, 0);
    assert.deepEqual(detect(docs[0]), []);
  });

  it('leaves a long paragraph shared by several documents to the duplicates stage', () => {
    const docs = [
      [0, 1],
      [0, 2],
      [0, 3],
    ].map(([a, b]) => [BODY[a], BODY[b], BODY[4]].join('\n\n'));
    const corpus = docs
      .map((text) => parseStructure(text, 'plaintext'))
      .map((s) => ({ text: s.prose, blocks: s.blocks }));
    const recurring = recurringBlockKeys(corpus, 3);
    assert.ok(recurring.has(blockKey(BODY[0])));
    assert.deepEqual(detect(docs[0], 'plaintext', recurring), []);
  });

  it('keeps a review’s headings, pros and cons between its paragraphs, even with labels other pages share', () => {
    const review = [
      'We spent three weeks boiling water in every kettle we could buy for less than a hundred pounds, and we timed each of them from a cold start, listened to how loud they were, and checked whether the handle stayed cool enough to hold.',
      'HEATWELL CLASSIC 1.7 LITRE – BEST KETTLE OVERALL',
      'Pros',
      '* Boils a full jug in under four minutes',
      '* Quiet enough for an open-plan flat',
      'Cons',
      '* Lid hinge feels flimsy',
      'Capacity: 1.7 litres',
      'It is not the prettiest kettle on the shelf, but it was the one we kept reaching for at the end of the test, because it was fast, it was quiet and it never spat boiling water onto the counter when it was full.',
    ];
    const text = review.join('\n');
    // "Pros" and "Cons" recur across review sites; as labels over the review's own lists they are still kept.
    const recurring = new Set([blockKey('Pros'), blockKey('Cons')]);
    assert.deepEqual(read(text, detect(text, 'plaintext', recurring)), []);
    assert.deepEqual(detect(text), []);
  });

  it('keeps a recurring section heading over an article paragraph, but not a recurring rule or a label over short lines', () => {
    const recurring = new Set(['conclusion', '----------------------------------------', 'politics'].map(blockKey));
    // Paragraphs long enough to be good on their own, as an article's are.
    const [first, second] = [`${BODY[0]} ${BODY[1]}`, `${BODY[2]} ${BODY[3]}`];
    const heading = [first, 'CONCLUSION', second].join('\n');
    assert.deepEqual(read(heading, detect(heading, 'plaintext', recurring)), []);
    const rule = [first, '----------------------------------------', second].join('\n');
    assert.deepEqual(read(rule, detect(rule, 'plaintext', recurring)), [
      ['recurring', '----------------------------------------'],
    ]);
    const label = [first, 'Politics', 'More Politics', second].join('\n');
    assert.deepEqual(read(label, detect(label, 'plaintext', recurring)), [['recurring', 'Politics']]);
  });

  it('does not cut a listicle’s sections apart on the bare ratings in its product boxes, but does on a phrase rule', () => {
    const article = [`${BODY[0]} ${BODY[1]}`, `${BODY[2]} ${BODY[3]}`, BODY[4]];
    const productBox = (extra: string) => [
      'NAVEE GT3',
      'Retailer | Price | Check | Compare',
      '9.0',
      extra,
      'Track price',
      'Overview Specs & Tests Pricing',
      'Tested Speed 19.8 MPH',
      'Tested Range 18.7 miles',
      'Weight 46.3 lbs',
      'Max Load 265 lbs',
      'Nominal Power 350W',
    ];
    // One paragraph, good on its own, with under a third of the article's text: a stray stretch if cut off.
    const section = `${BODY[1]} Residents said they would wait and see what it costs them.`;
    const flagged = (box: string[]) => {
      const text = [...article, ...box, section].join('\n');
      return read(text, detect(text)).some(([, span]) => span.includes(section));
    };
    assert.ok(!flagged(productBox('8.4')));
    assert.ok(flagged(productBox('Related stories')));
  });

  it('keeps a product box’s pros and cons between its price widget and review link, but not the widget or link', () => {
    const productBox = [
      'ACER ASPIRE GO 15 – BEST BUDGET LAPTOP',
      'PROS',
      ' * Great value',
      ' * Sharp display',
      ' * Reasonable webcam and mic',
      'CONS',
      ' * Slow Intel N-series CPU',
      ' * No keyboard backlight',
      'Buy now',
      'Retailer',
      'Price',
      'Check',
    ];
    const text = [BODY[0], BODY[1], 'Read our full Acer Nitro V 16 AI review', ...productBox, BODY[2], BODY[3]].join(
      '\n',
    );
    const flagged = read(text, detect(text)).flatMap(([, span]) => span.split('\n'));
    for (const line of productBox.slice(1, 8)) assert.ok(!flagged.includes(line), `flagged: ${line}`);
    for (const line of ['Read our full Acer Nitro V 16 AI review', 'Buy now', 'Retailer', 'Check'])
      assert.ok(flagged.includes(line), `not flagged: ${line}`);
  });

  it('still flags a bulleted menu without a pros or cons label over it', () => {
    const menu = ['Sections', ' * Laptops', ' * Security cameras', ' * Streaming', ' * Deals'];
    const text = [...BODY.slice(0, 3), 'Buy now', ...menu].join('\n');
    const flagged = read(text, detect(text)).flatMap(([, span]) => span.split('\n'));
    for (const line of menu) assert.ok(flagged.includes(line), `not flagged: ${line}`);
  });

  it('flags bare step numbers inside an article but not the steps beside them', () => {
    const text = [
      'This cake needs no mixer and no scales: a mug, a fork and a bowl will do, and it is ready in the time it takes to heat the oven, which is why we make it on weekday evenings when there is little else in the house.',
      '1',
      'Whisk the eggs with the sugar',
      '2',
      'Fold in the flour slowly',
      'Bake it for twenty-five minutes, until a knife comes out clean, and then leave it to cool in the tin for as long as you can bear to wait before you turn it out onto a large plate and cut the first thick slice.',
    ].join('\n');
    assert.deepEqual(read(text, detect(text)), [
      ['low-content', '1'],
      ['low-content', '2'],
    ]);
  });

  it('still reads short lines beside a link row between two paragraphs as boilerplate', () => {
    const paragraph = BODY[0] + ' ' + BODY[1];
    const text = [
      paragraph,
      'Related',
      'Pipeline delays',
      'Water prices rise',
      'home | world | politics | sport',
      paragraph,
    ].join('\n');
    const flagged = read(text, detect(text)).map(([, line]) => line);
    assert.ok(flagged.some((span) => span.includes('home | world')));
    assert.ok(flagged.some((span) => span.includes('Water prices rise')));
  });

  it('flags an author’s bio kept apart from the article by a long list of related stories', () => {
    const related = [
      'Related stories',
      'Drought forces farmers to leave villages',
      'Council approves new budget for schools',
      'Power cuts return as summer begins',
      'New bridge opens after four years',
      'Teachers strike over unpaid wages',
      'Dust storm closes airport for a day',
      'Bread prices rise for a second month',
      'Hospital gets new cancer ward',
      'Football club wins regional cup',
      'River levels fall to record low',
    ];
    const bio =
      'Sara Haddad covers water, energy and local government for the newsroom from Kirkuk, where she has lived since 2015, and she has reported on every provincial election since then.';
    const text = [...BODY, ...BODY, ...related, bio].join('\n');
    const spans = detect(text);
    const bioStart = text.indexOf(bio);
    assert.ok(
      spans.some((s) => s.start <= bioStart && s.end >= bioStart + bio.length),
      'bio not flagged',
    );
    assert.ok(
      spans.every((s) => s.start >= text.indexOf('Related stories')),
      'article flagged',
    );
    // Without the list between them, the same paragraph reads as the article's last one.
    assert.deepEqual(detect([...BODY, ...BODY, bio].join('\n')), []);
  });

  it('keys blocks so that case, spacing and numbers do not keep them apart', () => {
    assert.equal(blockKey('12 Comments'), blockKey('  3   comments '));
    assert.notEqual(blockKey('Comments'), blockKey('Comments closed'));
  });

  it('does not flag article prose that talks about comments, cookies, newsletters or guidelines', () => {
    const text = [
      'Tech firms face new rules on comments and cookies',
      'By Sara Haddad',
      'BRUSSELS - The minister said the comments posted under the video were “deeply offensive” and should be removed by the platform.',
      'Facebook said the posts violated its community guidelines and that moderators had deleted threats against the journalist within hours.',
      'Regulators said websites that use cookies to track readers would have to ask for consent, and that newsletters sold to advertisers would face audits.',
      '“We will not tolerate abuse of our staff,” the broadcaster said in a statement, adding that it would share evidence with police.',
      'Copyright lawyers said the ruling could change how news sites share articles on social media.',
      'Reporting by Sara Haddad; editing by Tom Ellis.',
    ].join('\n\n');
    assert.deepEqual(detect(text), []);
  });

  it('does not flag a Markdown article’s headings, lists or short paragraphs', () => {
    const text = [
      '# Water pipeline to reach Kirkuk by summer',
      BODY[0],
      '## Background',
      BODY[1],
      '## What is left to build',
      '- two pumping stations',
      '- 14 kilometres of pipe',
      'Work starts in May.',
      BODY[3],
      '## Comments',
      BODY[4],
    ].join('\n\n');
    assert.deepEqual(detect(text, 'markdown'), []);
  });

  it('returns spans that cover whole blocks exactly', () => {
    const text = [...BODY, 'Share', 'Tweet', 'Email', ...COMMENT_SECTION, '© 2024 Northern Daily'].join('\r\n');
    const blocks = parseStructure(text, 'plaintext').blocks;
    const spans = detect(text);
    assert.ok(spans.length >= 2);
    for (const span of spans) {
      assert.ok(
        blocks.some((b) => b.start === span.start),
        `span starts inside a block: ${span.start}`,
      );
      assert.ok(
        blocks.some((b) => b.end === span.end),
        `span ends inside a block: ${span.end}`,
      );
    }
  });

  it('never throws on odd input', () => {
    assert.deepEqual(detect(''), []);
    assert.deepEqual(detect('\n\n  \r\n'), []);
    const odd = [
      '🔥🔥🔥',
      'مرحبا بالعالم، هذه فقرة عربية قصيرة عن الأخبار اليوم في المدينة.',
      '\ud800',
      '|||',
      'a'.repeat(50_000),
    ].join('\n');
    assert.doesNotThrow(() => detect(odd));
    assert.doesNotThrow(() =>
      detectBoilerplate('short', [{ index: 0, kind: 'paragraph', inBlockquote: false, start: 3, end: 99 }]),
    );
    assert.deepEqual(recurringBlockKeys([], 3), new Set());
  });
});
