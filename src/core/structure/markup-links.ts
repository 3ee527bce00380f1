// Stage 1, Markdown only: the links remark read (inline links, reference links with a definition,
// autolinks) and the inline code spans, for the claims stage's evidence (claims/evidence.ts). remark's
// reading is preferred to text patterns where it has one: it knows which brackets make a link and which
// are text, and it blanks the link's target out of the prose, so a pattern could not find it there.
import type { Node } from 'unist';
import type { Evidence, Span } from '../types';
import { SKIP, walkTree } from './tree-walk';

/** What remark found that bears on evidence: links in text order, and the inline code spans. */
export interface MarkupLinks {
  links: Evidence[];
  /** Inline code: a URL written as code is being shown, not cited. */
  codeSpans: Span[];
}

export const NO_MARKUP_LINKS: MarkupLinks = { links: [], codeSpans: [] };

/** Whether `text` may define a link: a definition's label is always followed by `]:`. */
export const mayDefineLinks = (text: string): boolean => text.includes(']:');

interface LinkNode extends Node {
  url?: string;
  identifier?: string;
  children?: Node[];
}

/** The links and code spans of a remark tree over `text`. */
export function markupLinks(tree: Node, text: string): MarkupLinks {
  const definitions = new Map<string, string>();
  if (mayDefineLinks(text)) collectDefinitions(tree, definitions);
  const found: MarkupLinks = { links: [], codeSpans: [] };
  walkTree(tree, undefined, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return undefined;
    const link = node as LinkNode;
    if (node.type === 'inlineCode') found.codeSpans.push({ start, end });
    if (node.type === 'link' && link.url) {
      // `<https://…>` is an autolink: a URL written out, as a bare one is.
      const kind = text.charCodeAt(start) === 60 ? 'url' : 'link';
      found.links.push({ kind, target: link.url, start, end });
      return SKIP;
    }
    if (node.type === 'linkReference' && link.identifier) {
      // remark makes a reference only when its definition exists; `[^1]: …` defines a footnote's.
      const target = definitions.get(link.identifier);
      const footnote = link.identifier.startsWith('^');
      if (target) found.links.push({ kind: footnote ? 'footnote' : 'link', target, start, end });
      return SKIP;
    }
    // An image is an illustration, not a source; its alt text is not prose either.
    return node.type === 'image' || node.type === 'imageReference' ? SKIP : undefined;
  });
  return found;
}

function collectDefinitions(tree: Node, definitions: Map<string, string>): void {
  walkTree(tree, undefined, (node) => {
    const definition = node as LinkNode;
    // The first definition of a label wins, as CommonMark says.
    if (
      node.type === 'definition' &&
      definition.identifier &&
      definition.url &&
      !definitions.has(definition.identifier)
    )
      definitions.set(definition.identifier, definition.url);
    return undefined;
  });
}
