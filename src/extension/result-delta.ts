// After an edit, the worker sends only what changed of a document's analysis (issue 15, item 3): per
// list, how many leading items stand as they were, how many trailing items stand moved by the edit's
// length, and the items between. The host keeps the leading items' objects, so they are neither copied
// across the thread boundary nor collected, and makes the moved ones from its own. Pure: no `vscode`.
//
// "Moved" is exact: every `start` and `end` in the item, at any depth, is the old one plus the edit's
// length, and everything else is equal. An item that refers to text before the edit (a duplicate's first
// copy) moves only in part, so it is not "moved" and is sent.

import type { StatementTable } from './statement-table';

/** How one list of the new analysis is made from the old one's. */
export interface ListDelta {
  /** Leading items equal to the old list's. */
  keep: number;
  /** Trailing items equal to the old list's last ones moved by `shift`. */
  tail: number;
  /** The edit's length: new text length minus old. */
  shift: number;
  /** The new items between. */
  items: unknown[];
}

/** How `next` is `previous` with the middle replaced (see `ListDelta`). */
export function listDelta(previous: readonly unknown[], next: readonly unknown[], shift: number): ListDelta {
  const { keep, tail } = sharedEnds(previous.length, next.length, shift, (i, j, by) =>
    equalMoved(previous[i], next[j], by),
  );
  return { keep, tail, shift, items: next.slice(keep, next.length - tail) };
}

/**
 * `listDelta` for the statements, compared as columns (statement-table.ts), as the host holds them: so
 * without each statement's `sentences`, which the host is not sent and which an added sentence renumbers.
 */
export function statementDelta(
  previous: StatementTable,
  next: StatementTable,
  shift: number,
): Pick<ListDelta, 'keep' | 'tail'> {
  return sharedEnds(previous.length, next.length, shift, (i, j, by) => next.sameMoved(j, previous, i, by));
}

/**
 * How many leading items of two lists are the same, and then how many trailing ones are the same moved by
 * `shift`: `same(i, j, by)` compares the old list's item i with the new list's item j.
 */
function sharedEnds(
  previousLength: number,
  nextLength: number,
  shift: number,
  same: (i: number, j: number, by: number) => boolean,
): Pick<ListDelta, 'keep' | 'tail'> {
  const most = Math.min(previousLength, nextLength);
  let keep = 0;
  while (keep < most && same(keep, keep, 0)) keep++;
  let tail = 0;
  while (tail < most - keep && same(previousLength - 1 - tail, nextLength - 1 - tail, shift)) tail++;
  return { keep, tail };
}

/** Whether `after` is `before` with every `start` and `end` moved by `shift`, and all else equal. */
export function equalMoved(before: unknown, after: unknown, shift: number): boolean {
  if (before === after) return shift === 0 || typeof before !== 'object' || before === null ? true : moveFree(before);
  if (typeof before !== 'object' || typeof after !== 'object' || before === null || after === null) return false;
  if (Array.isArray(before) !== Array.isArray(after)) return false;
  const keys = Object.keys(before);
  if (keys.length !== Object.keys(after).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(after, key)) return false;
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (isOffset(key, a)) {
      if (b !== (a as number) + shift) return false;
    } else if (!equalMoved(a, b, shift)) return false;
  }
  return true;
}

/** One object can be its own moved copy only when nothing in it is an offset (shift is never 0 here). */
function moveFree(value: object): boolean {
  return !Object.entries(value).some(
    ([key, inner]) => isOffset(key, inner) || (typeof inner === 'object' && inner !== null && !moveFree(inner)),
  );
}

const isOffset = (key: string, value: unknown): boolean =>
  (key === 'start' || key === 'end') && typeof value === 'number';

/** A copy of `item` with every `start` and `end` moved by `shift` (the item itself when shift is 0). */
export function moved<T>(item: T, shift: number): T {
  return shift === 0 ? item : (move(item, shift) as T);
}

/** `moved` without the check: loops, not `Object.entries` and `map`, as the host runs it on every moved item. */
function move(value: unknown, shift: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = move(value[i], shift);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const inner = (value as Record<string, unknown>)[key];
    copy[key] = isOffset(key, inner) ? (inner as number) + shift : move(inner, shift);
  }
  return copy;
}

/** The new list from the old one and its delta, in one go (the host does it in parts: see analysis-client.ts). */
export function applyListDelta(previous: readonly unknown[], delta: ListDelta): unknown[] {
  return [
    ...previous.slice(0, delta.keep),
    ...delta.items,
    ...previous.slice(previous.length - delta.tail).map((item) => moved(item, delta.shift)),
  ];
}
