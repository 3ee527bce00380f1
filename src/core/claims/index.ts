// Stage 8, claims: check-worthy sentences, or parts of sentences, that nobody is credited with.
export { findClaims } from './find-claims';
export type { CheckWorthiness } from './check-worthiness';
export type { EvidenceMarkup } from './evidence';
export { claimNeed, LIKELY_NEEDS_SOURCE, type ClaimNeed } from './claim-need';
