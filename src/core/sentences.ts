// Stage 2: sentences. PLACEHOLDER
import type { Block, Sentence } from './types';
export function splitSentences(_prose: string, blocks: Block[]): Sentence[] {
  return blocks.map((b, index) => ({ index, block: b.index, start: b.start, end: b.end }));
}
