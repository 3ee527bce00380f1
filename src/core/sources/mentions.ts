// Reading one source mention on its own: is it a name, a description, a pronoun; what kind of source
// does it name; which words identify it. Resolution across mentions is in resolve-sources.ts.
import lexicon from '../lexicon/source-types.json';
import titles from '../lexicon/titles.json';
import type { SourceType } from '../types';

const ORGANIZATION_WORDS = new Set(lexicon.organizationWords);
const PERSON_HEADS = new Set(lexicon.personHeads);
/** Titles short and spelled out (titles.json): not part of a name, and a name after one is a person's. */
const TITLES = new Set(
  [...titles.abbreviated, ...titles.spelledOut].filter((title) => !titles.notReadBySources.includes(title)),
);
const ANONYMOUS_HEADS = new Set(lexicon.anonymousHeads);
const DOCUMENT_HEADS = new Set(lexicon.documentHeads);

export type MentionForm = 'name' | 'description' | 'pronoun';

export interface MentionReading {
  form: MentionForm;
  type: SourceType;
  /** The name as it should be shown: determiners, titles' periods and parenthetical acronyms removed. */
  name: string;
  /** An acronym given in parentheses: "Iraqi National Intelligence Service (INIS)" → INIS. */
  acronym: string | null;
  /** Lower-case content words, for matching a description against a name. */
  words: string[];
  /** "a source", "officials": an unnamed speaker, never merged with a named one. */
  indefinite: boolean;
  pronoun: string | null;
}

const PRONOUN_TYPES: Record<string, SourceType> = {
  he: 'person',
  she: 'person',
  i: 'person',
  it: 'organization',
  they: 'unknown',
  we: 'unknown',
  you: 'unknown',
};
const DETERMINERS = /^(the|a|an|another|one|two|three|four|five|several|some|many|other|few|most|all)$/;
const INDEFINITE = /^(a|an|another|one|two|three|four|five|several|some|many|other|few|most|all|\d+)$/;

export function readMention(raw: string): MentionReading {
  const text = beforeAppositive(raw.replace(/\s+/g, ' ').trim());
  const lower = text.toLowerCase();
  if (lower in PRONOUN_TYPES) {
    return {
      form: 'pronoun',
      type: PRONOUN_TYPES[lower],
      name: text,
      acronym: null,
      words: [],
      indefinite: false,
      pronoun: lower,
    };
  }
  const acronymMatch = /\(([\p{Lu}\d&.]{2,})\)/u.exec(text);
  const withoutAcronym = text.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const tokens = withoutAcronym.split(' ').filter(Boolean);
  const first = tokens[0]?.toLowerCase() ?? '';
  const indefinite = INDEFINITE.test(first) || (tokens.length === 1 && /^[a-z]/.test(tokens[0]));
  const body = DETERMINERS.test(first) ? tokens.slice(1) : tokens;
  const last = body[body.length - 1] ?? '';
  const head = stripPossessive((headOf(body) ?? '').toLowerCase());
  const named = /^\p{Lu}/u.test(last) || (acronymMatch !== null && body.some((t) => /^\p{Lu}/u.test(t)));
  // A possessive proper noun ("Kenya's body") says whose the source is, not which: not a matching word.
  const words = body
    .filter((t) => named || !/^\p{Lu}.*['’]s?$/u.test(t))
    .map((t) => stripPossessive(t.toLowerCase().replace(/[.,]/g, '')))
    .filter((w) => w && !DETERMINERS.test(w));
  const name = named ? nameOf(body) : withoutAcronym;
  return {
    form: named ? 'name' : 'description',
    type: typeOf(body, named, indefinite, head),
    name,
    acronym: acronymMatch ? acronymMatch[1] : named && isAcronym(name) ? name : null,
    words,
    indefinite: !named && indefinite,
    pronoun: null,
  };
}

/**
 * The mention's head, before the appositive a comma sets off: "Mark Kantrowitz, a student loan expert who …"
 * names Mark Kantrowitz (attribution/mention-edges.ts takes the appositive into the mention).
 */
function beforeAppositive(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0 && i > 0) return text.slice(0, i).trim();
  }
  return text;
}

/** Words that start a post-modifier: "a source familiar with the talks", "a report by the auditor". */
const POST_MODIFIER =
  /^(with|of|for|from|at|in|on|by|to|familiar|close|who|that|which|involved|briefed|knowledgeable|speaking)$/i;

/** The head noun of a description: the word before its first post-modifier, else the last word. */
function headOf(body: string[]): string | undefined {
  const cut = body.findIndex((word, i) => i > 0 && POST_MODIFIER.test(word));
  return cut > 0 ? body[cut - 1] : body[body.length - 1];
}

/** The trailing proper-name run: "Trump's campaign manager Kellyanne Conway" → "Kellyanne Conway". */
function nameOf(body: string[]): string {
  let start = body.length - 1;
  while (start > 0) {
    const previous = body[start - 1];
    const glue =
      /^(of|for|the|and|de|van|von|al|bin|del|la|le|du|on)$/.test(previous) &&
      start - 2 >= 0 &&
      /^\p{Lu}/u.test(body[start - 2]);
    if (/^\p{Lu}/u.test(previous) && !/['’]s$/.test(previous)) start--;
    else if (glue) start -= 2;
    else break;
  }
  // A leading title is not part of the name.
  while (start < body.length - 1 && TITLES.has(body[start].toLowerCase().replace(/\.$/, ''))) start++;
  return body.slice(start).join(' ');
}

function typeOf(body: string[], named: boolean, indefinite: boolean, head: string): SourceType {
  const lowerWords = body.map((t) => stripPossessive(t.toLowerCase().replace(/[.,]/g, '')));
  if (named) {
    if (lowerWords.some((w) => ORGANIZATION_WORDS.has(w)) || isAcronym(body.join(' '))) return 'organization';
    if (TITLES.has(lowerWords[0]) || body.length >= 2) return 'person';
    return 'unknown';
  }
  if (indefinite && ANONYMOUS_HEADS.has(head)) return 'anonymous';
  if (DOCUMENT_HEADS.has(head)) return 'document';
  if (ORGANIZATION_WORDS.has(head)) return 'organization';
  if (PERSON_HEADS.has(head)) return 'person';
  if (ANONYMOUS_HEADS.has(head)) return 'anonymous';
  return 'unknown';
}

/** An organisation word that heads many names ("service", "body", "agency"), too common to match on. */
export function isGenericHead(word: string): boolean {
  return ORGANIZATION_WORDS.has(word);
}

export function isAcronym(text: string): boolean {
  return /^[\p{Lu}][\p{Lu}\d&.]+$/u.test(text) && text.replace(/[^\p{Lu}]/gu, '').length >= 2;
}

export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

function stripPossessive(word: string): string {
  return word.replace(/['’]s?$/, '');
}
