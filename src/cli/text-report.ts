// The human-readable report: sources with their statements, unattributed claims, duplicates,
// boilerplate and warnings, each with line:column.
import { type Analysis, countStatements, LineIndex, RULES, type Span } from '../core';

const EXCERPT_LENGTH = 70;

/** `otherFiles` gives the text of the other files in a corpus, so a duplicate's first copy gets a line:column. */
export function textReport(
  path: string,
  text: string,
  analysis: Analysis,
  otherFiles: ReadonlyMap<string, string> = new Map(),
): string {
  const lines = new LineIndex(text);
  const at = (span: Span): string => lines.label(span.start);
  const out: string[] = [path];
  const section = (title: string, count: number): void => {
    out.push('', `  ${title} (${count})`);
  };

  // A statement in a repeated passage is listed, marked, and not counted: the count is the article's.
  const counts = countStatements(analysis, path);
  const repeatMark = (index: number): string => {
    const repeat = counts.repeatIn[index];
    return repeat ? `[repeat of ${lines.label(repeat.of.start)}] ` : '';
  };
  section('Sources', analysis.sources.length);
  analysis.sources.forEach((source, s) => {
    const aliases = source.aliases.length ? `; also ${source.aliases.map((a) => `"${a}"`).join(', ')}` : '';
    const channels = source.channels.length ? `; via ${source.channels.join(', ')}` : '';
    const share = counts.attributed ? `, ${Math.round((counts.statements[s] / counts.attributed) * 100)}%` : '';
    const repeated = source.attributions.length - counts.statements[s];
    const repeats = repeated ? ` (+${repeated} in repeated passages)` : '';
    out.push(
      `    ${source.name} — ${source.type}, ${plural(counts.statements[s], 'statement')}${share}${repeats}${aliases}${channels}`,
    );
    for (const index of source.attributions) {
      const a = analysis.attributions[index];
      const cue = a.cue ? text.slice(a.cue.start, a.cue.end) : '(no cue)';
      out.push(
        `      ${pad(at(a.content[0]))} ${a.kind.padEnd(10)} ${repeatMark(index)}${cue}: ${excerpt(text, a.content[0])}`,
      );
    }
  });
  const unsourced = analysis.attributions.flatMap((a, i) => (a.source === null ? [i] : []));
  if (unsourced.length) {
    out.push(`    (no identifiable source) — ${plural(counts.unsourced, 'statement')}`);
    for (const index of unsourced) {
      const a = analysis.attributions[index];
      out.push(
        `      ${pad(at(a.content[0]))} ${a.kind.padEnd(10)} ${repeatMark(index)}${excerpt(text, a.content[0])}`,
      );
    }
  }

  const unattributed = analysis.claims.filter((c) => !c.evidence);
  section('Unattributed claims', unattributed.length);
  for (const claim of unattributed) {
    out.push(`    ${pad(at(claim))} ${claim.score.toFixed(2)}  ${excerpt(text, claim)}  [${claim.reasons.join(', ')}]`);
  }
  const linked = analysis.claims.filter((c) => c.evidence);
  if (linked.length) {
    section('Linked claims', linked.length);
    for (const claim of linked)
      out.push(`    ${pad(at(claim))} ${excerpt(text, claim)}  -> ${claim.evidence?.[0].target ?? ''}`);
  }
  section('Duplicated passages', analysis.duplicates.length);
  for (const d of analysis.duplicates) {
    const other = d.of.path && d.of.path !== path ? otherFiles.get(d.of.path) : undefined;
    const where =
      other !== undefined ? `${d.of.path}:${new LineIndex(other).label(d.of.start)}` : lines.label(d.of.start);
    out.push(`    ${pad(at(d))} repeats ${where} (${Math.round(d.similarity * 100)}% similar): ${excerpt(text, d)}`);
  }
  section('Boilerplate', analysis.boilerplate.length);
  for (const b of analysis.boilerplate) out.push(`    ${pad(at(b))} ${b.reason}: ${excerpt(text, b)}`);
  const warnings = analysis.messages.filter((m) => RULES[m.ruleId].warningInTextReport);
  if (warnings.length) {
    section('Warnings', warnings.length);
    for (const m of warnings) out.push(`    ${pad(at(m))} ${m.ruleId}: ${m.reason}`);
  }
  return out.join('\n') + '\n';
}

function excerpt(text: string, span: Span): string {
  const raw = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return raw.length > EXCERPT_LENGTH ? raw.slice(0, EXCERPT_LENGTH - 1) + '…' : raw;
}

const pad = (label: string): string => label.padEnd(7);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
