// Stage 5½, corrections: the editor's corrections in the text (structure stage) applied to the statements
// and their sources, so every later stage and every report sees the corrected analysis.
export { applyCorrections, type CorrectedStatements, type UnappliedCorrection } from './apply-corrections';
