// Stage 5½: the editor's corrections (read from the text by the structure stage) applied to the
// statements and sources, before boilerplate, claims and rules read them: so the hovers, Problems, the
// Sources view, shares, single-source, the summary and the reports all see the corrected analysis.
//
// A correction binds to the paragraph after it (the first block that ends after it) and, in that
// paragraph, to the statement whose first words its anchor matches (letters and digits compared; see
// structure/corrections.ts). One whose anchor matches nothing there is not applied anywhere else: it is
// returned as unapplied, for the `unapplied-correction` rule to report.
//
//   speaker NAME      the statement is re-pointed to the source named NAME (by name or alias, any case),
//                     or to a new person source of that name
//   not-a-statement   the statement is dropped; its sentence is the writer's own again, so a check-worthy
//                     one is an unattributed claim (the editor said nobody is on record for it)
//   anonymous         the statement's source is anonymous (its type; a statement with no source gets an
//                     anonymous one named as its mention, or "unnamed source")
//   attribute-to NAME the sentence (no statement in it) becomes an indirect statement of NAME, no cue
//
// The statements an editor set carry `setByEditor`. With no correction in the text, the input is returned
// as it is, so an analysis without corrections is byte for byte what it was.
import { anchorKey, type Correction, type Corrections } from '../structure';
import type { Attribution, Block, Sentence, Source, Span, SpeakerUncertainty } from '../types';

export interface CorrectedStatements {
  attributions: Attribution[];
  sources: Source[];
  /** Corrections that apply to nothing, and corrections that cannot be read, in text order. */
  unapplied: UnappliedCorrection[];
}

export interface UnappliedCorrection extends Span {
  reason: string;
}

/** One attribution while corrections are applied: `removed` for not-a-statement. */
type Working = Attribution & { removed?: boolean };

export function applyCorrections(
  prose: string,
  blocks: readonly Block[],
  sentences: readonly Sentence[],
  attributions: Attribution[],
  sources: Source[],
  corrections: Corrections,
): CorrectedStatements {
  const unapplied: UnappliedCorrection[] = corrections.problems.map((p) => ({ ...p }));
  if (corrections.list.length === 0) return { attributions, sources, unapplied };
  const working: Working[] = attributions.map((a) => ({ ...a }));
  const table = new SourceTable(sources);
  const added: Working[] = [];
  for (const correction of corrections.list) {
    const block = blocks.find((b) => b.end > correction.end);
    const statement = block ? statementFor(prose, block, working.concat(added), correction) : null;
    if (statement) {
      correct(statement, correction, table, prose);
      continue;
    }
    const sentence =
      block && correction.kind === 'attribute-to' ? sentenceFor(prose, block, sentences, correction) : null;
    if (sentence) {
      added.push({
        kind: 'indirect',
        content: [trimmed(prose, sentence)],
        cue: null,
        sourceMention: null,
        source: table.named(correction.name),
        channel: null,
        sentences: [sentence.index],
        setByEditor: 'attribute-to',
      });
      continue;
    }
    unapplied.push({
      start: correction.start,
      end: correction.end,
      reason: block
        ? `This correction no longer matches: no ${correction.kind === 'attribute-to' ? 'sentence' : 'statement'} in the paragraph after it starts with “${correction.anchor}”. Was it edited? Correct it again or delete this line.`
        : 'This correction has no paragraph after it to apply to.',
    });
  }
  unapplied.sort((a, b) => a.start - b.start);
  return { ...table.rebuild(working.concat(added)), unapplied };
}

/** The first statement of the block whose content starts with the correction's anchor. */
function statementFor(prose: string, block: Block, statements: Working[], correction: Correction): Working | null {
  const key = anchorKey(correction.anchor);
  for (const a of statements) {
    const first = a.content[0];
    if (a.removed || !first || first.start < block.start || first.start >= block.end) continue;
    if (anchorKey(prose.slice(first.start, first.end)).startsWith(key)) return a;
  }
  return null;
}

/** The first sentence of the block holding the anchor's words (a claim may start inside its sentence). */
function sentenceFor(
  prose: string,
  block: Block,
  sentences: readonly Sentence[],
  correction: Correction,
): Sentence | null {
  const key = ` ${anchorKey(correction.anchor)}`;
  return (
    sentences.find((s) => s.block === block.index && ` ${anchorKey(prose.slice(s.start, s.end))}`.includes(key)) ?? null
  );
}

