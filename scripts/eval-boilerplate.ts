// Boilerplate detection scored line by line on the Zyte page-text set (../shared/eval/boilerplate), with
// boilerplate as the positive class. Each page is its lines joined by "\n", read as plain text (one block
// per line), with blocks recurring in 3 or more pages of the corpus as evidence. Tuning looks only at the
// even-indexed pages; the odd-indexed ones are the held-out number.
import { join } from 'node:path';
import { detectBoilerplate, recurringBlockKeys } from '../src/core/boilerplate/detect-boilerplate';
import { parseStructure } from '../src/core/structure/parse-structure';
import type { Block, Boilerplate } from '../src/core/types';
import { percent, prf, readJsonl, sharedRoot, type Prf } from './eval-shared';

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
  const corpus = options.corpus ?? pages;
  const parsed = new Map(corpus.concat(pages).map((page) => [page, parsePage(page)]));
  const recurring = recurringBlockKeys(
    [...new Set(corpus)].map((page) => parsed.get(page)!),
    options.recurrenceThreshold ?? EVAL_RECURRENCE_THRESHOLD,
  );
  let truePositives = 0;
  let predicted = 0;
  let gold = 0;
  let lines = 0;
  for (const page of pages) {
    const { text, blocks, lineStarts } = parsed.get(page)!;
    const flagged = flaggedLines(detectBoilerplate(text, blocks, recurring), lineStarts);
    page.lines.forEach((line, index) => {
      const isBoilerplate = flagged[index];
      const isGold = line.label === 'boilerplate';
      lines++;
      if (isBoilerplate) predicted++;
      if (isGold) gold++;
      if (isBoilerplate && isGold) truePositives++;
      options.onLine?.(page, line, isBoilerplate);
    });
  }
  const contentLines = lines - gold;
  return {
    ...prf({ truePositives, predicted, gold }),
    lines,
    contentKept: contentLines ? (contentLines - (predicted - truePositives)) / contentLines : 1,
    allBoilerplateF1: prf({ truePositives: gold, predicted: lines, gold }).f1,
  };
}

interface ParsedPage {
  text: string;
  blocks: Block[];
  lineStarts: number[];
}

function parsePage(page: LabelledPage): ParsedPage {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of page.lines) {
    lineStarts.push(offset);
    offset += line.text.length + 1;
  }
  const text = page.lines.map((line) => line.text).join('\n');
  return { text, blocks: parseStructure(text, 'plaintext').blocks, lineStarts };
}

/** A line is flagged when a boilerplate span covers its first non-blank character. */
function flaggedLines(spans: Boilerplate[], lineStarts: number[]): boolean[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return lineStarts.map((start, index) => {
    const end = index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : Number.MAX_SAFE_INTEGER;
    return sorted.some((span) => span.start < Math.max(end, start + 1) && span.end > start);
  });
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
  const pages = readJsonl<LabelledPage>(join(root, 'eval', 'boilerplate', 'zyte_pagetext_lines.jsonl'));
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
}

function printError(page: LabelledPage, line: LabelledLine, predicted: boolean): void {
  const gold = line.label === 'boilerplate';
  if (gold === predicted) return;
  console.log(`${gold ? 'FN' : 'FP'} ${page.id.slice(0, 8)} ${JSON.stringify(line.text.slice(0, 140))}`);
}

// Bundled by esbuild, `require.main === module` would also hold inside scripts/eval.js: test the entry file.
if (/eval-boilerplate\.[jt]s$/.test(process.argv[1] ?? '')) main();
