// The typed analysis the core produces. Every offset is a UTF-16 code unit offset into the original
// text (what VS Code's `positionAt` and JavaScript's `slice` take); spans are half-open [start, end).

export interface Span {
  start: number;
  end: number;
}

export type DocumentFormat = 'markdown' | 'plaintext';

/** A unit of prose: the stages below never look across blocks except where a rule says so. */
export type BlockKind = 'paragraph' | 'heading' | 'blockquote' | 'listItem';

export interface Block extends Span {
  index: number;
  kind: BlockKind;
  /** Inside a Markdown block quote (`> …`), at any depth. */
  inBlockquote: boolean;
}

export interface Sentence extends Span {
  index: number;
  /** Index of the block the sentence lies in. */
  block: number;
}

export interface Quote extends Span {
  /** Text between the marks; equals the outer span for a block quote. */
  inner: Span;
  /** The inner text paragraph by paragraph, without the marks that reopen each continued paragraph. */
  pieces: Span[];
  /** The opening mark as written ('“', '"', '«', '„', '‘', '>' for a block quote). */
  open: string;
  /** False when the quote runs on past its paragraph (news convention) or never closes. */
  closed: boolean;
  /** Block indices the quote covers (more than one for a quote that runs over paragraphs). */
  blocks: number[];
  /** A short quote inside a sentence that reads as scare quotes or a term, not as speech. */
  scare: boolean;
}

export type AttributionKind = 'direct' | 'mixed' | 'indirect' | 'blockquote';
export type SourceType = 'person' | 'organization' | 'anonymous' | 'document' | 'unknown';

export interface Attribution {
  kind: AttributionKind;
  /** What was said: one piece, or several for `“…,” he said, “…”`. */
  content: Span[];
  /** The cue ("said", "according to", "in a statement"), null when none is written. */
  cue: Span | null;
  /** Where the source is named in this statement ("INIS", "he", "officials"), null when none. */
  sourceMention: Span | null;
  /** Index into `Analysis.sources`, null when the statement has no identifiable source. */
  source: number | null;
  /** Where it was said ("a statement on X", "told reporters"), when written. */
  channel: Span | null;
  /** Sentences the statement covers. */
  sentences: number[];
  /**
   * 'tagger' when the trained tagger read it (a sentence where no rule found a statement); absent when a
   * rule did. The tagger's statements are right less often: the editor is told which is which.
   */
  foundBy?: 'tagger';
  /**
   * Set when an editor's correction in the text (`<!-- source-lens-speaker … -->`, README "Corrections")
   * decided this statement: which correction. Absent when the analysis found it as it stands.
   */
  setByEditor?: CorrectionKind;
  /**
   * Set when the analysis is unsure who said it: why, and which other sources of the document it may be
   * from. Absent when the speaker is as the rules read it with no rival, and once an editor set it.
   */
  uncertainty?: SpeakerUncertainty;
}

/**
 * Why a statement's speaker is uncertain: 'pronoun-ambiguous' — its pronoun ("she") could stand for another
 * source mentioned just before it; 'speaker-far' — the speaker is named sentences away from the words;
 * 'tagger' — the trained tagger read the statement, not a rule.
 */
export type UncertaintyReason = 'pronoun-ambiguous' | 'speaker-far' | 'tagger';

export interface SpeakerUncertainty {
  reasons: UncertaintyReason[];
  /** The other sources it may be from, as indices into `Analysis.sources`, the likeliest first. */
  alternatives: number[];
}

/** The corrections an editor can write in the text (README "Corrections"). */
export type CorrectionKind = 'speaker' | 'not-a-statement' | 'anonymous' | 'attribute-to';

export interface Source {
  /** Canonical name: the fullest mention seen ("Iraqi National Intelligence Service"). */
  name: string;
  type: SourceType;
  /** Other names used in the text for the same source ("INIS", "the agency"), pronouns excluded. */
  aliases: string[];
  /** Every mention resolved to this source, pronouns included. */
  mentions: Span[];
  /** Indices into `Analysis.attributions`. */
  attributions: number[];
  /** Channels seen for this source, as written ("a statement on X"). */
  channels: string[];
  /** The sources registry's entry this source matched by name or alias, when a registry was given. */
  registered?: RegisteredSource;
}

