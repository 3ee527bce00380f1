// The summary's numbers (the core's summarizeAnalysis) in the words the status bar, the language status
// item and the Sources view show them in. Statements inside a repeated passage count once everywhere here.
import {
  countStatements,
  sourceIdentity,
  STANDINGS,
  summarizeAnalysis,
  type Analysis,
  type AnalysisSummary,
  type Message,
  type StatementCounts,
} from '../core';
import { statementsOf } from './analysis-statements';

/** One line of the Sources view's balance: a kind of source, how many, and their share of the statements. */
export interface BalanceRow {
  label: string;
  /** "3 sources · 5 statements (45%)" */
  description: string;
  /** The icon's name (a codicon). */
  icon: string;
}

export interface Summary extends AnalysisSummary {
  counts: StatementCounts;
  /** "5 attributed · 3 unattributed" */
  status: string;
  /** "63% attributed": short enough for a view's title bar and a tree item's label. */
  short: string;
  /** "1 named · 1 anonymous · 0 vague" */
  balanceLine: string;
  /** The whole summary as sentences, for the view's message (which wraps) and tooltips. */
  long: string;
  /** Named, anonymous and vague sources with their statements, then named ones in the registry and not. */
  balance: BalanceRow[];
  /** Named sources (with a counted statement) the sources registry lists, and of those how many are low standing. */
  registered: number;
  lowStanding: number;
  /** single-source's message, when it reported one. */
  singleSourceMessage: Message | undefined;
  /** Boilerplate blocks the boilerplate rule reports (a control comment silences one). */
  boilerplate: number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const percent = (part: number, whole: number): string => `${whole === 0 ? 0 : Math.round((part / whole) * 100)}%`;

/**
 * Summaries made, by analysis and own path. The status item and the Sources view each summarise every
 * published analysis; on a 5 MB document one summary is tens of milliseconds of the host's thread, so
 * the second asks for the first's. A published analysis is never changed, and goes with its document.
 */
const made = new WeakMap<Analysis, Map<string, Summary>>();

/** `ownPath`: the path(s) the document was analysed under, so a copy of another document's passage counts here. */
export function summarize(analysis: Analysis, ownPath?: string | readonly string[]): Summary {
  const key = ownPath === undefined ? '' : typeof ownPath === 'string' ? ownPath : ownPath.join('\n');
  let byPath = made.get(analysis);
  if (!byPath) made.set(analysis, (byPath = new Map()));
  let summary = byPath.get(key);
  if (!summary) byPath.set(key, (summary = summaryOf(analysis, ownPath)));
  return summary;
}

function summaryOf(analysis: Analysis, ownPath?: string | readonly string[]): Summary {
  const counts = countStatements(analysis, ownPath, statementsOf(analysis));
  const numbers = summarizeAnalysis(analysis, ownPath, counts);
  const { attributed, unattributed, named, anonymous, vague, sources, repeated } = numbers;
  const share = `${Math.round(numbers.attributedShare * 100)}%`;
  const singleSourceMessage = analysis.messages.find((m) => m.ruleId === 'single-source');
  const balanceLine = `${named} named · ${anonymous} anonymous · ${vague} vague`;
  const { registered, lowStanding } = registryCounts(analysis, counts);
  return {
    ...numbers,
    counts,
    status: `${attributed} attributed · ${unattributed} unattributed`,
    short: `${share} attributed`,
    balanceLine,
    long: [
      `${share} of claim-like content has a source: ${plural(attributed, 'attributed statement')}, ${plural(unattributed, 'unattributed claim')}.`,
      `${plural(sources, 'source')}: ${named} named, ${anonymous} anonymous, ${vague} vague.`,
      named
        ? `${registered} of ${named} named in the sources registry${lowStanding ? `, ${lowStanding} unverified or discredited` : ''}.`
        : '',
      repeated ? `${plural(repeated, 'statement')} in repeated passages counted once.` : '',
      singleSourceMessage ? `⚠ ${singleSourceMessage.reason}` : '',
    ]
      .filter(Boolean)
      .join(' '),
    balance: balanceRows(analysis, counts),
    registered,
    lowStanding,
    singleSourceMessage,
    boilerplate: analysis.messages.filter((m) => m.ruleId === 'boilerplate').length,
  };
}

function balanceRows(analysis: Analysis, counts: StatementCounts): BalanceRow[] {
  const rows = {
    named: { label: 'Named', icon: 'person', sources: 0, statements: 0 },
    anonymous: { label: 'Anonymous', icon: 'eye-closed', sources: 0, statements: 0 },
    vague: { label: 'Vague', icon: 'circle-large-outline', sources: 0, statements: 0 },
    registered: { label: 'Named, in the registry', icon: 'verified', sources: 0, statements: 0 },
    unregistered: { label: 'Named, not in the registry', icon: 'unverified', sources: 0, statements: 0 },
  };
  analysis.sources.forEach((source, i) => {
    if (counts.statements[i] === 0) return;
    const identity = sourceIdentity(source);
    for (const row of [
      rows[identity],
      ...(identity === 'named' ? [source.registered ? rows.registered : rows.unregistered] : []),
    ]) {
      row.sources++;
      row.statements += counts.statements[i];
    }
  });
  return Object.values(rows).map((row) => ({
    label: row.label,
    description: `${plural(row.sources, 'source')} · ${plural(row.statements, 'statement')} (${percent(row.statements, counts.attributed)})`,
    icon: row.icon,
  }));
}

function registryCounts(analysis: Analysis, counts: StatementCounts): { registered: number; lowStanding: number } {
  let registered = 0;
  let lowStanding = 0;
  analysis.sources.forEach((source, i) => {
    if (counts.statements[i] === 0 || !source.registered || sourceIdentity(source) !== 'named') return;
    registered++;
    if (STANDINGS.find((s) => s.id === source.registered!.standing)?.low) lowStanding++;
  });
  return { registered, lowStanding };
}

/**
 * The paths a document may have been analysed under: its URI's path (an open document) or the whole URI
 * (Analyze Workspace), which its duplicates' `of.path` name when they repeat the document itself.
 */
export function ownPaths(uri: { path: string; toString(): string }): string[] {
  return [uri.path, uri.toString()];
}
