// PolNeAR attribution scoring: runs `analyze` on each article and compares its attributions with the gold
// annotation, as ../shared/README.md suggests.
//
// Decisions, so the numbers can be read:
// - Content match: a prediction matches a gold attribution when its content (union of pieces) covers at
//   least 80% of the gold content's characters. Qualifying pairs are matched one to one, greedily, closest
//   first (overlap over union). Exact match is stricter: the same pieces after trimming spaces, quote marks
//   and trailing punctuation from each.
// - Direct vs indirect: gold is direct when `content_has_quote_marks` (its content holds a double quote
//   mark: true for mixed quotes too). A prediction is direct by the same observable test: its content
//   holds a double quote mark. (So a quote in single marks or in the NYT's doubled apostrophes ''…'' is
//   "indirect" on both sides, as the gold flag has it.) Every prediction and every gold item is in
//   exactly one class, and a matched pair counts for a class only when both are in it, so per-class
//   precision and recall share one true-positive count.
// - Source: correct when the predicted source mention overlaps a gold source span; for gold
//   'Attribution-no-source', correct only when the prediction has no source mention. Source F1 counts
//   matched-with-correct-source pairs over all predictions (P) and all gold (R).
// - Cue: correct when the predicted cue overlaps a gold cue (or both have none).
// - Gold items with no content (one in dev) cannot be matched and are left out, and counted.
import { analyze } from '../src/core/analyze';
import type { AnalyzeOptions } from '../src/core/options';
import type { Analysis, Attribution, Span } from '../src/core/types';
import {
  codePointToUtf16,
  percent,
  prf,
  prfCell,
  readJsonl,
  type Counts,
  type Prf,
  type TableRow,
} from './eval-shared';

interface GoldSpanJson {
  start: number;
  end: number;
  text: string;
}

export interface PolnearDocJson {
  doc_id: string;
  text: string;
  quotes: {
    id: string;
    type: 'Attribution' | 'Attribution-no-source';
    sources: GoldSpanJson[];
    cue: GoldSpanJson[];
    contents: GoldSpanJson[];
    content_has_quote_marks: boolean;
  }[];
}

type Category = 'direct' | 'indirect';

interface GoldItem {
  id: string;
  content: Span[];
  sources: Span[];
  cues: Span[];
  noSource: boolean;
  category: Category;
}

interface PredictedItem {
  kind: Attribution['kind'];
  content: Span[];
  cue: Span | null;
  sourceMention: Span | null;
  category: Category;
  /** The resolved source's name (the analysis's `sources[…].name`), when there is one. */
  sourceName?: string | null;
}

interface Pair {
  predicted: number;
  gold: number;
  exact: boolean;
  sourceCorrect: boolean;
  cueCorrect: boolean;
}

interface DocumentScore {
  docId: string;
  text: string;
  sentences: Span[];
  gold: GoldItem[];
  predicted: PredictedItem[];
  pairs: Pair[];
  /** One-to-one pairs under exact matching (a separate matching, so exact F1 is not capped by the 80% one). */
  exactPairs: number;
}

export interface PolnearScore {
  documents: number;
  goldItems: number;
  goldSkipped: number;
  predictedItems: number;
  all: Prf;
  direct: Prf;
  indirect: Prf;
  exact: Prf;
  /** Matched pairs whose two sides fall in different classes (counted only in `all`). */
  crossClassMatches: number;
  sourceAccuracyDirect: number;
  sourceAccuracyAll: number;
  /** Matched direct items whose resolved source name equals gold's (gold pronouns resolved to the name before). */
  resolvedNameDirect: number;
  /** Matched gold items without a source that were predicted without one. */
  noSourceUnattributed: number;
  /** Of the matched gold statements without a source, how many were predicted without one. */
  noSourceCounts: { correct: number; matched: number };
  source: Prf;
  cueAccuracy: number;
  matched: number;
  perDocument: DocumentScore[];
}

