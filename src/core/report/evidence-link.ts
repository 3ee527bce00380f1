// The "Add Evidence Link…" quick fix's edit: a footnote in Markdown, a bracketed URL in plain text, at the
// end of the claim's sentence. Both go before the sentence's final punctuation (`…since 2009[^1].`, as
// GitHub's own footnote example writes it, and `…since 2009 [https://…].`): inside the sentence, a
// reference cannot be read as the start of the next one, by a reader or by a sentence splitter.
import type { DocumentFormat, Span } from '../types';

export interface TextInsert {
  offset: number;
  insert: string;
}

/** An http(s) URL with a host and no spaces, or null: the check the input box and the command share. */
export function evidenceUrlProblem(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return 'Enter a web address that starts with http:// or https://.';
  try {
    if (!new URL(trimmed).hostname) return 'The address has no host name.';
  } catch {
    return 'That is not a valid web address.';
  }
  return null;
}

/** The stop, closing quotes and brackets that end a sentence: the reference goes before them. */
const SENTENCE_END = /[.!?…]+["”’'»)\]]*$/;
const FOOTNOTE_LABEL = /\[\^(\d+)\]/g;
const FOOTNOTE_DEFINITION_LINE = /^[ \t]{0,3}\[\^[^\]\s]+\]:/;

/**
 * The inserts, in text order, that link `sentence` (the claim's sentence in `text`) to `url`. Markdown: a
 * footnote reference `[^n]` (n one more than the highest numbered footnote in the text) and its
 * definition at the end, after a blank line unless it joins the definitions already there. Plain text:
 * ` [url]`. Empty for a URL that `evidenceUrlProblem` refuses. Never throws.
 */
export function evidenceLinkEdit(text: string, format: DocumentFormat, sentence: Span, url: string): TextInsert[] {
  if (evidenceUrlProblem(url) !== null) return [];
  const target = url.trim();
  const start = Math.max(0, Math.min(sentence.start, text.length));
  const end = Math.max(start, Math.min(sentence.end, text.length));
  const stop = SENTENCE_END.exec(text.slice(start, end));
  const at = stop ? start + stop.index : end;
  if (format !== 'markdown') return [{ offset: at, insert: ` [${target}]` }];
  let highest = 0;
  for (const m of text.matchAll(FOOTNOTE_LABEL)) highest = Math.max(highest, Number(m[1]));
  const label = `[^${highest + 1}]`;
  return [
    { offset: at, insert: label },
    { offset: text.length, insert: `${definitionSeparator(text)}${label}: ${target}${lineBreakOf(text)}` },
  ];
}

/** What goes between the text's end and a new definition: none, a line break, or a blank line. */
function definitionSeparator(text: string): string {
  const eol = lineBreakOf(text);
  const body = text.replace(/\s+$/, '');
  if (body.length === 0) return '';
  const trailing = text.slice(body.length);
  const lastLine = body.slice(Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r')) + 1);
  const breaks = (trailing.match(/\r\n|\r|\n/g) ?? []).length;
  // Definitions already at the end: the new one joins them, one to a line.
  const wanted = FOOTNOTE_DEFINITION_LINE.test(lastLine) ? 1 : 2;
  return eol.repeat(Math.max(0, wanted - breaks));
}

function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
