// The Sources sidebar: a summary and the balance of sources at the top, each source with its statements,
// then unattributed claims, duplicates and boilerplate, for the active document. Clicking a statement
// reveals and selects it. The whole summary is the view's message, which wraps to the view's width (a
// tree item's label cannot). A statement inside a repeated passage counts once: it stays listed, marked
// as a repeat (under its source, in a collapsed "Repeated passages" group), so the reader can find every
// copy in the text but no count or share is inflated by a page that prints its body twice.
import * as vscode from 'vscode';
import type { Analysis } from '../core';
import type { AnalysisResult, DocumentAnalyzer } from './document-analyzer';
import type { AddSourceArgs } from './add-to-registry';
import type { CorrectionArgs } from './corrections';
import {
  findingIndices,
  treeItemFor,
  unsourced,
  type FindingGroup,
  type SourcesNode,
  type ViewState,
} from './sources-items';

export type { SourcesNode } from './sources-items';
import { readSettings } from './settings';
import { statementsOf } from './analysis-statements';
import { ownPaths, summarize, type Summary } from './summary';

export class SourcesView implements vscode.TreeDataProvider<SourcesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SourcesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<SourcesNode>;
  private readonly subscriptions: vscode.Disposable[];
  private uri: vscode.Uri | undefined;
  /** The summary of the result shown, worked out once per result (counting repeats reads every statement). */
  private summarized: { result: AnalysisResult; summary: Summary } | undefined;

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

  /** The text above the tree (the summary, wrapped to the view's width), for tests. */
  get message(): string | undefined {
    return this.view.message;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (editor && this.analyzer.handles(editor.document)) this.uri = editor.document.uri;
    this.refresh();
  }

  refresh(): void {
    const state = this.state();
    this.view.description = state?.summary.short ?? '';
    this.view.message = state ? state.summary.long : 'Open a Markdown or plain-text article to see its sources.';
    void vscode.commands.executeCommand('setContext', 'sourceLens.grouping', readSettings().grouping);
    this.changed.fire(undefined);
  }

  private state(): ViewState | undefined {
    const result = this.uri ? this.analyzer.resultFor(this.uri) : undefined;
    if (!result) return undefined;
    if (this.summarized?.result !== result)
      this.summarized = { result, summary: summarize(result.analysis, ownPaths(result.uri)) };
    return this.summarized;
  }

  getChildren(node?: SourcesNode): SourcesNode[] {
    const state = this.state();
    if (!state) return [];
    const { analysis } = state.result;
    const { repeatIn } = state.summary.counts;
    const statement = (attribution: number): SourcesNode => ({ kind: 'statement', attribution, showSource: false });
    if (!node) return this.roots(analysis, state.summary);
    switch (node.kind) {
      case 'summary':
        return state.summary.balance.map((_, row) => ({ kind: 'balance', row }));
      case 'source': {
        const all = analysis.sources[node.source].attributions;
        const counted = all.filter((a) => repeatIn[a] === undefined).map(statement);
        return counted.length < all.length ? [...counted, { kind: 'repeats', source: node.source }] : counted;
      }
      case 'repeats':
        return analysis.sources[node.source].attributions.filter((a) => repeatIn[a] !== undefined).map(statement);
      case 'group':
        if (node.group === 'unsourced') return unsourced(analysis).map(statement);
        return findingIndices(analysis, node.group).map((index) => ({
          kind: 'finding',
          group: node.group as FindingGroup,
          index,
        }));
      default:
        return [];
    }
  }

  private roots(analysis: Analysis, summary: Summary): SourcesNode[] {
    const roots: SourcesNode[] = [{ kind: 'summary' }];
    // The rule's finding, unless the user turned the rule off (sourceLens.severity).
    const levels = { ...readSettings(this.uri).severity, ...this.state()?.result.registrySeverity };
    if (summary.singleSourceMessage && levels['single-source'] !== 'off') roots.push({ kind: 'singleSource' });
    if (readSettings().grouping === 'document') {
      roots.push(
        ...Array.from({ length: statementsOf(analysis).length }, (_, attribution) => ({
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
      if (findingIndices(analysis, group).length) roots.push({ kind: 'group', group });
    return roots;
  }

  /** "Add Source to Registry" from a source's item: the document shown and the source's name. */
  addSourceArgs(node: SourcesNode): AddSourceArgs | undefined {
    const state = this.state();
    if (node.kind !== 'source' || !state) return undefined;
    return { uri: state.result.uri.toString(), source: state.result.analysis.sources[node.source].name };
  }

  /** A correction from a statement's item (its context menu): the document shown and the statement. */
  correctionArgs(node: unknown): CorrectionArgs | undefined {
    const state = this.state();
    const statement = node as SourcesNode | undefined;
    if (!state || statement?.kind !== 'statement') return undefined;
    const statements = statementsOf(state.result.analysis);
    const first =
      statement.attribution < statements.length ? statements.at(statement.attribution).content[0] : undefined;
    // A result read from disk (version -1) has no version to hold the open document to.
    const version = state.result.version >= 0 ? state.result.version : undefined;
    return first && { uri: state.result.uri.toString(), statement: { start: first.start, end: first.end }, version };
  }

  getTreeItem(node: SourcesNode): vscode.TreeItem {
    return treeItemFor(node, this.state()!);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
