// Stage 4: attribution. PLACEHOLDER
import type { Attribution, Block, Quote, Sentence } from './types';
export function findAttributions(prose: string, blocks: Block[], sentences: Sentence[], quotes: Quote[]): Attribution[] {
  void prose; void blocks; void sentences; void quotes;
  return [];
}
