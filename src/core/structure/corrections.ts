// Corrections: what an editor says the analysis got wrong, kept in the text beside the control comments
// (control-comments.ts) and in the same grammar family.
//
//   Markdown    <!-- source-lens-speaker "ANCHOR" NAME -->          the statement is NAME's
//               <!-- source-lens-not-a-statement "ANCHOR" -->       nobody is speaking here
//               <!-- source-lens-anonymous "ANCHOR" -->             the statement's source is anonymous
//               <!-- source-lens-attribute-to "ANCHOR" NAME -->     the (unattributed) sentence is NAME's
//   Plain text  a line `source-lens: speaker "ANCHOR" NAME` (the marker is configurable), same keywords.
//
// Each one stands on a line of its own and binds to ONE statement: the one in the paragraph after it
// whose words start with ANCHOR (the first words of what was said; for attribute-to, words of the
// sentence). The paragraph keeps a correction from wandering to another part of the story; the anchor
// tells two statements of one paragraph apart and lets the rest of the paragraph be edited. Anchors are
// compared by their letters and digits only, so quotation marks, apostrophes, case and spacing never
// matter. Binding is the corrections stage's work (../corrections); this reads the text only.
//
// A comment or line that starts like a correction but cannot be read (no quoted anchor, no name where one
// is needed) is kept as a problem, reported by the `unapplied-correction` rule. Nothing here throws.
import { normalizeMarker, scanMarkdown, MARKDOWN_PREFIX } from './control-comments';
import { isIndentCode, isSpaceCode, linePrefix, Lines } from './markdown-lines';
import { Builder } from './suppression-regions';
import type { CorrectionKind, DocumentFormat, Span } from '../types';

export const CORRECTION_KINDS: readonly CorrectionKind[] = ['speaker', 'not-a-statement', 'anonymous', 'attribute-to'];

/** The corrections that take a name after the anchor. */
export const NAMED_CORRECTIONS: ReadonlySet<CorrectionKind> = new Set<CorrectionKind>(['speaker', 'attribute-to']);

/** One correction as written; its span is the whole comment (Markdown) or line (plain text), for blanking. */
export interface Correction extends Span {
  kind: CorrectionKind;
  /** The quoted first words of the statement, as written. */
  anchor: string;
  /** The source's name for `speaker` and `attribute-to`; '' for the others. */
  name: string;
}

/** A correction that cannot be read: where it is, and why. */
export interface CorrectionProblem extends Span {
  reason: string;
}

export interface Corrections {
  list: Correction[];
  problems: CorrectionProblem[];
}

export const NO_CORRECTIONS: Corrections = { list: [], problems: [] };

const NO_RULES = new Map<string, number>();

/** Reads the corrections of a document. Never throws: any input gives a (possibly empty) result. */
export function parseCorrections(text: string, format: DocumentFormat, marker?: string): Corrections {
  if (typeof text !== 'string' || !text.includes(format === 'markdown' ? MARKDOWN_PREFIX : normalizeMarker(marker)))
    return NO_CORRECTIONS;
  try {
    const found: Corrections = { list: [], problems: [] };
    if (format === 'markdown') {
      // The control comments' scan knows fenced code and multi-line comments: a correction counts only
      // where a comment would.
      scanMarkdown(text, new Builder(NO_RULES), (line) => {
        if (!line.code && line.commentAt < 0) readMarkdownLine(text, line.start, line.end, found);
        return false;
      });
    } else {
      const prefix = normalizeMarker(marker);
      const lines = new Lines(text);
      while (lines.advance()) readPlainLine(text, lines.start, lines.end, prefix, found);
    }
    return found;
  } catch {
    return NO_CORRECTIONS;
  }
}

function readMarkdownLine(text: string, start: number, end: number, found: Corrections): void {
  const at = linePrefix(text, start, end);
  if (!text.startsWith('<!--', at)) return;
  let i = at + 4;
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  if (!text.startsWith(MARKDOWN_PREFIX, i)) return;
  const close = text.indexOf('-->', i);
  if (close < 0 || close >= end) return;
  let after = close + 3;
  while (after < end && isSpaceCode(text.charCodeAt(after))) after++;
  if (after < end) return; // not on a line of its own
  read(text.slice(i + MARKDOWN_PREFIX.length, close), { start: at, end: close + 3 }, found);
}

function readPlainLine(text: string, start: number, end: number, marker: string, found: Corrections): void {
  let i = start;
  while (i < end && isIndentCode(text.charCodeAt(i))) i++;
  if (!text.startsWith(marker, i)) return;
  let e = end;
  while (e > i && isSpaceCode(text.charCodeAt(e - 1))) e--;
  read(text.slice(i + marker.length, e).trimStart(), { start: i, end: e }, found);
}

/** Reads `keyword "anchor" [name]`; anything that is not a correction keyword is left alone (a control comment). */
function read(body: string, span: Span, found: Corrections): void {
  const keyword = /^[a-z-]+/.exec(body)?.[0] ?? '';
  if (!(CORRECTION_KINDS as readonly string[]).includes(keyword)) return;
  const kind = keyword as CorrectionKind;
  const rest = body.slice(keyword.length);
  const quoted = /^\s+"([^"]*)"\s*(.*)$/s.exec(rest);
  const anchor = quoted ? quoted[1].replace(/\s+/g, ' ').trim() : '';
  const name = quoted ? quoted[2].replace(/\s+/g, ' ').trim() : '';
  if (!quoted || !anchorKey(anchor)) {
    found.problems.push({
      ...span,
      reason: `This “${kind}” correction needs the first words of its statement in straight double quotes: ${example(kind)}.`,
    });
  } else if (NAMED_CORRECTIONS.has(kind) && !name) {
    found.problems.push({ ...span, reason: `This “${kind}” correction names no source: ${example(kind)}.` });
  } else found.list.push({ ...span, kind, anchor, name: NAMED_CORRECTIONS.has(kind) ? name : '' });
}

function example(kind: CorrectionKind): string {
  return `${kind} "first words of the statement"${NAMED_CORRECTIONS.has(kind) ? ' Maria Delgado' : ''}`;
}

/** What anchors and statements are compared by: letters and digits, lower case, one space between words. */
export function anchorKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
