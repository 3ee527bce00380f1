// Stage 3: quotes. PLACEHOLDER
import type { Block, Quote, Span } from './types';
export interface QuoteScan { quotes: Quote[]; unbalanced: Span[] }
export function findQuotes(prose: string, blocks: Block[]): QuoteScan {
  void prose; void blocks;
  return { quotes: [], unbalanced: [] };
}