const COVERAGE_TO_MATCH = 0.8;
/** The marks `content_has_quote_marks` is true for in PolNeAR (checked: it agrees on every gold item). */
const DOUBLE_QUOTE_MARK = /["“”«»„]/;
const TRIMMED_AT_EDGES = /["“”«»„‘’'\s]/;
const TRAILING_PUNCTUATION = /[.,;:!?…—–-]/;

export function loadPolnear(path: string): PolnearDocJson[] {
  return readJsonl<PolnearDocJson>(path);
}

export function goldItems(doc: PolnearDocJson): { items: GoldItem[]; skipped: number } {
  const toUtf16 = codePointToUtf16(doc.text);
  const span = (s: GoldSpanJson): Span => ({ start: toUtf16(s.start), end: toUtf16(s.end) });
  const items: GoldItem[] = [];
  let skipped = 0;
  for (const q of doc.quotes) {
    if (q.contents.length === 0) {
      skipped++;
      continue;
    }
    items.push({
      id: q.id,
      content: q.contents.map(span),
      sources: q.sources.map(span),
      cues: q.cue.map(span),
      noSource: q.type === 'Attribution-no-source' || q.sources.length === 0,
      category: q.content_has_quote_marks ? 'direct' : 'indirect',
    });
  }
  return { items, skipped };
}

export function predictedItems(
  text: string,
  attributions: Attribution[],
  sources: Analysis['sources'] = [],
): PredictedItem[] {
  return attributions
    .filter((a) => a.content.length > 0)
    .map((a) => {
      const quoted = a.content.some((s) => DOUBLE_QUOTE_MARK.test(text.slice(s.start, s.end)));
      const sourceName = a.source === null ? null : (sources[a.source]?.name ?? null);
      return {
        kind: a.kind,
        content: a.content,
        cue: a.cue,
        sourceMention: a.sourceMention,
        category: quoted ? 'direct' : 'indirect',
        sourceName,
      };
    });
}

const PRONOUN = /^(he|she|it|they|we|i|you|his|her|its|their)$/i;

/**
 * The gold source's name as an editor would want it resolved: a pronoun ("he") becomes the nearest
 * preceding gold source mention in the article that is a name (has a capitalised word).
 */
export function goldSourceName(text: string, gold: GoldItem[], item: GoldItem): string | null {
  const first = item.sources[0];
  if (!first) return null;
  const own = text.slice(first.start, first.end).trim();
  if (!PRONOUN.test(own)) return own;
  let best: { at: number; name: string } | null = null;
  for (const g of gold) {
    for (const s of g.sources) {
      const name = text.slice(s.start, s.end).trim();
      if (s.start < first.start && !PRONOUN.test(name) && /\p{Lu}/u.test(name) && (!best || s.start > best.at))
        best = { at: s.start, name };
    }
  }
  return best?.name ?? null;
}

/** Same source: equal after normalising, one name inside the other, or the same surname (last word). */
export function sameSourceName(predicted: string, gold: string): boolean {
  const norm = (n: string): string[] =>
    n
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w && w !== 'the');
  const a = norm(predicted);
  const b = norm(gold);
  if (a.length === 0 || b.length === 0) return false;
  const [x, y] = [a.join(' '), b.join(' ')];
  // Gold spans often carry an appositive ("Mo Elleithee, a Clinton campaign aide …"): the name within counts.
  if (x === y || ` ${y} `.includes(` ${x} `) || ` ${x} `.includes(` ${y} `)) return true;
  return a[a.length - 1] === b[b.length - 1] && /^\p{Lu}/u.test(predicted.split(/\s+/).pop() ?? '');
}

/** Scores one document's predictions against its gold items. */
export function scoreDocument(
  docId: string,
  text: string,
  gold: GoldItem[],
  predicted: PredictedItem[],
  sentences: Span[] = [],
): DocumentScore {
  const candidates: { predicted: number; gold: number; jaccard: number }[] = [];
  const exactCandidates: { predicted: number; gold: number }[] = [];
  predicted.forEach((p, pi) => {
    const predictedUnion = union(p.content);
    const predictedTrimmed = trimmedPieces(text, p.content);
    gold.forEach((g, gi) => {
      const goldUnion = union(g.content);
      const overlap = overlapLength(predictedUnion, goldUnion);
      const coverage = overlap / (length(goldUnion) || 1);
      const jaccard = overlap / (length(predictedUnion) + length(goldUnion) - overlap || 1);
      if (coverage >= COVERAGE_TO_MATCH) candidates.push({ predicted: pi, gold: gi, jaccard });
      if (sameSpans(predictedTrimmed, trimmedPieces(text, g.content)))
        exactCandidates.push({ predicted: pi, gold: gi });
    });
  });
  // Greedy one-to-one over the qualifying pairs, closest first (overlap / union, so a tight prediction wins
  // over one sprawling across the paragraph), then text order: deterministic.
  candidates.sort((a, b) => b.jaccard - a.jaccard || a.gold - b.gold || a.predicted - b.predicted);
  const usedPredicted = new Set<number>();
  const usedGold = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedPredicted.has(c.predicted) || usedGold.has(c.gold)) continue;
    usedPredicted.add(c.predicted);
    usedGold.add(c.gold);
    const p = predicted[c.predicted];
    const g = gold[c.gold];
    pairs.push({
      predicted: c.predicted,
      gold: c.gold,
      exact: exactCandidates.some((e) => e.predicted === c.predicted && e.gold === c.gold),
      sourceCorrect: g.noSource
        ? p.sourceMention === null
        : p.sourceMention !== null && g.sources.some((s) => overlaps(s, p.sourceMention as Span)),
      cueCorrect:
        g.cues.length === 0 ? p.cue === null : p.cue !== null && g.cues.some((s) => overlaps(s, p.cue as Span)),
    });
  }
  pairs.sort((a, b) => a.gold - b.gold);
  return { docId, text, sentences, gold, predicted, pairs, exactPairs: oneToOne(exactCandidates) };
}

