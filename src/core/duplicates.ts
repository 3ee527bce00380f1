// Stage 7: duplicated passages. PLACEHOLDER — being written (MinHash over character 5-gram shingles).
import type { Block, Duplicate } from './types';

export interface DuplicateInput {
  path: string;
  text: string;
  blocks: Block[];
  /** Blocks not to compare (e.g. boilerplate), by block index. */
  skip?: ReadonlySet<number>;
}

/** For each input document, the passages that repeat an earlier passage (in it or an earlier document). */
export function findDuplicates(documents: DuplicateInput[]): Duplicate[][] {
  return documents.map(() => []);
}
