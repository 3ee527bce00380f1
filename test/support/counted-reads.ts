// Work measured without a clock, for the tests that pin issue 14's linear stages: an array read through a
// proxy that counts element reads, and how those reads grow when the input grows four times.

/** The array, and a count of the reads of its elements made through it. */
export function counted<T>(items: T[]): { items: T[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { items: proxy, reads: () => reads };
}

/** Reads at 4n over reads at n: about 4 when the work is linear, about 16 when it is quadratic. */
export function growth(readsAt: (size: number) => number, size = 4000): number {
  return readsAt(4 * size) / readsAt(size);
}
