// After an edit, the worker sends only what changed of a document's analysis (issue 15, item 3): per
// list, how many leading items stand as they were, then the rest in order as runs of the old items moved
// by the edit's length and runs of items sent. The host keeps the leading items' objects, so they are
// neither copied across the thread boundary nor collected, and makes the moved ones from its own. Pure:
// no `vscode`.
//
// "Moved" is exact: every `start` and `end` in the item, at any depth, is the old one plus the edit's
// length, a renumbered index (a block's `index`, a claim's `sentence`) is the old one plus the number of
// blocks or sentences the edit added, and everything else is equal. An item that refers to text before
// the edit (a duplicate's first copy) moves only in part, so it is not "moved" and is sent; the items
// after it still move.

import type { StatementTable } from './statement-table';

/** How one list of the new analysis is made from the old one's. */
export interface ListDelta {
  /** Leading items equal to the old list's. */
  keep: number;
  /** The edit's length: new text length minus old. */
  shift: number;
  /** The index field a moved item's number changes in, and by how much (see `Renumbering`). */
  renumber?: Renumbering;
  /** The rest of the new list, in order: runs of the old list's items moved, and runs of new items sent. */
  rest: ListRun[];
}

/** A top-level index field of a list's items ("index", "sentence") and how far the edit moved it. */
export interface Renumbering {
  field: string;
  by: number;
}

export type ListRun = { moved: { from: number; count: number } } | { items: unknown[] };

/**
 * How `next` is `previous` with the middle replaced (see `ListDelta`). After the leading items that stand,
 * new item j faces old item j minus the lists' difference in length (after the edit both lists hold the
 * same items, moved), and each is moved or sent on its own.
 */
export function listDelta(
  previous: readonly unknown[],
  next: readonly unknown[],
  shift: number,
  renumber?: Renumbering,
): ListDelta {
  const most = Math.min(previous.length, next.length);
  let keep = 0;
  while (keep < most && equalMoved(previous[keep], next[keep], 0)) keep++;
  const difference = next.length - previous.length;
  const rest: ListRun[] = [];
  const add = (j: number, isMoved: boolean): void => {
    const last = rest[rest.length - 1];
    if (isMoved && last && 'moved' in last && last.moved.from + last.moved.count === j - difference) last.moved.count++;
    else if (isMoved) rest.push({ moved: { from: j - difference, count: 1 } });
    else if (last && 'items' in last) last.items.push(next[j]);
    else rest.push({ items: [next[j]] });
  };
  for (let j = keep; j < next.length; j++)
    add(j, j - difference >= keep && equalMoved(previous[j - difference], next[j], shift, renumber));
  return { keep, shift, ...(renumber && { renumber }), rest };
}

/** How many items a delta sends rather than keeps or moves. */
export function itemsSent(delta: ListDelta): number {
  return delta.rest.reduce((sum, run) => sum + ('items' in run ? run.items.length : 0), 0);
}

/**
 * The statements' delta, compared as columns (statement-table.ts), as the host holds them: so without each
 * statement's `sentences`, which the host is not sent and which an added sentence renumbers. How many
 * leading rows stand, and how many trailing rows stand moved by `shift`.
 */
export function statementDelta(
  previous: StatementTable,
  next: StatementTable,
  shift: number,
): { keep: number; tail: number } {
  const most = Math.min(previous.length, next.length);
  let keep = 0;
  while (keep < most && next.sameMoved(keep, previous, keep, 0)) keep++;
  let tail = 0;
  while (tail < most - keep && next.sameMoved(next.length - 1 - tail, previous, previous.length - 1 - tail, shift))
    tail++;
  return { keep, tail };
}

/**
 * Whether `after` is `before` with every `start` and `end` moved by `shift`, the renumbered field (at the
 * top level) by its own amount, and all else equal.
 */
export function equalMoved(before: unknown, after: unknown, shift: number, renumber?: Renumbering): boolean {
  if (before === after) {
    if (typeof before !== 'object' || before === null) return true;
    const offsetsStand = shift === 0 || moveFree(before);
    const numberStands = !renumber?.by || typeof (before as Record<string, unknown>)[renumber.field] !== 'number';
    return offsetsStand && numberStands;
  }
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
    } else if (key === renumber?.field && typeof a === 'number') {
      if (b !== a + renumber.by) return false;
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

/** A copy of `item` with every `start` and `end` moved by `shift`, and renumbered (the item itself when nothing moves). */
export function moved<T>(item: T, shift: number, renumber?: Renumbering): T {
  if (shift === 0 && !renumber?.by) return item;
  const copy = move(item, shift) as T;
  const field = renumber?.field;
  if (field !== undefined && typeof (copy as Record<string, unknown>)[field] === 'number')
    (copy as Record<string, number>)[field] += renumber!.by;
  return copy;
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
  const list = previous.slice(0, delta.keep);
  for (const run of delta.rest) {
    if ('items' in run) list.push(...run.items);
    else
      for (let i = run.moved.from; i < run.moved.from + run.moved.count; i++)
        list.push(moved(previous[i], delta.shift, delta.renumber));
  }
  return list;
}
