// The `sourceLens.*` settings, read with their defaults and checked, in one typed object.
import * as vscode from 'vscode';
import { DEFAULT_SINGLE_SOURCE, type RuleId, type SingleSourceOptions } from '../core';
import { DEFAULT_DEADLINE_MS } from './analysis-client';
import { readClaimMark, type ClaimMark } from './doubled-underlines';
import { SEVERITY_SETTINGS, type SeveritySetting } from './severity-settings';

export type { SeveritySetting } from './severity-settings';

export interface Settings {
  languages: string[];
  debounceMs: number;
  maxFileSizeKB: number;
  highlights: boolean;
  /** Keep the squiggle under information-level findings a highlight already marks (doubled-underlines.ts). */
  /** `sourceLens.claims.mark`: how an unattributed claim is marked (doubled-underlines.ts says why). */
  claimMark: ClaimMark;
  /** `sourceLens.analysisTimeoutMs`: past it the worker is ended and the last results stay. */
  analysisTimeoutMs: number;
  claimThreshold: number;
  /** single-source's thresholds (sourceLens.singleSource.share, .minStatements). */
  singleSource: SingleSourceOptions;
  severity: Partial<Record<RuleId, SeveritySetting>>;
  /** Most diagnostics per document (sourceLens.maxProblems), the notice counting the rest included. */
  maxProblems: number;
  plainTextMarker: string;
  grouping: 'source' | 'document';
  include: string;
  exclude: string;
}

const SEVERITIES = new Set<SeveritySetting>(SEVERITY_SETTINGS);

export function readSettings(scope?: vscode.Uri): Settings {
  const config = vscode.workspace.getConfiguration('sourceLens', scope);
  // Window-scoped settings are read without a resource (VS Code warns otherwise).
  const windowConfig = vscode.workspace.getConfiguration('sourceLens');
  const number = (key: string, fallback: number, min: number, max: number): number => {
    const value = config.get<number>(key, fallback);
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
  };
  const severity: Settings['severity'] = {};
  for (const [rule, value] of Object.entries(config.get<Record<string, string>>('severity', {}) ?? {})) {
    if (SEVERITIES.has(value as SeveritySetting)) severity[rule as RuleId] = value as SeveritySetting;
  }
  const languages = config.get<unknown>('languages');
  return {
    languages: Array.isArray(languages)
      ? languages.filter((l): l is string => typeof l === 'string')
      : ['markdown', 'plaintext'],
    debounceMs: number('debounceMs', 300, 0, 5000),
    maxFileSizeKB: number('maxFileSizeKB', 5120, 1, 1024 * 1024),
    analysisTimeoutMs: number('analysisTimeoutMs', DEFAULT_DEADLINE_MS, 500, 120_000),
    highlights: windowConfig.get<boolean>('highlights.enabled', true) !== false,
    claimMark: readClaimMark(config.get<string>('claims.mark')),
    claimThreshold: number('claims.threshold', 0.5, 0, 1),
    singleSource: {
      share: number('singleSource.share', DEFAULT_SINGLE_SOURCE.share, 0, 1),
      minStatements: Math.floor(number('singleSource.minStatements', DEFAULT_SINGLE_SOURCE.minStatements, 1, 1e6)),
    },
    severity,
    // VS Code shows at most 1000 diagnostics per document in any case (see diagnostics.ts).
    maxProblems: Math.floor(number('maxProblems', 1000, 1, 1000)),
    plainTextMarker: config.get<string>('plainTextMarker', 'source-lens:') || 'source-lens:',
    grouping: windowConfig.get<string>('sources.grouping') === 'document' ? 'document' : 'source',
    include: config.get<string>('workspace.include', '**/*.{md,markdown,txt}'),
    exclude: config.get<string>('workspace.exclude', '**/{node_modules,.git,.vscode-test,dist,out}/**'),
  };
}
