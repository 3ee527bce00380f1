// Trains the check-worthiness model (src/core/lexicon/claim-model.json) on ClaimBuster:
//   node esbuild.config.mjs --scripts && node out/scripts/train-claims.js [--no-write]
// First 5-fold cross-validation, random and grouped by debate, printed as balanced and raw accuracy,
// then a fit on all sentences, written as JSON. Deterministic: same data, same file, byte for byte.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CLAIM_THRESHOLD } from '../src/core/analyze';
import { balancedAccuracy, bestThreshold, thresholdChoiceCheck } from './claims-cv';
import {
  crossValidate,
  DEBATE_PURGE,
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

  // The figure recorded in the model is the debate-grouped one; the random-fold one is printed beside it because
  // sentences of one debate on both sides of a fold flatter it (claims-cv.ts).
  const randomFolds = crossValidate(examples, 'random', DEFAULT_CLAIM_THRESHOLD);
  const cv = crossValidate(examples, 'debate', DEFAULT_CLAIM_THRESHOLD);
  for (const run of [randomFolds, cv]) {
    console.log(
      run.scheme === 'debate'
        ? `${run.folds}-fold cross-validation grouped by debate (contiguous sentence_id ranges, ${DEBATE_PURGE} ids purged either side):`
        : `${run.folds}-fold cross-validation, random (folds by hash of sentence_id):`,
    );
    console.log(`  ${`balanced accuracy at threshold ${run.threshold}`.padEnd(41)}${percent(run.balancedAccuracy)}%`);
    console.log(`  accuracy on balanced held-out subsample  ${percent(run.balancedSubsampleAccuracy)}%`);
    console.log(`  raw accuracy (25% positive), shipped     ${percent(run.accuracy)}%`);
    console.log(`  raw accuracy without the prior shift     ${percent(run.accuracyWithoutShift)}%`);
    console.log(
      `  check-worthy P/R/F1                      ${percent(run.precision)} / ${percent(run.recall)} / ${percent(run.f1)}`,
    );
  }
  const best = bestThreshold(cv.outOfFold.flat(), DEFAULT_CLAIM_THRESHOLD);
  console.log(
    `threshold with the best grouped-CV balanced accuracy: ${best.threshold} (${percent(best.balancedAccuracy)}%, on the same scores)`,
  );
  const check = thresholdChoiceCheck(cv.outOfFold, DEFAULT_CLAIM_THRESHOLD);
  console.log(
    `  out of sample, each fold at the threshold best on the others: ${percent(check.chosenOnOtherFolds)}%, ` +
      `at ${DEFAULT_CLAIM_THRESHOLD}: ${percent(check.atPreferred)}% (means over folds)`,
  );
  console.log(
    `  grouped CV balanced accuracy by fold: ${cv.outOfFold.map((f) => percent(balancedAccuracy(f, cv.threshold))).join(' ')}`,
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
