// Evidence for stage 8 (claims): the links, footnote references and URLs in a claim's sentence. A claim
// the writer has linked to its proof is not unattributed: the reader can follow it. Markdown's links come
// from remark (structure/markup-links.ts); what remark does not read as a link (a footnote reference with
// no definition, a bare URL: GFM's extensions, which the parser is not given) and all of plain text are
// found by the text patterns below, in the prose, where Markdown's link targets are already blanked.
import { firstIndexNotBefore } from '../text/search';
import type { Evidence, Span } from '../types';

/** What the structure stage found: Markdown's links and inline code spans, in text order. */
export interface EvidenceMarkup {
  links: Evidence[];
  codeSpans: Span[];
}

/**
 * `[^id]`, not escaped (`\\[^1]`) and not a definition (`[^1]:`). A reference with no definition counts:
 * the writer has marked the claim as sourced, the note is often written last, and a missing note is a
 * broken reference (remark-lint's and markdownlint's business), not a claim with no source.
 */
const FOOTNOTE_REFERENCE = /(?<!\\)\[\^([^\]\s]+)\](?!:)/g;
/** `https://…`, `http://…` or `www.…`, up to a space or a bracket; trailing punctuation is trimmed after. */
const BARE_URL = /(?<![\w@/.])(?:https?:\/\/|www\.)[^\s<>()[\]{}"'`“”‘’]+/gi;
/** Sentence punctuation after a URL belongs to the sentence: `see https://x.org/a.` */
const URL_TRAILER = /[.,;:!?…]+$/;
/** A footnote's definition at the start of a line: `[^1]: Ministry of Health, https://…`. */
const FOOTNOTE_DEFINITION = /^[ \t]{0,3}\[\^([^\]\s]+)\]:[ \t]*(\S[^\n\r]*)/gm;

/** The evidence in `sentence`, in text order, or undefined. `definitions` is asked for only when needed. */
export function evidenceIn(
  prose: string,
  sentence: Span,
  markup: EvidenceMarkup,
  definitions: () => Map<string, string>,
): Evidence[] | undefined {
  // Overlapping, not inside: the sentence is trimmed of the blanked `](…)` or `]` that ends a last link.
  const found = overlapping(markup.links, sentence).map((link) => ({ ...link }));
  const code = overlapping(markup.codeSpans, sentence);
  const text = prose.slice(sentence.start, sentence.end);
  const free = (start: number, end: number): boolean => {
    const span = { start: sentence.start + start, end: sentence.start + end };
    return !code.some((c) => overlaps(c, span)) && !found.some((e) => overlaps(e, span));
  };
  const patterned: Evidence[] = [];
  if (text.includes('[^'))
    for (const m of text.matchAll(FOOTNOTE_REFERENCE))
      if (free(m.index, m.index + m[0].length))
        patterned.push({
          kind: 'footnote',
          target: definitions().get(m[1].toLowerCase()) ?? m[0],
          start: sentence.start + m.index,
          end: sentence.start + m.index + m[0].length,
        });
  if (text.includes('http') || text.includes('www.') || text.includes('HTTP') || text.includes('WWW.'))
    for (const m of text.matchAll(BARE_URL)) {
      const url = m[0].replace(URL_TRAILER, '');
      // `www.` alone, or a scheme with nothing after it, is no address.
      if (!/[\w-]\.[\w-]|:\/\/[\w-]/.test(url) || !free(m.index, m.index + url.length)) continue;
      patterned.push({
        kind: 'url',
        target: url,
        start: sentence.start + m.index,
        end: sentence.start + m.index + url.length,
      });
    }
  if (found.length === 0 && patterned.length === 0) return undefined;
  return [...found, ...patterned].sort((a, b) => a.start - b.start);
}

/** The footnote definitions written as text, by lower-cased label (remark's own are links already). */
export function footnoteDefinitions(prose: string): Map<string, string> {
  const definitions = new Map<string, string>();
  if (!prose.includes('[^')) return definitions;
  for (const m of prose.matchAll(FOOTNOTE_DEFINITION)) {
    const label = m[1].toLowerCase();
    if (!definitions.has(label)) definitions.set(label, m[2].trim());
  }
  return definitions;
}

/** The spans overlapping `span`, from a list in text order whose spans do not overlap each other. */
function overlapping<T extends Span>(spans: T[], span: Span): T[] {
  const result: T[] = [];
  // Spans that do not overlap, in text order, have their ends in order too.
  for (let i = firstIndexNotBefore(spans.length, (j) => spans[j].end <= span.start); i < spans.length; i++) {
    if (spans[i].start >= span.end) break;
    result.push(spans[i]);
  }
  return result;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
