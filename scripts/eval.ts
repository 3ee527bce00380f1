// `npm run eval`: one table of the numbers the team tracks, against the team's data in ../shared.
//   node out/scripts/eval.js [--split dev|train] [--errors N] [--self-check] [--skip-claims] [--skip-cv]
// --boilerplate-errors N  after the table, the N most frequent kinds of missed boilerplate and of false
//                positives on the WCXB pages (site-grouped CV predictions), with sample lines.
// --errors N     after the table, the PolNeAR error categories with counts, missed cues by their last
//                word, and up to N examples of each error kind (missed, false positive, wrong source,
//                content ends differ), for aiming the next change.
// --skip-cv      leaves out the PolNeAR train rows read by out-of-fold tagger weights (they retrain the
//                tagger five times, about a minute and a half).
// --self-check   scores PolNeAR gold against itself (must be 1.0 everywhere, exact spans per role too) plus
//                synthetic near misses; exits 1 on any failure.
// With no ../shared (a fresh clone), says so and exits 0: there is nothing to measure, which is not an error.
import { join } from 'node:path';
import {
  boilerplateErrorReport,
  evalBoilerplate,
  loadPages,
  siteGroupedRows,
  WCXB_PAGES,
  ZYTE_PAGES,
} from './eval-boilerplate';
import { crossValidatedRows } from './attribution-cv';
import { bestThreshold, thresholdChoiceCheck } from './claims-cv';
import { crossValidate, loadClaims, toExamples } from './eval-claims';
import { DEFAULT_CLAIM_THRESHOLD } from '../src/core/analyze';
import { errorReport, evalPolnear, loadPolnear, polnearRows, selfCheck } from './eval-polnear';
import { sampleRows } from './eval-sample';
import { exactSpanRows, polnearExactSpans, ROLES } from './eval-spans';
import { formatTable, percent, prfCell, sharedRoot, type TableRow } from './eval-shared';

