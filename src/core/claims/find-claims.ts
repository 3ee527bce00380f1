// Stage 8: unattributed claims. The part of each sentence that is the writer's own (not boilerplate,
// not a repeated copy, not someone's statement or quotation) is scored for check-worthiness; at or
// above the threshold it is a claim. A claim whose sentence holds a link, a footnote reference or a URL
// carries it as its evidence (evidence.ts): still a claim, as check-worthy as before, but linked.
import { checkWorthiness, type CheckWorthiness } from './check-worthiness';
import { evidenceIn, footnoteDefinitions, type EvidenceMarkup } from './evidence';
import { isNotClaimBlock, isNotClaimLine, isSceneSetting, proseStart } from './not-claims';
import { memoized, type TextMemo } from '../text/text-memo';
import { isSpace } from '../text/whitespace';
import type { Attribution, Block, Boilerplate, Claim, Duplicate, Quote, Sentence, Span } from '../types';

/** Fewer words than this left beside a statement ("…, officials said") are not a claim of their own. */
const MIN_OWN_WORDS = 6;

export function findClaims(
  prose: string,
  sentences: Sentence[],
  attributions: Attribution[],
  quotes: Quote[],
  boilerplate: Boilerplate[],
  duplicates: Duplicate[],
  threshold: number,
  memo?: TextMemo<CheckWorthiness>,
  markup: EvidenceMarkup = { links: [], codeSpans: [] },
  blocks: readonly Block[] = [],
): Claim[] {
  const notOwn = bySentence(sentences, notTheWritersOwn(attributions, quotes));
  const excluded = bySentence(sentences, [...boilerplate, ...duplicates]);
  const claims: Claim[] = [];
  const notClaimBlocks = blocks.map((block) => isNotClaimBlock(prose, block));
  // Read once, and only if a claim's sentence has a footnote reference that remark did not resolve.
  let definitions: Map<string, string> | undefined;
  const footnotes = () => (definitions ??= footnoteDefinitions(prose));
  for (const sentence of sentences) {
    if (excluded[sentence.index]?.some((span) => contains(span, sentence))) continue;
    const prosePart = withoutHeadlines(prose, sentences, sentence, notClaimBlocks);
    if (!prosePart) continue;
    const own = longestOwnPart(prose, prosePart, notOwn[sentence.index]);
    if (!own) continue;
    const ownText = prose.slice(own.start, own.end);
    const { score, reasons } = memoized(memo, ownText, () => checkWorthiness(ownText), '', own.start);
    // The kept result is shared between analyses: each claim gets its own list.
    if (score < threshold) continue;
    const claim: Claim = {
      start: own.start,
      end: own.end,
      sentence: sentence.index,
      sentenceSpan: { start: sentence.start, end: sentence.end },
      score: round(score),
      reasons: [...reasons],
    };
    // Anywhere in the sentence, not just the claim's own part: the writer links the sentence, not a clause.
    const evidence = evidenceIn(prose, sentence, markup, footnotes);
    if (evidence) claim.evidence = evidence;
    claims.push(claim);
  }
  return claims;
}

/**
 * The sentence without the headline, byline, caption or dateline it holds (not-claims.ts), or null when
 * that is all of it or it only sets the scene. A headline needs no capitals on the document's first line if more text follows it.
 */
function withoutHeadlines(prose: string, sentences: Sentence[], sentence: Sentence, notClaimBlocks: boolean[]) {
  if (notClaimBlocks[sentence.block]) return null;
  const first = sentence.index === 0 && sentences.length > 1;
  const opensBlock = sentence.index === 0 || sentences[sentence.index - 1].block !== sentence.block;
  const start = proseStart(prose, sentence, first, opensBlock);
  const text = prose.slice(start, sentence.end);
  // A headline or byline is a line of its own: a sentence that shares its line with another is prose.
  const wholeLine = (start === 0 || prose[start - 1] === '\n') && endsLine(prose, sentence.end);
  if ((wholeLine && isNotClaimLine(text, first && start === sentence.start)) || isSceneSetting(text)) return null;
  return start === sentence.start ? sentence : { ...sentence, start };
}

/** Whether only spaces or tabs stand between `at` and the end of its line. */
function endsLine(prose: string, at: number): boolean {
  let i = at;
  while (prose[i] === ' ' || prose[i] === '\t') i++;
  return i >= prose.length || prose[i] === '\n' || prose[i] === '\r';
}

