// What `activate` returns: a small surface for tests and for other extensions.
import type * as vscode from 'vscode';
import type { Analysis } from '../core';
import type { AnalyzedEvent } from './document-analyzer';
import type { Highlights } from './highlights';
import type { Legend } from './legend';
import type { SourcesNode, SourcesView } from './sources-view';

export type { AnalyzedEvent } from './document-analyzer';

export interface SourceLensApi {
  /**
   * The latest analysis of a document (open, or read by Analyze Workspace), if any. For a document
   * analysed in the worker thread (every open document, unless the worker cannot run), `sentences`
   * and `quotes` are empty, and so is each statement's `sentences`: the editor does not use them (a claim
   * carries its sentence's span), and copying them across threads would hold up the editor. The statements
   * come as columns (statement-table.ts); `attributions` is made from them when first read.
   */
  analysisFor(uri: vscode.Uri): Analysis | undefined;
  /** Fires after each published analysis. */
  onDidAnalyze: vscode.Event<AnalyzedEvent>;
  /** The Sources view's data provider (its nodes and tree items), and the summary message above the tree. */
  sources: vscode.TreeDataProvider<SourcesNode> &
    Pick<SourcesView, 'documentUri' | 'message' | 'addSourceArgs' | 'correctionArgs'>;
  /**
   * The editor highlights: the ranges they have in a whole document (rangesFor), and those an editor was
   * last given (decoratedRangesFor: around the visible ranges only, for a document with many), with an
   * event after each time an editor's decorations are set.
   */
  highlights: Pick<Highlights, 'isEnabled' | 'rangesFor' | 'decoratedRangesFor' | 'onDidDecorate'>;
  /** The "What do the colours mean?" panel, while it is open (sourceLens.showLegend opens it). */
  legend: Pick<Legend, 'current'>;
  /** The language status item's text ("5 attributed · 3 unattributed"). */
  languageStatusText(): string;
  /** How many analyses ran in the worker thread (every document goes there, off the host's thread). */
  workerAnalyses(): number;
  /** How long `activate()` took, in milliseconds (for `npm run bench:host`; the target is ≤ 50 ms). */
  activationMs(): number;
}
