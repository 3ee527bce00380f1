import assert from 'node:assert/strict';
import { analyze, toReport } from '../../src/core';
import {
  decodeBase64,
  encodeBase64,
  readWeightsFile,
  sentenceFeatures,
  shippedWeights,
  shippedWeightsFile,
  tagsFromSpans,
  TEMPLATES,
  WEIGHTS_FORMAT,
  writeWeightsFile,
  type RoleSpan,
} from '../../src/core/attribution/model';
import { modelStatements } from '../../src/core/attribution/model-statements';
import { taggerLexiconFingerprint } from '../../src/core/lexicon/cue-lexicon';
import { tokenize } from '../../src/core/text/tokens';
import { trainPerceptron } from '../../scripts/attribution-perceptron';

const tokensOf = (text: string) => tokenize(text, 0, text.length);
const at = (text: string, role: RoleSpan['role'], piece: string): RoleSpan => {
  const start = text.indexOf(piece);
  assert.ok(start >= 0, `${piece} not in ${text}`);
  return { role, start, end: start + piece.length };
};

/** A tagger trained on one pattern, "<source> <cue> <content>.", in many words, so it tags any sentence of that shape. */
function patternTagger() {
  const subjects = ['The mayor', 'We', 'The union', 'Officials', 'The senator', 'Residents'];
  const verbs = ['said', 'believes', 'argued', 'stressed', 'zorbled'];
  const rests = ['the bridge will reopen in May', 'the plan will cost more than expected', 'taxes must rise next year'];
  const sentences = [];
  for (const subject of subjects)
    for (const verb of verbs)
      for (const rest of rests) {
        const text = `${subject} ${verb} ${rest}.`;
        const tokens = tokensOf(text);
        const spans = [at(text, 'source', subject), at(text, 'cue', ` ${verb} `), at(text, 'content', rest)];
        spans[1] = { ...spans[1], start: spans[1].start + 1, end: spans[1].end - 1 };
        sentences.push({ features: sentenceFeatures(tokens, 1 << 12), tags: tagsFromSpans(tokens, spans) });
      }
  return trainPerceptron(sentences, { buckets: 1 << 12, epochs: 6, seed: 3 });
}

describe('attribution model: statements from tagged spans', () => {
  const weights = patternTagger();
  const read = (text: string) =>
    modelStatements(text, tokensOf(text), [], weights).map((s) => ({
      cue: s.cue && text.slice(s.cue.start, s.cue.end),
      source: s.sourceMention && text.slice(s.sourceMention.start, s.sourceMention.end),
      content: s.content.map((c) => text.slice(c.start, c.end)),
      foundBy: s.foundBy,
    }));

  it('joins a cue with its source and content into one statement, marked as found by the tagger', () => {
    assert.deepEqual(read('The council stressed the road will close in June.'), [
      { cue: 'stressed', source: 'The council', content: ['the road will close in June'], foundBy: 'tagger' },
    ]);
  });

  it('drops a statement whose cue is not a word of the cue lexicon', () => {
    assert.deepEqual(read('The council zorbled the road will close in June.'), []);
  });

  it("drops the writer's own voice: I or we as the source", () => {
    assert.deepEqual(read('We believes the road will close in June.'), []);
  });

  it('leaves a content with a quote mark in it to the rules', () => {
    const text = 'The council stressed the road “will close” in June.';
    const quotes = [{ start: text.indexOf('“'), end: text.indexOf('”') + 1 }];
    const found = modelStatements(text, tokensOf(text), quotes as never, weights);
    assert.equal(found.length, 0);
  });
});

describe('attribution model: the shipped tagger on sentences it must leave alone', () => {
  it('reads no report in a cue word after an article ("an estimated 600 billion")', () => {
    const text =
      'Kenya lost an estimated 600 billion shillings to graft between 2013 and 2018, the largest losses recorded in the health and infrastructure sectors.';
    assert.deepEqual(analyze(text).attributions, []);
    assert.ok(analyze(text).claims.length > 0, 'the sentence stays an unattributed claim');
  });

  it('reads no report in a sentence that opens with a cue word as its subject ("Comments that …")', () => {
    const text = 'Comments that do not meet our guidelines will be rejected.';
    assert.deepEqual(analyze(text).attributions, []);
  });
});

