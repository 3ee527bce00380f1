// The JSON contract (`source-lens/analysis@1`) that the CLI prints, the extension exports and the
// evaluation reads. Fields listed in the README must stay; new fields may be added.
import type {
  Analysis,
  AttributionKind,
  CorrectionKind,
  BoilerplateReason,
  Evidence,
  Message,
  RegisteredSource,
  SourceType,
  Span,
  UncertaintyReason,
} from '../types';

export const REPORT_SCHEMA = 'source-lens/analysis@1';

export interface AttributionReport {
  kind: AttributionKind;
  content: Span[];
  cue: Span | null;
  sourceMention: Span | null;
  source: string | null;
  sourceType: SourceType | null;
  channel: Span | null;
  /** Which part of Source Lens found the statement: the rules, or the trained tagger. */
  foundBy: 'rules' | 'tagger';
  /** Only on a statement an editor's correction in the text decided: which correction (an added field, so still @1). */
  setByEditor?: CorrectionKind;
  /**
   * Only where the analysis is unsure of the speaker: why, and the names of the other sources it may be
   * from, the likeliest first (an added field, so still @1).
   */
  uncertainty?: { reasons: UncertaintyReason[]; alternatives: string[] };
}

export interface FileReport {
  path: string;
  length: number;
  format: Analysis['format'];
  attributions: AttributionReport[];
  sources: {
    name: string;
    type: SourceType;
    aliases: string[];
    attributions: number[];
    channels: string[];
    /** The sources registry's entry, when a registry was read and lists the source. */
    registered?: RegisteredSource;
  }[];
  /** `evidence` only on a linked claim (a link, footnote or URL in its sentence): an added field, so still @1. */
  claims: { start: number; end: number; score: number; reasons: string[]; evidence?: Evidence[] }[];
  duplicates: { start: number; end: number; similarity: number; of: { path: string; start: number; end: number } }[];
  boilerplate: { start: number; end: number; reason: BoilerplateReason }[];
  messages: Message[];
}

export interface AnalysisReport {
  schema: typeof REPORT_SCHEMA;
  files: FileReport[];
}

export function toReport(path: string, analysis: Analysis): FileReport {
  return {
    path,
    length: analysis.length,
    format: analysis.format,
    attributions: analysis.attributions.map((a) => {
      const source = a.source === null ? null : analysis.sources[a.source];
      return {
        kind: a.kind,
        content: a.content.map(span),
        cue: a.cue && span(a.cue),
        sourceMention: a.sourceMention && span(a.sourceMention),
        source: source ? source.name : null,
        sourceType: source ? source.type : null,
        channel: a.channel && span(a.channel),
        foundBy: a.foundBy ?? 'rules',
        ...(a.setByEditor && { setByEditor: a.setByEditor }),
        ...(a.uncertainty && {
          uncertainty: {
            reasons: a.uncertainty.reasons,
            alternatives: a.uncertainty.alternatives.map((i) => analysis.sources[i]?.name ?? ''),
          },
        }),
      };
    }),
    sources: analysis.sources.map((s) => ({
      name: s.name,
      type: s.type,
      aliases: s.aliases,
      attributions: s.attributions,
      channels: s.channels,
      ...(s.registered && { registered: s.registered }),
    })),
    claims: analysis.claims.map((c) => ({
      start: c.start,
      end: c.end,
      score: c.score,
      reasons: c.reasons,
      ...(c.evidence && {
        evidence: c.evidence.map((e) => ({ kind: e.kind, target: e.target, start: e.start, end: e.end })),
      }),
    })),
    duplicates: analysis.duplicates.map((d) => ({
      start: d.start,
      end: d.end,
      similarity: d.similarity,
      of: { path: d.of.path, start: d.of.start, end: d.of.end },
    })),
    boilerplate: analysis.boilerplate.map((b) => ({ start: b.start, end: b.end, reason: b.reason })),
    messages: analysis.messages,
  };
}

function span(s: Span): Span {
  return { start: s.start, end: s.end };
}
