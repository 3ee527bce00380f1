// Stage 3, quotes: quotation marks paired into quotes (across paragraphs, news style), Markdown block
// quotes, and the marks left unbalanced.
export { findQuotes, introducedAsTerm, looksLikeTitle } from './find-quotes';
