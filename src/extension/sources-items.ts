// How each node of the Sources view looks: label, description, icon, tooltip and the command a click
// runs. The view (sources-view.ts) decides which nodes there are; this only draws them.
import * as vscode from 'vscode';
import { sourceIdentity, STANDINGS, type Analysis, type Source, type Span, type Standing } from '../core';
import type { AnalysisResult } from './document-analyzer';
import { SET_BY_EDITOR } from './hover-text';
import { positionsFor } from './positions';
import type { Summary } from './summary';
import { statementsOf } from './analysis-statements';

/** The view's nodes: which there are is sources-view.ts's choice. */
export type FindingGroup = 'claims' | 'duplicates' | 'boilerplate';
export type SourcesNode =
  | { kind: 'summary' }
  | { kind: 'balance'; row: number }
  | { kind: 'singleSource' }
  | { kind: 'source'; source: number }
  | { kind: 'repeats'; source: number }
  | { kind: 'statement'; attribution: number; showSource: boolean }
  | { kind: 'group'; group: FindingGroup | 'unsourced' }
  | { kind: 'finding'; group: FindingGroup; index: number };

/** What the items are drawn from: the result shown and its summary. */
export interface ViewState {
  result: AnalysisResult;
  summary: Summary;
}

const TYPE_ICON: Record<string, string> = {
  person: 'person',
  organization: 'organization',
  anonymous: 'eye-closed',
  document: 'file-text',
  unknown: 'question',
};
const GROUP_LABEL = {
  claims: 'Unattributed claims',
  duplicates: 'Duplicated passages',
  boilerplate: 'Boilerplate',
  unsourced: 'No identifiable source',
};
const GROUP_ICON = { claims: 'question', duplicates: 'copy', boilerplate: 'trash', unsourced: 'circle-slash' };

/** A registered source's icon says its standing; the low ones in the editor's warning and error colours. */
const STANDING_ICON: Record<Standing, [string, string?]> = {
  official: ['verified-filled', 'charts.green'],
  expert: ['mortar-board', 'charts.green'],
  eyewitness: ['eye', 'charts.blue'],
  partisan: ['megaphone', 'charts.yellow'],
  unverified: ['question', 'editorWarning.foreground'],
  discredited: ['error', 'errorForeground'],
};

function standingIcon(standing: Standing): vscode.ThemeIcon {
  const [icon, colour] = STANDING_ICON[standing];
  return new vscode.ThemeIcon(icon, colour ? new vscode.ThemeColor(colour) : undefined);
}

