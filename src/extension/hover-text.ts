// What the hover says over a highlighted passage: who said it (source, type, channel, cue, how many
// statements that source has), how much a claim needs a source, or where a duplicate's first copy is.
// The Problems message beside it already says what is wrong and quotes the words: the hover adds to it
// (what the analysis found, what to do) and never repeats or contradicts it. Pure: no `vscode`, so the
// unit tests run it on in-memory analyses; hovers.ts turns the parts into a MarkdownString. Document
// text only ever goes into a `text` part, which the hover escapes, never into Markdown.
import {
  claimNeed,
  countStatements,
  type Analysis,
  type Attribution,
  type AttributionKind,
  type CorrectionKind,
  type RegisteredSource,
  type SourceType,
  type Span,
} from '../core';
import { statementsOf } from './analysis-statements';
import type { StatementPart } from './statement-table';

const capitalised = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

/** What an editor's correction in the text set, as the hover and the Sources view say it. */
export const SET_BY_EDITOR: Record<CorrectionKind, string> = {
  speaker: 'speaker set by the editor',
  anonymous: 'source marked anonymous by the editor',
  'attribute-to': 'attributed by the editor',
  'not-a-statement': 'set by the editor',
};

/**
 * A piece of a hover: Markdown of our own, text (the document's included) shown as it is, or a link that
 * runs one of our commands with arguments, its label shown as text too (see `commandLinkMarkdown`).
 */
export type HoverPart = { markdown: string } | { text: string } | CommandLinkPart;

export interface CommandLinkPart {
  /** Shown as it is: may be document text (a source's name). */
  label: string;
  command: string;
  args: unknown[];
  /** The tooltip, our own words. */
  title: string;
}

/** The command the hover's alternatives run: sourceLens.changeSpeaker (corrections.ts), given a name. */
export const CHANGE_SPEAKER_COMMAND = 'sourceLens.changeSpeaker';

/**
 * The Markdown of a command link: `[label](command:id?args "title")`, the label with every character
 * Markdown or HTML could read escaped (so "*x*", "](…)", "<b>" stay text), the arguments URI-encoded JSON.
 */
