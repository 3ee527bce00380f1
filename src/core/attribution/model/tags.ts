// BIO tags over PolNeAR's three roles, and the conversions between tags and token spans. The tag set is
// fixed: its order is the layout of the weight arrays (weights.ts), so changing it retrains the model.

/** The roles, most specific first: the order also decides overlaps (see `tagsFromSpans`). */
export const ROLES = ['cue', 'source', 'content'] as const;
export type Role = (typeof ROLES)[number];

/** O, then B and I for each role in ROLES order: O=0, B-cue=1, I-cue=2, B-source=3, I-source=4, B-content=5, I-content=6. */
export const TAG_NAMES = ['O', 'B-cue', 'I-cue', 'B-source', 'I-source', 'B-content', 'I-content'] as const;
export const TAG_COUNT = TAG_NAMES.length;
export const OUTSIDE = 0;

export const beginTag = (role: Role): number => 1 + 2 * ROLES.indexOf(role);
export const insideTag = (role: Role): number => 2 + 2 * ROLES.indexOf(role);
/** The role of a B or I tag; undefined for O. */
export const roleOfTag = (tag: number): Role | undefined => (tag === OUTSIDE ? undefined : ROLES[(tag - 1) >> 1]);
const isInside = (tag: number): boolean => tag !== OUTSIDE && tag % 2 === 0;

/**
 * Whether `tag` may follow `previous` (-1 at the start of a sentence): an I tag only continues a span of its
 * own role, so every decoded sequence reads back as well-formed spans.
 */
export function allowedTransition(previous: number, tag: number): boolean {
  if (!isInside(tag)) return true;
  return previous === tag || previous === tag - 1;
}

/** A role's span in character offsets (UTF-16, as the core counts). */
export interface RoleSpan {
  role: Role;
  start: number;
  end: number;
}

/** A role's span in token indices, `end` exclusive. */
export interface TokenSpan {
  role: Role;
  start: number;
  end: number;
}

/**
 * Gold spans (character offsets) to one tag per token. A token takes the role of a span it shares any
 * character with, so a span cut inside a token ("Trump" in "Trump's") still tags it.
 * Conflicts, when a token lies in spans of several roles (a cue or source inside a content span): the most
 * specific role wins, cue over source over content; the short spans are the ones an edge error ruins, and
 * the long content span only loses the tokens it shares. Between two spans of one role the earlier listed wins.
 * B marks a token whose predecessor is not in the same span, so two abutting spans of one role stay two.
 * Sequences are sentences: a span crossing a sentence boundary starts again with B in the next sentence.
 */
export function tagsFromSpans(
  tokens: readonly { start: number; end: number }[],
  spans: readonly RoleSpan[],
): Uint8Array {
  const tags = new Uint8Array(tokens.length);
  let previousSpan = -1;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    let chosen = -1;
    for (let s = 0; s < spans.length; s++) {
      const span = spans[s];
      if (span.start >= token.end || span.end <= token.start || span.end <= span.start) continue;
      if (chosen < 0 || ROLES.indexOf(span.role) < ROLES.indexOf(spans[chosen].role)) chosen = s;
    }
    if (chosen < 0) tags[t] = OUTSIDE;
    else tags[t] = chosen === previousSpan ? insideTag(spans[chosen].role) : beginTag(spans[chosen].role);
    previousSpan = chosen;
  }
  return tags;
}

/** Tags back to spans: a B starts one, I continues it; an I with no span of its role before it starts one. */
export function spansFromTags(tags: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  for (let t = 0; t < tags.length; t++) {
    const role = roleOfTag(tags[t]);
    if (open && (!role || !isInside(tags[t]) || role !== open.role)) {
      spans.push(open);
      open = null;
    }
    if (!role) continue;
    if (open) open.end = t + 1;
    else open = { role, start: t, end: t + 1 };
  }
  if (open) spans.push(open);
  return spans;
}
