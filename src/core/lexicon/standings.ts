// The sources registry's standing scale (standings.json): ids, what each means, and which are low.
import data from './standings.json';
import type { Standing } from '../types';

export interface StandingInfo {
  id: Standing;
  /** Whether a statement credited to such a source is flagged (low-standing-source). */
  low: boolean;
  description: string;
}

export const STANDINGS: readonly StandingInfo[] = data.standings as StandingInfo[];

const BY_ID: ReadonlyMap<string, StandingInfo> = new Map(STANDINGS.map((s) => [s.id, s]));

export function standingInfo(id: string): StandingInfo | undefined {
  return BY_ID.get(id);
}