function oneToOne(candidates: { predicted: number; gold: number }[]): number {
  const usedPredicted = new Set<number>();
  const usedGold = new Set<number>();
  for (const c of candidates) {
    if (usedPredicted.has(c.predicted) || usedGold.has(c.gold)) continue;
    usedPredicted.add(c.predicted);
    usedGold.add(c.gold);
  }
  return usedGold.size;
}

export function aggregate(documents: DocumentScore[], goldSkipped: number): PolnearScore {
  const counts = { all: zero(), direct: zero(), indirect: zero(), exact: zero(), source: zero() };
  let crossClassMatches = 0,
    sourceDirect = 0,
    matchedDirect = 0,
    sourceAll = 0,
    cueCorrect = 0,
    matched = 0;
  let namedDirect = 0,
    nameCorrectDirect = 0,
    noSourceMatched = 0,
    noSourceCorrect = 0;
  for (const doc of documents) {
    for (const p of doc.predicted) {
      for (const c of [counts.all, counts.exact, counts.source, counts[p.category]]) c.predicted++;
    }
    for (const g of doc.gold) {
      for (const c of [counts.all, counts.exact, counts.source, counts[g.category]]) c.gold++;
    }
    counts.exact.truePositives += doc.exactPairs;
    for (const pair of doc.pairs) {
      const g = doc.gold[pair.gold];
      const p = doc.predicted[pair.predicted];
      matched++;
      counts.all.truePositives++;
      if (g.category === p.category) counts[g.category].truePositives++;
      else crossClassMatches++;
      if (pair.sourceCorrect) {
        sourceAll++;
        counts.source.truePositives++;
      }
      if (g.category === 'direct') {
        matchedDirect++;
        if (pair.sourceCorrect) sourceDirect++;
        const goldName = g.noSource ? null : goldSourceName(doc.text, doc.gold, g);
        if (goldName) {
          namedDirect++;
          if (p.sourceName && sameSourceName(p.sourceName, goldName)) nameCorrectDirect++;
        }
      }
      if (g.noSource) {
        noSourceMatched++;
        if (pair.sourceCorrect) noSourceCorrect++;
      }
      if (pair.cueCorrect) cueCorrect++;
    }
  }
  return {
    documents: documents.length,
    goldItems: counts.all.gold,
    goldSkipped,
    predictedItems: counts.all.predicted,
    all: prf(counts.all),
    direct: prf(counts.direct),
    indirect: prf(counts.indirect),
    exact: prf(counts.exact),
    crossClassMatches,
    sourceAccuracyDirect: matchedDirect ? sourceDirect / matchedDirect : 0,
    sourceAccuracyAll: matched ? sourceAll / matched : 0,
    resolvedNameDirect: namedDirect ? nameCorrectDirect / namedDirect : 0,
    noSourceUnattributed: noSourceMatched ? noSourceCorrect / noSourceMatched : 0,
    noSourceCounts: { correct: noSourceCorrect, matched: noSourceMatched },
    source: prf(counts.source),
    cueAccuracy: matched ? cueCorrect / matched : 0,
    matched,
    perDocument: documents,
  };
}

