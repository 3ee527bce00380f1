// Stage 7, duplicates: paragraphs that repeat an earlier one, exactly or nearly, in a document or a corpus.
export { findDuplicates, type BlockPrint, type DuplicateScan } from './find-duplicates';
export { countStatements, type StatementCounts, type StatementFacts } from './statement-counts';
