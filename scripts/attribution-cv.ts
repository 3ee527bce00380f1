// The attribution tagger measured the way it is used: trained on four fifths of PolNeAR train (grouped by
// article) and run inside `analyze` on the held-out fifth, so every train article is read by weights that
// never saw it. `npm run eval` reports these out-of-fold figures beside dev (issue 11: models are chosen
// by grouped cross-validation on train, dev only confirms).
import type { TaggerWeights } from '../src/core/attribution/model';
import { articleFolds, tagDocument } from './attribution-data';
import { trainPerceptron, type PerceptronSettings } from './attribution-perceptron';
import { evalPolnear, polnearRows, type PolnearDocJson } from './eval-polnear';
import type { TableRow } from './eval-shared';
import { exactSpanRows, polnearExactSpans } from './eval-spans';

export const CV_FOLDS = 5;

/**
 * The shipped tagger's settings, chosen by this CV of the whole pipeline: 12 epochs beat 5 and 8 by 0.1-0.3
 * points of all-attributions F1, and one-byte weights (weights-file.ts) score the same as full precision.
 * 2^15 buckets give 0.1 point less than 2^17 or 2^18 (67.7 against 67.8), for a table of 229 KB that stays
 * in a core's cache: reading the weights is most of the tagger's time (the bench's "tagger alone" row).
 */
export const TAGGER_SETTINGS: PerceptronSettings = { buckets: 1 << 15, epochs: 12, seed: 11 };

/** Per article, the weights trained on the other folds' articles. */
export function outOfFoldWeights(
  docs: readonly PolnearDocJson[],
  settings: PerceptronSettings,
  folds = CV_FOLDS,
): Map<string, TaggerWeights> {
  const tagged = docs.map((d) => tagDocument(d, settings.buckets));
  const foldOf = articleFolds(
    docs.map((d) => d.doc_id),
    folds,
  );
  const weightsOf = new Map<string, TaggerWeights>();
  for (let fold = 0; fold < folds; fold++) {
    const train = tagged.filter((d) => foldOf.get(d.docId) !== fold).flatMap((d) => d.sentences);
    const weights = trainPerceptron(train, settings);
    for (const d of docs) if (foldOf.get(d.doc_id) === fold) weightsOf.set(d.doc_id, weights);
  }
  return weightsOf;
}

/** The eval table's rows for PolNeAR train read by out-of-fold weights (about a minute and a half: five trainings). */
export function crossValidatedRows(train: readonly PolnearDocJson[]): TableRow[] {
  const weights = outOfFoldWeights(train, TAGGER_SETTINGS);
  const score = evalPolnear([...train], (doc) => ({ attributionModel: weights.get(doc.doc_id) ?? false }));
  return [
    ...polnearRows(`train, ${CV_FOLDS}-fold article-grouped CV of the tagger`, score),
    ...exactSpanRows(polnearExactSpans(score.perDocument)),
  ];
}