/** Runs the analyser over the documents and scores it. */
export function evalPolnear(
  docs: PolnearDocJson[],
  optionsFor: (doc: PolnearDocJson) => AnalyzeOptions = () => ({}),
): PolnearScore {
  let skipped = 0;
  const scored = docs.map((doc) => {
    const gold = goldItems(doc);
    skipped += gold.skipped;
    const analysis: Analysis = analyze(doc.text, { ...optionsFor(doc), format: 'plaintext' });
    return scoreDocument(
      doc.doc_id,
      doc.text,
      gold.items,
      predictedItems(doc.text, analysis.attributions, analysis.sources),
      analysis.sentences,
    );
  });
  return aggregate(scored, skipped);
}

/**
 * Feeds the gold annotation back in as the prediction: the scorer must then give 1.0 everywhere. Then a
 * few hand-made near misses, each of which must move exactly the number it should. Returns failures.
 */
export function selfCheck(docs: PolnearDocJson[]): { score: PolnearScore; failures: string[] } {
  let skipped = 0;
  const scored = docs.map((doc) => {
    const gold = goldItems(doc);
    skipped += gold.skipped;
    const asPredicted: PredictedItem[] = gold.items.map((g) => ({
      kind: g.category === 'direct' ? 'direct' : 'indirect',
      content: g.content,
      cue: g.cues[0] ?? null,
      sourceMention: g.noSource ? null : (g.sources[0] ?? null),
      category: g.category,
    }));
    return scoreDocument(doc.doc_id, doc.text, gold.items, asPredicted);
  });
  const score = aggregate(scored, skipped);
  const failures: string[] = [];
  const expectOne = (name: string, value: number) => {
    if (Math.abs(value - 1) > 1e-12) failures.push(`gold as prediction: ${name} = ${value}, expected 1`);
  };
  for (const key of ['all', 'direct', 'indirect', 'exact', 'source'] as const) expectOne(`${key} F1`, score[key].f1);
  expectOne('source accuracy (direct)', score.sourceAccuracyDirect);
  expectOne('source accuracy (all)', score.sourceAccuracyAll);
  expectOne('cue accuracy', score.cueAccuracy);
  failures.push(...syntheticChecks());
  return { score, failures };
}

