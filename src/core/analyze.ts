// The pipeline. Data flows one way: structure → sentences → quotes → attribution → sources →
// boilerplate → duplicates → claims → rules (messages). Each stage is a folder whose index.ts is its face;
// this file only wires them, in the order the folders' headers number them.
import { beginAnalysis, endAnalysis, type AnalysisCache } from './analysis-cache';
import { findAttributions, shippedWeights, type TaggerWeights } from './attribution';
import { detectBoilerplate, recurringBlockKeys } from './boilerplate';
import { findClaims } from './claims';
import { applyCorrections, type UnappliedCorrection } from './corrections';
import { findDuplicates } from './duplicates';
import { findQuotes } from './quotes';
import { applySuppressions, buildMessages, SUPPRESSIBLE_RULES, type TimedOut } from './rules';
import { splitSentences } from './sentences';
import { registerSources } from './source-registry';
import { markUncertainSpeakers, resolveSources, type ResolvedSources } from './sources';
import {
  blankDirectives,
  formatFor,
  parseCorrections,
  parseStructure,
  parseSuppressions,
  type Structure,
  type Suppressions,
} from './structure';
import type { AnalyzeOptions, CorpusOptions } from './options';
import type { Analysis, Block, Boilerplate, CorpusDocument, CorpusResult, DocumentFormat, Duplicate } from './types';

export { createAnalysisCache, type AnalysisCache } from './analysis-cache';

export const DEFAULT_CLAIM_THRESHOLD = 0.5;
export const DEFAULT_RECURRENCE_THRESHOLD = 3;
/** 5 MB of ASCII; the adapters apply their own byte cap before reading, this guards the core itself. */
export const DEFAULT_MAX_LENGTH = 5 * 1024 * 1024;

/** Analyses one document. Never throws: any input string gives an analysis. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const format = formatFor(options.path, options.format);
  return guarded(text, format, () => {
    const tooLarge = checkSize(text, format, options.maxLength);
    if (tooLarge) return tooLarge;
    const cache = options.cache;
    try {
      const stages = runDocumentStages(text, format, options.plainTextMarker, cache, modelOf(options));
      const boilerplate = detectBoilerplate(
        stages.structure.prose,
        stages.structure.blocks,
        undefined,
        cache?.blockFeatures,
      );
      const [duplicates] = findDuplicates(
        [
          {
            path: options.path ?? '',
            text: stages.structure.prose,
            blocks: stages.structure.blocks,
            skip: blockIndices(stages.structure.blocks, boilerplate),
          },
        ],
        { memo: cache?.passages, resume: cache?.duplicates },
      );
      return finish(stages, boilerplate, duplicates, { ...options, path: options.path ?? '' }, cache);
    } finally {
      if (cache) endAnalysis(cache);
    }
  });
}

/** Analyses documents together: duplicates across them, and blocks recurring in several are boilerplate. */
export function analyzeCorpus(documents: CorpusDocument[], options: CorpusOptions = {}): CorpusResult[] {
  const prepared = documents.map((document) => prepareCorpusDocument(document, options));
  const findings = crossDocumentFindings(prepared.map(corpusViewOf), options);
  return prepared.map((document, i) => finishCorpusDocument(document, findings[i], options));
}

// A corpus in three steps, so the documents' own stages can run on several threads (`source-lens analyze
// --jobs`): each document's stages (`prepareCorpusDocument`, where the document is), the findings across
// documents from what each one's view holds (`crossDocumentFindings`, in one place), and each document's
// analysis from its findings (`finishCorpusDocument`, where its stages are). `analyzeCorpus` is the three
// in one thread, so both give the same analyses.

/** A corpus document after its own stages. Kept where it was made (a worker) until it is finished. */
export type PreparedCorpusDocument =
  | { path: string; stages: DocumentStages; settled: null }
  /** Its analysis when the stages did not run (too large) or threw: it takes no part in the corpus. */
  | { path: string; stages: null; settled: Analysis };

/** What the findings across documents read of one: its prose view and blocks. Plain data, for postMessage. */
export interface CorpusDocumentView {
  path: string;
  prose: string;
  blocks: Block[];
}

/** One document's share of the findings across the corpus. */
export interface CorpusFindings {
  boilerplate: Boilerplate[];
  duplicates: Duplicate[];
}

