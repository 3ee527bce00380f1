// What a caller may ask of an analysis. Apart from the data types (types.ts) because an option holds the
// analysis cache, whose entries are the stages' own results.
import type { AnalysisCache } from './analysis-cache';
import type { TaggerWeights } from './attribution';
import type { SourceRegistry } from './source-registry';
import type { SingleSourceOptions } from './rules';
import type { DocumentFormat } from './types';

export interface AnalyzeOptions {
  /** Chooses the structure parser when `format` is not given: `.md`, `.markdown`, … are Markdown. */
  path?: string;
  format?: DocumentFormat;
  /** Claims at or above this score are reported. Default 0.5. */
  claimThreshold?: number;
  /** Texts longer than this (UTF-16 units) are not analysed; one `input-too-large` message instead. */
  maxLength?: number;
  /** In plain text, lines starting with this are control comments (`source-lens: disable-next-line …`). */
  plainTextMarker?: string;
  /**
   * Results kept from the previous analysis of the same document (`createAnalysisCache()`), so that after
   * an edit only the changed paragraphs are analysed again. The analysis is the same with or without it.
   */
  cache?: AnalysisCache;
  /**
   * The attribution tagger's weights (attribution/model): by default the shipped ones; `false` runs the
   * rules alone. A cache must not be shared between analyses with different weights.
   */
  attributionModel?: TaggerWeights | false;
  /**
   * The team's sources registry (`parseRegistry` of a `.sourcelens.json`): sources it lists get its
   * standing, and low-standing-source reads it. Its severities are the adapters' to apply.
   */
  registry?: SourceRegistry;
  /** When single-source fires: a source with `share` (0–1) of the counted attributed statements and at least `minStatements` of them. */
  singleSource?: Partial<SingleSourceOptions>;
}

export interface CorpusOptions extends Omit<AnalyzeOptions, 'path' | 'format'> {
  /** A block in at least this many documents is boilerplate. Default 3. */
  recurrenceThreshold?: number;
}
