// The edit that writes one correction (corrections.ts) into the text: a line of its own just before the
// paragraph the statement is in, keeping that line's indentation, block-quote markers and line ending.
// A comment line before a paragraph's first line never joins it (after a blank line, a heading or another
// comment), so the document renders as before; before a list item it starts a new list that renders the
// same (as "Mark as checked" does, mark-checked.ts).
import { MARKDOWN_PREFIX, normalizeMarker } from './control-comments';
import { NAMED_CORRECTIONS } from './corrections';
import { isIndentCode, linePrefix } from './markdown-lines';
import type { InsertEdit } from './mark-checked';
import type { CorrectionKind, DocumentFormat } from '../types';

/** At most this many words of the statement make its anchor: enough to tell two statements apart. */
const ANCHOR_WORDS = 6;
const ANCHOR_CHARACTERS = 60;

export interface CorrectionEditOptions {
  kind: CorrectionKind;
  /** The statement's first words (its first content piece) or the claim's text; its start is the anchor. */
  anchorText: string;
  /** The source's name, for `speaker` and `attribute-to`. */
  name?: string;
  /** The plain-text marker (`sourceLens.plainTextMarker`). */
  marker?: string;
}

/**
 * The insert that writes a correction before the paragraph starting at `paragraphStart`. An empty insert
 * when the correction would not read back (no words to anchor on, no name where one is needed). Never throws.
 */
export function correctionEdit(
  text: string,
  format: DocumentFormat,
  paragraphStart: number,
  options: CorrectionEditOptions,
): InsertEdit {
  try {
    const length = text.length;
    const raw = Number(paragraphStart);
    const target = Number.isFinite(raw) ? Math.min(Math.max(Math.floor(raw), 0), length) : 0;
    let lineStart = target;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
    if (lineStart === 0 && text.charCodeAt(0) === 0xfeff) lineStart = 1;
    const anchor = anchorOf(String(options.anchorText ?? ''));
    const name = cleanName(options.name);
    const kind = options.kind;
    if (!anchor || (NAMED_CORRECTIONS.has(kind) && !name)) return { offset: lineStart, insert: '' };
    let lineEnd = lineStart;
    while (lineEnd < length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const eol = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? '\r\n' : text[lineEnd] || '\n';
    const body = `${kind} "${anchor}"${NAMED_CORRECTIONS.has(kind) ? ` ${name}` : ''}`;
    if (format === 'markdown') {
      const prefix = text.slice(lineStart, linePrefix(text, lineStart, lineEnd));
      return { offset: lineStart, insert: `${prefix}<!-- ${MARKDOWN_PREFIX}${body} -->${eol}` };
    }
    let indent = lineStart;
    while (indent < lineEnd && isIndentCode(text.charCodeAt(indent))) indent++;
    const marker = normalizeMarker(options.marker);
    return { offset: lineStart, insert: `${text.slice(lineStart, indent)}${marker} ${body}${eol}` };
  } catch {
    return { offset: 0, insert: '' };
  }
}

/**
 * The statement's first words, as written but safe inside the annotation: no double quote (it ends the
 * anchor), no `--` (it could end an HTML comment), one line.
 */
export function anchorOf(text: string): string {
  const words = text
    .replace(/"/g, ' ')
    .replace(/-{2,}/g, ' ')
    .replace(/>/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  let anchor = '';
  for (const word of words.slice(0, ANCHOR_WORDS)) {
    const next = anchor ? `${anchor} ${word}` : word;
    if (anchor && next.length > ANCHOR_CHARACTERS) break;
    anchor = next;
  }
  // Quotation marks and punctuation around it mean nothing to the match, and read badly in the line.
  return anchor.slice(0, ANCHOR_CHARACTERS * 2).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** A name as one line with nothing that ends the comment. */
function cleanName(name: unknown): string {
  return typeof name === 'string'
    ? name
        .replace(/-{2,}|>|"/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : '';
}
