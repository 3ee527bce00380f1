// Small helpers shared by the unit tests.
import { analyze } from '../../src/core/analyze';
import type { Analysis, Attribution, Span } from '../../src/core/types';

export const textOf = (text: string, span: Span | null): string | null =>
  span ? text.slice(span.start, span.end) : null;

/** Each attribution as the strings a reader would check: kind, content pieces, cue, mention, source name. */
export function readAttributions(
  text: string,
  analysis: Analysis = analyze(text),
): {
  kind: Attribution['kind'];
  content: string[];
  cue: string | null;
  mention: string | null;
  source: string | null;
}[] {
  return analysis.attributions.map((a) => ({
    kind: a.kind,
    content: a.content.map((span) => text.slice(span.start, span.end)),
    cue: textOf(text, a.cue),
    mention: textOf(text, a.sourceMention),
    source: a.source === null ? null : analysis.sources[a.source].name,
  }));
}
