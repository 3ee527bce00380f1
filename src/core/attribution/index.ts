// Stage 4, attribution: every statement's content, cue, source mention and channel.
export { findAttributions } from './find-attributions';
export type { SentenceStatements } from './sentence-statements';
export { readWeightsFile, shippedWeights, shippedWeightsFile, type TaggerWeights } from './model';
