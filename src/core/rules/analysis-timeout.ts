// The analysis ran past its deadline and was stopped (the editor's worker, or a per-file deadline): one
// message on the document's first character, saying the size, the deadline and what to change. The core
// never stops itself; the adapter that keeps the deadline asks for this message (`timedOutAnalysis`).
import { defineRule } from './rule';

export const analysisTimeout = defineRule({
  id: 'analysis-timeout',
  severity: 'warning',
  suppressible: false,
  anchor: 'analysis-timeout',
  summary: 'The analysis took longer than its deadline and was stopped.',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ text, timedOut }, report) {
    if (timedOut === undefined) return;
    report(
      { start: 0, end: Math.min(text.length, 1) },
      `Analysing this document (${text.length} characters, ${kilobytes(text.length)}) took longer than ` +
        `${seconds(timedOut.deadlineMs)} and was stopped${timedOut.kept ? '; the findings shown are from the last analysis that finished' : ''}. ` +
        `Split the document, or raise ${timedOut.setting}.`,
    );
  },
});

function kilobytes(length: number): string {
  return `${Math.max(1, Math.round(length / 1024))} KB`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
