// Stage 5, sources: source mentions grouped into real-world sources (aliases, acronyms, descriptions,
// pronouns), each with its type.
export { resolveSources, type ResolvedSources } from './resolve-sources';
export type { MentionReading } from './mentions';
export { FAR_SENTENCES, markUncertainSpeakers } from './speaker-uncertainty';