function syntheticChecks(): string[] {
  const text = '“We will win the state by ten points,” Smith said on Monday.';
  const at = (part: string): Span => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
  // Gold content keeps the marks and the comma, as PolNeAR annotates; ours stops inside the marks.
  const quote = at('“We will win the state by ten points,”');
  const gold: GoldItem[] = [
    { id: 'T1', content: [quote], sources: [at('Smith')], cues: [at('said')], noSource: false, category: 'direct' },
  ];
  const predicted = (over: Partial<PredictedItem>): PredictedItem[] => [
    {
      kind: 'direct',
      content: [at('We will win the state by ten points')],
      cue: at('said'),
      sourceMention: at('Smith'),
      category: 'direct',
      ...over,
    },
  ];
  const failures: string[] = [];
  const check = (name: string, items: PredictedItem[], want: [matched: number, exact: number, rightSource: number]) => {
    const { pairs } = scoreDocument('synthetic', text, gold, items);
    const got = [pairs.length, pairs.filter((p) => p.exact).length, pairs.filter((p) => p.sourceCorrect).length];
    if (got.join() !== want.join())
      failures.push(`synthetic "${name}": got [matched, exact, right source] ${got}, expected ${want}`);
  };
  check('inside the marks, no comma: exact', predicted({}), [1, 1, 1]);
  check('wrong source', predicted({ sourceMention: at('Monday') }), [1, 1, 0]);
  check('74% of the content: no match', predicted({ content: [at('We will win the state by ten')] }), [0, 0, 0]);
  check(
    '87% of the content: match, not exact',
    predicted({ content: [at('We will win the state by ten poin')] }),
    [1, 0, 1],
  );
  const sprawling = predicted({ content: [{ start: 0, end: text.length }] });
  check('a tight and a sprawling prediction: the tight one matches', [...sprawling, ...predicted({})], [1, 1, 1]);
  check('two pieces for one', predicted({ content: [at('We will win'), at('the state by ten points')] }), [1, 0, 1]);
  return failures;
}

// ---------------------------------------------------------------------------------------------
// Rows for the eval table, and error examples for whoever improves attribution.

export function polnearRows(split: string, s: PolnearScore): TableRow[] {
  const notes: string[] = [];
  if (s.goldSkipped) notes.push(`${s.goldSkipped} gold without content left out`);
  if (s.crossClassMatches) notes.push(`${s.crossClassMatches} matches cross direct/indirect`);
  return [
    {
      metric: `PolNeAR ${split}: documents / gold / predicted`,
      ours: `${s.documents} / ${s.goldItems} / ${s.predictedItems}`,
      target: notes.join('; '),
    },
    {
      metric: 'attribution F1, content ≥80% (all)',
      ours: prfCell(s.all),
      target: '≥72; CofeNet (BERT) content exact 72.9',
    },
    {
      metric: 'attribution F1, direct (quote marks)',
      ours: prfCell(s.direct),
      target: '≥90; Gender Gap Tracker 84 (≥30% overlap)',
    },
    { metric: 'attribution F1, indirect', ours: prfCell(s.indirect), target: '' },
    { metric: 'content exact-match F1 (all)', ours: prfCell(s.exact), target: 'CofeNet 72.9, CoreNLP 17.5 (test)' },
    {
      metric: 'source accuracy, matched direct',
      ours: percent(s.sourceAccuracyDirect),
      target: '≥92; Gender Gap Tracker ≈87',
    },
    { metric: 'source accuracy, all matched', ours: percent(s.sourceAccuracyAll), target: '' },
    {
      metric: 'resolved source name = gold, matched direct',
      ours: percent(s.resolvedNameDirect),
      target: '≥85 (gold pronouns resolved)',
    },
    {
      metric: 'no-source gold predicted unattributed',
      ours: `${percent(s.noSourceUnattributed)} (${s.noSourceCounts.correct} of ${s.noSourceCounts.matched})`,
      target: '≥50',
    },
    {
      metric: 'source F1 (matched + right source): content + source end to end',
      ours: prfCell(s.source),
      target: '≥65; CofeNet 83.2, CoreNLP 13.9 (test, exact)',
    },
    {
      metric: 'cue overlap accuracy, matched',
      ours: percent(s.cueAccuracy),
      target: 'CofeNet cue F1 75.3 (test, exact)',
    },
  ];
}

