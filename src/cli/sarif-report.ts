// SARIF 2.1.0 for code-scanning dashboards (GitHub's upload-sarif, Azure DevOps, SonarQube): one run, the
// rule registry as the driver's rules, one result per message. Columns count UTF-16 code units, as the
// core's offsets do, and the run says so (columnKind), so no place has to be converted.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Analysis,
  type CorrectionKind,
  LineIndex,
  type Message,
  type MessageSeverity,
  RULE_LIST,
  ruleUrl,
  type Span,
} from '../core';

export const SARIF_SCHEMA =
  'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/source-lens/source-lens';

type Level = 'error' | 'warning' | 'note';

export interface SarifFile {
  path: string;
  text: string;
  analysis: Analysis;
}

interface Region {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  charOffset: number;
  charLength: number;
}

interface PhysicalLocation {
  artifactLocation: { uri: string };
  region: Region;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: { physicalLocation: PhysicalLocation }[];
  relatedLocations?: { id: number; physicalLocation: PhysicalLocation; message: { text: string } }[];
  /** `setByEditor`: the result is at a statement an editor's correction decided (README "Corrections"). */
  properties?: { setByEditor: CorrectionKind };
}

/** A statement an editor's correction decided: where it is, which correction, and its source now. */
interface EditorCorrection {
  physicalLocation: PhysicalLocation;
  correction: CorrectionKind;
  source: string | null;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          helpUri: string;
          defaultConfiguration: { level: Level };
        }[];
      };
    };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
    /** The statements an editor's corrections decided, in every file, in text order; only when there are some. */
    properties?: { editorCorrections: EditorCorrection[] };
  }[];
}

/** A place a result points at besides its own: in its file, or (a corpus duplicate's first copy) another. */
type RelatedPlace = Span & { path?: string; reason: string };

/** `cwd` is what artifact URIs are relative to: a CI job's checkout, so code scanning finds the files. */
export function sarifReport(files: readonly SarifFile[], toolVersion: string, cwd: string): SarifLog {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const lineIndexes = new Map<string, LineIndex>();
  const place = (path: string, span: Span): PhysicalLocation => {
    const text = texts.get(path);
    let lines = lineIndexes.get(path);
    if (text !== undefined && !lines) lineIndexes.set(path, (lines = new LineIndex(text)));
    return { artifactLocation: { uri: artifactUri(path, cwd) }, region: region(span, lines) };
  };
  const ruleIndex = new Map(RULE_LIST.map((rule, i) => [rule.id, i]));

  const results = files.flatMap((file) =>
    file.analysis.messages.map((message): SarifResult => {
      const result: SarifResult = {
        ruleId: message.ruleId,
        ruleIndex: ruleIndex.get(message.ruleId)!,
        level: sarifLevel(message.severity),
        message: { text: escapeBrackets(message.reason) },
        locations: [{ physicalLocation: place(file.path, message) }],
      };
      const setByEditor = correctionAt(file.analysis, message);
      if (setByEditor) result.properties = { setByEditor };
      const related = relatedPlaces(message);
      if (related.length)
        result.relatedLocations = related.map((r, i) => ({
          id: i + 1,
          physicalLocation: place(r.path ?? file.path, r),
          message: { text: escapeBrackets(r.reason) },
        }));
      return result;
    }),
  );

  const editorCorrections = files.flatMap((file) =>
    file.analysis.attributions.flatMap((a): EditorCorrection[] =>
      a.setByEditor && a.content[0]
        ? [
            {
              physicalLocation: place(file.path, a.content[0]),
              correction: a.setByEditor,
              source: a.source === null ? null : (file.analysis.sources[a.source]?.name ?? null),
            },
          ]
        : [],
    ),
  );

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Source Lens',
            version: toolVersion,
            informationUri: INFORMATION_URI,
            rules: RULE_LIST.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              helpUri: ruleUrl(rule.id),
              defaultConfiguration: { level: sarifLevel(rule.severity) },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        ...(editorCorrections.length > 0 && { properties: { editorCorrections } }),
      },
    ],
  };
}

/** The correction that decided the statement a message is at (its content or its source's mention), if any. */
function correctionAt(analysis: Analysis, message: Span): CorrectionKind | undefined {
  for (const a of analysis.attributions) {
    if (!a.setByEditor) continue;
    const parts = a.sourceMention ? [...a.content, a.sourceMention] : a.content;
    if (parts.some((p) => p.start < message.end && message.start < p.end)) return a.setByEditor;
  }
  return undefined;
}

/** The places a message points at besides its own, in the order their related locations are numbered. */
function relatedPlaces(message: Message): RelatedPlace[] {
  return [
    ...(message.cause ? [{ ...message.cause, reason: 'The first occurrence of the passage.' }] : []),
    ...(message.related ?? []),
  ];
}

/** SARIF has three levels that show; the core's info and hint are both a note. */
export function sarifLevel(severity: MessageSeverity): Level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/**
 * 1-based lines and columns (endColumn is the column after the last character, as SARIF counts it) and
 * the offset and length; without the text (a file not read) only the offset and length.
 */
function region(span: Span, lines: LineIndex | undefined): Region {
  const offsets = { charOffset: span.start, charLength: span.end - span.start };
  if (!lines) return offsets;
  const start = lines.position(span.start);
  const end = lines.position(span.end);
  return {
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    ...offsets,
  };
}

/**
 * The path relative to `cwd` with forward slashes, each segment percent-encoded (a space, `#` or a
 * non-ASCII letter would otherwise make an invalid or different URI); standard input keeps the name the
 * other formats give it, `<stdin>`, encoded. A path with no relative form (another drive) is a file: URI.
 */
export function artifactUri(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  if (isAbsolute(rel)) return pathToFileURL(path).href;
  return rel.split(sep).map(encodeURIComponent).join('/');
}

/** SARIF message text reads `[text](n)` as a link to related location n, so literal brackets are escaped. */
function escapeBrackets(text: string): string {
  return text.replace(/[[\]]/g, '\\$&');
}
