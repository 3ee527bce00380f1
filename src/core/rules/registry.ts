// Every rule the core reports: id, default severity, and where it is documented. Adapters read this
// table for diagnostic codes and "learn more" links, so a rule is described once.
import type { MessageSeverity, RuleId } from '../types';

/** README sections, one per rule (the anchors are the README's `### rule-id` headings). */
export const RULE_DOCS_BASE = 'https://github.com/source-lens/source-lens/blob/main/README.md#';

export interface RuleInfo {
  id: RuleId;
  severity: MessageSeverity;
  summary: string;
}

export const RULES: Record<RuleId, RuleInfo> = {
  'unattributed-claim': { id: 'unattributed-claim', severity: 'info', summary: 'A check-worthy statement that no source is given for.' },
  'duplicate-passage': { id: 'duplicate-passage', severity: 'warning', summary: 'A passage that repeats an earlier one.' },
  boilerplate: { id: 'boilerplate', severity: 'hint', summary: 'Site furniture: comment policy, newsletter or cookie notice, share prompt, copyright line.' },
  'unbalanced-quote': { id: 'unbalanced-quote', severity: 'warning', summary: 'A quotation mark that is never closed, or closes nothing.' },
  'anonymous-source': { id: 'anonymous-source', severity: 'info', summary: 'A statement attributed to an unnamed source.' },
  'unknown-speaker': { id: 'unknown-speaker', severity: 'info', summary: 'A quotation with no identifiable speaker.' },
  'unknown-rule': { id: 'unknown-rule', severity: 'warning', summary: 'A control comment names a rule Source Lens does not have; the name is ignored.' },
  'input-too-large': { id: 'input-too-large', severity: 'warning', summary: 'The document is over the size cap and was not analysed.' },
  'internal-error': { id: 'internal-error', severity: 'error', summary: 'Source Lens failed on this document; please report it.' },
};

export function ruleUrl(id: RuleId): string {
  return RULE_DOCS_BASE + id;
}
