import assert from 'node:assert/strict';
import {
  allowedTransition,
  beginTag,
  emptyWeights,
  insideTag,
  OUTSIDE,
  quoteStates,
  sentenceFeatures,
  spansFromTags,
  tagsFromSpans,
  TAG_COUNT,
  TAG_NAMES,
  viterbi,
  wordShape,
  type Role,
  type RoleSpan,
} from '../../src/core/attribution/model';
import { tokenize } from '../../src/core/text/tokens';
import { articleFolds } from '../../scripts/attribution-data';
import { trainPerceptron, type TrainingSentence } from '../../scripts/attribution-perceptron';

/** The span of the first `piece` in `text` (after `from`), with its role. */
function spanOf(text: string, role: Role, piece: string, from = 0): RoleSpan {
  const start = text.indexOf(piece, from);
  assert.ok(start >= 0, `${piece} not in ${text}`);
  return { role, start, end: start + piece.length };
}

const tokensOf = (text: string) => tokenize(text, 0, text.length);
const tagNames = (text: string, spans: RoleSpan[]) =>
  [...tagsFromSpans(tokensOf(text), spans)].map((t) => TAG_NAMES[t]);

describe('attribution model: BIO tags', () => {
  it('tags a span B then I, and the rest O', () => {
    const text = 'The senator said the plan failed.';
    const spans = [
      spanOf(text, 'source', 'The senator'),
      spanOf(text, 'cue', 'said'),
      spanOf(text, 'content', 'the plan failed'),
    ];
    assert.deepEqual(tagNames(text, spans), [
      'B-source',
      'I-source',
      'B-cue',
      'B-content',
      'I-content',
      'I-content',
      'O',
    ]);
  });

  it('tags a token a span only partly covers ("Trump" in "Trump\'s")', () => {
    const text = "Trump's aide spoke.";
    assert.deepEqual(tagNames(text, [spanOf(text, 'source', 'Trump')]), ['B-source', 'O', 'O', 'O']);
  });

  it('gives a token in two roles the more specific one (cue over content), the content resuming with B', () => {
    const text = 'Taxes will rise, he warned, next year.';
    const spans = [spanOf(text, 'content', 'Taxes will rise, he warned, next year'), spanOf(text, 'cue', 'warned')];
    assert.deepEqual(tagNames(text, spans), [
      'B-content',
      'I-content',
      'I-content',
      'I-content',
      'I-content',
      'B-cue',
      'B-content',
      'I-content',
      'I-content',
      'O',
    ]);
  });

  it('keeps two abutting spans of one role apart, and reads them back as two', () => {
    const text = 'one two three four';
    const spans = [spanOf(text, 'content', 'one two'), spanOf(text, 'content', 'three four')];
    const tags = tagsFromSpans(tokensOf(text), spans);
    assert.deepEqual(
      [...tags].map((t) => TAG_NAMES[t]),
      ['B-content', 'I-content', 'B-content', 'I-content'],
    );
    assert.deepEqual(spansFromTags(tags), [
      { role: 'content', start: 0, end: 2 },
      { role: 'content', start: 2, end: 4 },
    ]);
  });

  it('reads an I with nothing of its role before it as the start of a span', () => {
    assert.deepEqual(spansFromTags([OUTSIDE, insideTag('cue'), insideTag('cue'), beginTag('source')]), [
      { role: 'cue', start: 1, end: 3 },
      { role: 'source', start: 3, end: 4 },
    ]);
  });

  it('allows an I tag only after a B or I of its own role', () => {
    assert.ok(!allowedTransition(-1, insideTag('cue')));
    assert.ok(!allowedTransition(OUTSIDE, insideTag('cue')));
    assert.ok(!allowedTransition(beginTag('source'), insideTag('cue')));
    assert.ok(allowedTransition(beginTag('cue'), insideTag('cue')));
    assert.ok(allowedTransition(insideTag('cue'), insideTag('cue')));
    assert.ok(allowedTransition(OUTSIDE, beginTag('content')));
  });
});

