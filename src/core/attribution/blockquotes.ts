// Markdown block quotes: introduced by "X said:" closing the paragraph before, or the last speaker's.
import { introducedBy } from './standalone-quotes';
import type { Attribution, Block, Quote, Sentence } from '../types';

export function blockquoteAttributions(
  prose: string,
  blocks: Block[],
  quotes: Quote[],
  sentences: Sentence[],
  earlier: Attribution[],
): Attribution[] {
  const found: Attribution[] = [];
  for (const quote of quotes) {
    if (quote.open !== '>') continue;
    const blockIndex = quote.blocks[0];
    // "She wrote:" closing the paragraph before introduces the block quote.
    const previous = blocks[blockIndex - 1];
    const last =
      previous && !previous.inBlockquote ? [...sentences].reverse().find((s) => s.block === previous.index) : undefined;
    const speaker = introducedBy(prose, last);
    const fallback = speaker
      ? null
      : [...earlier].reverse().find((a) => a.sourceMention && a.content[0].start < quote.start);
    found.push({
      kind: 'blockquote',
      content: quote.pieces.map((p) => ({ ...p })),
      cue: speaker?.cue ?? null,
      sourceMention: speaker?.mention ?? fallback?.sourceMention ?? null,
      source: null,
      channel: speaker?.channel ?? null,
      sentences: sentences.filter((s) => s.start >= quote.start && s.end <= quote.end).map((s) => s.index),
    });
  }
  return found;
}
