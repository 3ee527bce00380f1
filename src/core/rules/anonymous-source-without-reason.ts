// A statement from an anonymous source (one anonymous-source flags: "a senior official said") whose
// sentence and the next give no reason for not naming it. Wire-service standards grant anonymity only
// with a reason the reader is told ("who spoke on condition of anonymity because he was not authorized
// to discuss the talks"). The reason phrases are data (lexicon/anonymity-reasons.json).
import { givesAnonymityReason } from '../lexicon/anonymity-reasons';
import type { Analysis, Attribution, Span } from '../types';
import { anonymousSourcePlace } from './anonymous-source';
import { phraseWords } from './phrase-words';
import { quoteStart } from './quote-text';
import { defineRule } from './rule';

/** The statement's sentences and the one after them; the text around `place` when the statement has none. */
function reasonWindow(analysis: Analysis, attribution: Attribution, place: Span): Span {
  const covered = attribution.sentences;
  if (covered.length === 0) return place;
  const first = analysis.sentences[Math.min(...covered)];
  const last = analysis.sentences[Math.min(Math.max(...covered) + 1, analysis.sentences.length - 1)];
  return { start: first.start, end: Math.max(last.end, place.end) };
}

export const anonymousSourceWithoutReason = defineRule({
  id: 'anonymous-source-without-reason',
  severity: 'warning',
  suppressible: true,
  anchor: 'anonymous-source-without-reason',
  summary: 'A statement from an unnamed source with no reason given, in its sentence or the next, for not naming it.',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ text, analysis }, report) {
    // Statements that share a mention ("A senior official said … and that …") get one message for it.
    const reported = new Set<number>();
    for (const attribution of analysis.attributions) {
      const place = anonymousSourcePlace(text, analysis, attribution);
      if (place === undefined || reported.has(place.start)) continue;
      const window = reasonWindow(analysis, attribution, place);
      if (givesAnonymityReason(phraseWords(text.slice(window.start, window.end)))) continue;
      reported.add(place.start);
      report(
        place,
        `No reason given for not naming ${quoteStart(text, place)}: say why, here or in the next sentence.`,
      );
    }
  },
});