/** The spans that are someone else's words: the statements' parts, then quotations. */
function notTheWritersOwn(attributions: Attribution[], quotes: Quote[]): Span[] {
  const spans: Span[] = [];
  for (const a of attributions) {
    // Everything that belongs to a statement: what was said, who said it, how and where. Reported speech
    // with no source ("is expected to", "reportedly") stays the writer's own: nobody is on record for it.
    // (A sentence an editor attributed has a source and no mention: someone is on record for it.)
    if (a.sourceMention === null && a.source === null && a.kind !== 'direct' && a.kind !== 'blockquote') continue;
    const first = spans.length;
    spans.push(...a.content);
    for (const part of [a.cue, a.sourceMention, a.channel]) if (part !== null) spans.push(part);
    // Statements come in text order, so with each one's parts in order too the list is nearly sorted,
    // and sorting it in bySentence costs little. A stable sort here leaves that sort's result as it was.
    sortByStartFrom(spans, first);
  }
  // Speech with no attribution is still speech: a quotation is not the writer's claim.
  for (const q of quotes) if (!q.scare) spans.push({ start: q.start, end: q.end });
  return spans;
}

/**
 * The longest stretch of the sentence outside every statement and quotation (`overlapping`, none when
 * undefined), or null if too little is left.
 */
function longestOwnPart(prose: string, sentence: Sentence, overlapping: Span[] | undefined): Span | null {
  if (!overlapping) return sentence;
  // The best stretch so far as two numbers, not a span per stretch: this runs for every sentence.
  let bestStart = 0;
  let bestEnd = -1;
  let from = sentence.start;
  // The stretches between the spans, then the one after the last of them.
  for (let i = 0; i <= overlapping.length; i++) {
    const last = i === overlapping.length;
    let end = Math.min(last ? sentence.end : overlapping[i].start, sentence.end);
    let start = from;
    while (start < end && isTrimmed(prose.charCodeAt(start))) start++;
    while (end > start && isTrimmed(prose.charCodeAt(end - 1))) end--;
    if (end > start && (bestEnd < 0 || end - start > bestEnd - bestStart)) {
      bestStart = start;
      bestEnd = end;
    }
    from = Math.max(from, last ? sentence.end : overlapping[i].end);
  }
  if (bestEnd < 0) return null;
  const text = prose.slice(bestStart, bestEnd);
  // "…, said Ana Ruiz, who has championed the project": a description of the speaker, not a claim.
  if (/^(who|whose|which)\b/i.test(text)) return null;
  return hasWords(text, MIN_OWN_WORDS) ? { start: bestStart, end: bestEnd } : null;
}

/** Whether `text` has at least `count` words (runs between spaces holding a letter or digit). */
function hasWords(text: string, count: number): boolean {
  let words = 0;
  let i = 0;
  // Walked in place rather than split, so no word is copied out.
  while (i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    if (i > start && hasLetterOrDigit(text, start, i) && ++words >= count) return true;
  }
  return false;
}

/** Whether text[start, end) has a letter or digit. */
function hasLetterOrDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
    if (code >= 128) return /[\p{L}\p{N}]/u.test(text.slice(start, end));
  }
  return false;
}

/**
 * The spans overlapping each sentence, in text order; no list for a sentence none overlaps (most, for
 * boilerplate and copies). Sentences are in text order too, so the first sentence a span can overlap
 * only moves forward as the spans are walked.
 */
function bySentence(sentences: Sentence[], spans: Span[]): (Span[] | undefined)[] {
  const buckets: (Span[] | undefined)[] = new Array(sentences.length);
  let first = 0;
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    while (first < sentences.length && sentences[first].end <= span.start) first++;
    for (let i = first; i < sentences.length && sentences[i].start < span.end; i++) (buckets[i] ??= []).push(span);
  }
  return buckets;
}

/** Sorts spans[from…] by start, stably: an insertion sort, as a statement has a handful of parts. */
function sortByStartFrom(spans: Span[], from: number): void {
  for (let i = from + 1; i < spans.length; i++) {
    const span = spans[i];
    let j = i;
    for (; j > from && spans[j - 1].start > span.start; j--) spans[j] = spans[j - 1];
    spans[j] = span;
  }
}

/** Space, `,`, `;`, `:`, or a dash: what a stretch of a sentence cut at a statement is trimmed of. */
function isTrimmed(code: number): boolean {
  return (
    isSpace(code) ||
    code === 0x2c ||
    code === 0x3b ||
    code === 0x3a ||
    code === 0x2014 ||
    code === 0x2013 ||
    code === 0x2d
  );
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