/** Up to `limit` examples of each error kind, spread evenly over the corpus (not all from one article). */
export function errorReport(s: PolnearScore, limit: number): string {
  const missed: string[] = [];
  const falsePositives: string[] = [];
  const wrongSource: string[] = [];
  const wrongEnd: string[] = [];
  const categories = new Map<string, number>();
  const missedCues = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const doc of s.perDocument) {
    const t = (span: Span | null | undefined) => (span ? oneLine(doc.text.slice(span.start, span.end)) : '∅');
    const pieces = (spans: Span[]) => spans.map((x) => `«${t(x)}»`).join(' + ');
    const matchedGold = new Set(doc.pairs.map((p) => p.gold));
    const matchedPredicted = new Set(doc.pairs.map((p) => p.predicted));
    const describeGold = (i: number) =>
      `${doc.gold[i].id}${matchedGold.has(i) ? ' (matched to another prediction)' : ''}`;
    doc.gold.forEach((g, i) => {
      if (matchedGold.has(i)) return;
      const near = closest(
        g.content,
        doc.predicted.map((p) => p.content),
        'second',
      );
      count(
        categories,
        `missed, ${g.category}: ${near ? 'a prediction overlaps but covers < 80% (span too short or split)' : 'nothing predicted there (cue or pattern not handled)'}`,
      );
      if (!near) count(missedCues, cueHead(doc.text, g.cues));
      missed.push(
        `[${doc.docId} ${g.id}, ${g.category}] sentence: ${sentenceAround(doc, g.content)}\n` +
          `    gold content ${pieces(g.content)} | source ${g.noSource ? '∅ (no source)' : pieces(g.sources)} | cue ${pieces(g.cues)}` +
          (near
            ? `\n    closest prediction covers ${percent(near.coverage)}%: ${pieces(doc.predicted[near.index].content)}`
            : ''),
      );
    });
    doc.predicted.forEach((p, i) => {
      if (matchedPredicted.has(i)) return;
      const near = closest(
        p.content,
        doc.gold.map((g) => g.content),
        'first',
      );
      count(
        categories,
        `false positive, ${p.kind}: ${near ? 'overlaps a gold item it does not cover' : 'no gold there'}`,
      );
      falsePositives.push(
        `[${doc.docId}, ${p.kind}] content ${pieces(p.content)} | source ${t(p.sourceMention)} | cue ${t(p.cue)}\n` +
          `    sentence: ${sentenceAround(doc, p.content)}` +
          (near
            ? `\n    closest gold ${describeGold(near.index)}, ${percent(near.coverage)}% covered: ${pieces(doc.gold[near.index].content)}`
            : ''),
      );
    });
    for (const pair of doc.pairs) {
      const g = doc.gold[pair.gold];
      const p = doc.predicted[pair.predicted];
      if (!pair.sourceCorrect) {
        count(categories, `wrong source: ${sourceErrorKind(doc.text, g, p)}`);
        wrongSource.push(
          `[${doc.docId} ${g.id}] predicted source ${t(p.sourceMention)} vs gold ${g.noSource ? '∅ (no source)' : pieces(g.sources)}\n` +
            `    sentence: ${sentenceAround(doc, g.content)}`,
        );
      }
      if (!pair.exact) {
        count(categories, 'content matched, span ends differ');
        wrongEnd.push(`[${doc.docId} ${g.id}]\n    gold      ${pieces(g.content)}\n    predicted ${pieces(p.content)}`);
      }
    }
  }
  const section = (title: string, items: string[]) =>
    `\n== ${title}: ${items.length} in all${items.length > limit ? `, ${limit} shown` : ''}\n` +
    spread(items, limit).join('\n');
  const tally = (map: Map<string, number>, top: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, top)
      .map(([k, n]) => `${String(n).padStart(6)}  ${k}`);
  return [
    '\n== error categories\n' + tally(categories, 100).join('\n'),
    `\n== missed with nothing predicted there, by the gold cue's last word (top ${limit * 2})\n` +
      tally(missedCues, limit * 2).join('\n'),
    section('missed gold attributions', missed),
    section('false positives (predicted, no gold matches)', falsePositives),
    section('wrong source (matched content)', wrongSource),
    section('content span ends differ (matched, not exact)', wrongEnd),
  ].join('\n');
}

