// The shared scraped sample's expected analysis (../shared/README.md), checked as rows of the eval
// table: each row says whether the analysis finds what a good analysis of that article finds.
import { readFileSync } from 'node:fs';
import { countStatements } from '../src/core';
import { analyze } from '../src/core/analyze';
import type { TableRow } from './eval-shared';

export function sampleRows(path: string): TableRow[] {
  const text = readFileSync(path, 'utf8');
  const analysis = analyze(text, { path });
  const slice = (span: { start: number; end: number }): string => text.slice(span.start, span.end);
  const row = (metric: string, ok: boolean, detail: string): TableRow => ({
    metric: `sample: ${metric}`,
    ours: ok ? 'yes' : 'NO',
    target: detail,
  });

  const agency = analysis.sources.find((s) => s.name === 'Iraqi National Intelligence Service');
  const others = analysis.sources.filter((s) => s !== agency && s.attributions.length > 0);
  // The body is printed twice: each statement counts once, as in the editor (countStatements).
  const counted = agency ? countStatements(analysis, path).statements[analysis.sources.indexOf(agency)] : 0;
  const claimText = analysis.claims.map(slice).join(' | ');
  const caliphate = text.indexOf('“caliphate”');
  const comments = text.indexOf('\nComments') + 1;
  const boilerplateEnd = text.trimEnd().length;
  return [
    row(
      'one source INIS, organization, alias INIS',
      !!agency && agency.type === 'organization' && agency.aliases.includes('INIS'),
      agency ? `${agency.name}; ${agency.aliases.join(', ')}` : 'not found',
    ),
    row(
      'INIS holds every statement (≥ 5 counted once), no one else any',
      !!agency && counted >= 5 && others.length === 0,
      `${counted} statements counted once (${agency?.attributions.length ?? 0} with the repeated body); others: ${others.map((s) => s.name).join(', ') || 'none'}`,
    ),
    row(
      'ISIS background is unattributed claims',
      /rose to power in 2014/.test(claimText) && /caliphate/.test(claimText) && /2017/.test(claimText),
      `${analysis.claims.length} claims`,
    ),
    row(
      'second copies of the six paragraphs are duplicates',
      analysis.duplicates.length === 6 && analysis.duplicates.every((d) => d.of.start < d.start),
      `${analysis.duplicates.length} duplicates`,
    ),
    row(
      '"Comments" … "Post a comment" is boilerplate',
      analysis.boilerplate.some((b) => b.start <= comments && b.end >= boilerplateEnd),
      analysis.boilerplate.map((b) => b.reason).join(', '),
    ),
    row(
      'no attribution for so-called “caliphate”',
      !analysis.attributions.some((a) => a.content.some((c) => c.start <= caliphate && caliphate < c.end)),
      '',
    ),
    row('dateline is not a claim', !analysis.claims.some((c) => slice(c).startsWith('ERBIL')), ''),
  ];
}
