// Stage 1, structure: the prose blocks of a document and its prose view (markup blanked, offsets kept),
// and the control comments that silence findings (read here, first; applied by the rules stage, last), and
// the editor's corrections (read here; applied by the corrections stage, after sources).
export { formatFor, parseStructure, type Structure } from './parse-structure';
export { MAX_CONTAINER_DEPTH, markdownParseRisk, type MarkdownParseRisk } from './markdown-prescan';
export type { MarkupLinks } from './markup-links';
export type { MarkdownParseMemo } from './markdown-reparse';
export {
  blankDirectives,
  DEFAULT_PLAIN_TEXT_MARKER,
  parseSuppressions,
  type ControlCommentOptions,
} from './control-comments';
export { disableNextLineEdit, type InsertEdit } from './mark-checked';
export {
  anchorKey,
  NO_CORRECTIONS,
  parseCorrections,
  type Correction,
  type CorrectionProblem,
  type Corrections,
} from './corrections';
export { correctionEdit, type CorrectionEditOptions } from './correction-edit';
export type { Suppressions, UnknownRule } from './suppression-regions';
