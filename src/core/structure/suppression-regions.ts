// The silenced regions of a document, per rule, collected line by line as control-comments.ts reads the
// directives, and asked by the rules stage whether a finding lies in one.
import type { RuleId, Span } from '../types';

export type Keyword = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

/** The rules a directive may name, each with its place in the per-rule arrays below. */
export type RuleIndex = ReadonlyMap<string, number>;

export interface UnknownRule extends Span {
  ruleId: string;
}

export interface Suppressions {
  /** Whether a finding of `ruleId` starting at `span.start` is silenced. */
  isSuppressed(ruleId: RuleId, span: { start: number; end: number }): boolean;
  /** Every control comment (Markdown: the whole `<!-- … -->`; plain text: the marker line without indentation). */
  directives: Span[];
  /** Rule names in directives that are not suppressible rules, with their place. */
  unknownRules: UnknownRule[];
}

export interface Directive {
  keyword: Keyword;
  /** One flag per suppressible rule, in `RuleIndex` order. */
  rules: boolean[];
  unknown: UnknownRule[];
}

/** Collects regions line by line, then answers `isSuppressed` by binary search. */
export class Builder {
  readonly directives: Span[] = [];
  readonly unknownRules: UnknownRule[] = [];
  private readonly count: number;
  /** Per rule, silenced regions [starts[i], ends[i]), pushed mostly in text order. */
  private readonly starts: number[][];
  private readonly ends: number[][];
  private readonly inOrder: boolean[];
  /** Where each rule's open `disable` region began, -1 when the rule is enabled. */
  private readonly openFrom: number[];
  private readonly wholeFile: boolean[];
  /** disable-next-line rules waiting for a line with content. */
  private pending: boolean[] | null = null;
  /**
   * Where the lines after their directive began: the region covers the blank ones before the line with
   * content too, so a finding that starts on a line the scan counts as blank (`>` that Markdown reads as
   * a paragraph's text) is still the next line's.
   */
  private pendingFrom = 0;
  /** disable-next-line rules from the current line; they wait from the next line on. */
  private incoming: boolean[] | null = null;

  constructor(readonly index: RuleIndex) {
    const count = (this.count = index.size);
    this.starts = Array.from({ length: count }, () => []);
    this.ends = Array.from({ length: count }, () => []);
    this.inOrder = new Array<boolean>(count).fill(true);
    this.openFrom = new Array<number>(count).fill(-1);
    this.wholeFile = new Array<boolean>(count).fill(false);
  }

  /** A directive whose comment starts on the line at `firstLineStart` and ends on the line before `lastLineNext`. */
  add(directive: Directive, span: Span, firstLineStart: number, lastLineNext: number): void {
    this.directives.push(span);
    for (const unknown of directive.unknown) this.unknownRules.push(unknown);
    const { rules } = directive;
    for (let r = 0; r < this.count; r++) {
      if (!rules[r]) continue;
      switch (directive.keyword) {
        case 'disable':
          if (this.openFrom[r] < 0) this.openFrom[r] = firstLineStart;
          break;
        case 'enable':
          if (this.openFrom[r] >= 0) this.region(r, this.openFrom[r], firstLineStart);
          this.openFrom[r] = -1;
          break;
        case 'disable-line':
          this.region(r, firstLineStart, lastLineNext);
          break;
        case 'disable-next-line':
          this.incoming ??= new Array<boolean>(this.count).fill(false);
          this.incoming[r] = true;
          break;
        case 'disable-file':
          this.wholeFile[r] = true;
          break;
      }
    }
  }

  /** Ends the line before `next`; `content` says whether it has anything but blanks and comments. */
  endLine(next: number, content: boolean): void {
    if (this.pending && content) {
      for (let r = 0; r < this.count; r++) if (this.pending[r]) this.region(r, this.pendingFrom, next);
      this.pending = null;
    }
    if (this.incoming) {
      if (this.pending) for (let r = 0; r < this.count; r++) this.pending[r] ||= this.incoming[r];
      else {
        this.pending = this.incoming;
        this.pendingFrom = next;
      }
      this.incoming = null;
    }
  }

  finish(length: number): Suppressions {
    if (this.directives.length === 0) return NO_SUPPRESSIONS;
    for (let r = 0; r < this.count; r++) if (this.openFrom[r] >= 0) this.region(r, this.openFrom[r], length + 1);
    const starts: number[][] = [];
    const ends: number[][] = [];
    for (let r = 0; r < this.count; r++) {
      // Out of order only when directive kinds mix (an enable closing a region that began before a line region).
      const rs = this.starts[r];
      const re = this.ends[r];
      let order: number[] | null = null;
      if (!this.inOrder[r]) {
        order = new Array<number>(rs.length);
        for (let i = 0; i < rs.length; i++) order[i] = i;
        order.sort((a, b) => rs[a] - rs[b]);
      }
      const s: number[] = [];
      const e: number[] = [];
      let last = -1;
      for (let k = 0; k < rs.length; k++) {
        const i = order ? order[k] : k;
        if (last >= 0 && rs[i] <= e[last]) {
          if (re[i] > e[last]) e[last] = re[i];
        } else {
          s.push(rs[i]);
          e.push(re[i]);
          last++;
        }
      }
      starts.push(s);
      ends.push(e);
    }
    const wholeFile = this.wholeFile.slice();
    const index = this.index;
    return {
      directives: this.directives,
      unknownRules: this.unknownRules,
      isSuppressed(ruleId: RuleId, span: { start: number; end: number }): boolean {
        const r = index.get(ruleId);
        if (r === undefined) return false;
        if (wholeFile[r]) return true;
        const at = span?.start;
        if (typeof at !== 'number' || Number.isNaN(at)) return false;
        const s = starts[r];
        let lo = 0;
        let hi = s.length - 1;
        let found = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (s[mid] <= at) {
            found = mid;
            lo = mid + 1;
          } else hi = mid - 1;
        }
        return found >= 0 && at < ends[r][found];
      },
    };
  }

  private region(r: number, start: number, end: number): void {
    if (end <= start) return;
    const starts = this.starts[r];
    if (starts.length && start < starts[starts.length - 1]) this.inOrder[r] = false;
    starts.push(start);
    this.ends[r].push(end);
  }
}

export const NO_SUPPRESSIONS: Suppressions = Object.freeze({
  directives: [],
  unknownRules: [],
  isSuppressed: () => false,
}) as Suppressions;
