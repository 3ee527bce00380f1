// Boilerplate detection scored line by line on the two page sets of ../shared/eval/boilerplate (Zyte, WCXB),
// with boilerplate as the positive class. Each page is its lines joined by "\n", read as plain text (one block
// per line), with blocks recurring in 3 or more pages of the corpus as evidence. Two protocols: the Zyte
// even/odd split (tuning looked at even pages; odd is held out, corpus all pages), and site-grouped
// cross-validation on both sets (boilerplate-cv.ts; corpus the training folds, so a test site is unseen).
//   node out/scripts/eval-boilerplate.js [--errors] [--boilerplate-errors N]
import { join } from 'node:path';
import { detectBoilerplate, recurringBlockKeys } from '../src/core/boilerplate/detect-boilerplate';
import { parseStructure } from '../src/core/structure/parse-structure';
import type { Block, Boilerplate, BoilerplateReason } from '../src/core/types';
import { countLines, crossValidateLines, shorterThan, siteOf, type CrossValidatedScore } from './boilerplate-cv';
import { errorKinds, formatErrorKinds, type LineOutcome } from './boilerplate-errors';
import { formatTable, percent, prf, prfCell, readJsonl, sharedRoot, type Prf, type TableRow } from './eval-shared';

export interface LabelledLine {
  line: number;
  text: string;
  label: 'content' | 'boilerplate';
}

export interface LabelledPage {
  id: string;
  url: string;
  lines: LabelledLine[];
}

export interface BoilerplateScore extends Prf {
  /** Lines scored. */
  lines: number;
  /** Share of content lines left unflagged: what an editor sees of the article (86% of lines are boilerplate). */
  contentKept: number;
  /** F1 of flagging every line: the floor the base rate gives this score. */
  allBoilerplateF1: number;
}

export interface EvalOptions {
  /** Pages the recurring blocks are counted over; default the pages scored. */
  corpus?: LabelledPage[];
  recurrenceThreshold?: number;
  /** Called for every scored line, for error analysis. */
  onLine?: (page: LabelledPage, line: LabelledLine, predicted: boolean) => void;
}

export const EVAL_RECURRENCE_THRESHOLD = 3;

export function evalBoilerplate(pages: LabelledPage[], options: EvalOptions = {}): BoilerplateScore {
  const flags = predictLineReasons(pages, options.corpus ?? pages, options.recurrenceThreshold).map((reasons) =>
    reasons.map((reason) => reason !== null),
  );
  if (options.onLine)
    pages.forEach((page, p) => page.lines.forEach((line, i) => options.onLine!(page, line, flags[p][i])));
  const counts = countLines(pages, flags);
  const contentLines = counts.lines - counts.gold;
  const falsePositives = counts.predicted - counts.truePositives;
  return {
    ...prf(counts),
    lines: counts.lines,
    contentKept: contentLines ? (contentLines - falsePositives) / contentLines : 1,
    allBoilerplateF1: prf({ truePositives: counts.gold, predicted: counts.lines, gold: counts.gold }).f1,
  };
}

/**
 * The core's verdict on every line of each page: the reason of the boilerplate span covering it, or null.
 * Recurring blocks are counted over `corpus` (label-free evidence: no gold label is read).
 */
export function predictLineReasons(
  pages: LabelledPage[],
  corpus: LabelledPage[] = pages,
  recurrenceThreshold = EVAL_RECURRENCE_THRESHOLD,
): (BoilerplateReason | null)[][] {
  const recurring = recurringBlockKeys([...new Set(corpus)].map(parsePage), recurrenceThreshold);
  return pages.map((page) => {
    const { text, blocks, lineStarts } = parsePage(page);
    return lineReasons(detectBoilerplate(text, blocks, recurring), lineStarts);
  });
}

/**
 * The core on unseen sites: each test fold is read with blocks recurring in the training folds (other
 * sites) as its corpus evidence, so nothing of a test page's own site is known beforehand.
 */
export function coreOnUnseenSites(
  onLine?: (page: LabelledPage, line: LabelledLine, reason: BoilerplateReason | null) => void,
) {
  return (test: LabelledPage[], train: LabelledPage[]): boolean[][] =>
    predictLineReasons(test, train).map((reasons, p) =>
      reasons.map((reason, i) => {
        onLine?.(test[p], test[p].lines[i], reason);
        return reason !== null;
      }),
    );
}

interface ParsedPage {
  text: string;
  blocks: Block[];
  lineStarts: number[];
}

// Pages are parsed once however many folds and corpora read them.
const parsedPages = new WeakMap<LabelledPage, ParsedPage>();

/** Each page is its lines joined by "\n", read as plain text: one block per line. */
function parsePage(page: LabelledPage): ParsedPage {
  const known = parsedPages.get(page);
  if (known) return known;
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of page.lines) {
    lineStarts.push(offset);
    offset += line.text.length + 1;
  }
  const text = page.lines.map((line) => line.text).join('\n');
  const parsed = { text, blocks: parseStructure(text, 'plaintext').blocks, lineStarts };
  parsedPages.set(page, parsed);
  return parsed;
}