/** One document's own stages, as `analyzeCorpus` runs them. Never throws. */
export function prepareCorpusDocument(document: CorpusDocument, options: CorpusOptions = {}): PreparedCorpusDocument {
  const format = formatFor(document.path, document.format);
  const tooLarge = checkSize(document.text, format, options.maxLength);
  if (tooLarge) return { path: document.path, settled: tooLarge, stages: null };
  const run = stagesOrError(document.text, format, options.plainTextMarker, modelOf(options));
  if ('error' in run)
    return { path: document.path, settled: internalErrorAnalysis(document.text, format, run.error), stages: null };
  return { path: document.path, settled: null, stages: run.stages };
}

/** The view of a prepared document that the findings across documents read; null when it takes no part. */
export function corpusViewOf(prepared: PreparedCorpusDocument): CorpusDocumentView | null {
  const { stages } = prepared;
  return stages ? { path: prepared.path, prose: stages.structure.prose, blocks: stages.structure.blocks } : null;
}

/** Recurring boilerplate and duplicates across the documents whose views are given (null: no part). */
export function crossDocumentFindings(
  views: readonly (CorpusDocumentView | null)[],
  options: CorpusOptions = {},
): (CorpusFindings | null)[] {
  const analysable = views.filter((view): view is CorpusDocumentView => view !== null);
  const recurring = recurringBlockKeys(
    analysable.map((view) => ({ text: view.prose, blocks: view.blocks })),
    options.recurrenceThreshold ?? DEFAULT_RECURRENCE_THRESHOLD,
  );
  const boilerplate = analysable.map((view) => detectBoilerplate(view.prose, view.blocks, recurring));
  const duplicates = findDuplicates(
    analysable.map((view, i) => ({
      path: view.path,
      text: view.prose,
      blocks: view.blocks,
      skip: blockIndices(view.blocks, boilerplate[i]),
    })),
  );
  let next = 0;
  return views.map((view) => {
    if (!view) return null;
    const i = next++;
    return { boilerplate: boilerplate[i], duplicates: duplicates[i] };
  });
}

/** A prepared document's analysis, with its findings across the corpus. Never throws. */
export function finishCorpusDocument(
  prepared: PreparedCorpusDocument,
  findings: CorpusFindings | null,
  options: CorpusOptions = {},
): CorpusResult {
  const { path, stages } = prepared;
  if (stages === null) return { path, analysis: prepared.settled };
  const { boilerplate, duplicates } = findings ?? { boilerplate: [], duplicates: [] };
  return {
    path,
    analysis: guarded(stages.text, stages.structure.format, () =>
      finish(stages, boilerplate, duplicates, { ...options, path }),
    ),
  };
}

/** The attribution tagger's weights an analysis uses: the caller's, none (`false`), or the shipped ones. */
function modelOf(options: AnalyzeOptions | CorpusOptions): TaggerWeights | null {
  return options.attributionModel === false ? null : (options.attributionModel ?? shippedWeights());
}

/** A document whose stages throw (they are written not to) is reported with an internal-error message. */
function stagesOrError(
  text: string,
  format: DocumentFormat,
  marker?: string,
  model?: TaggerWeights | null,
): { stages: DocumentStages } | { error: unknown } {
  try {
    return { stages: runDocumentStages(text, format, marker, undefined, model) };
  } catch (error) {
    return { error };
  }
}

export interface DocumentStages {
  text: string;
  structure: Structure;
  sentences: ReturnType<typeof splitSentences>;
  quoteScan: ReturnType<typeof findQuotes>;
  attributions: ReturnType<typeof findAttributions>;
  sources: ResolvedSources['sources'];
  suppressions: Suppressions;
  /** The editor's corrections that apply to nothing or cannot be read. */
  unappliedCorrections: UnappliedCorrection[];
}

function runDocumentStages(
  text: string,
  format: DocumentFormat,
  marker?: string,
  cache?: AnalysisCache,
  model?: TaggerWeights | null,
): DocumentStages {
  // Control comments silence findings; their own text is not prose (blanked, so offsets hold).
  const suppressions = parseSuppressions(text, format, { rules: SUPPRESSIBLE_RULES, marker });
  // The editor's corrections are control comments too: not prose.
  const corrections = parseCorrections(text, format, marker);
  const annotations = [...suppressions.directives, ...corrections.list, ...corrections.problems];
  if (annotations.length > suppressions.directives.length) annotations.sort((a, b) => a.start - b.start);
  const structure = parseStructure(blankDirectives(text, annotations), format, cache?.markdown);
  if (cache) beginAnalysis(cache, structure.prose);
  const sentences = splitSentences(structure.prose, structure.blocks, cache?.sentences);
  const quoteScan = findQuotes(structure.prose, structure.blocks);
  const found = findAttributions(
    structure.prose,
    structure.blocks,
    sentences,
    quoteScan.quotes,
    cache?.statements,
    model,
  );
  const resolved = resolveSources(structure.prose, found, cache?.mentions);
  // Each attribution with its source's index, in the field's own place (the JSON keeps the field order).
  const { attributions, sources, unapplied } = applyCorrections(
    structure.prose,
    structure.blocks,
    sentences,
    markUncertainSpeakers(
      structure.prose,
      sentences,
      found.map((attribution, i) => ({ ...attribution, source: resolved.sourceOfAttribution[i] })),
      resolved.sources,
    ),
    resolved.sources,
    corrections,
  );
  return {
    text,
    structure,
    sentences,
    quoteScan,
    attributions,
    sources,
    suppressions,
    unappliedCorrections: unapplied,
  };
}

