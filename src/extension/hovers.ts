// Hover on a highlighted passage: who said it (source, type, channel, cue, how many statements that
// source has), or why a sentence was flagged as a claim, or what a duplicate or boilerplate block is.
// Document text is only ever added as escaped text, never as Markdown.
import * as vscode from 'vscode';
import type { Analysis, Attribution, Span } from '../core';
import type { DocumentAnalyzer } from './document-analyzer';

const contains = (span: Span, offset: number): boolean => span.start <= offset && offset < span.end;

export class SourceHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyzer: DocumentAnalyzer) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.analyzer.resultFor(document.uri);
    if (!result || result.version !== document.version) return undefined;
    const offset = document.offsetAt(position);
    const { analysis, text } = result;
    const quote = (span: Span): string => text.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 120);

    const attribution = analysis.attributions.find((a) => [...a.content, a.cue, a.sourceMention].some((s) => s && contains(s, offset)));
    if (attribution) return this.hover(document, attribution.content.find((s) => contains(s, offset)) ?? attribution.sourceMention ?? attribution.cue!, attributionHover(analysis, attribution, quote));

    const claim = analysis.claims.find((c) => contains(c, offset));
    if (claim) {
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**Unattributed claim** · check-worthiness ${claim.score.toFixed(2)}  \n`);
      md.appendText(`No source is given for this ${claim.reasons.length ? `(${claim.reasons.join(', ')})` : 'statement'}.`);
      return this.hover(document, claim, md);
    }
    const duplicate = analysis.duplicates.find((d) => contains(d, offset));
    if (duplicate) {
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**Duplicated passage** · ${Math.round(duplicate.similarity * 100)}% similar  \n`);
      md.appendText(duplicate.of.path && duplicate.of.path !== document.uri.path ? `First copy in ${duplicate.of.path}.` : `First copy starts: “${text.slice(duplicate.of.start, duplicate.of.start + 60)}…”`);
      return this.hover(document, duplicate, md);
    }
    const boilerplate = analysis.boilerplate.find((b) => contains(b, offset));
    if (boilerplate) {
      const md = new vscode.MarkdownString(`**Boilerplate** · ${boilerplate.reason.replace(/-/g, ' ')}  \n`);
      md.appendText('Site furniture, not article text.');
      return this.hover(document, boilerplate, md);
    }
    return undefined;
  }

  private hover(document: vscode.TextDocument, span: Span, contents: vscode.MarkdownString): vscode.Hover {
    return new vscode.Hover(contents, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)));
  }
}

function attributionHover(analysis: Analysis, attribution: Attribution, quote: (span: Span) => string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const source = attribution.source === null ? null : analysis.sources[attribution.source];
  if (source) {
    md.appendMarkdown('**Source:** ');
    md.appendText(source.name);
    md.appendMarkdown(` · ${source.type} · ${source.attributions.length} statement${source.attributions.length === 1 ? '' : 's'}  \n`);
    if (source.aliases.length) {
      md.appendMarkdown('Also called: ');
      md.appendText(source.aliases.join(', '));
      md.appendMarkdown('  \n');
    }
  } else {
    md.appendMarkdown('**No identifiable source** for this statement.  \n');
  }
  md.appendMarkdown(`**Kind:** ${attribution.kind}`);
  if (attribution.cue) {
    md.appendMarkdown(' · **cue:** ');
    md.appendText(`“${quote(attribution.cue)}”`);
  }
  if (attribution.channel) {
    md.appendMarkdown(' · **channel:** ');
    md.appendText(quote(attribution.channel));
  }
  return md;
}
