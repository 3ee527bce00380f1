// The corrections' edits (README "Corrections"): the line that tells the analysis a statement's speaker,
// that it is not a statement, that its source is anonymous, or whom an unattributed claim is from. The
// line goes before the statement's paragraph (structure/correction-edit.ts) and names the statement by
// its first words, which is what the corrections stage binds it by.
import { correctionEdit, type InsertEdit } from '../structure';
import type { Analysis, CorrectionKind, DocumentFormat, Span } from '../types';

/** Where the paragraph holding `offset` starts when the analysis has no blocks: after the last blank line before it. */
function paragraphStart(text: string, offset: number): number {
  const before = text.slice(0, offset);
  const blank = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/g;
  let start = 0;
  for (let m = blank.exec(before); m; m = blank.exec(before)) start = m.index + m[0].length;
  return start;
}

/** A statement by its index in `analysis.attributions`, or a claim (or any sentence's words) by its span. */
export type CorrectionTarget = { attribution: number } | { claim: Span };

/**
 * The insert that writes `kind` (with `name` for `speaker` and `attribute-to`) for `target`. An empty insert
 * when the target is not in the analysis or the correction would not read back. Never throws.
 */
export function correctionInsert(
  text: string,
  analysis: Analysis,
  target: CorrectionTarget,
  kind: CorrectionKind,
  name?: string,
  marker?: string,
): InsertEdit {
  try {
    const span =
      'attribution' in target ? analysis.attributions[target.attribution]?.content[0] : (target.claim ?? undefined);
    if (!span || !(span.start >= 0 && span.end <= text.length && span.start < span.end))
      return { offset: 0, insert: '' };
    const block = analysis.blocks.find((b) => b.start <= span.start && span.start < b.end);
    return correctionEdit(
      text,
      analysis.format as DocumentFormat,
      block ? block.start : paragraphStart(text, span.start),
      {
        kind,
        anchorText: text.slice(span.start, span.end),
        name,
        marker,
      },
    );
  } catch {
    return { offset: 0, insert: '' };
  }
}
