// The edges of a statement's content, shared by the finders of reported speech, positions and sourceless
// statements (candidates.ts, topics.ts, agentless.ts, overlaps.ts): what was said ends before the punctuation
// that closes the clause, and starts at its first word.
import type { Span } from '../types';

/** The span without leading spaces and without the trailing spaces and clause punctuation (. , ; : ! ? dashes). */
export function trimStatement(prose: string, span: Span): Span {
  let { start, end } = span;
  while (end > start && /[\s.,;:!?—–-]/.test(prose[end - 1])) end--;
  while (start < end && /\s/.test(prose[start])) start++;
  return { start, end };
}
