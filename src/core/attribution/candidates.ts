// What the finders of one sentence read (the sentence's view) and hand on (statements, some marked for
// how they yield to others when they overlap).
import type { Triggers } from './triggers';
import { trimStatement } from './statement-span';
import type { Token } from '../text/tokens';
import type { Attribution, Quote, Sentence, Span } from '../types';

export const MIN_INDIRECT_CONTENT_WORDS = 3;

export interface SentenceView {
  sentence: Sentence;
  tokens: Token[];
  /** Speech quotes in the sentence not yet given to a statement. */
  quotes: Quote[];
  /** Every quote in the sentence, scare quotes too: fragments make reported speech "mixed". */
  allQuotes: Quote[];
  /** Where each finder may find something. */
  triggers: Triggers;
}

export function reported(prose: string, quotes: Quote[], content: Span, cue: Span, mention: Span | null, channel: Span | null): Attribution {
  const mixed = quotes.some((q) => q.start >= content.start && q.end <= content.end + 1);
  return { kind: mixed ? 'mixed' : 'indirect', content: [trimStatement(prose, content)], cue, sourceMention: mention, source: null, channel, sentences: [] };
}

/** Statements whose content is a verb's object with a quote in it, which yield to every other kind. */
export const objectStatements = new WeakSet<Attribution>();

export function objectStatement(attribution: Attribution): Attribution {
  objectStatements.add(attribution);
  return attribution;
}

export const objectRank = (attribution: Attribution): number => (objectStatements.has(attribution) ? 1 : 0);

/** "…, according to X": statements whose content may hold another statement (a poll that says voters said …). */
export const scopingStatements = new WeakSet<Attribution>();

export function scoping(attribution: Attribution): Attribution {
  scopingStatements.add(attribution);
  return attribution;
}
