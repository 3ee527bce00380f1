// Trains the check-worthiness model (src/core/lexicon/claim-model.json) on ClaimBuster:
//   node esbuild.config.mjs --scripts && node out/scripts/train-claims.js [--no-write]
// First 5-fold cross-validation (folds by a hash of sentence_id), printed as balanced and raw accuracy,
// then a fit on all sentences, written as JSON. Deterministic: same data, same file, byte for byte.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  crossValidate,
  DEFAULT_TRAINING,
  fitLogistic,
  loadClaims,
  priorShiftFor,
  toExamples,
  toModel,
} from './eval-claims';
import { percent, sharedRoot } from './eval-shared';

const MODEL_PATH = resolve(process.cwd(), 'src/core/lexicon/claim-model.json');
const DATA = 'eval/claims/claimbuster_train.json';

function main(): void {
  const shared = sharedRoot();
  if (!shared) {
    console.log('No ../shared directory (or SOURCE_LENS_SHARED): the ClaimBuster data is not here, nothing trained.');
    return;
  }
  const data = loadClaims(join(shared, DATA));
  const examples = toExamples(data);
  const positives = examples.filter((e) => e.label === 1).length;
  console.log(`${examples.length} sentences, ${positives} check-worthy (${percent(positives / examples.length)}%)`);

  const cv = crossValidate(examples);
  console.log(`${cv.folds}-fold cross-validation (folds by hash of sentence_id):`);
  console.log(`  balanced accuracy (mean class recall)   ${percent(cv.balancedAccuracy)}%`);
  console.log(`  accuracy on balanced held-out subsample  ${percent(cv.balancedSubsampleAccuracy)}%`);
  console.log(`  raw accuracy (25% positive), shipped     ${percent(cv.accuracy)}%`);
  console.log(`  raw accuracy without the prior shift     ${percent(cv.accuracyWithoutShift)}%`);
  console.log(
    `  check-worthy P/R/F1                      ${percent(cv.precision)} / ${percent(cv.recall)} / ${percent(cv.f1)}`,
  );

  const weights = fitLogistic(examples, DEFAULT_TRAINING);
  const model = toModel(weights, priorShiftFor(examples), `ClaimBuster ${DATA} (${examples.length} sentences)`, cv);
  if (process.argv.includes('--no-write')) {
    console.log(JSON.stringify(model.weights, null, 1));
    return;
  }
  writeFileSync(MODEL_PATH, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`wrote ${MODEL_PATH}`);
}

main();
