// Stage 1, structure: the prose blocks of a document and its prose view (markup blanked, offsets kept),
// and the control comments that silence findings (read first, applied to the messages last).
export { formatFor, parseStructure, type Structure } from './parse-structure';
export { applySuppressions, blankDirectives, markCheckedEdit, parseSuppressions, SUPPRESSIBLE_RULES, type Suppressions, type UnknownRule } from './suppressions';
