// Stage 4: attribution. Gives every statement in the text its content, cue and source mention:
//   direct   “…,” X said. / “…,” said X. / X said: “…” / “…,” X said, “…”
//   mixed    X said that arrests “have been made …” (reported speech with quoted fragments)
//   indirect X said (that) … / …, X said. / According to X, … / …, according to X.
//   blockquote  a Markdown block quote, introduced by "X said:" or following the last speaker
// Each sentence is read on its own (sentence-statements.ts); what links sentences is done here: a quote
// standing alone with no cue belongs to the last speaker (the next sentence or paragraph).
// Statements reported with no source at all ("is expected to", "reportedly") are in agentless.ts.
import { blockquoteAttributions } from './blockquotes';
import { sentenceStatements, type SentenceStatements } from './sentence-statements';
import { introducedBy, lastEnd, quoteBetween, standsAlone } from './standalone-quotes';
import { contentPieces } from './spans';
import type { TaggerWeights } from './model';
import type { TextMemo } from '../text/text-memo';
import type { Attribution, Block, Quote, Sentence } from '../types';

/** How many blocks back a quote with no cue may look for its speaker. */
const SPEAKER_REACH_BLOCKS = 2;

export function findAttributions(
  prose: string,
  blocks: Block[],
  sentences: Sentence[],
  quotes: Quote[],
  memo?: TextMemo<SentenceStatements>,
  model?: TaggerWeights | null,
): Attribution[] {
  const attributions: Attribution[] = [];
  const speech = quotes.filter((q) => !q.scare && q.open !== '>');
  let lastSpeaker: { attribution: Attribution; block: number } | null = null;
  /** The last statement the rules found; the tagger's statements are passed over (see below). */
  let lastByRules: Attribution | undefined;
  let quoteIndex = 0;
  let anyQuoteIndex = 0;
  const usedQuotes = new Set<Quote>();

  for (let first = 0, final: number; first < sentences.length; first = final + 1) {
    final = first;
    if (blocks[sentences[first].block]?.inBlockquote) continue;
    while (quoteIndex < speech.length && speech[quoteIndex].end <= sentences[first].start) quoteIndex++;
    const inSentence: Quote[] = [];
    for (let q = quoteIndex; q < speech.length && speech[q].start < sentences[final].end; q++) {
      if (usedQuotes.has(speech[q])) continue;
      inSentence.push(speech[q]);
      // A quote that runs over sentences or paragraphs is read with all of them, so its speaker is found.
      while (final + 1 < sentences.length && speech[q].end > sentences[final].end) final++;
    }
    const sentence: Sentence = final === first ? sentences[first] : { ...sentences[first], end: sentences[final].end };
    const covered: number[] = [];
    for (let k = first; k <= final; k++) covered.push(sentences[k].index);
    // Top-level quotes never overlap, so sorted by start they are sorted by end too: walk them once.
    while (anyQuoteIndex < quotes.length && quotes[anyQuoteIndex].end <= sentence.start) anyQuoteIndex++;
    const allQuotes: Quote[] = [];
    for (let q = anyQuoteIndex; q < quotes.length && quotes[q].start < sentence.end; q++)
      if (quotes[q].end > sentence.start) allQuotes.push(quotes[q]);
    const local = sentenceStatements(prose, sentence, inSentence, allQuotes, memo, model);
    for (let q = 0; q < inSentence.length; q++) if (local.usedQuotes[q]) usedQuotes.add(inSentence[q]);
    const sorted = local.statements;
    for (const attribution of sorted) attribution.sentences = covered;
    // A quote that stands alone continues the last speaker's statement (a quote in the same or the next
    // paragraph; reported speech only in the same one), or is introduced by "X said:" just before it.
    for (const quote of inSentence) {
      if (usedQuotes.has(quote) || !standsAlone(prose, quote, sentence)) continue;
      usedQuotes.add(quote);
      const introduced = introducedBy(prose, sentences[sentence.index - 1]);
      const last = lastByRules;
      const continues =
        !introduced &&
        sorted.length === 0 &&
        lastSpeaker &&
        last === lastSpeaker.attribution &&
        sentence.block - lastSpeaker.block <= 1 &&
        (last.kind !== 'indirect' || sentence.block === lastSpeaker.block) &&
        !quoteBetween(speech, lastEnd(last), quote.start);
      if (continues) {
        last.content.push(...contentPieces(prose, quote));
        last.sentences.push(...covered);
        lastSpeaker = { attribution: last, block: sentence.block };
        continue;
      }
      const speaker =
        lastSpeaker && sentence.block - lastSpeaker.block <= SPEAKER_REACH_BLOCKS ? lastSpeaker.attribution : null;
      sorted.push({
        kind: 'direct',
        content: contentPieces(prose, quote),
        cue: introduced?.cue ?? null,
        sourceMention: introduced?.mention ?? speaker?.sourceMention ?? null,
        source: null,
        channel: introduced?.channel ?? null,
        sentences: covered,
      });
    }
    for (const attribution of local.predicates) attribution.sentences = covered;
    sorted.push(...local.predicates);
    // The tagger's statements never carry a speaker on to a quote standing alone: only the rules' do.
    for (const attribution of local.tagged) attribution.sentences = covered;
    sorted.push(...local.tagged);
    sorted.sort((a, b) => a.content[0].start - b.content[0].start);
    for (const attribution of sorted) {
      attributions.push(attribution);
      if (attribution.foundBy === 'tagger') continue;
      lastByRules = attribution;
      if (attribution.sourceMention) lastSpeaker = { attribution, block: sentence.block };
    }
  }
  attributions.push(...blockquoteAttributions(prose, blocks, quotes, sentences, attributions));
  return attributions.sort((a, b) => a.content[0].start - b.content[0].start);
}
