// A Markdown report of one analysis, for sharing with a desk: sources and their statements,
// unattributed claims, duplicates and boilerplate, each at `line N`. Document text is escaped
// so it cannot turn into Markdown (links, emphasis, HTML) in the report. The report's first line marks
// it as a report, so Source Lens does not read it as a story (its quotes and claims are the story's).
import { countStatements } from '../duplicates';
import { LineIndex } from '../text/positions';
import type { Analysis, DuplicateOf, Span } from '../types';

const EXCERPT = 100;

/**
 * The report's first line. An HTML comment (it does not render) that is also a control comment silencing
 * every rule in the file, for tools that know only those (the CLI); the editor skips the file altogether.
 */
export const REPORT_MARKER = '<!-- source-lens-disable-file -- a Source Lens report, not a story -->';
const REPORT_TITLE = '# Source Lens report: ';

/** Another document a duplicate's first copy is in: its path as the reader knows it, and its text if known. */
export interface OtherDocument {
  label: string;
  text?: string;
}

/**
 * Whether the text is a Source Lens report: its first line is the marker, or (a report written before
 * the marker) its title. Leading blank lines and a byte-order mark are allowed.
 */
export function isSourceLensReport(text: string): boolean {
  if (typeof text !== 'string') return false;
  const start = text.slice(0, 400).replace(/^\uFEFF?\s*/, '');
  return start.startsWith(REPORT_MARKER) || start.startsWith(REPORT_TITLE);
}

/**
 * `ownPath`: the path(s) the document was analysed under, as countStatements takes it (`path` is only a
 * label). `otherDocument`: what to call another document a duplicate's first copy is in (by the path the
 * duplicate names), and its text for the line; without it, or when it says nothing, the path itself.
 */
export function markdownReport(
  path: string,
  text: string,
  analysis: Analysis,
  ownPath?: string | readonly string[],
  otherDocument?: (path: string) => OtherDocument | undefined,
): string {
  const lines = new LineIndex(text);
  const at = (span: Span): string => lineLabel(lines, span.start);
  const excerpt = (span: Span): string => escapeMarkdown(shorten(text.slice(span.start, span.end)));
  const own = new Set([path, ...(typeof ownPath === 'string' ? [ownPath] : (ownPath ?? []))]);
  const firstCopy = (of: DuplicateOf): string => {
    if (!of.path || own.has(of.path)) return at(of);
    const other = otherDocument?.(of.path);
    const where = other?.text === undefined ? '' : ` ${lineLabel(new LineIndex(other.text), of.start)}`;
    return `${escapeMarkdown(other?.label ?? of.path)}${where}`;
  };
  const out: string[] = [REPORT_MARKER, '', `${REPORT_TITLE}${escapeMarkdown(path)}`, ''];

  // A statement in a repeated passage is listed but counted once (the count is the article's).
  const counts = countStatements(analysis, ownPath);
  out.push(`## Sources (${analysis.sources.length})`, '');
  analysis.sources.forEach((source, s) => {
    const aliases = source.aliases.length ? ` — also ${source.aliases.map(escapeMarkdown).join(', ')}` : '';
    const count = counts.statements[s];
    out.push(
      `### ${escapeMarkdown(source.name)} (${source.type}, ${count} statement${count === 1 ? '' : 's'})${aliases}`,
      '',
    );
    out.push('| where | kind | cue | statement |', '|---|---|---|---|');
    for (const index of source.attributions) {
      const a = analysis.attributions[index];
      const repeat = counts.repeatIn[index] ? ' (repeat, not counted)' : '';
      out.push(
        `| ${at(a.content[0])} | ${a.kind}${repeat} | ${a.cue ? excerpt(a.cue) : '—'} | ${excerpt(a.content[0])} |`,
      );
    }
    out.push('');
  });
  const table = (title: string, rows: string[][], header: string[]): void => {
    out.push(`## ${title} (${rows.length})`, '');
    if (rows.length === 0) {
      out.push('None.', '');
      return;
    }
    out.push(
      `| ${header.join(' | ')} |`,
      `|${header.map(() => '---').join('|')}|`,
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
    );
  };
  table(
    'Unattributed claims',
    analysis.claims
      .filter((c) => !c.evidence)
      .map((c) => [at(c), c.score.toFixed(2), excerpt(c), c.reasons.join(', ')]),
    ['where', 'score', 'sentence', 'why'],
  );
  const linked = analysis.claims.filter((c) => c.evidence);
  if (linked.length)
    table(
      'Linked claims',
      linked.map((c) => [at(c), excerpt(c), escapeMarkdown(shorten(c.evidence?.[0].target ?? ''))]),
      ['where', 'sentence', 'evidence'],
    );
  table(
    'Duplicated passages',
    analysis.duplicates.map((d) => [at(d), `${Math.round(d.similarity * 100)}%`, firstCopy(d.of), excerpt(d)]),
    ['where', 'similar', 'first copy', 'passage'],
  );
  table(
    'Boilerplate',
    analysis.boilerplate.map((b) => [at(b), b.reason, excerpt(b)]),
    ['where', 'kind', 'text'],
  );
  return out.join('\n');
}

/** `line N`, one-based, as an editor reads a place in a story. */
function lineLabel(lines: LineIndex, offset: number): string {
  return `line ${lines.position(offset).line + 1}`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** Escapes what Markdown would read as syntax, table pipes and HTML included. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}
