// The trained attribution tagger (issue 11): BIO tags for cue, source and content over a sentence's tokens.
// Not yet wired into the attribution stage; the training script (scripts/train-attribution.ts) and its tests use it.
export { FEATURES_PER_TOKEN, featureStrings, quoteStates, sentenceFeatures, wordShape } from './features';
export {
  allowedTransition,
  beginTag,
  insideTag,
  OUTSIDE,
  ROLES,
  roleOfTag,
  spansFromTags,
  TAG_COUNT,
  TAG_NAMES,
  tagsFromSpans,
  type Role,
  type RoleSpan,
  type TokenSpan,
} from './tags';
export { emissionScores, emptyWeights, viterbi, type TaggerWeights } from './weights';