describe('attribution model: the weights file', () => {
  it('round-trips bytes through base64 at every padding length', () => {
    for (let n = 0; n < 7; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 200) & 255);
      assert.deepEqual(decodeBase64(encodeBase64(bytes)), bytes);
    }
    assert.equal(decodeBase64('ab$d'), null);
  });

  it('writes one byte per weight, the largest at ±127, and reads back the same decisions', () => {
    const weights = patternTagger();
    const file = writeWeightsFile(weights, { data: 'fixture' });
    const read = readWeightsFile(JSON.parse(JSON.stringify(file)));
    assert.ok('weights' in read);
    const emission = read.weights.emission;
    assert.ok(emission instanceof Int8Array);
    assert.equal(Math.max(...Array.from(emission, Math.abs)), 127);
    const text = 'The council stressed the road will close in June.';
    assert.deepEqual(
      modelStatements(text, tokensOf(text), [], read.weights),
      modelStatements(text, tokensOf(text), [], weights),
    );
  });

  it('refuses, without throwing, a file made for other code', () => {
    const good = writeWeightsFile(patternTagger(), {});
    const cases: unknown[] = [
      null,
      'weights',
      { ...good, format: 'other' },
      { ...good, templates: good.templates.slice(1) },
      { ...good, tags: ['O'] },
      { ...good, buckets: 1000 },
      { ...good, emission: good.emission.slice(8) },
      { ...good, transition: [1, 2] },
      { ...good, transition: good.transition.map(() => 'x') },
    ];
    for (const file of cases) assert.ok('error' in readWeightsFile(file), JSON.stringify(file)?.slice(0, 80));
  });
});

describe('attribution model: the shipped weights', () => {
  it('load, fit this code, and record the data and settings they were trained with', () => {
    const file = shippedWeightsFile();
    assert.equal(file.format, WEIGHTS_FORMAT);
    assert.deepEqual(file.templates, [...TEMPLATES]);
    assert.ok(shippedWeights(), 'the shipped weights must read');
    const training = file.training;
    assert.equal(training.data, 'eval/polnear/polnear_train.jsonl');
    assert.match(String(training.dataSha256), /^[0-9a-f]{64}$/);
    for (const key of ['articles', 'sentences', 'epochs', 'seed', 'buckets'])
      assert.equal(typeof training[key], 'number');
    assert.equal(training.buckets, file.buckets);
    assert.match(String(training.script), /npm run train:attribution/);
  });

  it('were trained with the cue lexicon as it is (an edit of the cue words or "according to" phrases needs a retrain)', () => {
    assert.equal(
      shippedWeightsFile().training.lexiconFingerprint,
      taggerLexiconFingerprint(),
      'the cue lexicon changed since the weights were trained: run npm run train:attribution',
    );
  });

  it('find a statement the rules miss, which the rules alone do not report', () => {
    const text =
      'A memorable campaign ad in 2008 questioned whether the rival senator was prepared to face emergencies.';
    const cues = (model: boolean) =>
      analyze(text, model ? {} : { attributionModel: false }).attributions.map(
        (a) => a.cue && text.slice(a.cue.start, a.cue.end),
      );
    assert.deepEqual(cues(false), []);
    assert.deepEqual(cues(true), ['questioned']);
    // The JSON contract says which part found each statement.
    assert.deepEqual(
      toReport('ad.txt', analyze(text)).attributions.map((a) => a.foundBy),
      ['tagger'],
    );
    assert.deepEqual(
      toReport('x.txt', analyze('The mayor said the bridge will reopen in May.')).attributions.map((a) => a.foundBy),
      ['rules'],
    );
  });
});
