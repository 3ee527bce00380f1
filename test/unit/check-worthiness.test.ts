import assert from 'node:assert/strict';
import { checkWorthiness } from '../../src/core/claims/check-worthiness';
import { extractFeatures, FEATURES } from '../../src/core/claims/features';

const THRESHOLD = 0.5;

describe('checkWorthiness', () => {
  describe('sentences worth checking score at or above 0.5', () => {
    const worthChecking = [
      // The product's canonical background claim (shared/README.md, scraped-article sample).
      'ISIS rose to power in 2014 when it seized large swathes of territory in Iraq and Syria in a brazen offensive.',
      'Unemployment in the region fell to 4.2 percent last year, the lowest rate since 1998.',
      'The county spent $12 million on road repairs in 2021.',
      'More than 3,000 homes were destroyed when the river burst its banks in March.',
      'Exports of wheat to Egypt doubled between 2015 and 2020.',
      'The Senate passed the measure by a vote of 61 to 38 on Thursday.',
      'Violent crime in the city has risen by a third over the past decade.',
      'The factory, which opened in 1962, was the largest employer in the valley.',
    ];
    for (const sentence of worthChecking) {
      it(sentence, () => {
        const { score } = checkWorthiness(sentence);
        assert.ok(score >= THRESHOLD, `score ${score.toFixed(3)}`);
      });
    }
  });

  describe('sentences not worth checking score below 0.5', () => {
    const notWorthChecking = [
      // Comment-moderation boilerplate from the product's canonical sample.
      'We welcome comments which are relevant to the article.',
      'What do you think about that?',
      'Thank you all for coming tonight.',
      'I believe we can do better than this.',
      'We should work together to build a brighter future for our children.',
      'Good evening.',
      'Maybe it will rain tomorrow.',
      'You know, I really love this town.',
      'Please share your thoughts in the comments below.',
      'Let us be honest with each other.',
    ];
    for (const sentence of notWorthChecking) {
      it(sentence, () => {
        const { score } = checkWorthiness(sentence);
        assert.ok(score < THRESHOLD, `score ${score.toFixed(3)}`);
      });
    }
  });

  describe('reasons', () => {
    it('names the checkable things in a background sentence', () => {
      const { reasons } = checkWorthiness(
        'ISIS rose to power in 2014 when it seized large swathes of territory in Iraq and Syria in a brazen offensive.',
      );
      for (const reason of ['a date', 'a name', 'a cause or change'])
        assert.ok(reasons.includes(reason), `${reason} in ${reasons}`);
    });

    it('names numbers, percentages, money and superlatives', () => {
      assert.ok(
        checkWorthiness('Unemployment fell to 4.2 percent, the lowest level in a generation.').reasons.includes(
          'a percentage',
        ),
      );
      assert.ok(checkWorthiness('The county spent $12 million on road repairs.').reasons.includes('a sum of money'));
      assert.ok(checkWorthiness('Officials counted 340 ballots in the second district.').reasons.includes('a number'));
      assert.ok(
        checkWorthiness('It was the deadliest storm to hit the coast in a century.').reasons.includes('a superlative'),
      );
    });

    it('gives no reasons for small talk, and never repeats one', () => {
      assert.deepEqual(checkWorthiness('Good evening.').reasons, []);
      const { reasons } = checkWorthiness('In 2019 and 2020, 40 percent of 3,000 firms in Ohio and Texas cut 12 jobs.');
      assert.equal(new Set(reasons).size, reasons.length);
    });

    it('only gives reasons the model defines', () => {
      const known = new Set(FEATURES.map((f) => f.reason).filter((r): r is string => r !== null));
      for (const reason of checkWorthiness('NATO troops seized 4 towns in 2003, doubling the largest base.').reasons) {
        assert.ok(known.has(reason), reason);
      }
    });
  });

  describe('robustness', () => {
    it('scores the empty string and whitespace as 0 without throwing', () => {
      assert.deepEqual(checkWorthiness(''), { score: 0, reasons: [] });
      assert.deepEqual(checkWorthiness(' \n\t '), { score: 0, reasons: [] });
    });

    it('handles emoji and astral characters', () => {
      for (const text of [
        '😀🎉',
        'The 🚀 launched in 2020 👩‍🚀 with 𝟒 crew.',
        '\u{1F600}'.repeat(500),
        '\uD800 lone surrogate',
      ]) {
        const { score, reasons } = checkWorthiness(text);
        assert.ok(score >= 0 && score <= 1, `${score}`);
        assert.ok(Array.isArray(reasons));
      }
    });

    it('scores a 100 KB string in range', () => {
      const long = 'Officials said 40 percent of the 2,000 homes in Mosul were destroyed in 2017. '.repeat(1300);
      assert.ok(long.length > 100_000);
      const { score } = checkWorthiness(long);
      assert.ok(score >= 0 && score <= 1);
    });

    it('does not choke on pathological punctuation', () => {
      for (const text of [
        '.'.repeat(50_000),
        "'".repeat(50_000),
        'a-'.repeat(50_000),
        '1,'.repeat(50_000),
        'I. '.repeat(20_000),
      ]) {
        const { score } = checkWorthiness(text);
        assert.ok(score >= 0 && score <= 1);
      }
    });

    it('is deterministic', () => {
      const sentence = 'Turnout rose to 67 percent in 2020, the highest since 1900, according to the census.';
      const first = checkWorthiness(sentence);
      for (let i = 0; i < 5; i++) assert.deepEqual(checkWorthiness(sentence), first);
    });
  });

  describe('features', () => {
    it('gives one value in [0, 1] per feature', () => {
      const { values, buckets } = extractFeatures(
        'The U.S. Army lost 12 helicopters in 2003, more than in any year since.',
      );
      assert.equal(values.length, FEATURES.length);
      for (const v of values) assert.ok(v >= 0 && v <= 1, `${v}`);
      assert.deepEqual(
        buckets,
        [...new Set(buckets)].sort((a, b) => a - b),
      );
    });

    it('does not count the first word or months as named entities', () => {
      const value = (text: string, name: string) =>
        extractFeatures(text).values[FEATURES.findIndex((f) => f.name === name)];
      assert.equal(value('Yesterday it rained in March.', 'namedEntity'), 0);
      assert.equal(value('Yesterday it rained in Paris.', 'namedEntity'), 1);
      assert.equal(value('It happened in 2014.', 'year'), 1);
      assert.equal(value('It happened in 2014.', 'number'), 0);
    });
  });
});
