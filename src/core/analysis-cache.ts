// Re-analysis after an edit: most paragraphs and sentences of a document are the same text as in the
// previous analysis, so the stages that work on one paragraph or one sentence at a time keep their
// results by that text. An analysis then only redoes the paragraphs that changed, plus the stages that
// need the whole document (quote pairing, sources, duplicates' index), which are cheap. The duplicates
// scan keeps its decisions too, and resumes from the first paragraph that changed.
//
// A result is a function of its key alone (each stage computes it from that text and nothing else, with
// or without a cache), so an analysis with a cache equals one without, whatever came before.

import type { SentenceStatements } from './attribution';
import type { BlockVerdictInputs } from './boilerplate';
import type { CheckWorthiness } from './claims';
import type { BlockPrint, DuplicateScan } from './duplicates';
import type { MentionReading } from './sources';
import type { MarkdownParseMemo } from './structure';
import { TextMemo } from './text';
import { textChange } from './text/text-change';

/** One document's cache, kept by the caller between analyses of that document (see `AnalyzeOptions.cache`). */
export interface AnalysisCache {
  /** Sentence boundaries of a block, by the block's text. */
  readonly sentences: TextMemo<number[]>;
  /** Statements of a sentence, by its text and the quotes in it. */
  readonly statements: TextMemo<SentenceStatements>;
  /** Check-worthiness of a sentence's own words. */
  readonly worthiness: TextMemo<CheckWorthiness>;
  /** A block's normalised text and MinHash signature, for duplicates. */
  readonly passages: TextMemo<BlockPrint>;
  /** A block's boilerplate features. */
  readonly blockFeatures: TextMemo<BlockVerdictInputs>;
  /** How a source mention reads ("INIS": a name, an acronym, an organisation). */
  readonly mentions: TextMemo<MentionReading>;
  /** The last Markdown parse, so an edit re-reads only the top-level blocks it changed (structure/markdown-reparse.ts). */
  readonly markdown: MarkdownParseMemo;
  /**
   * The duplicates stage's scan of the document, resumed from the first changed block (duplicates/find-duplicates.ts).
   */
  readonly duplicates: { scan?: DuplicateScan };
  /** The prose view the last analysis read, so the next finds its unchanged paragraphs by offset (text-memo.ts). */
  readonly prose: { last?: string };
}

export function createAnalysisCache(): AnalysisCache {
  return {
    sentences: new TextMemo(),
    statements: new TextMemo(),
    worthiness: new TextMemo(),
    passages: new TextMemo(),
    blockFeatures: new TextMemo(),
    mentions: new TextMemo(),
    markdown: {},
    duplicates: {},
    prose: {},
  };
}

/** Starts an analysis of `prose`: each memo learns what changed since the last one. */
export function beginAnalysis(cache: AnalysisCache, prose: string): void {
  const change = cache.prose.last === undefined ? null : textChange(cache.prose.last, prose);
  for (const memo of Object.values(cache)) if (memo instanceof TextMemo) memo.beginRun(change);
  cache.prose.last = prose;
}

export function endAnalysis(cache: AnalysisCache): void {
  for (const memo of Object.values(cache)) if (memo instanceof TextMemo) memo.endRun();
}
