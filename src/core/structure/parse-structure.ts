// Stage 1: structure. Finds the prose blocks of a document and a "prose view" of its text: a string of
// the same length in which everything that is not prose (Markdown markup, code, HTML, link targets,
// front matter) is blanked to spaces. Later stages read the prose view, so they never mistake markup
// for words, and every offset they produce is still an offset into the original text.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Node } from 'unist';
import { markdownParseRisk } from './markdown-prescan';
import { parseWithMemo, type MarkdownParseMemo } from './markdown-reparse';
import { markupLinks, NO_MARKUP_LINKS, type MarkupLinks } from './markup-links';
import { shiftPositions, SKIP, walkTree } from './tree-walk';
import type { Block, BlockKind, DocumentFormat } from '../types';

export interface Structure {
  format: DocumentFormat;
  blocks: Block[];
  /** Same length as the input; non-prose characters replaced by spaces, line breaks kept. */
  prose: string;
  /** Markdown's links and inline code as remark read them (none for plain text): evidence for claims. */
  markup: MarkupLinks;
  /** Why a Markdown document was read as plain text instead (a shape remark-parse is quadratic on). */
  notParsed?: string;
}

const MARKDOWN_EXTENSIONS = /\.(md|markdown|mdown|mkd|mkdn|mdx)$/i;

export function formatFor(path: string | undefined, explicit?: DocumentFormat): DocumentFormat {
  if (explicit) return explicit;
  return path && MARKDOWN_EXTENSIONS.test(path) ? 'markdown' : 'plaintext';
}

/** The structure of `text`; a Markdown parse memo, kept between analyses of one document, saves re-reading it all. */
export function parseStructure(text: string, format: DocumentFormat, memo?: MarkdownParseMemo): Structure {
  return format === 'markdown' ? markdownStructure(text, memo) : plainTextStructure(text);
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** A line this long is a whole paragraph, not a hard-wrapped piece of one. */
const UNWRAPPED_LINE_LENGTH = 100;
const ENDS_LIKE_PARAGRAPH = /[.!?:"”’»)\]]\s*$/;

function plainTextStructure(text: string): Structure {
  const blocks: Block[] = [];
  for (const chunk of blankLineChunks(text)) {
    const lines = linesOf(text, chunk.start, chunk.end);
    const split = lines.length > 1 && looksUnwrapped(text, lines);
    for (const span of split ? lines : [chunk]) {
      const trimmed = trimSpan(text, span.start, span.end);
      if (trimmed.end > trimmed.start) {
        blocks.push({ index: blocks.length, kind: 'paragraph', inBlockquote: false, ...trimmed });
      }
    }
  }
  return { format: 'plaintext', blocks, prose: text, markup: NO_MARKUP_LINKS };
}

interface RawSpan {
  start: number;
  end: number;
}

/** Runs of non-blank lines. */
function blankLineChunks(text: string): RawSpan[] {
  const chunks: RawSpan[] = [];
  let chunkStart = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const blank = isBlank(text, lineStart, lineEnd);
    if (!blank && chunkStart < 0) chunkStart = lineStart;
    if (blank && chunkStart >= 0) {
      chunks.push({ start: chunkStart, end: lineStart });
      chunkStart = -1;
    }
    lineStart = lineEnd + 1;
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}

function linesOf(text: string, start: number, end: number): RawSpan[] {
  const lines: RawSpan[] = [];
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    lines.push({ start: lineStart, end: lineEnd });
    lineStart = lineEnd + 1;
  }
  return lines;
}

/**
 * Scraped text puts one paragraph on each line; hand-written text is often hard-wrapped at ~72
 * columns with lines ending mid-sentence. A chunk whose lines are long, or mostly end the way
 * paragraphs end, is read as one paragraph per line.
 */
function looksUnwrapped(text: string, lines: RawSpan[]): boolean {
  let endsLikeParagraph = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i];
    if (line.end - line.start > UNWRAPPED_LINE_LENGTH) return true;
    if (ENDS_LIKE_PARAGRAPH.test(text.slice(Math.max(line.start, line.end - 4), line.end))) endsLikeParagraph++;
  }
  return endsLikeParagraph * 2 >= lines.length - 1;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0 && c !== 0xfeff) return false;
  }
  return true;
}

