// Stage 4, attribution: every statement's content, cue, source mention and channel.
export { findAttributions, type SentenceStatements } from './attribution';
