// Trains the attribution tagger (src/core/attribution/model) on PolNeAR train and measures it by 5-fold
// cross-validation grouped by article:
//   node esbuild.config.mjs --scripts && node out/scripts/train-attribution.js [--cv-epochs N]
// Deterministic: the same data, settings and seed give the same weights byte for byte (attribution-perceptron.ts).
// No weights file is written yet: the tagger is not wired into the pipeline (issue 11, a later step).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ROLES } from '../src/core/attribution/model';
import { articleFolds, scoreTagger, tagDocument, type TaggerScores } from './attribution-data';
import { trainPerceptron, type PerceptronSettings } from './attribution-perceptron';
import { loadPolnear } from './eval-polnear';
import { percent, prf, sharedRoot } from './eval-shared';

const DATA = 'eval/polnear/polnear_train.jsonl';
const FOLDS = 5;
const SETTINGS: PerceptronSettings = { buckets: 1 << 18, epochs: 8, seed: 11 };

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

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
  const raw = loadPolnear(join(shared, DATA));
  const byId = new Map(raw.map((d) => [d.doc_id, d]));
  const started = Date.now();
  const documents = raw.map((d) => tagDocument(d, SETTINGS.buckets));
  const sentenceCount = documents.reduce((n, d) => n + d.sentences.length, 0);
  console.log(`${documents.length} articles, ${sentenceCount} sentences tagged in ${Date.now() - started} ms`);

  const cvEpochs = option('--cv-epochs', SETTINGS.epochs);
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

  const t1 = Date.now();
  const weights = trainPerceptron(
    documents.flatMap((d) => d.sentences),
    SETTINGS,
  );
  const digest = createHash('sha256')
    .update(new Uint8Array(weights.emission.buffer))
    .update(new Uint8Array(weights.transition.buffer))
    .digest('hex');
  const nonZero = weights.emission.reduce((n, w) => n + (w !== 0 ? 1 : 0), 0);
  console.log(
    `all of train, ${SETTINGS.epochs} epochs: ${Date.now() - t1} ms; ${nonZero} non-zero emission weights; ` +
      `weights sha256 ${digest.slice(0, 16)} (the same on every run)`,
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