export function commandLinkMarkdown(part: CommandLinkPart): string {
  const label = part.label.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!<>|~&"']/g, (c) => `\\${c}`);
  // encodeURIComponent leaves ( ) ' ! * ~: encoded too, so a bracket in a name cannot end the link.
  const args = encodeURIComponent(JSON.stringify(part.args)).replace(
    /[()'!*~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const title = part.title.replace(/["\\]/g, '');
  return `[${label}](command:${part.command}?${args} "${title}")`;
}

export interface HoverContent {
  /** The passage the hover is for. */
  span: Span;
  parts: HoverPart[];
}

const contains = (span: Span, offset: number): boolean => span.start <= offset && offset < span.end;

/** How a statement is given, in words. */
const KIND_WORDS: Record<AttributionKind, string> = {
  direct: 'Quoted directly',
  mixed: 'Paraphrased, with quoted words',
  indirect: 'Reported speech',
  blockquote: 'Block quotation',
};

/** What kind of source it is, in the words the rules use ("unnamed", as anonymous-source says). */
const TYPE_WORDS: Record<SourceType, string> = {
  person: 'person',
  organization: 'organization',
  anonymous: 'unnamed',
  document: 'document',
  unknown: 'unnamed group',
};

/**
 * The statement a hover at `offset` is about, and the part of it hovered. Statements nest (a statement's
 * content may hold another's source mention: "…, said Barrett, who cited West Virginia officials"): the
 * smallest part holding the offset wins, so the hover speaks of the statement the Problems message at that
 * place is about, not of the one around it.
 */
function statementAt(analysis: Analysis, offset: number): { attribution: Attribution; span: Span } | undefined {
  // Read in the statements' columns: an object is made only for the statement found.
  const statements = statementsOf(analysis);
  let best: { index: number; part: StatementPart | number; length: number } | undefined;
  for (let i = 0; i < statements.length; i++)
    statements.forEachPart(i, (part, start, end) => {
      if (start <= offset && offset < end && (!best || end - start < best.length))
        best = { index: i, part, length: end - start };
    });
  if (!best) return undefined;
  const found = best as { index: number; part: StatementPart | number };
  const attribution = statements.at(found.index);
  // Over the cue the hover covers the mention, as the underline does.
  if (found.part === 'cue') return { attribution, span: attribution.sourceMention ?? attribution.cue! };
  if (found.part === 'mention') return { attribution, span: attribution.sourceMention! };
  return { attribution, span: attribution.content[found.part as number] };
}

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
  documentUri?: string,
): HoverContent | undefined {
  const quote = (span: Span): string => text.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 120);

  const statement = statementAt(analysis, offset);
  if (statement)
    return {
      span: statement.span,
      parts: attributionParts(analysis, statement.attribution, quote, documentPath, documentUri),
    };
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
    // The message names what makes it worth checking; the hover says how much, and what will do.
    return {
      span: claim,
      parts: [
        { markdown: `**Unattributed claim** · ${claimNeed(claim.score)}  \n` },
        { markdown: 'Credit it (“…, the council said”), or link or footnote the evidence.' },
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
            : `First copy starts: “${quote({ start: duplicate.of.start, end: duplicate.of.start + 60 })}…”`,
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
        { markdown: 'Faded as not part of the story: **Remove All Boilerplate** deletes every such block.' },
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

function attributionParts(
  analysis: Analysis,
  attribution: Attribution,
  quote: (span: Span) => string,
  documentPath: string,
  documentUri?: string,
): HoverPart[] {
  const parts: HoverPart[] = [];
  const source = attribution.source === null ? null : analysis.sources[attribution.source];
  if (source) {
    // Counted as the Sources view counts them: a statement in a repeated passage once.
    const ownPath = documentUri ? [documentPath, documentUri] : documentPath;
    const count = countStatements(analysis, ownPath, statementsOf(analysis)).statements[attribution.source!];
    parts.push({ markdown: '**Source:** ' }, { text: source.name });
    parts.push({
      markdown: ` · ${TYPE_WORDS[source.type] ?? source.type} · ${count} statement${count === 1 ? '' : 's'}  \n`,
    });
    if (source.aliases.length)
      parts.push({ markdown: 'Also called: ' }, { text: source.aliases.join(', ') }, { markdown: '  \n' });
    if (source.registered) parts.push(...standingParts(source.registered));
  } else {
    parts.push({ markdown: '**No speaker found.** Name one beside the words (“…,” she said) to credit them.  \n' });
  }
  parts.push({ markdown: KIND_WORDS[attribution.kind] ?? attribution.kind });
  if (attribution.cue) parts.push({ markdown: ' · ' }, { text: `“${quote(attribution.cue)}”` });
  if (attribution.channel) parts.push({ markdown: ' · via ' }, { text: quote(attribution.channel) });
  if (attribution.setByEditor)
    parts.push({
      markdown: `  \n**${capitalised(SET_BY_EDITOR[attribution.setByEditor])}**, in a correction above the paragraph.`,
    });
  if (attribution.foundBy === 'tagger')
    parts.push({ markdown: '  \nFound by the trained tagger, not a rule: check the speaker and the words.' });
  parts.push(...uncertaintyParts(analysis, attribution, quote, documentUri));
  return parts;
}

/**
 * Why the speaker is uncertain, in plain words ("“she” could also be Maria Delgado"), each alternative a
 * link that makes it the speaker in one click (Change Speaker… with the name, so no picker).
 */
function uncertaintyParts(
  analysis: Analysis,
  attribution: Attribution,
  quote: (span: Span) => string,
  documentUri?: string,
): HoverPart[] {
  const uncertainty = attribution.uncertainty;
  const mention = attribution.sourceMention;
  if (!uncertainty || !mention) return [];
  const names = uncertainty.alternatives.flatMap((i) => (analysis.sources[i] ? [analysis.sources[i].name] : []));
  const parts: HoverPart[] = [{ markdown: '  \n**Unsure of the speaker:** ' }];
  if (uncertainty.reasons.includes('pronoun-ambiguous')) parts.push({ text: `“${quote(mention)}”` });
  else if (uncertainty.reasons.includes('speaker-far'))
    parts.push({ markdown: 'named sentences away from these words, ' }, { text: `“${quote(mention)}”` });
  else return [];
  if (names.length === 0) return [...parts, { markdown: ' may be someone else.' }];
  parts.push({ markdown: ' could also be ' });
  names.forEach((name, i) => {
    if (i > 0) parts.push({ markdown: i === names.length - 1 ? ' or ' : ', ' });
    const first = attribution.content[0];
    if (documentUri && first)
      parts.push({
        label: name,
        command: CHANGE_SPEAKER_COMMAND,
        args: [{ uri: documentUri, statement: { start: first.start, end: first.end } }, name],
        title: 'Make this the speaker (a correction in the text)',
      });
    else parts.push({ text: name });
  });
  parts.push({ markdown: documentUri ? ': click a name to make it the speaker.' : '.' });
  return parts;
}
