// Where in a sentence each attribution finder may find something: the tokens whose word is one of the words it
// turns on (a cue, a topic verb, "reportedly"). Most tokens are in none of the finders' word lists, so one
// look-up per token in a map of all the lists finds the candidates of every finder at once. Hashing a token's
// word is most of that look-up's cost, so a table of the lists' first and last letters and lengths turns away
// most words (the, of, campaign) first.
import { AGENTLESS_TRIGGERS } from './agentless';
import { TOPIC_VERBS } from './topics';
import { STATEMENT_STARTS } from '../lexicon/cue-lexicon';
import type { Token } from '../text/tokens';

/** Token indices, in order, for each finder. */
export interface Triggers {
  /** A cue, a phrasal cue or "according to" may start here (reported speech). */
  statements: readonly number[];
  /** A verb whose object, preposition or infinitive is a position (topics.ts). */
  topics: readonly number[];
  /** A passive, hedge, impersonal or question pattern may turn on this word (agentless.ts). */
  agentless: readonly number[];
}

const STATEMENT = 1;
const TOPIC = 2;
const AGENTLESS = 4;

const LISTS = new Map<string, number>();
for (const [words, flag] of [
  [STATEMENT_STARTS, STATEMENT],
  [TOPIC_VERBS, TOPIC],
  [AGENTLESS_TRIGGERS, AGENTLESS],
] as const) {
  for (const word of words) LISTS.set(word, (LISTS.get(word) ?? 0) | flag);
}

/** Character codes above ASCII share one row and column of the table. */
const OTHER = 128;
const bucket = (code: number): number => (code < OTHER ? code : OTHER);
/** By first and last character: a bit for each length a listed word has (bit 31: 31 or longer). */
const SHAPES = new Uint32Array((OTHER + 1) * (OTHER + 1));
const shapeAt = (word: string): number =>
  bucket(word.charCodeAt(0)) * (OTHER + 1) + bucket(word.charCodeAt(word.length - 1));
for (const word of LISTS.keys()) SHAPES[shapeAt(word)] |= 1 << Math.min(word.length, 31);

export function triggersOf(tokens: Token[]): Triggers {
  const statements: number[] = [];
  const topics: number[] = [];
  const agentless: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].lower;
    if (!((SHAPES[shapeAt(word)] >>> Math.min(word.length, 31)) & 1)) continue;
    const flags = LISTS.get(word);
    if (flags === undefined) continue;
    if (flags & STATEMENT) statements.push(i);
    if (flags & TOPIC) topics.push(i);
    if (flags & AGENTLESS) agentless.push(i);
  }
  return { statements, topics, agentless };
}
