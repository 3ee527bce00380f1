// What the hover says over a highlighted passage: who said it (source, type, channel, cue, how many
// statements that source has), or why a sentence was flagged as a claim, or what a duplicate or
// boilerplate block is. Pure: no `vscode`, so the unit tests run it on in-memory analyses; hovers.ts
// turns the parts into a MarkdownString. Document text only ever goes into a `text` part, which the
// hover escapes, never into Markdown.
import type { Analysis, Attribution, RegisteredSource, Span } from '../core';

/** A piece of a hover: Markdown of our own, or text (the document's included) shown as it is. */
export type HoverPart = { markdown: string } | { text: string };

export interface HoverContent {
  /** The passage the hover is for. */
  span: Span;
  parts: HoverPart[];
}

const contains = (span: Span, offset: number): boolean => span.start <= offset && offset < span.end;

/**
 * The hover at an offset of the analysed text, or undefined where nothing is highlighted. A statement
 * comes before a claim, a claim before a duplicate, a duplicate before boilerplate. `documentPath` is
 * the path of the document hovered, to tell a first copy in it from one in another document.
 */
export function hoverAt(
  analysis: Analysis,
  text: string,
  offset: number,
  documentPath: string,
): HoverContent | undefined {
  const quote = (span: Span): string => text.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 120);

  const attribution = analysis.attributions.find((a) =>
    [...a.content, a.cue, a.sourceMention].some((s) => s && contains(s, offset)),
  );
  if (attribution) {
    const span = attribution.content.find((s) => contains(s, offset)) ?? attribution.sourceMention ?? attribution.cue!;
    return { span, parts: attributionParts(analysis, attribution, quote) };
  }
  const claim = analysis.claims.find((c) => contains(c, offset));
  if (claim?.evidence) {
    const [first, ...more] = claim.evidence;
    return {
      span: claim,
      parts: [
        { markdown: '**Linked claim:** evidence ' },
        { text: first.target },
        { markdown: more.length ? ` (and ${more.length} more)` : '' },
      ],
    };
  }
  if (claim) {
    return {
      span: claim,
      parts: [
        { markdown: `**Unattributed claim** · check-worthiness ${claim.score.toFixed(2)}  \n` },
        {
          text: `No source is given for this ${claim.reasons.length ? `(${claim.reasons.join(', ')})` : 'statement'}.`,
        },
      ],
    };
  }
  const duplicate = analysis.duplicates.find((d) => contains(d, offset));
  if (duplicate) {
    const elsewhere = duplicate.of.path && duplicate.of.path !== documentPath;
    return {
      span: duplicate,
      parts: [
        { markdown: `**Duplicated passage** · ${Math.round(duplicate.similarity * 100)}% similar  \n` },
        {
          text: elsewhere
            ? `First copy in ${duplicate.of.path}.`
            : `First copy starts: “${text.slice(duplicate.of.start, duplicate.of.start + 60)}…”`,
        },
      ],
    };
  }
  const boilerplate = analysis.boilerplate.find((b) => contains(b, offset));
  if (boilerplate) {
    return {
      span: boilerplate,
      parts: [
        { markdown: `**Boilerplate** · ${boilerplate.reason.replace(/-/g, ' ')}  \n` },
        { text: 'Site furniture, not article text.' },
      ],
    };
  }
  return undefined;
}

/** The registry's word on a source: its standing, then the team's note and link, which are shown as text. */
function standingParts({ name, standing, note, url }: RegisteredSource): HoverPart[] {
  const parts: HoverPart[] = [
    { markdown: `**Standing:** ${standing} · sources registry entry ` },
    { text: `“${name}”` },
  ];
  if (note) parts.push({ markdown: '  \n' }, { text: note });
  if (url) parts.push({ markdown: '  \n' }, { text: url });
  parts.push({ markdown: '  \n' });
  return parts;
}

function attributionParts(analysis: Analysis, attribution: Attribution, quote: (span: Span) => string): HoverPart[] {
  const parts: HoverPart[] = [];
  const source = attribution.source === null ? null : analysis.sources[attribution.source];
  if (source) {
    parts.push({ markdown: '**Source:** ' }, { text: source.name });
    parts.push({
      markdown: ` · ${source.type} · ${source.attributions.length} statement${source.attributions.length === 1 ? '' : 's'}  \n`,
    });
    if (source.aliases.length)
      parts.push({ markdown: 'Also called: ' }, { text: source.aliases.join(', ') }, { markdown: '  \n' });
    if (source.registered) parts.push(...standingParts(source.registered));
  } else {
    parts.push({ markdown: '**No identifiable source** for this statement.  \n' });
  }
  parts.push({ markdown: `**Kind:** ${attribution.kind}` });
  if (attribution.cue) parts.push({ markdown: ' · **cue:** ' }, { text: `“${quote(attribution.cue)}”` });
  if (attribution.channel) parts.push({ markdown: ' · **channel:** ' }, { text: quote(attribution.channel) });
  if (attribution.foundBy === 'tagger')
    parts.push({ markdown: '  \nFound by the trained tagger, not a rule: check the speaker and the words.' });
  return parts;
}
