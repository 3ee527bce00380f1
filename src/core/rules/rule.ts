// What a rule module declares, as remark-lint's rules do: its id, how loud it is by default, whether a
// control comment can silence it, the README section that documents it, and the function that turns the
// stages' findings into its messages. registry.ts lists the modules; everything else reads that list.
import type { UnappliedCorrection } from '../corrections';
import type { UnknownRule } from '../structure';
import type { Analysis, DuplicateOf, MessageSeverity, RelatedSpan, RuleId, Span } from '../types';

/** What the stages hand the rules: the analysis, and the findings that have no place in it. */
export interface RuleInput {
  text: string;
  analysis: Analysis;
  /** Quotation marks with no partner (quotes stage). */
  unbalanced: readonly Span[];
  /** The size cap, when the text is over it and was not analysed. */
  tooLarge?: number;
  /** Why a Markdown document was read as plain text instead (structure stage), when it was. */
  markdownNotParsed?: string;
  /** The deadline an analysis ran past (it was stopped), when it did. */
  timedOut?: TimedOut;
  /** Why the analysis failed, when it did. */
  internalError?: string;
  /** Names in control comments that are not rules (structure stage). */
  unknownRules: readonly UnknownRule[];
  /** The editor's corrections that apply to nothing or cannot be read (corrections stage). */
  unappliedCorrections: readonly UnappliedCorrection[];
  /** The rules a control comment can silence, in registry order. */
  suppressibleRules: readonly RuleId[];
  /** The path the document was analysed under (its duplicates' `of.path` when they repeat this document). */
  path: string;
  /** When one source is too many (single-source). */
  singleSource: SingleSourceOptions;
}

/** An analysis stopped at its deadline: how long it had, and what the user changes to give it longer. */
export interface TimedOut {
  deadlineMs: number;
  /** The setting or flag that sets the deadline, as the message names it (`"sourceLens.analysisTimeoutMs"`, `--timeout`). */
  setting: string;
  /** Whether the findings of an earlier analysis are still shown (the editor's), so the message says so. */
  kept?: boolean;
}

/** single-source fires when one source has at least `minStatements` counted statements and `share` of them all. */
export interface SingleSourceOptions {
  /** Share of the counted attributed statements, 0–1. */
  share: number;
  /** The source's own counted statements. */
  minStatements: number;
}

/** Adds one message of the rule at `span`; `cause` and `expected` as in vfile-message; `related`, other places it is about. */
export type Report = (
  span: Span,
  reason: string,
  cause?: DuplicateOf,
  expected?: string[],
  related?: RelatedSpan[],
) => void;

export interface Rule<Id extends RuleId = RuleId> {
  id: Id;
  /** Default severity; the editor's `sourceLens.severity` setting may change it. */
  severity: MessageSeverity;
  /** Whether a control comment (`source-lens-disable …`) can silence it. */
  suppressible: boolean;
  /** The fragment of the rule's README section (its `### id` heading) that a message's URL points at. */
  anchor: string;
  /** One sentence for settings and reports. */
  summary: string;
  /**
   * Whether the CLI's text report lists its messages under "Warnings". The findings of the others are
   * the report's own sections (sources, claims, duplicates, boilerplate), read from the analysis.
   */
  warningInTextReport: boolean;
  /** Whether the text it marks is there to be removed (a repeat, site furniture): editors fade it. */
  marksRemovableText: boolean;
  /** Reports the rule's messages, in text order. */
  check(input: RuleInput, report: Report): void;
}

/** Declares a rule, keeping its id's literal type so the registry can check that every RuleId has one. */
export function defineRule<Id extends RuleId>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
