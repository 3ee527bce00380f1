// PolNeAR as training data for the attribution tagger: each article split into sentences by the core's own
// stages, each sentence tokenized and tagged from the gold spans (tags.ts has the BIO and overlap rules), and
// the scores the training script reports: token-level F1 per role, exact token-span F1 per role, and the
// exact character-span F1 of eval-spans.ts (the measure `npm run eval` reports for the rules, CofeNet's).
import {
  ROLES,
  sentenceFeatures,
  spansFromTags,
  tagsFromSpans,
  viterbi,
  type Role,
  type RoleSpan,
  type TaggerWeights,
} from '../src/core/attribution/model';
import { splitSentences } from '../src/core/sentences';
import { parseStructure } from '../src/core/structure';
import { fnv1a } from '../src/core/text/hashed-words';
import { tokenize, type Token } from '../src/core/text/tokens';
import type { Span } from '../src/core/types';
import { goldItems, type PolnearDocJson } from './eval-polnear';
import { codePointToUtf16, prf, type Counts, type Prf } from './eval-shared';
import { exactSpanScores, goldRoleSpans, type RoleScores, type RoleSpans } from './eval-spans';
import type { TrainingSentence } from './attribution-perceptron';

export interface TaggedSentence extends TrainingSentence {
  tokens: Token[];
}

export interface TaggedDocument {
  docId: string;
  text: string;
  sentences: TaggedSentence[];
}

/** The gold spans of one article, every role of every attribution, in UTF-16 offsets. */
export function goldRoleSpansOf(doc: PolnearDocJson): RoleSpan[] {
  const toUtf16 = codePointToUtf16(doc.text);
  const spans: RoleSpan[] = [];
  const add = (role: Role, pieces: { start: number; end: number }[]) => {
    for (const p of pieces) spans.push({ role, start: toUtf16(p.start), end: toUtf16(p.end) });
  };
  for (const q of doc.quotes) {
    add('cue', q.cue);
    add('source', q.sources);
    add('content', q.contents);
  }
  return spans;
}

/** Sentences of a plain text as the core splits them, tokenized. */
export function tokenizedSentences(text: string): Token[][] {
  const structure = parseStructure(text, 'plaintext');
  return splitSentences(structure.prose, structure.blocks)
    .map((s) => tokenize(structure.prose, s.start, s.end))
    .filter((tokens) => tokens.length > 0);
}

export function tagDocument(doc: PolnearDocJson, buckets: number): TaggedDocument {
  const gold = goldRoleSpansOf(doc);
  const sentences = tokenizedSentences(doc.text).map((tokens) => {
    const first = tokens[0].start;
    const last = tokens[tokens.length - 1].end;
    const near = gold.filter((s) => s.start < last && s.end > first);
    return { tokens, features: sentenceFeatures(tokens, buckets), tags: tagsFromSpans(tokens, near) };
  });
  return { docId: doc.doc_id, text: doc.text, sentences };
}

/** Fold of each article (0..k-1), grouped by article: ids ordered by FNV-1a hash, then dealt round. */
export function articleFolds(docIds: readonly string[], k: number): Map<string, number> {
  const ordered = [...new Set(docIds)].sort((a, b) => fnv1a(a) - fnv1a(b) || (a < b ? -1 : a > b ? 1 : 0));
  return new Map(ordered.map((id, rank) => [id, rank % k]));
}

export interface TaggerScores {
  tokens: Record<Role, Prf & Counts>;
  tokenSpans: Record<Role, Prf & Counts>;
  /** eval-spans.ts's exact character spans (trimmed edges), against the gold attributions with content. */
  characterSpans: RoleScores;
}

const zero = (): Record<Role, Counts> => ({
  cue: { truePositives: 0, predicted: 0, gold: 0 },
  source: { truePositives: 0, predicted: 0, gold: 0 },
  content: { truePositives: 0, predicted: 0, gold: 0 },
});

const withPrf = (counts: Record<Role, Counts>): Record<Role, Prf & Counts> =>
  Object.fromEntries(ROLES.map((r) => [r, { ...counts[r], ...prf(counts[r]) }])) as Record<Role, Prf & Counts>;

/** Tags every sentence of the documents with the weights and scores them against their gold. */
export function scoreTagger(
  weights: TaggerWeights,
  documents: readonly TaggedDocument[],
  raw: ReadonlyMap<string, PolnearDocJson>,
): TaggerScores {
  const tokens = zero();
  const tokenSpans = zero();
  const characterDocuments: { text: string; gold: RoleSpans[]; predicted: RoleSpans[] }[] = [];
  for (const doc of documents) {
    const predictedSpans: RoleSpans[] = [];
    for (const sentence of doc.sentences) {
      const predicted = viterbi(weights, sentence.features);
      const goldSpans = spansFromTags(sentence.tags);
      const ownSpans = spansFromTags(predicted);
      const roleOf = (tags: Uint8Array, t: number) => (tags[t] === 0 ? undefined : ROLES[(tags[t] - 1) >> 1]);
      for (let t = 0; t < predicted.length; t++) {
        const g = roleOf(sentence.tags, t);
        const p = roleOf(predicted, t);
        if (g) tokens[g].gold++;
        if (p) tokens[p].predicted++;
        if (g && g === p) tokens[g].truePositives++;
      }
      const goldKeys = new Set(goldSpans.map((s) => `${s.role}:${s.start}:${s.end}`));
      for (const s of goldSpans) tokenSpans[s.role].gold++;
      for (const s of ownSpans) {
        tokenSpans[s.role].predicted++;
        if (goldKeys.has(`${s.role}:${s.start}:${s.end}`)) tokenSpans[s.role].truePositives++;
        const span: Span = { start: sentence.tokens[s.start].start, end: sentence.tokens[s.end - 1].end };
        const roleSpans: RoleSpans = { content: [], source: [], cue: [] };
        roleSpans[s.role].push(span);
        predictedSpans.push(roleSpans);
      }
    }
    const gold = goldItems(raw.get(doc.docId)!).items.map(goldRoleSpans);
    characterDocuments.push({ text: doc.text, gold, predicted: predictedSpans });
  }
  return {
    tokens: withPrf(tokens),
    tokenSpans: withPrf(tokenSpans),
    characterSpans: exactSpanScores(characterDocuments),
  };
}
