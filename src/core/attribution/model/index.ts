// The trained attribution tagger (issue 11): BIO tags for cue, source and content over a sentence's tokens.
// Its statements join the rules' in model-statements.ts; scripts/train-attribution.ts trains it.
export { FEATURES_PER_TOKEN, hasCueWord, quoteStates, sentenceFeatures, TEMPLATES, wordShape } from './features';
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
export {
  emissionScores,
  emptyWeights,
  tagSentence,
  viterbi,
  type TaggerWeights,
  type TrainingWeights,
} from './weights';
export {
  decodeBase64,
  encodeBase64,
  readWeightsFile,
  WEIGHTS_FORMAT,
  writeWeightsFile,
  type WeightsFile,
} from './weights-file';
export { shippedWeights, shippedWeightsFile } from './shipped-weights';
