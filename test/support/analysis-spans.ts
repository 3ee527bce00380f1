// Every span an analysis reports, for the tests that check them all (robustness, offsets): one list, so
// a span added to the analysis is checked everywhere once it is added here.
import type { Analysis, Span } from '../../src/core/types';

/** Every span the analysis reports, labelled by where it came from. */
export function spansOf(analysis: Analysis): [string, Span][] {
  const spans: [string, Span][] = [];
  const add = (label: string, span: Span | null | undefined): void => {
    if (span) spans.push([label, span]);
  };
  analysis.blocks.forEach((b, i) => add(`blocks[${i}]`, b));
  analysis.sentences.forEach((s, i) => add(`sentences[${i}]`, s));
  analysis.quotes.forEach((q, i) => {
    add(`quotes[${i}]`, q);
    add(`quotes[${i}].inner`, q.inner);
    q.pieces.forEach((p, j) => add(`quotes[${i}].pieces[${j}]`, p));
  });
  analysis.attributions.forEach((a, i) => {
    a.content.forEach((c, j) => add(`attributions[${i}].content[${j}]`, c));
    add(`attributions[${i}].cue`, a.cue);
    add(`attributions[${i}].sourceMention`, a.sourceMention);
    add(`attributions[${i}].channel`, a.channel);
  });
  analysis.sources.forEach((s, i) => s.mentions.forEach((m, j) => add(`sources[${i}].mentions[${j}]`, m)));
  analysis.claims.forEach((c, i) => add(`claims[${i}]`, c));
  analysis.duplicates.forEach((d, i) => add(`duplicates[${i}]`, d));
  analysis.boilerplate.forEach((b, i) => add(`boilerplate[${i}]`, b));
  analysis.messages.forEach((m, i) => add(`messages[${i}]`, m));
  return spans;
}