function finish(
  stages: DocumentStages,
  boilerplate: Analysis['boilerplate'],
  duplicates: Duplicate[],
  options: (AnalyzeOptions | CorpusOptions) & { path: string },
  cache?: AnalysisCache,
): Analysis {
  const { structure, sentences, quoteScan, attributions, sources } = stages;
  const claims = findClaims(
    structure.prose,
    sentences,
    attributions,
    quoteScan.quotes,
    boilerplate,
    duplicates,
    options.claimThreshold ?? DEFAULT_CLAIM_THRESHOLD,
    cache?.worthiness,
    structure.markup,
    structure.blocks,
  );
  const analysis: Analysis = {
    length: stages.text.length,
    format: structure.format,
    blocks: structure.blocks,
    sentences,
    quotes: quoteScan.quotes,
    attributions,
    sources: registerSources(sources, options.registry),
    claims,
    duplicates,
    boilerplate,
    messages: [],
  };
  analysis.messages = buildMessages(stages.text, analysis, quoteScan.unbalanced, {
    unknownRules: stages.suppressions.unknownRules,
    markdownNotParsed: structure.notParsed,
    unappliedCorrections: stages.unappliedCorrections,
    path: options.path,
    singleSource: options.singleSource,
  });
  return applySuppressions(analysis, stages.suppressions);
}

/** Indices of the blocks inside boilerplate. Both lists are in text order: one walk, not all pairs. */
function blockIndices(blocks: readonly Block[], boilerplate: Analysis['boilerplate']): Set<number> {
  const skip = new Set<number>();
  const spans = [...boilerplate].sort((a, b) => a.start - b.start);
  let s = 0;
  for (const block of blocks) {
    while (s < spans.length && spans[s].end < block.end) s++;
    if (s < spans.length && spans[s].start <= block.start && block.end <= spans[s].end) skip.add(block.index);
  }
  return skip;
}

function emptyAnalysis(text: string, format: DocumentFormat): Analysis {
  return {
    length: text.length,
    format,
    blocks: [],
    sentences: [],
    quotes: [],
    attributions: [],
    sources: [],
    claims: [],
    duplicates: [],
    boilerplate: [],
    messages: [],
  };
}

function checkSize(text: string, format: DocumentFormat, maxLength = DEFAULT_MAX_LENGTH): Analysis | null {
  if (text.length <= maxLength) return null;
  const analysis = emptyAnalysis(text, format);
  analysis.messages = buildMessages(text, analysis, [], { tooLarge: maxLength });
  return analysis;
}

/**
 * The stages are written not to throw; this is the last line of defence that keeps the promise to the
 * adapters (an editor must never lose its diagnostics to one odd input). It reports an `internal-error`
 * message, which the fuzz tests treat as a failure.
 */
function guarded(text: string, format: DocumentFormat, run: () => Analysis): Analysis {
  try {
    return run();
  } catch (error) {
    return internalErrorAnalysis(text, format, error);
  }
}

/**
 * What an adapter shows for a text whose analysis ran past its deadline and was stopped (the editor's
 * worker): one `analysis-timeout` message and no findings. The core never stops itself: the deadline is
 * the adapter's, and so is the setting the message names.
 */
export function timedOutAnalysis(text: string, format: DocumentFormat, timedOut: TimedOut): Analysis {
  const analysis = emptyAnalysis(text, format);
  analysis.messages = buildMessages(text, analysis, [], { timedOut });
  return analysis;
}

function internalErrorAnalysis(text: string, format: DocumentFormat, error: unknown): Analysis {
  const analysis = emptyAnalysis(text, format);
  analysis.messages = buildMessages(text, analysis, [], { internalError: String(error) });
  return analysis;
}
