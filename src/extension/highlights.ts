// Editor highlights: attributed content in one colour, source mentions and cues subtly underlined,
// unattributed claims in another colour, boilerplate faded. Colours are theme colours
// (`contributes.colors`), so light, dark and high-contrast themes each get their own.
import * as vscode from 'vscode';
import type { Span } from '../core/types';
import type { AnalysisResult, DocumentAnalyzer } from './document-analyzer';
import { readSettings } from './settings';

const underline = (): vscode.DecorationRenderOptions => ({
  borderStyle: 'none none dotted none',
  borderWidth: '0 0 1px 0',
  borderColor: new vscode.ThemeColor('sourceLens.sourceUnderline'),
});

export class Highlights implements vscode.Disposable {
  private readonly content = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('sourceLens.quoteBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('sourceLens.quoteBorder'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly speaker = vscode.window.createTextEditorDecorationType({ ...underline(), rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
  private readonly claim = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('sourceLens.claimBackground'),
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('sourceLens.claimBorder'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly boilerplate = vscode.window.createTextEditorDecorationType({ opacity: '0.55', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
  private readonly subscriptions: vscode.Disposable[];
  private enabled: boolean;

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.enabled = readSettings().highlights;
    this.subscriptions = [
      analyzer.onDidAnalyze(({ uri }) => this.refresh(vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri.toString()))),
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.refresh(editors)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('sourceLens.highlights.enabled')) return;
        this.enabled = readSettings().highlights;
        this.refresh(vscode.window.visibleTextEditors);
      }),
    ];
    this.refresh(vscode.window.visibleTextEditors);
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Flips the highlights for this window and remembers the choice in the user's settings. */
  async toggle(): Promise<boolean> {
    this.enabled = !this.enabled;
    this.refresh(vscode.window.visibleTextEditors);
    await vscode.workspace.getConfiguration('sourceLens').update('highlights.enabled', this.enabled, vscode.ConfigurationTarget.Global);
    return this.enabled;
  }

  /** The ranges each highlight has in an editor, for tests and for the hover. */
  rangesFor(result: AnalysisResult, document: vscode.TextDocument): Record<'content' | 'speaker' | 'claim' | 'boilerplate', vscode.Range[]> {
    const { analysis } = result;
    const range = (span: Span): vscode.Range => new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
    const attributed = analysis.attributions.filter((a) => a.source !== null);
    return {
      content: attributed.flatMap((a) => a.content.map(range)),
      speaker: analysis.attributions.flatMap((a) => [a.sourceMention, a.cue].filter((s): s is Span => s !== null).map(range)),
      claim: analysis.claims.map(range),
      boilerplate: analysis.boilerplate.map(range),
    };
  }

  private refresh(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) {
      const result = this.analyzer.resultFor(editor.document.uri);
      const current = result && result.version === editor.document.version;
      const ranges = this.enabled && current ? this.rangesFor(result, editor.document) : { content: [], speaker: [], claim: [], boilerplate: [] };
      editor.setDecorations(this.content, ranges.content);
      editor.setDecorations(this.speaker, ranges.speaker);
      editor.setDecorations(this.claim, ranges.claim);
      editor.setDecorations(this.boilerplate, ranges.boilerplate);
    }
  }

  dispose(): void {
    for (const d of [this.content, this.speaker, this.claim, this.boilerplate, ...this.subscriptions]) d.dispose();
  }
}
