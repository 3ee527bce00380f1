// Stage 5: sources. PLACEHOLDER
import type { Attribution, Source } from './types';
export function resolveSources(prose: string, attributions: Attribution[]): Source[] {
  void prose; void attributions;
  return [];
}