describe('attribution model: features and decoding', () => {
  it('knows which tokens lie inside double quote marks', () => {
    const text = '“We won,” she said, "again".';
    assert.deepEqual([...quoteStates(tokensOf(text))], [1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0]);
  });

  it('collapses a word to its shape', () => {
    assert.deepEqual(['Trump', 'U.S.', '2016', 'said'].map(wordShape), ['Xx', 'X.X.', 'd', 'x']);
  });

  it('never decodes an I after an O, however the weights favour it', () => {
    const weights = emptyWeights(16);
    weights.emission.fill(0);
    for (let b = 0; b < 16; b++) weights.emission[b * TAG_COUNT + insideTag('content')] = 5;
    const tags = viterbi(weights, sentenceFeatures(tokensOf('one two three'), 16));
    assert.equal(tags[0], beginTag('content'));
    assert.deepEqual([...tags.slice(1)], [insideTag('content'), insideTag('content')]);
  });
});

// Four hand-written sentences, gold spans by substring.
const FIXTURE: { text: string; spans: (text: string) => RoleSpan[] }[] = [
  {
    text: 'The mayor said the bridge will reopen in May.',
    spans: (t) => [
      spanOf(t, 'source', 'The mayor'),
      spanOf(t, 'cue', 'said'),
      spanOf(t, 'content', 'the bridge will reopen in May'),
    ],
  },
  {
    text: '“We are ready,” the governor told reporters.',
    spans: (t) => [
      spanOf(t, 'content', 'We are ready,'),
      spanOf(t, 'cue', 'told'),
      spanOf(t, 'source', 'the governor'),
    ],
  },
  {
    text: 'According to the police, two men were arrested.',
    spans: (t) => [
      spanOf(t, 'cue', 'According to'),
      spanOf(t, 'source', 'the police'),
      spanOf(t, 'content', 'two men were arrested'),
    ],
  },
  { text: 'The river flooded the town last spring.', spans: () => [] },
];
const BUCKETS = 1 << 12;

function fixtureSentences(): TrainingSentence[] {
  return FIXTURE.map(({ text, spans }) => {
    const tokens = tokensOf(text);
    return { features: sentenceFeatures(tokens, BUCKETS), tags: tagsFromSpans(tokens, spans(text)) };
  });
}

describe('attribution model: averaged perceptron', () => {
  const settings = { buckets: BUCKETS, epochs: 10, seed: 7 };

  it('gives the same weights, to the bit, when trained twice on the same data and seed', () => {
    const first = trainPerceptron(fixtureSentences(), settings);
    const second = trainPerceptron(fixtureSentences(), settings);
    assert.deepEqual(first.emission, second.emission);
    assert.deepEqual(first.transition, second.transition);
    assert.ok(first.emission.some((w) => w !== 0));
  });

  it('visits the sentences in the order its seed draws: another seed, other averaged weights', () => {
    const first = trainPerceptron(fixtureSentences(), settings);
    const other = trainPerceptron(fixtureSentences(), { ...settings, seed: 8 });
    assert.notDeepEqual(first.emission, other.emission);
  });

  it('tags its training sentences back: cue, source and content', () => {
    const sentences = fixtureSentences();
    const weights = trainPerceptron(sentences, settings);
    for (const sentence of sentences)
      assert.deepEqual(spansFromTags(viterbi(weights, sentence.features)), spansFromTags(sentence.tags));
    assert.deepEqual(spansFromTags(sentences[0].tags), [
      { role: 'source', start: 0, end: 2 },
      { role: 'cue', start: 2, end: 3 },
      { role: 'content', start: 3, end: 9 },
    ]);
  });
});

describe('attribution model: folds by article', () => {
  it('puts every article in one fold, the folds even, the same on every call', () => {
    const ids = Array.from({ length: 23 }, (_, i) => `article-${i}`);
    const folds = articleFolds([...ids, ...ids.slice(0, 5)], 5);
    assert.equal(folds.size, 23);
    const sizes = [0, 0, 0, 0, 0];
    for (const fold of folds.values()) sizes[fold]++;
    assert.deepEqual(sizes, [5, 5, 5, 4, 4]);
    assert.deepEqual([...articleFolds([...ids].reverse(), 5)].sort(), [...folds].sort());
  });
});
