// One LanguageStatusItem for Markdown and plain text, named for Source Lens in its own words (it shares the
// `{}` popup with other extensions' items): "Source Lens: 5 attributed · 3 unattributed · 1 boilerplate".
// Each statement counts once (a repeated passage's are not counted again); boilerplate counts the blocks
// the boilerplate rule reports (not those a control comment silenced, none when the rule is off). A warning
// when single-source reports one.
import * as vscode from 'vscode';
import type { DocumentAnalyzer } from './document-analyzer';
import { readSettings } from './settings';
import { ownPaths, summarize } from './summary';

export class SourceLensStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('sourceLens.status', [
    { language: 'markdown' },
    { language: 'plaintext' },
  ]);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.item.name = 'Source Lens';
    this.item.command = { command: 'sourceLens.showSources', title: 'Show Sources' };
    this.subscriptions = [
      analyzer.onDidAnalyze(() => this.update()),
      analyzer.onDidChangeBusy(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    // A large document is analysed in a worker: show that it is under way.
    this.item.busy = document ? this.analyzer.isBusy(document.uri) : false;
    const result = document ? this.analyzer.resultFor(document.uri) : undefined;
    if (!result) {
      this.item.text = 'Source Lens';
      this.item.detail = 'not analysed';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const summary = summarize(result.analysis, ownPaths(result.uri));
    const tooLarge = result.analysis.messages.some((m) => m.ruleId === 'input-too-large');
    // The rule's finding, unless the user turned the rule off.
    const severity = { ...readSettings(result.uri).severity, ...result.registrySeverity };
    const singleSource = summary.singleSource && severity['single-source'] !== 'off';
    const boilerplate = severity.boilerplate === 'off' ? 0 : summary.boilerplate;
    this.item.text = tooLarge
      ? 'Source Lens: too large'
      : `Source Lens: ${summary.status}${boilerplate ? ` · ${boilerplate} boilerplate` : ''}`;
    this.item.detail = tooLarge
      ? 'over sourceLens.maxFileSizeKB'
      : `${summary.sources} source${summary.sources === 1 ? '' : 's'}${singleSource ? ' · one carries the article' : ''}`;
    this.item.severity =
      tooLarge || singleSource ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
