// One binary search for the stages that look things up in text order.

/** The first index in [0, length) for which `isBefore(index)` is false; `isBefore` must be true, then false. */
export function firstIndexNotBefore(length: number, isBefore: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
