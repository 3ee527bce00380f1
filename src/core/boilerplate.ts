// Stage 8: boilerplate. PLACEHOLDER — being written (phrase rules, jusText-style features, recurrence).
import type { Block, Boilerplate } from './types';

/** Blocks of one document that are boilerplate; `recurring` holds keys (see `blockKey`) seen across a corpus. */
export function detectBoilerplate(text: string, blocks: Block[], recurring?: ReadonlySet<string>): Boilerplate[] {
  void text; void blocks; void recurring;
  return [];
}

/** Normalised key of a block's text, for recurrence across documents. */
export function blockKey(blockText: string): string {
  return blockText.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Keys of blocks that occur in at least `minDocuments` different documents. */
export function recurringBlockKeys(documents: { text: string; blocks: Block[] }[], minDocuments: number): Set<string> {
  void documents; void minDocuments;
  return new Set();
}
