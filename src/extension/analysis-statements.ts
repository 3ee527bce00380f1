// Which analysis's statements are which columns (statement-table.ts). An analysis from the worker comes
// with its statements as columns and makes its `attributions` list only when something reads it; any
// other analysis (one run inline, a test's) gets its columns made once, when first asked. Pure: no `vscode`.
import type { Analysis, Attribution } from '../core';
import { StatementTable } from './statement-table';

const tables = new WeakMap<Analysis, StatementTable>();

/** An analysis's statements as columns: those it came with from the worker, else made from its list (once). */
export function statementsOf(analysis: Analysis): StatementTable {
  let table = tables.get(analysis);
  if (!table) tables.set(analysis, (table = StatementTable.from(analysis.attributions)));
  return table;
}

/**
 * An analysis whose statements came as columns: `statementsOf` gives them, and its `attributions` list is
 * made from them the first time something reads it (the API, a report), not on every analysis.
 */
export function withStatements(analysis: Analysis, table: StatementTable): Analysis {
  tables.set(analysis, table);
  Object.defineProperty(analysis, 'attributions', {
    configurable: true,
    enumerable: true,
    get(): Attribution[] {
      const list = table.toArray();
      Object.defineProperty(analysis, 'attributions', {
        value: list,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      return list;
    },
  });
  return analysis;
}

/**
 * A copy of an analysis with some lists replaced, its statements still the same columns: a spread
 * (`{ ...analysis }`) would read `attributions` and so make every statement an object.
 */
export function analysisWith(analysis: Analysis, changes: Partial<Omit<Analysis, 'attributions'>>): Analysis {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(analysis) as (keyof Analysis)[]) if (key !== 'attributions') copy[key] = analysis[key];
  return withStatements(Object.assign(copy, changes, { attributions: [] }) as Analysis, statementsOf(analysis));
}