interface Options {
  split: 'dev' | 'train';
  errors: number;
  boilerplateErrors: number;
  selfCheck: boolean;
  skipClaims: boolean;
  skipCv: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    split: 'dev',
    errors: 0,
    boilerplateErrors: 0,
    selfCheck: false,
    skipClaims: false,
    skipCv: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--split') {
      const value = argv[++i];
      if (value !== 'dev' && value !== 'train') throw new Error(`--split takes dev or train, not ${value}`);
      options.split = value;
    } else if (arg === '--errors') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error('--errors takes a whole number');
      options.errors = value;
    } else if (arg === '--boilerplate-errors') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error('--boilerplate-errors takes a whole number');
      options.boilerplateErrors = value;
    } else if (arg === '--self-check') options.selfCheck = true;
    else if (arg === '--skip-claims') options.skipClaims = true;
    else if (arg === '--skip-cv') options.skipCv = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  const shared = sharedRoot();
  if (!shared) {
    console.log(
      'Evaluation data not found: no ../shared beside the repository (set SOURCE_LENS_SHARED to its path). Nothing to evaluate.',
    );
    return 0;
  }
  const polnear = loadPolnear(join(shared, 'eval', 'polnear', `polnear_${options.split}.jsonl`));

  if (options.selfCheck) {
    const { score, failures } = selfCheck(polnear);
    const spans = polnearExactSpans(score.perDocument, true);
    for (const role of ROLES)
      if (spans[role].f1 !== 1) failures.push(`gold as prediction: exact spans F1, ${role} = ${spans[role].f1}`);
    console.log(formatTable([...polnearRows(`${options.split} gold-as-prediction`, score), ...exactSpanRows(spans)]));
    if (failures.length) console.log(`\nSELF-CHECK FAILED:\n${failures.join('\n')}`);
    else
      console.log(
        '\nself-check passed: gold as prediction scores 1.0 everywhere; synthetic near misses scored as intended.',
      );
    return failures.length ? 1 : 0;
  }

  const rows: TableRow[] = [];
  const attribution = evalPolnear(polnear);
  rows.push(...polnearRows(options.split, attribution), ...exactSpanRows(polnearExactSpans(attribution.perDocument)));
  // What the tagger adds: the same split with the rules alone.
  const rulesAlone = evalPolnear(polnear, () => ({ attributionModel: false }));
  rows.push(
    { metric: `  ${options.split}, rules alone: all F1`, ours: prfCell(rulesAlone.all), target: 'the tagger off' },
    { metric: `  ${options.split}, rules alone: indirect F1`, ours: prfCell(rulesAlone.indirect), target: '' },
  );
  if (!options.skipCv && options.split === 'dev') {
    rows.push(...crossValidatedRows(loadPolnear(join(shared, 'eval', 'polnear', 'polnear_train.jsonl'))));
  }

  const pages = loadPages(shared, ZYTE_PAGES);
  // Same split as scripts/eval-boilerplate.ts: tuning looks at even pages, odd pages are held out.
  const heldOut = evalBoilerplate(
    pages.filter((_, i) => i % 2 === 1),
    { corpus: pages },
  );
  const allPages = evalBoilerplate(pages, { corpus: pages });
  rows.push(
    {
      metric: 'boilerplate lines F1, held-out (odd pages)',
      ours: prfCell(heldOut),
      target: '≥95; trafilatura 96, jusText 80 (on HTML)',
    },
    { metric: 'boilerplate lines F1, all pages', ours: prfCell(allPages), target: '' },
  );
  // Pages of unseen sites: every site's pages in one fold (scripts/boilerplate-cv.ts).
  const wcxb = loadPages(shared, WCXB_PAGES);
  rows.push(...siteGroupedRows('WCXB', wcxb, '≥92'), ...siteGroupedRows('Zyte', pages, '≥95'));

  if (!options.skipClaims) {
    const claimsPath = join(shared, 'eval', 'claims', 'claimbuster_train.json');
    const examples = toExamples(loadClaims(claimsPath));
    const cv = crossValidate(examples, 'debate', DEFAULT_CLAIM_THRESHOLD);
    const best = bestThreshold(cv.outOfFold.flat(), DEFAULT_CLAIM_THRESHOLD);
    const check = thresholdChoiceCheck(cv.outOfFold, DEFAULT_CLAIM_THRESHOLD);
    const randomFolds = crossValidate(examples, 'random', DEFAULT_CLAIM_THRESHOLD);
    rows.push(
      {
        metric: `claims ${cv.folds}-fold debate-grouped CV balanced accuracy, threshold ${cv.threshold}`,
        ours: percent(cv.balancedAccuracy),
        target: '≥82; ClaimBuster LR ≈78',
      },
      {
        metric: 'claims threshold with the best grouped-CV balanced accuracy',
        ours: `${best.threshold} (${percent(best.balancedAccuracy)})`,
        target:
          `in sample; chosen on the other folds: ${percent(check.chosenOnOtherFolds)}, ` +
          `${DEFAULT_CLAIM_THRESHOLD} fixed: ${percent(check.atPreferred)} (shipped ${DEFAULT_CLAIM_THRESHOLD})`,
      },
      {
        metric: `claims ${randomFolds.folds}-fold random CV balanced accuracy (a debate on both sides)`,
        ours: percent(randomFolds.balancedAccuracy),
        target: 'the figure before issue 11',
      },
      {
        metric: 'claims grouped CV raw accuracy (25% positive)',
        ours: percent(cv.accuracy),
        target: `${percent(cv.accuracyWithoutShift)} without prior shift`,
      },
      { metric: 'claims grouped CV check-worthy F1', ours: prfCell(cv), target: '' },
    );
  }

  rows.push(...sampleRows(join(shared, 'samples', 'scraped-article.txt')));
  console.log(formatTable(rows));
  if (options.errors > 0) console.log(errorReport(attribution, options.errors));
  if (options.boilerplateErrors > 0) console.log(`\n${boilerplateErrorReport(wcxb, options.boilerplateErrors)}`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
