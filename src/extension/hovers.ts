// Hover on a highlighted passage: what hover-text.ts says about it, as a MarkdownString in which the
// document's text is only ever added as escaped text, never as Markdown; the only links run Change Speaker….
import * as vscode from 'vscode';
import type { DocumentAnalyzer } from './document-analyzer';
import { CHANGE_SPEAKER_COMMAND, commandLinkMarkdown, hoverAt } from './hover-text';

export class SourceHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyzer: DocumentAnalyzer) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.analyzer.resultFor(document.uri);
    if (!result || result.version !== document.version) return undefined;
    const hover = hoverAt(
      result.analysis,
      result.text,
      document.offsetAt(position),
      document.uri.path,
      document.uri.toString(),
    );
    if (!hover) return undefined;
    const md = new vscode.MarkdownString();
    // Links may run Change Speaker… and nothing else.
    md.isTrusted = { enabledCommands: [CHANGE_SPEAKER_COMMAND] };
    for (const part of hover.parts) {
      if ('markdown' in part) md.appendMarkdown(part.markdown);
      else if ('command' in part) md.appendMarkdown(commandLinkMarkdown(part));
      else md.appendText(part.text);
    }
    return new vscode.Hover(
      md,
      new vscode.Range(document.positionAt(hover.span.start), document.positionAt(hover.span.end)),
    );
  }
}
