// A Markdown report of one analysis, for sharing with a desk: sources and their statements,
// unattributed claims, duplicates and boilerplate, each with line:column. Document text is escaped
// so it cannot turn into Markdown (links, emphasis, HTML) in the report.
import { countStatements } from '../duplicates';
import { LineIndex } from '../text/positions';
import type { Analysis, Span } from '../types';

const EXCERPT = 100;

/** `ownPath`: the path(s) the document was analysed under, as countStatements takes it (`path` is only a label). */
export function markdownReport(
  path: string,
  text: string,
  analysis: Analysis,
  ownPath?: string | readonly string[],
): string {
  const lines = new LineIndex(text);
  const at = (span: Span): string => lines.label(span.start);
  const excerpt = (span: Span): string => escapeMarkdown(shorten(text.slice(span.start, span.end)));
  const out: string[] = [`# Source Lens report: ${escapeMarkdown(path)}`, ''];

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
    analysis.duplicates.map((d) => [
      at(d),
      `${Math.round(d.similarity * 100)}%`,
      d.of.path && d.of.path !== path ? escapeMarkdown(d.of.path) : lines.label(d.of.start),
      excerpt(d),
    ]),
    ['where', 'similar', 'first copy', 'passage'],
  );
  table(
    'Boilerplate',
    analysis.boilerplate.map((b) => [at(b), b.reason, excerpt(b)]),
    ['where', 'kind', 'text'],
  );
  return out.join('\n');
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** Escapes what Markdown would read as syntax, table pipes and HTML included. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}