/**
 * How far a newsroom trusts a source, from the sources registry (`.sourcelens.json`): a small fixed scale
 * so that a team's files mean the same thing and a rule can act on the low end.
 */
export type Standing = 'official' | 'expert' | 'eyewitness' | 'partisan' | 'unverified' | 'discredited';

export interface RegisteredSource {
  /** The entry's name as the registry spells it. */
  name: string;
  standing: Standing;
  note?: string;
  url?: string;
}

export type EvidenceKind = 'link' | 'footnote' | 'url';

/** A link, footnote reference or URL in a claim's sentence: where the writer points the reader for proof. */
export interface Evidence extends Span {
  /** `link`: a Markdown link; `footnote`: `[^id]`; `url`: an autolink or a bare URL. */
  kind: EvidenceKind;
  /** The URL; for a footnote, its definition's text (the `[^id]` label itself when it has none). */
  target: string;
}

export interface Claim extends Span {
  sentence: number;
  /**
   * The whole sentence the claim is part of: where "Add Evidence Link" puts its reference. Carried here so
   * an editor that is not sent the `sentences` list (the extension's worker keeps it) can still link.
   */
  sentenceSpan: Span;
  /** Check-worthiness in [0, 1]. */
  score: number;
  /** Why the sentence was flagged, for hovers and reports ("number", "date", "superlative", …). */
  reasons: string[];
  /**
   * The evidence in the claim's sentence, in text order; absent when there is none. A linked claim is
   * still check-worthy (it stays in `claims`), but it is not unattributed: no `unattributed-claim` message.
   */
  evidence?: Evidence[];
}

export interface DuplicateOf extends Span {
  /** Document the first copy is in (`AnalyzeOptions.path` or the corpus document id). */
  path: string;
}

export interface Duplicate extends Span {
  /** Jaccard similarity of the two passages' character shingles, 1 for an exact copy. */
  similarity: number;
  /** The first occurrence. */
  of: DuplicateOf;
}

export type BoilerplateReason =
  | 'comment-policy'
  | 'comment-prompt'
  | 'newsletter'
  | 'cookie-notice'
  | 'share-prompt'
  | 'copyright'
  | 'related-links'
  | 'navigation'
  | 'advertisement'
  | 'recurring'
  | 'low-content';

export interface Boilerplate extends Span {
  reason: BoilerplateReason;
}

export type MessageSeverity = 'error' | 'warning' | 'info' | 'hint';

/** A finding as remark-lint and retext report one: rule id, reason, place, documentation URL. */
export interface Message extends Span {
  ruleId: RuleId;
  reason: string;
  severity: MessageSeverity;
  url: string;
  /** For a duplicate: the first occurrence, in the style of vfile's `cause`. */
  cause?: DuplicateOf;
  /** What could stand in the message's place, best first (vfile-message's `expected`): a quick fix offers it. */
  expected?: string[];
  /** Other places the finding is about (a single source's statements): the editor's related information. */
  related?: RelatedSpan[];
}

/** A place a message points at besides its own, and what it is there ("Statement 2 of 6 from INIS"). */
export interface RelatedSpan extends Span {
  reason: string;
}

export type RuleId =
  | 'unattributed-claim'
  | 'duplicate-passage'
  | 'boilerplate'
  | 'unbalanced-quote'
  | 'anonymous-source'
  | 'anonymous-source-without-reason'
  | 'vague-source'
  | 'unknown-speaker'
  | 'loaded-attribution-verb'
  | 'low-standing-source'
  | 'single-source'
  | 'unknown-rule'
  | 'unapplied-correction'
  | 'markdown-not-parsed'
  | 'input-too-large'
  | 'analysis-timeout'
  | 'internal-error';

export interface Analysis {
  /** Length of the analysed text in UTF-16 code units. */
  length: number;
  format: DocumentFormat;
  blocks: Block[];
  sentences: Sentence[];
  quotes: Quote[];
  attributions: Attribution[];
  sources: Source[];
  claims: Claim[];
  duplicates: Duplicate[];
  boilerplate: Boilerplate[];
  messages: Message[];
}

export interface CorpusDocument {
  /** Stable id, e.g. a path or URI; duplicates point at it. */
  path: string;
  text: string;
  format?: DocumentFormat;
}

export interface CorpusResult {
  path: string;
  analysis: Analysis;
}