/** The gold cue's last word, lower-cased ("∅" when gold has no cue): what a missed pattern hinges on. */
function cueHead(text: string, cues: Span[]): string {
  const words = cues
    .map((c) => text.slice(c.start, c.end))
    .join(' ')
    .toLowerCase()
    .match(/[\p{L}'’]+/gu);
  return words ? words[words.length - 1] : '∅';
}

function sourceErrorKind(text: string, g: GoldItem, p: PredictedItem): string {
  if (g.noSource) return 'gold has no source, a source was predicted';
  if (!p.sourceMention) return 'gold has a source, none predicted';
  const predicted = text.slice(p.sourceMention.start, p.sourceMention.end).trim();
  if (PRONOUN.test(predicted)) return 'a pronoun predicted, gold names another mention';
  return 'another mention predicted';
}

/**
 * The candidate overlapping `spans` most, with how much of the gold side it covers (`gold` says which
 * argument is the gold one). Null when nothing overlaps.
 */
function closest(
  spans: Span[],
  candidates: Span[][],
  gold: 'first' | 'second',
): { index: number; coverage: number } | null {
  let best: { index: number; coverage: number } | null = null;
  const a = union(spans);
  candidates.forEach((candidate, index) => {
    const b = union(candidate);
    const overlap = overlapLength(a, b);
    const coverage = overlap / (length(gold === 'first' ? b : a) || 1);
    if (overlap > 0 && (!best || coverage > best.coverage)) best = { index, coverage };
  });
  return best;
}

function spread<T>(items: T[], limit: number): T[] {
  if (items.length <= limit) return items;
  const picked: T[] = [];
  for (let i = 0; i < limit; i++) picked.push(items[Math.floor((i * items.length) / limit)]);
  return picked;
}

/** The analyser's sentences around a span; the surrounding line when there are none (self-check). */
function sentenceAround(doc: DocumentScore, spans: Span[]): string {
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  const touching = doc.sentences.filter((s) => s.start < end && start < s.end);
  let from = touching.length ? Math.min(start, touching[0].start) : doc.text.lastIndexOf('\n', start) + 1;
  let to = touching.length ? Math.max(end, touching[touching.length - 1].end) : doc.text.indexOf('\n', end);
  if (to < 0) to = doc.text.length;
  const MAX = 400;
  if (to - from > MAX) {
    from = Math.max(from, start - 100);
    to = Math.min(to, from + MAX);
  }
  return oneLine(doc.text.slice(from, to));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Span arithmetic

function union(spans: Span[]): Span[] {
  const sorted = spans
    .filter((s) => s.end > s.start)
    .map((s) => ({ ...s }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push(s);
  }
  return merged;
}

function length(spans: Span[]): number {
  return spans.reduce((n, s) => n + s.end - s.start, 0);
}

/** Characters in both of two sorted, disjoint span lists. */
function overlapLength(a: Span[], b: Span[]): number {
  let total = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) total += end - start;
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return total;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Each piece without the spaces, quote marks and trailing punctuation around it; empty pieces dropped. */
function trimmedPieces(text: string, spans: Span[]): Span[] {
  const trimmed: Span[] = [];
  for (const s of union(spans)) {
    let start = s.start;
    let end = s.end;
    let changed = true;
    while (changed && end > start) {
      changed = false;
      while (start < end && TRIMMED_AT_EDGES.test(text[start])) {
        start++;
        changed = true;
      }
      while (end > start && (TRIMMED_AT_EDGES.test(text[end - 1]) || TRAILING_PUNCTUATION.test(text[end - 1]))) {
        end--;
        changed = true;
      }
    }
    if (end > start) trimmed.push({ start, end });
  }
  return trimmed;
}

function sameSpans(a: Span[], b: Span[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((s, i) => s.start === b[i].start && s.end === b[i].end);
}

function zero(): Counts {
  return { truePositives: 0, predicted: 0, gold: 0 };
}