/** The tooltip's lines from the registry: the standing and what it means, the team's note and link. */
function registryLines(source: Source): string[] {
  if (!source.registered) return sourceIdentity(source) === 'named' ? ['Not in the sources registry'] : [];
  const { standing, note, url, name } = source.registered;
  const meaning = STANDINGS.find((s) => s.id === standing)?.description ?? '';
  return [`Standing: ${standing} (registry entry “${name}”): ${meaning}`, note ?? '', url ?? ''];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function treeItemFor(node: SourcesNode, { result, summary }: ViewState): vscode.TreeItem {
  const { analysis, text } = result;
  const places = positionsFor(result);
  const line = (span: Span): string => `line ${places.position(span.start).line + 1}`;
  const excerpt = (span: Span): string => firstWords(text.slice(span.start, span.end));
  const reveal = (span: Span): vscode.Command => ({
    command: 'sourceLens.reveal',
    title: 'Reveal',
    arguments: [result.uri, { start: span.start, end: span.end }],
  });
  switch (node.kind) {
    case 'summary': {
      // Short label (a label cannot wrap); the whole summary is the view's message and this tooltip.
      const item = new vscode.TreeItem(summary.short, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = summary.balanceLine;
      item.tooltip = summary.long;
      item.iconPath = new vscode.ThemeIcon('graph');
      return item;
    }
    case 'balance': {
      const row = summary.balance[node.row];
      const item = new vscode.TreeItem(row.label);
      item.description = row.description;
      item.iconPath = new vscode.ThemeIcon(row.icon);
      return item;
    }
    case 'singleSource': {
      const message = summary.singleSourceMessage!;
      const item = new vscode.TreeItem('One source carries the article');
      item.description = text.slice(message.start, message.end);
      item.tooltip = message.reason;
      item.iconPath = new vscode.ThemeIcon('warning');
      item.command = reveal(message);
      return item;
    }
    case 'source': {
      const source = analysis.sources[node.source];
      const item = new vscode.TreeItem(source.name, vscode.TreeItemCollapsibleState.Expanded);
      const { statements, quotes, attributed } = summary.counts;
      const count = statements[node.source];
      const share = attributed ? Math.round((count / attributed) * 100) : 0;
      const named = sourceIdentity(source) === 'named';
      const standing = source.registered?.standing ?? (named ? 'not in registry' : '');
      item.description = [
        standing,
        plural(count, 'statement'),
        `${share}%`,
        plural(quotes[node.source], 'quote'),
        source.type,
      ]
        .filter(Boolean)
        .join(' · ');
      item.tooltip = [
        source.name,
        ...registryLines(source),
        `${plural(count, 'statement')} (${share}% of the attributed), ${plural(quotes[node.source], 'direct quote')}`,
        source.attributions.length > count ? `${source.attributions.length - count} more in repeated passages` : '',
        source.aliases.length ? `Also: ${source.aliases.join(', ')}` : '',
        source.channels.length ? `Via: ${source.channels.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('\n');
      item.iconPath = source.registered
        ? standingIcon(source.registered.standing)
        : new vscode.ThemeIcon(TYPE_ICON[source.type] ?? 'question');
      // Only a named source not yet registered offers "Add Source to Registry" (package.json's view/item/context).
      item.contextValue = named && !source.registered ? 'source.unregistered' : 'source';
      return item;
    }
    case 'repeats': {
      const { repeatIn } = summary.counts;
      const repeats = analysis.sources[node.source].attributions.filter((a) => repeatIn[a] !== undefined).length;
      const item = new vscode.TreeItem('Repeated passages', vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${repeats} · not counted`;
      item.tooltip = 'Statements inside a passage that repeats an earlier one: the same statements again.';
      item.iconPath = new vscode.ThemeIcon('copy');
      return item;
    }
    case 'statement': {
      const attribution = statementsOf(analysis).at(node.attribution);
      const first = attribution.content[0];
      const repeat = summary.counts.repeatIn[node.attribution];
      const item = new vscode.TreeItem(excerpt(first));
      const who =
        node.showSource && attribution.source !== null ? `${analysis.sources[attribution.source].name} · ` : '';
      const repeatOf = repeat ? `repeat of ${line(repeat.of)}, not counted · ` : '';
      const editor = attribution.setByEditor ? `${SET_BY_EDITOR[attribution.setByEditor]} · ` : '';
      item.description = `${who}${editor}${repeatOf}${attribution.kind} · ${line(first)}`;
      item.tooltip =
        text.slice(first.start, first.end) + (editor ? `\n(${SET_BY_EDITOR[attribution.setByEditor!]})` : '');
      item.iconPath = new vscode.ThemeIcon(repeat ? 'copy' : attribution.kind === 'indirect' ? 'comment' : 'quote');
      item.command = reveal(first);
      item.contextValue = 'statement';
      return item;
    }
    case 'group': {
      const count =
        node.group === 'unsourced' ? unsourced(analysis).length : findingIndices(analysis, node.group).length;
      const item = new vscode.TreeItem(
        GROUP_LABEL[node.group],
        node.group === 'boilerplate'
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded,
      );
      item.description = String(count);
      item.iconPath = new vscode.ThemeIcon(GROUP_ICON[node.group]);
      return item;
    }
    case 'finding': {
      const span = analysis[node.group][node.index];
      const item = new vscode.TreeItem(excerpt(span));
      item.description = line(span);
      item.tooltip = text.slice(span.start, Math.min(span.end, span.start + 500));
      item.command = reveal(span);
      return item;
    }
  }
}

/** The findings a group lists, by index: claims with evidence (a link, a footnote) are not unattributed. */
export function findingIndices(analysis: Analysis, group: FindingGroup): number[] {
  if (group === 'claims') return analysis.claims.flatMap((claim, i) => (claim.evidence ? [] : [i]));
  return analysis[group].map((_, i) => i);
}

/** Statements with no identifiable source, by index. */
export function unsourced(analysis: Analysis): number[] {
  const statements = statementsOf(analysis);
  const indices: number[] = [];
  for (let i = 0; i < statements.length; i++) if (statements.source(i) === null) indices.push(i);
  return indices;
}

function firstWords(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