/** A line takes the reason of the first boilerplate span that overlaps it (null: none does). */
function lineReasons(spans: Boilerplate[], lineStarts: number[]): (BoilerplateReason | null)[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return lineStarts.map((start, index) => {
    const end = index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : Number.MAX_SAFE_INTEGER;
    return sorted.find((span) => span.start < Math.max(end, start + 1) && span.end > start)?.reason ?? null;
  });
}

export const ZYTE_PAGES = 'zyte_pagetext_lines.jsonl';
export const WCXB_PAGES = 'wcxb_dev_lines.jsonl';
/** Folds of the site-grouped cross-validation. */
export const SITE_FOLDS = 5;
/** The reference baseline's cut (../shared/README.md): a line shorter than this many characters is boilerplate. */
export const BASELINE_CHARS = 40;

export function loadPages(root: string, file: string): LabelledPage[] {
  return readJsonl<LabelledPage>(join(root, 'eval', 'boilerplate', file));
}

/**
 * Site-grouped CV rows for one page set: the core (recurrence counted on the training folds) and the
 * "shorter than 40 characters" baseline on the same folds, with the spread of the folds' F1.
 */
export function siteGroupedRows(name: string, pages: LabelledPage[], target = '', folds = SITE_FOLDS): TableRow[] {
  const spread = (score: CrossValidatedScore) =>
    `folds F1 ${percent(score.minF1)}–${percent(score.maxF1)}; ${score.lines} lines`;
  const core = crossValidateLines(pages, folds, coreOnUnseenSites());
  const baseline = crossValidateLines(pages, folds, shorterThan<LabelledPage>(BASELINE_CHARS));
  const sites = new Set(pages.map((page) => siteOf(page.url))).size;
  return [
    {
      metric: `boilerplate lines F1, ${name} (${pages.length} pages, ${sites} sites), ${folds}-fold site-grouped CV`,
      ours: prfCell(core),
      target: target ? `${target}; ${spread(core)}` : spread(core),
    },
    {
      metric: `  baseline "line < ${BASELINE_CHARS} chars", same folds`,
      ours: prfCell(baseline),
      target: spread(baseline),
    },
  ];
}

/** The most frequent kinds of wrong lines on a page set, over the site-grouped CV predictions. */
export function boilerplateErrorReport(pages: LabelledPage[], top: number, folds = SITE_FOLDS): string {
  const outcomes: LineOutcome[] = [];
  crossValidateLines(
    pages,
    folds,
    coreOnUnseenSites((page, line, reason) =>
      outcomes.push({
        page: page.id,
        text: line.text,
        gold: line.label === 'boilerplate',
        predicted: reason !== null,
        reason,
      }),
    ),
  );
  return formatErrorKinds(errorKinds(outcomes), top);
}

function main(): void {
  const root = sharedRoot();
  if (!root) {
    console.error(
      'eval-boilerplate: ../shared (or SOURCE_LENS_SHARED) not found; the evaluation data is not available.',
    );
    process.exitCode = 1;
    return;
  }
  const pages = loadPages(root, ZYTE_PAGES);
  const train = pages.filter((_, i) => i % 2 === 0);
  const heldOut = pages.filter((_, i) => i % 2 === 1);
  const show = process.argv.includes('--errors');
  const report = (name: string, subset: LabelledPage[]) => {
    const score = evalBoilerplate(subset, {
      corpus: pages,
      onLine: show && subset === train ? (page, line, predicted) => printError(page, line, predicted) : undefined,
    });
    console.log(
      `${name.padEnd(16)} P ${percent(score.precision)}  R ${percent(score.recall)}  F1 ${percent(score.f1)}  ` +
        `content kept ${percent(score.contentKept)}  (${score.lines} lines; flag-everything F1 ${percent(score.allBoilerplateF1)})`,
    );
  };
  report('train (even)', train);
  report('held-out (odd)', heldOut);
  const wcxb = loadPages(root, WCXB_PAGES);
  console.log(formatTable([...siteGroupedRows('WCXB', wcxb, '≥92'), ...siteGroupedRows('Zyte', pages, '≥95')]));
  const top = Number(process.argv[process.argv.indexOf('--boilerplate-errors') + 1]);
  if (process.argv.includes('--boilerplate-errors')) console.log(`\n${boilerplateErrorReport(wcxb, top || 10)}`);
}

function printError(page: LabelledPage, line: LabelledLine, predicted: boolean): void {
  const gold = line.label === 'boilerplate';
  if (gold === predicted) return;
  console.log(`${gold ? 'FN' : 'FP'} ${page.id.slice(0, 8)} ${JSON.stringify(line.text.slice(0, 140))}`);
}

// Bundled by esbuild, `require.main === module` would also hold inside scripts/eval.js: test the entry file.
if (/eval-boilerplate\.[jt]s$/.test(process.argv[1] ?? '')) main();