function correct(statement: Working, correction: Correction, table: SourceTable, prose: string): void {
  switch (correction.kind) {
    case 'not-a-statement':
      statement.removed = true;
      return;
    case 'speaker':
    case 'attribute-to':
      statement.source = table.named(correction.name);
      break;
    case 'anonymous': {
      const mention = statement.sourceMention;
      statement.source =
        statement.source ??
        table.named((mention && prose.slice(mention.start, mention.end).trim()) || 'unnamed source');
      table.sources[statement.source] = { ...table.sources[statement.source], type: 'anonymous' };
      break;
    }
  }
  statement.setByEditor = correction.kind;
  // The editor has decided: the analysis's doubt and its alternatives no longer apply.
  delete statement.uncertainty;
}

function trimmed(prose: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(prose[start])) start++;
  while (end > start && /\s/.test(prose[end - 1])) end--;
  return { start, end };
}

/** The sources, copied so the stage before keeps its own, with the new ones an editor named. */
class SourceTable {
  readonly sources: Source[];

  constructor(sources: readonly Source[]) {
    this.sources = sources.map((s) => ({ ...s }));
  }

  /**
   * The source called `name` (its name or an alias, any case and spacing; else the only one whose name ends
   * with it), or a new person source.
   */
  named(name: string): number {
    const key = anchorKey(name);
    const found = this.sources.findIndex(
      (s) => anchorKey(s.name) === key || s.aliases.some((alias) => anchorKey(alias) === key),
    );
    if (found >= 0) return found;
    // "Samuel Reyes" or "Reyes" for "Public Works Director Samuel Reyes": the one source whose name ends so.
    const endings = this.sources.flatMap((s, i) => (` ${anchorKey(s.name)}`.endsWith(` ${key}`) ? [i] : []));
    if (key && endings.length === 1) return endings[0];
    this.sources.push({ name, type: 'person', aliases: [], mentions: [], attributions: [], channels: [] });
    return this.sources.length - 1;
  }

  /**
   * The statements in text order and the sources that still have one, in order of first mention (or of
   * their first statement, for a source only an editor named), each listing its statements and mentions.
   */
  rebuild(statements: Working[]): { attributions: Attribution[]; sources: Source[] } {
    const kept = statements
      .filter((a) => !a.removed)
      .sort((a, b) => (a.content[0]?.start ?? 0) - (b.content[0]?.start ?? 0));
    const bySource = new Map<number, number[]>();
    kept.forEach((a, i) => {
      if (a.source === null) return;
      const list = bySource.get(a.source) ?? [];
      list.push(i);
      bySource.set(a.source, list);
    });
    const first = (old: number): number => {
      const own = bySource.get(old)!;
      const mentions = this.mentionsOf(old, own, kept);
      return Math.min(mentions[0]?.start ?? Infinity, kept[own[0]].content[0]?.start ?? Infinity);
    };
    const order = [...bySource.keys()].sort((a, b) => first(a) - first(b) || a - b);
    const index = new Map(order.map((old, i) => [old, i]));
    const sources = order.map((old) => {
      const own = bySource.get(old)!;
      return { ...this.sources[old], mentions: this.mentionsOf(old, own, kept), attributions: own };
    });
    const attributions = kept.map(({ removed: _removed, ...a }) => ({
      ...a,
      source: a.source === null ? null : index.get(a.source)!,
      ...(a.uncertainty && { uncertainty: reindexed(a.uncertainty, index) }),
    }));
    return { attributions, sources };
  }

  /**
   * A source's mentions: its own, less those only its moved-away statements named, plus those of the
   * statements moved to it. Sorted by place.
   */
  private mentionsOf(old: number, own: number[], kept: Working[]): Span[] {
    const used = new Set(
      own
        .map((i) => kept[i].sourceMention)
        .filter((m): m is Span => m !== null)
        .map(spanKey),
    );
    const original = this.sources[old].mentions;
    const movedAway = new Set(
      kept
        .filter((a) => a.source !== old && a.sourceMention && !used.has(spanKey(a.sourceMention)))
        .map((a) => spanKey(a.sourceMention!)),
    );
    const mentions = original.filter((m) => !movedAway.has(spanKey(m)));
    const have = new Set(mentions.map(spanKey));
    for (const key of used) {
      if (have.has(key)) continue;
      const [start, end] = key.split(':').map(Number);
      mentions.push({ start, end });
    }
    return mentions.sort((a, b) => a.start - b.start);
  }
}

/** The alternatives as indices of the rebuilt sources; one no statement is left with is dropped. */
function reindexed(uncertainty: SpeakerUncertainty, index: Map<number, number>): SpeakerUncertainty {
  const alternatives = uncertainty.alternatives.flatMap((old) => (index.has(old) ? [index.get(old)!] : []));
  return { reasons: uncertainty.reasons, alternatives };
}

function spanKey(span: Span): string {
  return `${span.start}:${span.end}`;
}
