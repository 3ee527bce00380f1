// Matching a description's words against a source's ("Iraq's intelligence service" ~ "Iraqi
// National Intelligence Service"), and an index that finds the sources that may match without
// trying them all. Used by resolve-sources.ts.

/** Words match from this length on when one starts the other. */
const MIN_PREFIX = 4;

/** Whether `words` has `word`, or a word it starts or that starts it. */
export function hasWord(words: Set<string>, word: string): boolean {
  if (words.has(word)) return true;
  // "Iraq's" matches "Iraqi"; "American" matches "America".
  for (const w of words)
    if (w.length >= MIN_PREFIX && word.length >= MIN_PREFIX && (w.startsWith(word) || word.startsWith(w))) return true;
  return false;
}

/** Which items use which words. `mayHave(word)` holds every item whose words `hasWord` matches `word`. */
export class WordIndex<T> {
  /** Word → items using it. Lists, not sets, as they are many and small; duplicates do no harm. */
  private readonly byWord = new Map<string, T[]>();
  /** Prefix of `MIN_PREFIX` letters or more → items using a word that long or longer starting with it. */
  private readonly byPrefix = new Map<string, T[]>();

  add(item: T, word: string): void {
    addToList(this.byWord, word, item);
    if (word.length >= MIN_PREFIX)
      for (let length = MIN_PREFIX; length <= word.length; length++)
        addToList(this.byPrefix, word.slice(0, length), item);
  }

  /** Items that may have `word`: the same word, a longer one it starts, or a shorter one that starts it. */
  mayHave(word: string): Set<T> {
    const found = new Set(this.byWord.get(word));
    if (word.length < MIN_PREFIX) return found;
    for (const item of this.byPrefix.get(word) ?? []) found.add(item);
    for (let length = MIN_PREFIX; length < word.length; length++)
      for (const item of this.byWord.get(word.slice(0, length)) ?? []) found.add(item);
    return found;
  }
}

function addToList<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
