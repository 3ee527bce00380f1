// Helpers shared by the evaluation scripts: where the team data lives, reading it, offsets, scores, tables.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The team's data directory: `../shared` beside the checkout (resolved from the working directory, which is
 * the repo root under `npm run`), or SOURCE_LENS_SHARED. Null when it is not there: a fresh clone has none.
 */
export function sharedRoot(): string | null {
  const root = process.env.SOURCE_LENS_SHARED || resolve(process.cwd(), '..', 'shared');
  return existsSync(root) ? root : null;
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/**
 * Maps code point offsets (what the corpora count, as Python does) to UTF-16 offsets (what JavaScript and
 * the core count). Identity for text without characters outside the Basic Multilingual Plane.
 */
export function codePointToUtf16(text: string): (offset: number) => number {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      astral = true;
      break;
    }
  }
  if (!astral) return (offset) => offset;
  const table: number[] = [];
  let unit = 0;
  for (const ch of text) {
    table.push(unit);
    unit += ch.length;
  }
  table.push(unit);
  return (offset) => table[Math.max(0, Math.min(offset, table.length - 1))];
}

export interface Counts {
  truePositives: number;
  predicted: number;
  gold: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1; a score with nothing to measure (no predictions, no gold) is 0, not NaN. */
export function prf(c: Counts): Prf {
  const precision = c.predicted ? c.truePositives / c.predicted : 0;
  const recall = c.gold ? c.truePositives / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export interface TableRow {
  metric: string;
  ours: string;
  target: string;
}

/** A plain-text table, columns aligned: `metric | ours | target/anchor`. Section rows have empty cells. */
export function formatTable(rows: TableRow[]): string {
  const header: TableRow = { metric: 'metric', ours: 'ours', target: 'target/anchor' };
  const all = [header, ...rows];
  const width = (key: keyof TableRow) => Math.max(...all.map((r) => r[key].length));
  const [wm, wo, wt] = [width('metric'), width('ours'), width('target')];
  const line = (r: TableRow) => `${r.metric.padEnd(wm)} | ${r.ours.padStart(wo)} | ${r.target.padEnd(wt)}`.trimEnd();
  const rule = `${'-'.repeat(wm)}-+-${'-'.repeat(wo)}-+-${'-'.repeat(wt)}`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function percent(value: number): string {
  return (value * 100).toFixed(1);
}

/** "F1 (P … R …)" in percent, for one table cell. */
export function prfCell(x: Prf): string {
  return `${percent(x.f1)} (P ${percent(x.precision)} R ${percent(x.recall)})`;
}
