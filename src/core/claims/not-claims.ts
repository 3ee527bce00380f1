// The parts of an article that are not the writer's claims even when they hold names, numbers and past
// events: headlines, bylines, captions and datelines. A headline sums up the story the body sources; a
// byline and a photo credit name the newsroom's own people; a dateline says where the story was filed.
// Flagging them puts an amber mark on the first lines of every article, above the claims that matter.
//
// Three places they are found: a Markdown heading is its own block; a caption is a block that opens with
// its label ("Photo:") or closes with a credit ("(AP Photo/Jane Doe)"); and in plain text, where a
// headline and byline sit on lines of the first paragraph with no full stop, the sentence splitter joins
// them to the lead, so whole lines at a sentence's start are read one by one and skipped.
import type { Block, Span } from '../types';

/** "Photo:", "Image credit …", "Caption —": a line that labels a picture. */
const CAPTION_LABEL =
  /^\s*(?:(?:file |aerial )?(?:photo|photograph|picture|image|illustration|graphic|video|caption)s?(?:\s+(?:credit|courtesy)s?)?\s*[:—–|]|(?:photo|image|picture)\s+(?:credit|courtesy)\b)/iu;
/** "(AP Photo/Jane Doe)", "(Photo by Jane Doe)", "(Reuters/Jane Doe)", "Jane Doe/Getty Images": a picture's credit at a block's end. */
const CAPTION_CREDIT =
  /(?:\((?:[\p{L}.]+\s+)?(?:photo|image|picture)s?\s*(?:\/|by\b|courtesy\b)[^)]*\)|\((?:AP|AFP|Reuters|EPA|Getty Images)\/[^)]*\)|\/\s*(?:Getty Images|AFP|Reuters|AP)\s*)\s*$/iu;
/** "By Jane Smith", "By Jane Smith and Ali Khan, Associated Press", "BY JANE SMITH". */
const BYLINE = /^By\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|al|bin))*\s*(?:$|[,|—–-]|\band\b)/u;
/** "Jane Smith | Staff Writer", "Jane Smith, Senior Correspondent": a name, then (ROLE) a newsroom job. */
const NAME_AND_ROLE = /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’.-]*\s*[|,—–-]\s*(.*)$/u;
const ROLE =
  /^(?:(?:staff|senior|chief|special|contributing|political|foreign|investigative|freelance)\s+)?(?:writer|reporter|correspondent|editor|contributor|photographer|columnist)s?\b/i;
