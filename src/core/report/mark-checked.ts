// The "Mark as checked" quick fix's edit: a `disable-next-line` control comment for a finding, for the
// rules a control comment can silence (the registry's); any other rule gives an empty insert.
import { SUPPRESSIBLE_RULES } from '../rules';
import { disableNextLineEdit, type InsertEdit } from '../structure';
import type { DocumentFormat, RuleId, Span } from '../types';

/** See structure/mark-checked.ts for where the comment goes. `marker` is the plain-text marker. Never throws. */
export function markCheckedEdit(
  text: string,
  format: DocumentFormat,
  ruleId: RuleId,
  span: Span,
  marker?: string,
): InsertEdit {
  return disableNextLineEdit(text, format, ruleId, span, { rules: SUPPRESSIBLE_RULES, marker });
}
