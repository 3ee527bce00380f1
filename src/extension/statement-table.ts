// A document's statements (`Analysis.attributions`) as columns of integers, not objects (issue 15, item 3).
// On a 5 MB document they are 37,000 statements and 250,000 objects, two thirds of what the worker sends:
// as objects, copying them into the extension host and collecting them there held its thread longest. As
// columns they cross the thread boundary as a few buffers (transferred, not copied), and the host reads
// them in place: the highlights, the summary, the hover and the corrections ask the columns, and an
// `Attribution` object is made only when one is shown (`at`). Pure: no `vscode`.
//
// Everything but `sentences` is kept (the host never reads them; api.ts says so), and `at(i)` gives the
// statement back equal to the core's, with `sentences: []`.
import type {
  Attribution,
  AttributionKind,
  CorrectionKind,
  Span,
  SpeakerUncertainty,
  UncertaintyReason,
} from '../core';
import { isUncertain } from './uncertainty';

const KINDS: readonly AttributionKind[] = ['direct', 'mixed', 'indirect', 'blockquote'];
const CORRECTIONS: readonly (CorrectionKind | undefined)[] = [
  undefined,
  'speaker',
  'not-a-statement',
  'anonymous',
  'attribute-to',
];
const REASONS: readonly UncertaintyReason[] = ['pronoun-ambiguous', 'speaker-far', 'tagger'];

// One row per statement, FIELDS integers each; a missing span is [-1, -1].
const KIND = 0;
const SOURCE = 1; // -1: null
// The single spans, each start then end, side by side: `join` moves fields CUE to CHANNEL + 1 in one run.
const CUE = 2;
const MENTION = 4;
const CHANNEL = 6;
const CONTENT_FROM = 8; // the first of its pieces in `content` (pairs start, end)
const CONTENT_COUNT = 9;
/**
 * bit 0: found by the tagger; bits 1–3: the correction (index in CORRECTIONS); bit 4: has an uncertainty;
 * bit 5: shown as uncertain (uncertainty.ts decides).
 */
const FLAGS = 10;
/** The uncertainty's reasons: how many in bits 0–1, then each in order, 2 bits (index in REASONS + 1). */
const REASON_CODES = 11;
const ALTERNATIVES_FROM = 12; // the first of its alternatives in `alternatives`
const ALTERNATIVES_COUNT = 13;
const FIELDS = 14;
const FOUND_BY_TAGGER = 1;
const HAS_UNCERTAINTY = 1 << 4;
const UNCERTAIN = 1 << 5;
/** Reasons are distinct, and there are three. */
const REASON_SLOTS = 3;

const CUE_FIRST = [CUE, MENTION] as const;
const MENTION_FIRST = [MENTION, CUE] as const;

/** Spans as offsets in typed arrays: the first `count` are filled. */
export interface OffsetList {
  starts: Float64Array;
  ends: Float64Array;
  count: number;
}

const offsetList = (size: number): OffsetList => ({
  starts: new Float64Array(size),
  ends: new Float64Array(size),
  count: 0,
});

/** Which of a statement's single spans. */
export type StatementPart = 'cue' | 'mention' | 'channel';
const PART_FIELD: Record<StatementPart, number> = { cue: CUE, mention: MENTION, channel: CHANNEL };

/** What crosses the thread boundary: plain typed arrays, which structured clone copies (or transfers) whole. */
export interface StatementColumns {
  rows: Int32Array;
  content: Int32Array;
  alternatives: Int32Array;
}

/** Rows [from, from + count) of a table, with every offset moved by `shift`: a piece of a joined table. */
export interface StatementSlice {
  table: StatementTable;
  from: number;
  count: number;
  shift: number;
}

export class StatementTable {
  readonly length: number;

  private constructor(private readonly columns: StatementColumns) {
    this.length = columns.rows.length / FIELDS;
  }

