// Exact-span F1 per role (content, source, cue): the measure published quotation extractors report on PolNeAR
// (CofeNet: content 72.9, source 83.2, cue 75.3 on test), so our figures can stand beside theirs.
//
// The definition, as CofeNet's scorer (cofe-ai/CofeNet, exe/eval/evaluation.py) has it: each role is scored on
// its own as a bag of spans, like named entities in a BIO tagging; attributions are not matched first.
// - Spans: every piece of a role is one span. A content in several pieces ("“…,” he said, “…”") gives one span
//   per piece (as BIO chunks would), after joining pieces of one attribution that touch or overlap.
// - Edges: each span loses the spaces, quote marks and punctuation at both ends before comparing, so
//   "“We will win,”" and "We will win" are the same span. A span that is nothing but punctuation (PolNeAR
//   has colon and quote-mark cues: 47 in dev) is compared as it is, not trimmed away.
// - True positive: a predicted span whose trimmed start and end equal those of a gold span of the same role
//   in the same document. Precision over all predicted spans of the role, recall over all gold spans.
// - Each document's spans are a set: a source mention two predicted attributions share (“A,” he said. “B.”)
//   counts once, as it would in a tagging.
// - No-source gold: its source role has no gold span; a source predicted there is a false positive.
//   Gold attributions without content are left out, as in the rest of the PolNeAR scoring (one in dev).
import type { Span } from '../src/core/types';
import { prf, prfCell, type Counts, type Prf, type TableRow } from './eval-shared';

export const ROLES = ['content', 'source', 'cue'] as const;
export type Role = (typeof ROLES)[number];

/** One attribution's spans by role, gold or predicted. */
export type RoleSpans = Record<Role, Span[]>;

export type RoleCounts = Record<Role, Counts>;
export type RoleScores = Record<Role, Prf & Counts>;

/** Spaces, quote marks (straight, curly, guillemets, the NYT's backticks) and any punctuation. */
const TRIMMED_AT_EDGES = /[\s\p{P}`]/u;

/** The span without the spaces, quote marks and punctuation at its ends; unchanged if nothing else is left. */
export function trimSpan(text: string, span: Span): Span {
  let start = span.start;
  let end = span.end;
  while (start < end && TRIMMED_AT_EDGES.test(text[start])) start++;
  while (end > start && TRIMMED_AT_EDGES.test(text[end - 1])) end--;
  return end > start ? { start, end } : { start: span.start, end: span.end };
}

/** Pieces of one role in one attribution, joined where they touch or overlap; empty pieces dropped. */
function joinTouching(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const joined: Span[] = [];
  for (const s of sorted) {
    const last = joined[joined.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else joined.push({ start: s.start, end: s.end });
  }
  return joined;
}

/** The document's set of trimmed spans of one role, keyed "start:end". */
export function spanSet(text: string, attributions: RoleSpans[], role: Role): Set<string> {
  const keys = new Set<string>();
  for (const a of attributions) {
    for (const piece of joinTouching(a[role])) {
      const t = trimSpan(text, piece);
      keys.add(`${t.start}:${t.end}`);
    }
  }
  return keys;
}

/** True positives, predicted and gold span counts per role for one document. */
export function countExactSpans(text: string, gold: RoleSpans[], predicted: RoleSpans[]): RoleCounts {
  const counts = {} as RoleCounts;
  for (const role of ROLES) {
    const goldKeys = spanSet(text, gold, role);
    const predictedKeys = spanSet(text, predicted, role);
    let truePositives = 0;
    for (const key of predictedKeys) if (goldKeys.has(key)) truePositives++;
    counts[role] = { truePositives, predicted: predictedKeys.size, gold: goldKeys.size };
  }
  return counts;
}

/** The gold side of a PolNeAR attribution: a statement with no source has no source span. */
export function goldRoleSpans(g: { content: Span[]; sources: Span[]; cues: Span[]; noSource: boolean }): RoleSpans {
  return { content: g.content, source: g.noSource ? [] : g.sources, cue: g.cues };
}

/** The predicted side: the analyser gives at most one source mention and one cue per attribution. */
export function predictedRoleSpans(p: { content: Span[]; sourceMention: Span | null; cue: Span | null }): RoleSpans {
  return { content: p.content, source: p.sourceMention ? [p.sourceMention] : [], cue: p.cue ? [p.cue] : [] };
}

/** Micro-averaged over documents: counts summed, then precision, recall and F1 per role. */
export function exactSpanScores(documents: { text: string; gold: RoleSpans[]; predicted: RoleSpans[] }[]): RoleScores {
  const total = {} as RoleCounts;
  for (const role of ROLES) total[role] = { truePositives: 0, predicted: 0, gold: 0 };
  for (const doc of documents) {
    const counts = countExactSpans(doc.text, doc.gold, doc.predicted);
    for (const role of ROLES) {
      total[role].truePositives += counts[role].truePositives;
      total[role].predicted += counts[role].predicted;
      total[role].gold += counts[role].gold;
    }
  }
  const scores = {} as RoleScores;
  for (const role of ROLES) scores[role] = { ...total[role], ...prf(total[role]) };
  return scores;
}

type GoldAttribution = Parameters<typeof goldRoleSpans>[0];
type PredictedAttribution = Parameters<typeof predictedRoleSpans>[0];

/**
 * The PolNeAR documents as scored (eval-polnear's `perDocument`), by role. `goldAsPrediction` puts every gold
 * piece in as the prediction, for the self-check, which must then give 1.0 for each role.
 */
export function polnearExactSpans(
  documents: { text: string; gold: GoldAttribution[]; predicted: PredictedAttribution[] }[],
  goldAsPrediction = false,
): RoleScores {
  return exactSpanScores(
    documents.map((d) => {
      const gold = d.gold.map(goldRoleSpans);
      return { text: d.text, gold, predicted: goldAsPrediction ? gold : d.predicted.map(predictedRoleSpans) };
    }),
  );
}

/** CofeNet (BERT, Wang et al. 2022) exact-match F1 on PolNeAR test, the anchor beside each role. */
const COFENET: Record<Role, string> = { content: '72.9', source: '83.2', cue: '75.3' };
/** Issue 11's targets for the same measure. */
const TARGET: Record<Role, string> = { content: '62', source: '72', cue: '70' };

export function exactSpanRows(scores: RoleScores): TableRow[] {
  return ROLES.map((role) => ({
    metric: `exact spans F1, ${role} (${scores[role].gold} gold spans)`,
    ours: prfCell(scores[role]),
    target: `≥${TARGET[role]}; CofeNet ${COFENET[role]} (test)`,
  }));
}
