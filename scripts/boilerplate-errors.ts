// Error kinds of the line-by-line boilerplate score, for aiming the tuning: each wrong line gets a short key
// (missed or false positive, which rule fired, how long the line is, what shape it has) and the kinds are
// counted, largest first, with a few line texts of each. Pure, so the unit tests run it on in-memory lines.

export interface LineOutcome {
  /** The page the line is on: samples are taken from different pages, and a kind counts its pages. */
  page: string;
  text: string;
  gold: boolean;
  predicted: boolean;
  /** The reason of the boilerplate span covering the line (a phrase rule, "recurring", "low-content", …). */
  reason: string | null;
}

export interface ErrorKind {
  kind: string;
  count: number;
  /** Pages with a line of this kind: a kind of many lines on few pages is one site's layout. */
  pages: number;
  /** Share of the errors of its side (all missed lines, or all false positives). */
  share: number;
  samples: string[];
}

const LENGTH_BUCKETS = [20, 40, 80, 160];

/** "<20", "20-39", …, "160+" characters, spaces around the line not counted. */
export function lengthBucket(text: string): string {
  const length = text.trim().length;
  let low = 0;
  for (const high of LENGTH_BUCKETS) {
    if (length < high) return low === 0 ? `<${high}` : `${low}-${high - 1}`;
    low = high;
  }
  return `${low}+`;
}

/** A coarse look of the line: a list item, a sentence (ends in . ! ? or a closing quote), or a fragment. */
export function lineShape(text: string): string {
  const trimmed = text.trim();
  if (/^([*•·–-]|\d+[.)])\s/.test(trimmed)) return 'list item';
  if (/[.!?…]["”’)]?$/.test(trimmed)) return 'sentence';
  return 'fragment';
}

/** The key of a wrong line; null for a line scored right. */
export function errorKey(outcome: LineOutcome): string | null {
  if (outcome.gold === outcome.predicted) return null;
  const length = lengthBucket(outcome.text);
  if (outcome.gold) return `missed | ${lineShape(outcome.text)} | ${length} chars`;
  return `false positive | ${outcome.reason ?? 'no reason'} | ${length} chars`;
}

/** Error kinds, most frequent first (ties by key), with up to `samples` different line texts each, from different pages. */
export function errorKinds(outcomes: Iterable<LineOutcome>, samples = 3): ErrorKind[] {
  const byKind = new Map<
    string,
    { count: number; pages: Set<string>; samples: Map<string, string>; missed: boolean }
  >();
  let missed = 0;
  let falsePositives = 0;
  for (const outcome of outcomes) {
    const key = errorKey(outcome);
    if (!key) continue;
    if (outcome.gold) missed++;
    else falsePositives++;
    const entry = byKind.get(key) ?? { count: 0, pages: new Set(), samples: new Map(), missed: outcome.gold };
    entry.count++;
    entry.pages.add(outcome.page);
    const text = outcome.text.trim();
    const fresh = text && !entry.samples.has(outcome.page) && ![...entry.samples.values()].includes(text);
    if (entry.samples.size < samples && fresh) entry.samples.set(outcome.page, text);
    byKind.set(key, entry);
  }
  return [...byKind.entries()]
    .map(([kind, entry]) => ({
      kind,
      count: entry.count,
      pages: entry.pages.size,
      share: entry.count / (entry.missed ? missed : falsePositives),
      samples: [...entry.samples.values()],
    }))
    .sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** The `top` kinds of each side as text: count, share of that side, pages, and the sample lines. */
export function formatErrorKinds(kinds: ErrorKind[], top: number): string {
  const out: string[] = [];
  for (const side of ['missed', 'false positive']) {
    const ofSide = kinds.filter((kind) => kind.kind.startsWith(`${side} |`));
    const total = ofSide.reduce((sum, kind) => sum + kind.count, 0);
    out.push(`${side === 'missed' ? 'Missed boilerplate' : 'False positives (content flagged)'}: ${total} lines`);
    for (const kind of ofSide.slice(0, top)) {
      out.push(
        `  ${String(kind.count).padStart(6)}  ${(kind.share * 100).toFixed(1).padStart(5)}%  ${kind.kind}  (${kind.pages} pages)`,
      );
      for (const sample of kind.samples) out.push(`            ${JSON.stringify(sample.slice(0, 110))}`);
    }
  }
  return out.join('\n');
}