/** A byline is a few words: "By Labor Day, he had hired staff" is a sentence. */
const MAX_BYLINE_WORDS = 12;
/** "RIVERSIDE —", "ERBIL, Iraq —", "WASHINGTON (AP) —", "LONDON, March 3 (Reuters) -": a place in capitals, then a dash. */
const DATELINE =
  /^\p{Lu}[\p{Lu}\s.'’-]*\p{Lu}(?:,\s*[\p{L}\d.\s]{1,30}?)?(?:\s*\([\p{L}\s.]{1,30}\))?\s+[—–-]{1,2}\s*/u;
/** A line that ends as a sentence does: its end punctuation, perhaps inside a closing quotation mark or before a footnote. */
const ENDS_A_SENTENCE = /[.!?…]["”’)\]]*(?:\[\^?[^\]\s]*\])*\s*$/u;
/** Words a title leaves in lower case. */
const MINOR_WORDS = new Set(
  'a an and as at but by for from if in into nor of off on onto or over per so than the to up upon via vs with yet'.split(
    ' ',
  ),
);
const WORD = /[\p{L}\p{N}$€£][\p{L}\p{N}'’.,%$-]*/gu;
/** A headline is a line, not a paragraph: longer lines are prose whatever their capitals. */
const MAX_HEADLINE_WORDS = 20;

/**
 * A scene-setting sentence: how a person took the news, not what happened ("For Maria Delgado, who has
 * lived on Mill Street for 31 years, the vote came as a relief."). "For <name>, …" alone is not enough:
 * "For Trump, 38% of likely voters would be scared …" is a claim. Only the feeling after it is read, and
 * a number in that part keeps the sentence a claim.
 */
const FOR_SOMEONE = /^(?:For|To)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*,/u;
const FEELING =
  /,\s*(?:it|this|that|the\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)\s+(?:came\s+as|was|is|felt\s+like|felt|meant|brought)\s+(?:(?:a|an|the|some|welcome|great|real|huge|bitter|quiet|long-awaited|much-needed)\s+)*(?:relief|celebration|day\s+of\s+[\p{L}]+|blow|shock|surprise|disappointment|vindication|victory|triumph|heartbreak|nightmare|dream|joy|comfort|letdown|news|moment\s+of\s+[\p{L}]+)\b[^,;\d]*$/iu;

/** Whether a sentence only sets the scene: someone's feeling about the news, with no figure in it. */
export function isSceneSetting(sentence: string): boolean {
  return FOR_SOMEONE.test(sentence.trim()) && FEELING.test(sentence.trim());
}

/** Whether a block is a picture's caption or credit: its label at the start, or a credit at the end. */
export function isCaption(prose: string, block: Span): boolean {
  const text = prose.slice(block.start, block.end);
  return CAPTION_LABEL.test(text) || CAPTION_CREDIT.test(text);
}

/** Whether the block is a Markdown heading or a caption: none of its sentences is a claim. */
export function isNotClaimBlock(prose: string, block: Block): boolean {
  return block.kind === 'heading' || isCaption(prose, block);
}

/** Whether a line is in title case: every word but the minor ones capitalised ("Council Approves Flood Wall for Riverside"). */
function isTitleCase(words: string[]): boolean {
  if (words.length < 3) return false;
  let capitalised = 0;
  for (const [i, word] of words.entries()) {
    const upper = /^[\p{Lu}\p{N}$€£]/u.test(word);
    if (upper) capitalised++;
    else if (i === 0 || !MINOR_WORDS.has(word.toLowerCase())) return false;
  }
  return capitalised >= 2;
}

/**
 * Whether one line of text is a headline, byline, caption or bare dateline rather than prose. `first`: the
 * line opens the document, where a headline needs no capitals, only to be short and unpunctuated.
 */
export function isNotClaimLine(line: string, first: boolean): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return true;
  if (CAPTION_LABEL.test(trimmed)) return true;
  if (ENDS_A_SENTENCE.test(trimmed)) return false;
  const words = trimmed.match(WORD) ?? [];
  if (words.length <= MAX_BYLINE_WORDS && (BYLINE.test(trimmed) || ROLE.test(NAME_AND_ROLE.exec(trimmed)?.[1] ?? '')))
    return true;
  if (words.length > MAX_HEADLINE_WORDS) return false;
  const dateline = DATELINE.exec(trimmed);
  if (dateline && dateline[0].length === trimmed.length) return true;
  return first || isTitleCase(words);
}

/**
 * The first line break in [from, end), or -1. Not `indexOf`: on text with few line breaks (a scraped page
 * on one line) it would read on to the end for every sentence, which is quadratic.
 */
function newlineWithin(prose: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (prose.charCodeAt(i) === 10) return i;
  return -1;
}

/**
 * Where a sentence's prose starts once the headline, byline and caption lines it opens with, and a
 * dateline when it opens its paragraph, are skipped ("RIVERSIDE — The council voted …" starts at "The").
 * `first`: the sentence opens the document.
 */
export function proseStart(prose: string, sentence: Span, first: boolean, opensBlock: boolean): number {
  let start = sentence.start;
  // Only whole lines followed by more text: a one-line sentence is judged by isNotClaimLine's caller.
  for (let newline = newlineWithin(prose, start, sentence.end); newline >= 0;) {
    if (!isNotClaimLine(prose.slice(start, newline), first && start === sentence.start)) break;
    start = newline + 1;
    newline = newlineWithin(prose, start, sentence.end);
  }
  const dateline = opensBlock || start > sentence.start ? DATELINE.exec(prose.slice(start, sentence.end)) : null;
  return dateline ? start + dateline[0].length : start;
}
