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

export function reported(
  prose: string,
  quotes: Quote[],
  content: Span,
  cue: Span,
  mention: Span | null,
  channel: Span | null,
): Attribution {
  const mixed = quotes.some((q) => q.start >= content.start && q.end <= content.end + 1);
  return {
    kind: mixed ? 'mixed' : 'indirect',
    content: [trimStatement(prose, content)],
    cue,
    sourceMention: mention,
    source: null,
    channel,
    sentences: [],
  };
}

/**
 * A statement while one sentence's statements are sorted out: its role says how it yields when it
 * overlaps another. The role is the finders' business only: `withoutRole` takes it off before the
 * statements leave the sentence, so it never shows in an analysis.
 */
export interface Candidate extends Attribution {
  /**
   * 'verbObject': the content is a verb's object with a quote in it, and yields to every other kind.
   * 'scope': "…, according to X", whose content may hold another statement (a poll that says voters said …).
   */
  role?: 'verbObject' | 'scope';
}

export function withRole(attribution: Attribution, role: Candidate['role']): Candidate {
  return { ...attribution, role };
}

export function withoutRole(candidate: Candidate): Attribution {
  if (candidate.role === undefined) return candidate;
  const { role: _, ...statement } = candidate;
  return statement;
}
