// A statement whose source the sources stage resolved to an unnamed one ("a senior official", "a source
// familiar with the talks"). A bare unnamed group ("officials said", "experts say") is vague-source's.
import type { Analysis, Attribution, Span } from '../types';
import { quoteStart } from './quote-text';
import { defineRule } from './rule';
import { vagueSourceOf } from './vague-source';

/** Where an anonymous source's statement is marked (its source mention), or undefined when it has a named, vague or no source. */
export function anonymousSourcePlace(text: string, analysis: Analysis, attribution: Attribution): Span | undefined {
  const source = attribution.source === null ? null : analysis.sources[attribution.source];
  if (source?.type !== 'anonymous' || vagueSourceOf(text, attribution)) return undefined;
  return attribution.sourceMention ?? attribution.content[0];
}

export const anonymousSource = defineRule({
  id: 'anonymous-source',
  severity: 'info',
  suppressible: true,
  anchor: 'anonymous-source',
  summary: 'A statement attributed to an unnamed source.',
  warningInTextReport: false,
  marksRemovableText: false,
  check({ text, analysis }, report) {
    for (const attribution of analysis.attributions) {
      const place = anonymousSourcePlace(text, analysis, attribution);
      if (place === undefined) continue;
      report(place, `${quoteStart(text, place)} is an unnamed source: can they be named?`);
    }
  },
});
