// The pipeline. Data flows one way: structure → sentences → quotes → attribution → sources →
// boilerplate / duplicates / claims → messages. Each stage is its own module; this file only wires them.
import { findAttributions } from './attribution';
import { detectBoilerplate, recurringBlockKeys } from './boilerplate';
import { findClaims } from './claims';
import { findDuplicates } from './duplicates';
import { buildMessages } from './messages';
import { findQuotes } from './quotes';
import { splitSentences } from './sentences';
import { resolveSources } from './sources';
import { formatFor, parseStructure, type Structure } from './structure';
import type { Analysis, AnalyzeOptions, CorpusDocument, CorpusOptions, CorpusResult, DocumentFormat, Duplicate } from './types';

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
    const stages = runDocumentStages(text, format);
    const boilerplate = detectBoilerplate(stages.structure.prose, stages.structure.blocks);
    const [duplicates] = findDuplicates([
      { path: options.path ?? '', text: stages.structure.prose, blocks: stages.structure.blocks, skip: blockIndices(stages, boilerplate) },
    ]);
    return finish(stages, boilerplate, duplicates, options.claimThreshold);
  });
}

/** Analyses documents together: duplicates across them, and blocks recurring in several are boilerplate. */
export function analyzeCorpus(documents: CorpusDocument[], options: CorpusOptions = {}): CorpusResult[] {
  const prepared = documents.map((doc) => {
    const format = formatFor(doc.path, doc.format);
    const tooLarge = checkSize(doc.text, format, options.maxLength);
    let stages: DocumentStages | null = null;
    if (!tooLarge) {
      try {
        stages = runDocumentStages(doc.text, format);
      } catch {
        stages = null;
      }
    }
    return { doc, format, tooLarge, stages };
  });
  const analysable = prepared.filter((p) => p.stages !== null) as ((typeof prepared)[number] & { stages: DocumentStages })[];
  const recurring = recurringBlockKeys(
    analysable.map((p) => ({ text: p.stages.structure.prose, blocks: p.stages.structure.blocks })),
    options.recurrenceThreshold ?? DEFAULT_RECURRENCE_THRESHOLD,
  );
  const boilerplateOf = new Map(
    analysable.map((p) => [p, detectBoilerplate(p.stages.structure.prose, p.stages.structure.blocks, recurring)]),
  );
  const duplicatesOf = findDuplicates(
    analysable.map((p) => ({
      path: p.doc.path,
      text: p.stages.structure.prose,
      blocks: p.stages.structure.blocks,
      skip: blockIndices(p.stages, boilerplateOf.get(p) ?? []),
    })),
  );
  return prepared.map((p) => {
    const index = analysable.indexOf(p as (typeof analysable)[number]);
    const analysis =
      p.tooLarge ??
      guarded(p.doc.text, p.format, () => {
        if (!p.stages) throw new Error('stages failed');
        return finish(p.stages, boilerplateOf.get(analysable[index]) ?? [], duplicatesOf[index] ?? [], options.claimThreshold);
      });
    return { path: p.doc.path, analysis };
  });
}

interface DocumentStages {
  text: string;
  structure: Structure;
  sentences: ReturnType<typeof splitSentences>;
  quoteScan: ReturnType<typeof findQuotes>;
  attributions: ReturnType<typeof findAttributions>;
  sources: ReturnType<typeof resolveSources>;
}

function runDocumentStages(text: string, format: DocumentFormat): DocumentStages {
  const structure = parseStructure(text, format);
  const sentences = splitSentences(structure.prose, structure.blocks);
  const quoteScan = findQuotes(structure.prose, structure.blocks);
  const attributions = findAttributions(structure.prose, structure.blocks, sentences, quoteScan.quotes);
  const sources = resolveSources(structure.prose, attributions);
  return { text, structure, sentences, quoteScan, attributions, sources };
}

function finish(
  stages: DocumentStages,
  boilerplate: Analysis['boilerplate'],
  duplicates: Duplicate[],
  claimThreshold = DEFAULT_CLAIM_THRESHOLD,
): Analysis {
  const { structure, sentences, quoteScan, attributions, sources } = stages;
  const claims = findClaims(structure.prose, sentences, attributions, quoteScan.quotes, boilerplate, duplicates, claimThreshold);
  const analysis: Analysis = {
    length: stages.text.length,
    format: structure.format,
    blocks: structure.blocks,
    sentences,
    quotes: quoteScan.quotes,
    attributions,
    sources,
    claims,
    duplicates,
    boilerplate,
    messages: [],
  };
  analysis.messages = buildMessages(stages.text, analysis, quoteScan.unbalanced);
  return analysis;
}

function blockIndices(stages: DocumentStages, boilerplate: Analysis['boilerplate']): Set<number> {
  const skip = new Set<number>();
  for (const block of stages.structure.blocks) {
    if (boilerplate.some((b) => b.start <= block.start && block.end <= b.end)) skip.add(block.index);
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
    const analysis = emptyAnalysis(text, format);
    analysis.messages = buildMessages(text, analysis, [], { internalError: String(error) });
    return analysis;
  }
}
