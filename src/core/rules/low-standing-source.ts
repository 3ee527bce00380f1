// A statement credited to a source the team's registry marks as low standing (unverified, discredited):
// the editor is reminded of the note the team left, at the place the source is named. Without a registry,
// or for a source it does not list, the rule says nothing: it judges no one on its own.
// A statement is flagged only where the source is named in it as itself: a pronoun ("he said") hangs on
// coreference, wrong in half of a hand-labelled sample, and a name that modifies another noun ("Clinton
// officials said", "Clinton campaign manager Robby Mook said", "Clinton's aides") credits someone else. The
// source's named statements still carry the message.
import lexicon from '../lexicon/source-types.json';
import { standingInfo } from '../lexicon/standings';
import type { Span } from '../types';
import { cutAtWord, plainWords } from './quote-text';
import { defineRule } from './rule';

const NOTE_LENGTH = 60;

const PRONOUN = /^(he|she|i|it|they|we|you)$/i;
const POSSESSIVE = /['’]s?$/;
const HEAD_NOUNS: ReadonlySet<string> = new Set([
  ...lexicon.personHeads,
  ...lexicon.anonymousHeads,
  ...lexicon.organizationWords,
  ...lexicon.documentHeads,
  'manager',
  'adviser',
  'advisers',
  'advisor',
  'advisors',
  'allies',
]);
const NEXT_WORD = /^\s+(\p{Ll}+)/u;

/** Whether the mention names the source itself, not a pronoun for it or a group or person it modifies. */
function namesTheSource(text: string, mention: Span): boolean {
  const words = text.slice(mention.start, mention.end).trim();
  if (PRONOUN.test(words) || POSSESSIVE.test(words)) return false;
  const next = NEXT_WORD.exec(text.slice(mention.end, mention.end + 40))?.[1];
  return next === undefined || !HEAD_NOUNS.has(next);
}

export const lowStandingSource = defineRule({
  id: 'low-standing-source',
  severity: 'warning',
  suppressible: true,
  anchor: 'low-standing-source',
  summary: 'A statement credited to a source the sources registry marks as unverified or discredited.',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ text, analysis }, report) {
    for (const attribution of analysis.attributions) {
      const registered = attribution.source === null ? undefined : analysis.sources[attribution.source].registered;
      if (registered === undefined || !standingInfo(registered.standing)?.low) continue;
      const place = attribution.sourceMention;
      if (place === null || !namesTheSource(text, place)) continue;
      // The team's note, cut to fit one line: the hover shows it whole.
      const note = registered.note ? ` (“${cutAtWord(plainWords(registered.note), NOTE_LENGTH)}”)` : '';
      report(
        place,
        `${registered.name} is ${registered.standing} in the sources registry${note}: corroborate before relying on it.`,
      );
    }
  },
});
