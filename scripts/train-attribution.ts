// Trains the attribution tagger (src/core/attribution/model) on PolNeAR train, measures it by 5-fold
// cross-validation grouped by article, and writes the shipped weights (src/core/lexicon/attribution-tagger.json):
//   npm run train:attribution [-- --no-cv] [-- --check]
// --no-cv   skips the cross-validation (the file is the same: it is trained on all of train).
// --check   writes nothing; exits 1 unless the weights trained now are the shipped file, byte for byte.
// Deterministic: the same data, settings and seed give the same weights byte for byte (attribution-perceptron.ts).
// The settings (attribution-cv.ts TAGGER_SETTINGS) were chosen by the article-grouped CV of the whole pipeline.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROLES, TEMPLATES, writeWeightsFile } from '../src/core/attribution/model';
import { taggerLexiconFingerprint } from '../src/core/lexicon/cue-lexicon';
import { articleFolds, scoreTagger, tagDocument, type TaggedDocument, type TaggerScores } from './attribution-data';
import { TAGGER_SETTINGS } from './attribution-cv';
import { trainPerceptron } from './attribution-perceptron';
import { loadPolnear, type PolnearDocJson } from './eval-polnear';
import { percent, prf, sharedRoot } from './eval-shared';

const DATA = 'eval/polnear/polnear_train.jsonl';
const FOLDS = 5;
const SETTINGS = TAGGER_SETTINGS;
const WEIGHTS_PATH = resolve(process.cwd(), 'src/core/lexicon/attribution-tagger.json');

function printScores(title: string, scores: TaggerScores): void {
  console.log(title);
  const cell = (x: { f1: number; precision: number; recall: number }) =>
    `${percent(x.f1)} (P ${percent(x.precision)} R ${percent(x.recall)})`.padEnd(24);
  console.log(
    `  ${'role'.padEnd(8)}${'tokens F1'.padEnd(24)}${'exact token spans F1'.padEnd(24)}exact spans F1 (eval-spans)`,
  );
  for (const role of ROLES) {
    console.log(
      `  ${role.padEnd(8)}${cell(scores.tokens[role])}${cell(scores.tokenSpans[role])}${cell(scores.characterSpans[role])}`,
    );
  }
}

function main(): void {
  const shared = sharedRoot();
  if (!shared) {
    console.log('No ../shared directory (or SOURCE_LENS_SHARED): the PolNeAR data is not here, nothing trained.');
    return;
  }
  const dataPath = join(shared, DATA);
  const raw = loadPolnear(dataPath);
  const byId = new Map(raw.map((d) => [d.doc_id, d]));
  const started = Date.now();
  const documents = raw.map((d) => tagDocument(d, SETTINGS.buckets));
  const sentenceCount = documents.reduce((n, d) => n + d.sentences.length, 0);
  console.log(`${documents.length} articles, ${sentenceCount} sentences tagged in ${Date.now() - started} ms`);

  if (!process.argv.includes('--no-cv') && !process.argv.includes('--check')) crossValidate(documents, byId);

  const t1 = Date.now();
  const weights = trainPerceptron(
    documents.flatMap((d) => d.sentences),
    SETTINGS,
  );
  const file = writeWeightsFile(weights, {
    data: DATA,
    dataSha256: createHash('sha256').update(readFileSync(dataPath)).digest('hex'),
    articles: documents.length,
    sentences: sentenceCount,
    algorithm: 'averaged structured perceptron (Collins 2002), Viterbi decoding, BIO tags',
    lexiconFingerprint: taggerLexiconFingerprint(),
    ...SETTINGS,
    script: 'npm run train:attribution (scripts/train-attribution.ts)',
  });
  const json = `${JSON.stringify(file, null, 1)}\n`;
  const digest = createHash('sha256').update(json).digest('hex');
  console.log(`all of train, ${SETTINGS.epochs} epochs: ${Date.now() - t1} ms; file sha256 ${digest.slice(0, 16)}`);
  if (process.argv.includes('--check')) {
    const same = readFileSync(WEIGHTS_PATH, 'utf8') === json;
    console.log(
      same ? `${WEIGHTS_PATH} reproduced byte for byte` : `${WEIGHTS_PATH} differs from the weights trained now`,
    );
    if (!same) process.exitCode = 1;
    return;
  }
  writeFileSync(WEIGHTS_PATH, json);
  console.log(`wrote ${WEIGHTS_PATH} (${json.length} bytes, ${TEMPLATES.length} feature templates)`);
}

function crossValidate(documents: TaggedDocument[], byId: Map<string, PolnearDocJson>): void {
  const cvEpochs = SETTINGS.epochs;
  const folds = articleFolds(
    documents.map((d) => d.docId),
    FOLDS,
  );
  const outOfFold: TaggerScores[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = documents.filter((d) => folds.get(d.docId) !== fold);
    const test = documents.filter((d) => folds.get(d.docId) === fold);
    const t0 = Date.now();
    const weights = trainPerceptron(
      train.flatMap((d) => d.sentences),
      { ...SETTINGS, epochs: cvEpochs },
    );
    const scores = scoreTagger(weights, test, byId);
    outOfFold.push(scores);
    console.log(
      `fold ${fold + 1}: ${test.length} articles held out, trained in ${Date.now() - t0} ms; exact spans ` +
        ROLES.map((r) => `${r} ${percent(scores.characterSpans[r].f1)}`).join(', '),
    );
  }
  // Pooled over folds: each fold's held-out articles tagged by the weights trained without them.
  const pooled = mergeScores(outOfFold);
  printScores(
    `${FOLDS}-fold CV grouped by article, ${cvEpochs} epochs, ${SETTINGS.buckets} buckets, seed ${SETTINGS.seed} (pooled counts):`,
    pooled,
  );
}

/** Sums the counts of several folds' scores and recomputes precision, recall and F1. */
function mergeScores(scores: TaggerScores[]): TaggerScores {
  const merged = JSON.parse(JSON.stringify(scores[0])) as TaggerScores;
  for (const kind of ['tokens', 'tokenSpans', 'characterSpans'] as const) {
    for (const role of ROLES) {
      const c = { truePositives: 0, predicted: 0, gold: 0 };
      for (const s of scores) {
        c.truePositives += s[kind][role].truePositives;
        c.predicted += s[kind][role].predicted;
        c.gold += s[kind][role].gold;
      }
      merged[kind][role] = { ...c, ...prf(c) };
    }
  }
  return merged;
}

main();
