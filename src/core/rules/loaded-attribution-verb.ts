// An attribution verb that judges the statement it reports ("claimed", "admitted", "insisted"): news
// style reports what was said and leaves the judging to the reader. Only the verb of a statement's cue
// (attribution stage) is read, so "claims the award" (no statement) is not flagged, and a verb inside
// quotation marks is the speaker's word, not the writer's. The message carries the neutral verb in the
// same tense and person as its `expected`, for the quick fix and the CLI's JSON.
import { neutralVerbFor, type VerbContext } from '../lexicon/loaded-verbs';
import type { Quote, Span } from '../types';
import { defineRule } from './rule';

const WORD = /\p{L}+/gu;
const NEXT_WORD = /^\s+(\p{L}+)/u;
const PREVIOUS_WORD = /(\p{L}+(?:['’]\p{L}*)?)\s+$/u;

/** The words either side of `text[start, end)`, as `neutralVerbFor` reads them. */
const contextOf = (text: string, start: number, end: number) => (): VerbContext => ({
  before: PREVIOUS_WORD.exec(text.slice(Math.max(0, start - 40), start))?.[1].toLowerCase() ?? '',
  after: NEXT_WORD.exec(text.slice(end, end + 40))?.[1].toLowerCase() ?? '',
});

const insideQuote = (quotes: readonly Quote[], span: Span): boolean =>
  quotes.some((quote) => quote.start <= span.start && span.end <= quote.end);

export const loadedAttributionVerb = defineRule({
  id: 'loaded-attribution-verb',
  severity: 'info',
  suppressible: true,
  anchor: 'loaded-attribution-verb',
  summary: 'An attribution verb that judges the statement ("claimed", "admitted"), where a neutral one would do.',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ text, analysis }, report) {
    // Two statements may share one cue ("claimed that … and that …"): one message for it.
    const reported = new Set<number>();
    for (const { cue } of analysis.attributions) {
      if (!cue) continue;
      // A cue may hold auxiliaries ("has claimed", "was revealed"): only the verb is flagged and replaced.
      for (const match of text.slice(cue.start, cue.end).matchAll(WORD)) {
        const start = cue.start + match.index;
        const end = start + match[0].length;
        const neutral = neutralVerbFor(match[0], contextOf(text, start, end));
        if (neutral === undefined || reported.has(start) || insideQuote(analysis.quotes, { start, end })) continue;
        reported.add(start);
        report({ start, end }, `“${match[0]}” judges the statement; “${neutral}” reports it neutrally.`, undefined, [
          neutral,
        ]);
      }
    }
  },
});
