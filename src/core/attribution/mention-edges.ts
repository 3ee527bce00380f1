// Where a source mention ends. A finder marks the speaker's name ("Mark Kantrowitz"); an appositive set off by
// a comma right after it describes the same speaker and belongs to the mention, as PolNeAR annotates it and an
// editor reads who is speaking: "said Mark Kantrowitz, a student loan expert who has published several books.",
// "Jeff Weaver, Sanders's campaign manager, said". The source's name is still read from the head, the words
// before the comma (sources/mentions.ts).
//
// On train, before: of matched statements whose predicted mention was followed by such an aside, gold took it
// in after ", a/an …" 340 times to 10, ", the …" 114 to 13, ", who …" 120 to 80, a lower-case title ("founder
// of …") 157 to 151; the losses there are participles and prepositions (", speaking at …", ", in Kentucky,"),
// left out here. After, of mentions with an appositive: ", a/an" 320 equal gold to 17 longer, ", the" 108 to
// 11, ", who" 104 to 68, a title 122 to 16, a name 67 to 6, an age 29 to 11.
import { PRONOUNS } from './mention-phrases';
import { tokenIndexAt } from './spans';
import { cueClassOf, isAuxiliary } from '../lexicon/cue-lexicon';
import { isCapitalized, type Token } from '../text/tokens';
import type { Attribution, Span } from '../types';

/** Longest appositive taken in, in tokens. */
const MAX_APPOSITIVE_TOKENS = 40;
/** Marks that end an appositive: the next clause, a quote, a parenthesis of another kind, the sentence. */
const APPOSITIVE_ENDS = new Set([',', ';', ':', '—', '–', '!', '?', '…', '[']);
/** Lower-case words that open an aside about the circumstances, not a description of the speaker. */
const NOT_APPOSITIVE = new Set([
  'for',
  'in',
  'at',
  'on',
  'of',
  'from',
  'with',
  'by',
  'to',
  'as',
  'after',
  'before',
  'during',
  'like',
  'unlike',
  'and',
  'or',
  'but',
  'nor',
  'yet',
  'so',
  'too',
  'though',
  'although',
  'however',
  'meanwhile',
  'instead',
  'then',
  'now',
  'again',
  'that',
  'which',
  'when',
  'where',
  'while',
  'if',
  'not',
  'no',
  'there',
  'here',
  'this',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'whom',
]);

/**
 * Whether the words after the comma at tokens[comma] open a description of the speaker. A later piece of a
 * chain of appositives may also open with "which" (about the organisation just named) or be a place ("Tampa,
 * Fla.,").
 */
function opensAppositive(tokens: Token[], comma: number, first: boolean): boolean {
  const token = tokens[comma + 1];
  if (!token?.word) return false;
  const { lower } = token;
  if (lower === 'a' || lower === 'an' || lower === 'the' || lower === 'who') return true;
  if (lower === 'which') return !first;
  // "Gonzalez, 55, of Brigantine": where an age left off, a place.
  if (lower === 'of') return !first && isCapitalized(tokens[comma + 2] ?? token);
  if (token.text[0] !== lower[0]) return true; // "Christie, New Jersey's sitting governor"
  // An age: "Jim Bennett, 57, told …", "Elizabeth Arnold, 32, a former staff member …".
  if (/^\d+$/.test(lower)) return tokens[comma + 2]?.text === ',' || tokens[comma + 2]?.text === '.';
  if (NOT_APPOSITIVE.has(lower) || PRONOUNS.has(lower) || isAuxiliary(token)) return false;
  // "speaking at a rally", "asked about …", "reportedly": participles and adverbs are asides of circumstance.
  return !/(ing|ed|ly)$/.test(lower);
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * The sentence's statements with each source mention widened over the appositives after it: from the comma
 * after the mention, piece by piece to the next comma or the end of the clause ("Dean Baker, co-director of
 * the Center for Economic and Policy Research, a liberal think tank."). A piece is taken only if it touches no
 * statement's content, cue, channel or other mention, so the words stay each statement's own.
 */
export function withAppositives(tokens: Token[], statements: Attribution[]): Attribution[] {
  const taken: Span[] = statements.flatMap((a) =>
    [...a.content, a.cue, a.channel, a.sourceMention].filter((s): s is Span => s !== null),
  );
  return statements.map((a) => {
    const mention = a.sourceMention;
    if (!mention) return a;
    let end = mention.end;
    for (let comma = tokenIndexAt(tokens, end); tokens[comma]?.text === ',';) {
      if (!opensAppositive(tokens, comma, end === mention.end)) break;
      const last = pieceEnd(tokens, comma);
      if (last === null) break;
      const piece = { start: end, end: tokens[last].end };
      if (taken.some((s) => overlaps(s, piece)) || reportsSpeech(tokens, comma + 1, last)) break;
      end = piece.end;
      comma = last + 1;
    }
    return end === mention.end ? a : { ...a, sourceMention: { start: mention.start, end } };
  });
}

/** Index of the last token of the appositive piece after the comma at tokens[comma], or null if too long. */
function pieceEnd(tokens: Token[], comma: number): number | null {
  let last = comma + 1;
  while (last + 1 < tokens.length && last - comma < MAX_APPOSITIVE_TOKENS && !endsAppositive(tokens, last + 1)) last++;
  return last - comma < MAX_APPOSITIVE_TOKENS ? last : null;
}

/**
 * Whether the appositive ends at tokens[at]. Quote marks do not end it ("the author of “Hacked World Order”"):
 * a quote that is a statement's content is a taken span, and the piece that reaches it is not taken.
 */
function endsAppositive(tokens: Token[], at: number): boolean {
  const { text } = tokens[at];
  if (APPOSITIVE_ENDS.has(text)) return true;
  // A full stop closes the sentence, not "the No. 2 Republican" (a sentence's tokens end at its last stop).
  return text === '.' && (at === tokens.length - 1 || !tokens[at + 1].word || isCapitalized(tokens[at + 1]));
}

/** "Barkley, who said he typically votes Democratic, said": a clause reporting speech is a statement of its own. */
function reportsSpeech(tokens: Token[], from: number, last: number): boolean {
  for (let i = from; i <= last; i++) if (cueClassOf(tokens[i]) === 'speech') return true;
  return false;
}