  /** The columns of a list of statements. */
  static from(statements: readonly Attribution[]): StatementTable {
    let pieces = 0;
    let alternatives = 0;
    for (const s of statements) {
      pieces += s.content.length;
      alternatives += s.uncertainty?.alternatives.length ?? 0;
    }
    const rows = new Int32Array(statements.length * FIELDS);
    const content = new Int32Array(2 * pieces);
    const alternativeColumn = new Int32Array(alternatives);
    let piece = 0;
    let alternative = 0;
    statements.forEach((s, i) => {
      const row = i * FIELDS;
      rows[row + KIND] = KINDS.indexOf(s.kind);
      rows[row + SOURCE] = s.source ?? -1;
      putSpan(rows, row + CUE, s.cue);
      putSpan(rows, row + MENTION, s.sourceMention);
      putSpan(rows, row + CHANNEL, s.channel);
      rows[row + CONTENT_FROM] = piece;
      rows[row + CONTENT_COUNT] = s.content.length;
      for (const span of s.content) {
        content[2 * piece] = span.start;
        content[2 * piece++ + 1] = span.end;
      }
      const reasons = s.uncertainty?.reasons ?? [];
      rows[row + FLAGS] =
        (s.foundBy === 'tagger' ? FOUND_BY_TAGGER : 0) |
        (Math.max(0, CORRECTIONS.indexOf(s.setByEditor)) << 1) |
        (s.uncertainty ? HAS_UNCERTAINTY : 0) |
        (isUncertain(s) ? UNCERTAIN : 0);
      const kept = Math.min(reasons.length, REASON_SLOTS);
      let codes = kept;
      for (let k = 0; k < kept; k++) codes |= (REASONS.indexOf(reasons[k]) + 1) << (2 * k + 2);
      rows[row + REASON_CODES] = codes;
      rows[row + ALTERNATIVES_FROM] = alternative;
      rows[row + ALTERNATIVES_COUNT] = s.uncertainty?.alternatives.length ?? 0;
      for (const a of s.uncertainty?.alternatives ?? []) alternativeColumn[alternative++] = a;
    });
    return new StatementTable({ rows, content, alternatives: alternativeColumn });
  }

  /** The table from columns that crossed the thread boundary. */
  static fromColumns(columns: StatementColumns): StatementTable {
    return new StatementTable(columns);
  }

  /** One table of the slices in order, each moved by its shift (a delta's kept, sent and moved statements). */
  static join(slices: readonly StatementSlice[]): StatementTable {
    // Each table keeps its rows' pieces and alternatives in row order, so a slice's are one run of each:
    // copied whole, then the slice's rows re-pointed and its offsets moved. The host runs this once per
    // edit, before the code is optimised: bulk copies and flat loops, nothing per row but arithmetic.
    const runs = slices.map(({ table, from, count }) => ({
      pieces: table.runOf(from, count, CONTENT_FROM, CONTENT_COUNT),
      alternatives: table.runOf(from, count, ALTERNATIVES_FROM, ALTERNATIVES_COUNT),
    }));
    let rowCount = 0;
    let pieces = 0;
    let alternatives = 0;
    slices.forEach(({ count }, k) => {
      rowCount += count;
      pieces += runs[k].pieces[1];
      alternatives += runs[k].alternatives[1];
    });
    const rows = new Int32Array(rowCount * FIELDS);
    const content = new Int32Array(2 * pieces);
    const alternativeColumn = new Int32Array(alternatives);
    let row = 0;
    let piece = 0;
    let alternative = 0;
    slices.forEach(({ table, from, count, shift }, k) => {
      const source = table.columns;
      const [firstPiece, pieceCount] = runs[k].pieces;
      const [firstAlternative, alternativeCount] = runs[k].alternatives;
      rows.set(source.rows.subarray(from * FIELDS, (from + count) * FIELDS), row * FIELDS);
      content.set(source.content.subarray(2 * firstPiece, 2 * (firstPiece + pieceCount)), 2 * piece);
      alternativeColumn.set(
        source.alternatives.subarray(firstAlternative, firstAlternative + alternativeCount),
        alternative,
      );
      if (shift !== 0) for (let i = 2 * piece; i < 2 * (piece + pieceCount); i++) content[i] += shift;
      // Rows kept where they were (the statements before an edit) need nothing more.
      const unchanged = piece === firstPiece && alternative === firstAlternative && shift === 0;
      for (let at = row * FIELDS; !unchanged && at < (row + count) * FIELDS; at += FIELDS) {
        rows[at + CONTENT_FROM] += piece - firstPiece;
        rows[at + ALTERNATIVES_FROM] += alternative - firstAlternative;
        if (shift === 0) continue;
        for (let field = CUE; field <= CHANNEL + 1; field++) if (rows[at + field] >= 0) rows[at + field] += shift;
      }
      row += count;
      piece += pieceCount;
      alternative += alternativeCount;
    });
    return new StatementTable({ rows, content, alternatives: alternativeColumn });
  }

