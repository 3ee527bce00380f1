// The Sources sidebar: each source with its statements, unattributed claims, duplicates and
// boilerplate, for the active document. Clicking a statement reveals and selects it.
import * as vscode from 'vscode';
import type { Analysis, Span } from '../core';
import type { AnalysisResult, DocumentAnalyzer } from './document-analyzer';
import { positionsFor } from './positions';
import { readSettings } from './settings';
import { summarize } from './summary';

export type SourcesNode =
  | { kind: 'summary'; label: string; detail: string; warning: boolean }
  | { kind: 'source'; source: number }
  | { kind: 'statement'; attribution: number; showSource: boolean }
  | { kind: 'group'; group: 'claims' | 'duplicates' | 'boilerplate' | 'unsourced' }
  | { kind: 'finding'; group: 'claims' | 'duplicates' | 'boilerplate'; index: number };

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

export class SourcesView implements vscode.TreeDataProvider<SourcesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SourcesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<SourcesNode>;
  private readonly subscriptions: vscode.Disposable[];
  private uri: vscode.Uri | undefined;

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.view = vscode.window.createTreeView('sourceLens.sources', { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      this.view,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      analyzer.onDidAnalyze(({ uri }) => {
        if (!this.uri || uri.toString() === this.uri.toString()) this.follow(vscode.window.activeTextEditor);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sourceLens.sources.grouping')) this.refresh();
      }),
    ];
    this.follow(vscode.window.activeTextEditor);
  }

  /** The document the view shows (the active editor's, or the last one Source Lens handled). */
  get documentUri(): vscode.Uri | undefined {
    return this.uri;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (editor && this.analyzer.handles(editor.document)) this.uri = editor.document.uri;
    this.refresh();
  }

  refresh(): void {
    const result = this.result();
    const summary = result ? summarize(result.analysis) : undefined;
    this.view.description = summary?.short ?? '';
    this.view.message = result ? undefined : 'Open a Markdown or plain-text article to see its sources.';
    void vscode.commands.executeCommand('setContext', 'sourceLens.grouping', readSettings().grouping);
    this.changed.fire(undefined);
  }

  private result(): AnalysisResult | undefined {
    return this.uri ? this.analyzer.resultFor(this.uri) : undefined;
  }

  getChildren(node?: SourcesNode): SourcesNode[] {
    const result = this.result();
    if (!result) return [];
    const { analysis } = result;
    if (!node) return this.roots(analysis);
    if (node.kind === 'source')
      return analysis.sources[node.source].attributions.map((a) => ({
        kind: 'statement',
        attribution: a,
        showSource: false,
      }));
    if (node.kind === 'group') {
      if (node.group === 'unsourced')
        return unsourced(analysis).map((a) => ({ kind: 'statement', attribution: a, showSource: false }));
      return analysis[node.group].map((_, index) => ({ kind: 'finding', group: node.group as 'claims', index }));
    }
    return [];
  }

  private roots(analysis: Analysis): SourcesNode[] {
    const summary = summarize(analysis);
    const roots: SourcesNode[] = [
      { kind: 'summary', label: summary.short, detail: summary.long, warning: summary.singleSource },
    ];
    if (readSettings().grouping === 'document') {
      roots.push(
        ...analysis.attributions.map((_, attribution) => ({
          kind: 'statement' as const,
          attribution,
          showSource: true,
        })),
      );
    } else {
      roots.push(...analysis.sources.map((_, source) => ({ kind: 'source' as const, source })));
      if (unsourced(analysis).length) roots.push({ kind: 'group', group: 'unsourced' });
    }
    for (const group of ['claims', 'duplicates', 'boilerplate'] as const)
      if (analysis[group].length) roots.push({ kind: 'group', group });
    return roots;
  }

  getTreeItem(node: SourcesNode): vscode.TreeItem {
    const result = this.result()!;
    const { analysis, text } = result;
    const places = positionsFor(result);
    const line = (span: Span): string => `line ${places.position(span.start).line + 1}`;
    const excerpt = (span: Span): string => firstWords(text.slice(span.start, span.end));
    switch (node.kind) {
      case 'summary': {
        const item = new vscode.TreeItem(node.label);
        item.description = node.warning ? 'one source carries every statement' : undefined;
        item.tooltip = node.detail;
        item.iconPath = new vscode.ThemeIcon(node.warning ? 'warning' : 'graph');
        return item;
      }
      case 'source': {
        const source = analysis.sources[node.source];
        const item = new vscode.TreeItem(source.name, vscode.TreeItemCollapsibleState.Expanded);
        const count = source.attributions.length;
        item.description = `${count} statement${count === 1 ? '' : 's'} · ${source.type}`;
        item.tooltip = [
          source.name,
          source.aliases.length ? `Also: ${source.aliases.join(', ')}` : '',
          source.channels.length ? `Via: ${source.channels.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('\n');
        item.iconPath = new vscode.ThemeIcon(TYPE_ICON[source.type] ?? 'question');
        item.contextValue = 'source';
        return item;
      }
      case 'statement': {
        const attribution = analysis.attributions[node.attribution];
        const first = attribution.content[0];
        const item = new vscode.TreeItem(excerpt(first));
        const who =
          node.showSource && attribution.source !== null ? `${analysis.sources[attribution.source].name} · ` : '';
        item.description = `${who}${attribution.kind} · ${line(first)}`;
        item.tooltip = text.slice(first.start, first.end);
        item.iconPath = new vscode.ThemeIcon(attribution.kind === 'indirect' ? 'comment' : 'quote');
        item.command = { command: 'sourceLens.reveal', title: 'Reveal', arguments: [result.uri, first] };
        item.contextValue = 'statement';
        return item;
      }
      case 'group': {
        const count = node.group === 'unsourced' ? unsourced(analysis).length : analysis[node.group].length;
        const item = new vscode.TreeItem(
          GROUP_LABEL[node.group],
          node.group === 'boilerplate'
            ? vscode.TreeItemCollapsibleState.Collapsed
            : vscode.TreeItemCollapsibleState.Expanded,
        );
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(
          { claims: 'question', duplicates: 'copy', boilerplate: 'trash', unsourced: 'circle-slash' }[node.group],
        );
        return item;
      }
      case 'finding': {
        const span = analysis[node.group][node.index];
        const item = new vscode.TreeItem(excerpt(span));
        item.description = line(span);
        item.tooltip = text.slice(span.start, Math.min(span.end, span.start + 500));
        item.command = {
          command: 'sourceLens.reveal',
          title: 'Reveal',
          arguments: [result.uri, { start: span.start, end: span.end }],
        };
        return item;
      }
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function unsourced(analysis: Analysis): number[] {
  return analysis.attributions.flatMap((a, i) => (a.source === null ? [i] : []));
}

function firstWords(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
