// "Did you mean …?": the known name nearest a misspelt one, as eslint and markdownlint suggest for an
// unknown rule. Edit distance (insertions, deletions, substitutions, and a swap of neighbours) on short
// names; nothing is suggested when every name is far off, so a stray word gets no odd suggestion.

/** The name nearest `word` (case-insensitive), or null when none is within a third of its length (at least 2). */
export function closestName(word: string, names: readonly string[]): string | null {
  const lower = word.toLowerCase();
  // Rule names are short; a long token is a sentence, not a misspelling.
  if (lower.length > 64) return null;
  const limit = Math.max(2, Math.floor(lower.length / 3));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const name of names) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance: Levenshtein plus one swap of adjacent characters per place. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}