  /** Rows [from, from + count) as a table of their own (new columns: posting them leaves this one whole). */
  slice(from: number, count: number): StatementTable {
    return StatementTable.join([{ table: this, from, count, shift: 0 }]);
  }

  /**
   * Whether row `i` is `other`'s row `j` with every offset moved by `shift`, and all else equal (the
   * worker's delta after an edit: result-delta.ts says what "moved" means).
   */
  sameMoved(i: number, other: StatementTable, j: number, shift: number): boolean {
    const a = this.columns;
    const b = other.columns;
    const at = i * FIELDS;
    const bt = j * FIELDS;
    for (let field = 0; field < FIELDS; field++) {
      if (field === CONTENT_FROM || field === ALTERNATIVES_FROM) continue;
      const moves = field >= CUE && field <= CHANNEL + 1 && b.rows[bt + field] >= 0;
      if (a.rows[at + field] !== b.rows[bt + field] + (moves ? shift : 0)) return false;
    }
    const pieces = 2 * a.rows[at + CONTENT_COUNT];
    for (let k = 0; k < pieces; k++)
      if (a.content[2 * a.rows[at + CONTENT_FROM] + k] !== b.content[2 * b.rows[bt + CONTENT_FROM] + k] + shift)
        return false;
    for (let k = 0; k < a.rows[at + ALTERNATIVES_COUNT]; k++)
      if (a.alternatives[a.rows[at + ALTERNATIVES_FROM] + k] !== b.alternatives[b.rows[bt + ALTERNATIVES_FROM] + k])
        return false;
    return true;
  }

  /** The columns, to post (see `buffersOf`). */
  toColumns(): StatementColumns {
    return this.columns;
  }

  /**
   * The offsets the highlights draw, read straight from the columns (the host does it once per analysis,
   * in code not yet optimised): the words of attributed statements, split by whether the editor shows
   * them as uncertain, and every mention and cue, the two of a statement in text order.
   */
  highlightOffsets(): Record<'content' | 'uncertain' | 'speaker', OffsetList> {
    const { rows, content } = this.columns;
    let sure = 0;
    let unsure = 0;
    for (let at = 0; at < rows.length; at += FIELDS) {
      if (rows[at + SOURCE] < 0) continue;
      if (rows[at + FLAGS] & UNCERTAIN) unsure += rows[at + CONTENT_COUNT];
      else sure += rows[at + CONTENT_COUNT];
    }
    const lists = { content: offsetList(sure), uncertain: offsetList(unsure), speaker: offsetList(2 * this.length) };
    const { speaker } = lists;
    for (let at = 0; at < rows.length; at += FIELDS) {
      if (rows[at + SOURCE] >= 0) {
        const fill = rows[at + FLAGS] & UNCERTAIN ? lists.uncertain : lists.content;
        const end = 2 * (rows[at + CONTENT_FROM] + rows[at + CONTENT_COUNT]);
        for (let k = 2 * rows[at + CONTENT_FROM]; k < end; k += 2) {
          fill.starts[fill.count] = content[k];
          fill.ends[fill.count++] = content[k + 1];
        }
      }
      const cueFirst = rows[at + CUE] >= 0 && rows[at + CUE] < rows[at + MENTION];
      for (const field of cueFirst ? CUE_FIRST : MENTION_FIRST) {
        if (rows[at + field] < 0) continue;
        speaker.starts[speaker.count] = rows[at + field];
        speaker.ends[speaker.count++] = rows[at + field + 1];
      }
    }
    return lists;
  }