function trimSpan(text: string, start: number, end: number): RawSpan {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

// ---------------------------------------------------------------------------------------------
// Markdown

const markdownParser = unified().use(remarkParse);
// Decoding keeps one code unit per code unit (a lone surrogate becomes U+FFFD), so offsets hold.
const utf16Decoder = new TextDecoder('utf-16le');

/** Node types whose text is prose we keep in the prose view. */
const PROSE_LEAVES = new Set(['text', 'inlineCode']);
/** YAML or TOML front matter at the very start of a Markdown file. */
const FRONT_MATTER = /^(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1[ \t]*(\r?\n|$)/;

function markdownStructure(text: string, memo?: MarkdownParseMemo): Structure {
  // remark drops a leading byte-order mark and counts offsets from after it: parse the text without
  // the mark and move every position back onto the original text, so offsets stay exact.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(bom) : text;
  const frontMatter = FRONT_MATTER.exec(body);
  const skip = frontMatter ? frontMatter[0].length : 0;
  // Front matter is blanked before parsing so remark does not read `---` as a heading underline.
  const source = skip ? blankKeepingLines(body, 0, skip) : body;
  // Checked before parsing, as it is the parse that would take the time.
  const risk = markdownParseRisk(source);
  if (risk) return { ...markdownAsPlainText(text), notParsed: risk.reason };
  const prose = new Uint16Array(text.length).fill(32);
  keepLineBreaks(text, prose, 0, text.length);
  const blocks: Block[] = [];
  let tree: Node;
  try {
    // A tree of a text with a byte-order mark has its offsets moved (below): such a text is parsed whole.
    tree = parseWithMemo(source, (window) => markdownParser.parse(window), bom ? undefined : memo);
  } catch {
    // remark-parse is not known to throw, but the core must not: fall back to plain text.
    return markdownAsPlainText(text);
  }
  shiftPositions(tree, bom);

  walkTree(tree, NOT_NESTED, (node, nesting) => {
    const kind = node.type;
    if (kind === 'paragraph' || kind === 'heading') {
      const span = offsetsOf(node);
      if (!span) return SKIP;
      const inBlockquote = (nesting & IN_BLOCKQUOTE) !== 0;
      const blockKind: BlockKind =
        kind === 'heading'
          ? 'heading'
          : inBlockquote
            ? 'blockquote'
            : nesting & IN_LIST_ITEM
              ? 'listItem'
              : 'paragraph';
      copyProse(node, text, prose);
      if (inBlockquote) blankBlockquoteMarkers(text, prose, span.start, span.end);
      blocks.push({ index: blocks.length, kind: blockKind, inBlockquote, ...span });
      return SKIP;
    }
    // Code, HTML, definitions, thematic breaks: no prose.
    if (kind === 'code' || kind === 'html' || kind === 'definition' || kind === 'thematicBreak') return SKIP;
    if (kind === 'blockquote') return nesting | IN_BLOCKQUOTE;
    return kind === 'listItem' ? nesting | IN_LIST_ITEM : nesting;
  });
  return { format: 'markdown', blocks, prose: utf16Decoder.decode(prose), markup: markupLinks(tree, text) };
}

/** What a node is nested in, as bit flags (the walk's context). */
const NOT_NESTED = 0;
const IN_BLOCKQUOTE = 1;
const IN_LIST_ITEM = 2;

function offsetsOf(node: Node): RawSpan | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

/** Copies the raw text of every prose leaf under `node` into the prose view. */
function copyProse(node: Node, text: string, prose: Uint16Array): void {
  walkTree(node, undefined, (leaf) => {
    if (PROSE_LEAVES.has(leaf.type)) {
      const span = offsetsOf(leaf);
      if (!span) return SKIP;
      // An inline code span keeps its content but not its backticks.
      let { start, end } = span;
      if (leaf.type === 'inlineCode') {
        while (start < end && text.charCodeAt(start) === 96) start++;
        while (end > start && text.charCodeAt(end - 1) === 96) end--;
      }
      for (let i = start; i < end; i++) prose[i] = text.charCodeAt(i);
      return SKIP;
    }
    if (leaf.type === 'html' || leaf.type === 'image' || leaf.type === 'imageReference') return SKIP;
    return undefined;
  });
}

/** Text nodes of a paragraph in a block quote span its continuation lines' `>` markers: blank them. */
function blankBlockquoteMarkers(text: string, prose: Uint16Array, start: number, end: number): void {
  let i = start;
  while (i < end) {
    const lineStart = i === start ? text.lastIndexOf('\n', start - 1) + 1 : i;
    let j = Math.max(lineStart, start);
    while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '>')) prose[j++] = 32;
    const next = text.indexOf('\n', j);
    if (next < 0 || next >= end) break;
    i = next + 1;
  }
}

/**
 * Markdown read as plain text (a shape remark-parse is slow on): the blocks of the plain-text reading,
 * with the HTML comments and the block-quote markers that open lines blanked from the prose view, as
 * Markdown never shows them: a comment line is no claim, a control comment cannot silence a finding that
 * is itself a comment, and a sentence starts at its words, not at a line of `>` before them.
 */
function markdownAsPlainText(text: string): Structure {
  const plain = plainTextStructure(text);
  const prose = blankHtmlComments(text).replace(/^[ \t]*>[ \t>]*/gm, (markers) => ' '.repeat(markers.length));
  return { ...plain, format: 'markdown', prose };
}

/** `text` with each closed `<!-- … -->` blanked to spaces, line breaks kept. Linear: one pass of indexOf. */
function blankHtmlComments(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', at)) {
    // `<!-->` and `<!--->` are empty comments (CommonMark 0.31); otherwise the first `-->` after the opener.
    const short = text.startsWith('>', open + 4) ? 5 : text.startsWith('->', open + 4) ? 6 : 0;
    const close = short ? open + short : text.indexOf('-->', open + 4);
    if (close < 0) break; // no `-->` anywhere after: the rest is text
    const end = short ? close : close + 3;
    out += text.slice(at, open) + text.slice(open, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

function keepLineBreaks(text: string, prose: Uint16Array, start: number, end: number): void {
  // indexOf scans natively, several times faster than a loop of charCodeAt over every character.
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) prose[i] = 10;
  for (let i = text.indexOf('\r', start); i >= 0 && i < end; i = text.indexOf('\r', i + 1)) prose[i] = 13;
}

function blankKeepingLines(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}
