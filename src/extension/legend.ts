// The "What do the colours mean?" panel (command sourceLens.showLegend, the Sources view's title bar, the
// walkthrough): one webview beside the draft, brought back to the front when asked again, redrawn when a
// setting it describes changes. Its page is legend-html.ts's.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { legendHtml } from './legend-html';
import { readSettings } from './settings';
import { DEFAULT_SEVERITY } from './severity-settings';

export const SHOW_LEGEND_COMMAND = 'sourceLens.showLegend';
export const LEGEND_VIEW_TYPE = 'sourceLens.legend';

export class Legend implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (this.panel && event.affectsConfiguration('sourceLens')) this.render(this.panel);
      }),
    ];
  }

  /** Opens the legend beside the active editor, or brings the open one to the front. */
  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      LEGEND_VIEW_TYPE,
      'Source Lens: What Do the Colours Mean?',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableCommandUris: false, localResourceRoots: [] },
    );
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    this.panel = panel;
    this.render(panel);
    return panel;
  }

  /** The open legend, if any (for tests). */
  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  private render(panel: vscode.WebviewPanel): void {
    const settings = readSettings(vscode.window.activeTextEditor?.document.uri);
    const levels = { ...DEFAULT_SEVERITY, ...settings.severity };
    panel.webview.html = legendHtml(randomBytes(16).toString('base64'), panel.webview.cspSource, {
      levels,
      highlights: settings.highlights,
      claimMark: settings.claimMark,
    });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