  /** Statement `i` as the core gives it, with `sentences: []`. A new object each time. */
  at(i: number): Attribution {
    const row = i * FIELDS;
    const { rows, alternatives } = this.columns;
    const content: Span[] = [];
    for (let k = 0; k < this.contentCount(i); k++)
      content.push({ start: this.contentStart(i, k), end: this.contentEnd(i, k) });
    const statement: Attribution = {
      kind: this.kind(i),
      content,
      cue: this.span(i, 'cue'),
      sourceMention: this.span(i, 'mention'),
      source: this.source(i),
      channel: this.span(i, 'channel'),
      sentences: [],
    };
    const flags = rows[row + FLAGS];
    if (flags & FOUND_BY_TAGGER) statement.foundBy = 'tagger';
    const correction = CORRECTIONS[(flags >> 1) & 7];
    if (correction) statement.setByEditor = correction;
    if (flags & HAS_UNCERTAINTY) {
      const codes = rows[row + REASON_CODES];
      const reasons: UncertaintyReason[] = [];
      for (let k = 0; k < (codes & 3); k++) reasons.push(REASONS[((codes >> (2 * k + 2)) & 3) - 1]);
      const from = rows[row + ALTERNATIVES_FROM];
      const uncertainty: SpeakerUncertainty = {
        reasons,
        alternatives: Array.from(alternatives.subarray(from, from + rows[row + ALTERNATIVES_COUNT])),
      };
      statement.uncertainty = uncertainty;
    }
    return statement;
  }

  /** Every statement as objects (the API's `analysis.attributions`, made when first asked for). */
  toArray(): Attribution[] {
    const all: Attribution[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) all[i] = this.at(i);
    return all;
  }

  kind(i: number): AttributionKind {
    return KINDS[this.columns.rows[i * FIELDS + KIND]];
  }

  source(i: number): number | null {
    const source = this.columns.rows[i * FIELDS + SOURCE];
    return source < 0 ? null : source;
  }

  /** Whether the editor shows the statement as uncertain (uncertainty.ts). */
  uncertain(i: number): boolean {
    return (this.columns.rows[i * FIELDS + FLAGS] & UNCERTAIN) !== 0;
  }

  contentCount(i: number): number {
    return this.columns.rows[i * FIELDS + CONTENT_COUNT];
  }

  contentStart(i: number, k: number): number {
    return this.columns.content[2 * (this.columns.rows[i * FIELDS + CONTENT_FROM] + k)];
  }

  contentEnd(i: number, k: number): number {
    return this.columns.content[2 * (this.columns.rows[i * FIELDS + CONTENT_FROM] + k) + 1];
  }

  /** A single span's start, -1 when the statement has none. */
  partStart(i: number, part: StatementPart): number {
    return this.columns.rows[i * FIELDS + PART_FIELD[part]];
  }

  partEnd(i: number, part: StatementPart): number {
    return this.columns.rows[i * FIELDS + PART_FIELD[part] + 1];
  }

  span(i: number, part: StatementPart): Span | null {
    const start = this.partStart(i, part);
    return start < 0 ? null : { start, end: this.partEnd(i, part) };
  }

  /**
   * Calls `visit` with each part statement `i` has, as offsets: its source mention, its cue, then each
   * content piece (by its index). The hover, the corrections and the highlights' ranges read parts so.
   */
  forEachPart(i: number, visit: (part: StatementPart | number, start: number, end: number) => void): void {
    for (const part of ['mention', 'cue'] as const)
      if (this.partStart(i, part) >= 0) visit(part, this.partStart(i, part), this.partEnd(i, part));
    for (let k = 0; k < this.contentCount(i); k++) visit(k, this.contentStart(i, k), this.contentEnd(i, k));
  }

  /** Where the statement is, for counting it in or out of a repeated passage: its words, else its cue, else -1. */
  position(i: number): number {
    return this.contentCount(i) > 0 ? this.contentStart(i, 0) : this.partStart(i, 'cue');
  }

  /** Where rows [from, from + count)'s pieces (or alternatives) start in their column, and how many. */
  private runOf(from: number, count: number, fromField: number, countField: number): [number, number] {
    if (count === 0) return [0, 0];
    const { rows } = this.columns;
    const first = rows[from * FIELDS + fromField];
    const last = (from + count - 1) * FIELDS;
    return [first, rows[last + fromField] + rows[last + countField] - first];
  }
}

/** What a postMessage may transfer of the columns, rather than copy (they are unusable in the sender after). */
export function buffersOf(columns: StatementColumns): ArrayBuffer[] {
  return [columns.rows.buffer, columns.content.buffer, columns.alternatives.buffer] as ArrayBuffer[];
}

function putSpan(rows: Int32Array, at: number, span: Span | null): void {
  rows[at] = span ? span.start : -1;
  rows[at + 1] = span ? span.end : -1;
}
