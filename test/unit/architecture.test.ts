// Design rules the code must keep (docs/architecture.md): the core never imports `vscode` (nor Node's
// I/O), so it runs in the CLI, the extension host and a worker alike; the adapters reach the core only
// through its face, src/core/index.ts; no module imports itself round a circle; files stay readable.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, type-only ones included (they make circles too). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map(
    (m) => m[1] ?? m[2],
  );
}

/** The file a relative specifier names, or null for a package or a data file. */
function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = normalize(join(dirname(from), specifier));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return null;
}

const sourceFiles = filesUnder('src');
const coreFiles = sourceFiles.filter((f) => f.startsWith(join('src', 'core')));
const adapterFiles = sourceFiles.filter((f) => !f.startsWith(join('src', 'core')));
const coreFace = join('src', 'core', 'index.ts');
/** Extension logic kept apart from the glue, so the unit tests run it in plain Node, where `vscode` does not exist. */
const PURE_EXTENSION = [
  'analysis-statements.ts',
  'doubled-underlines.ts',
  'highlight-spans.ts',
  'hover-text.ts',
  'legend-html.ts',
  'max-problems.ts',
  'offset-positions.ts',
  'severity-settings.ts',
  'statement-table.ts',
  'summary.ts',
  'uncertainty.ts',
].map((name) => join('src', 'extension', name));
const importGraph = (files: string[]) =>
  new Map(files.map((f) => [f, specifiers(f).flatMap((s) => resolveLocal(f, s) ?? [])]));

/** Import circles, as the strongly connected components of more than one file (Tarjan). */
function importCircles(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (edges.get(file) ?? []).includes(file)) circles.push(component.sort());
    }
  };
  for (const file of edges.keys()) if (!index.has(file)) visit(file);
  return circles;
}

describe('architecture', () => {
  it('the core imports neither vscode nor node: modules', () => {
    assert.ok(coreFiles.length > 10);
    for (const file of coreFiles) {
      for (const module of specifiers(file)) {
        assert.ok(module !== 'vscode' && !module.startsWith('node:'), `${file} imports ${module}`);
      }
    }
  });

  it('the core is stage folders: only the pipeline (and its corpus steps), its types, options and cache sit at the top', () => {
    const top = readdirSync(join('src', 'core')).filter((name) => name.endsWith('.ts'));
    assert.deepEqual(top.sort(), [
      'analysis-cache.ts',
      'analyze.ts',
      'corpus-steps.ts',
      'index.ts',
      'options.ts',
      'types.ts',
    ]);
  });

  it('the adapters import the core only through src/core/index.ts', () => {
    assert.ok(adapterFiles.length > 10);
    for (const file of adapterFiles) {
      for (const specifier of specifiers(file)) {
        const target = resolveLocal(file, specifier);
        if (target?.startsWith(join('src', 'core'))) assert.equal(target, coreFace, `${file} imports ${specifier}`);
      }
    }
  });

  it('the pure extension modules import neither vscode nor any module that does: only the core and each other', () => {
    for (const file of PURE_EXTENSION) {
      for (const specifier of specifiers(file)) {
        const target = resolveLocal(file, specifier);
        assert.ok(target === coreFace || PURE_EXTENSION.includes(target!), `${file} imports ${specifier}`);
      }
    }
  });

  it('a stage reaches another stage only through its index.ts; text/ and lexicon/ are libraries for all', () => {
    const stageOf = (file: string): string | null => file.split(/[\\/]/)[2] ?? null;
    for (const file of coreFiles) {
      const stage = stageOf(file);
      if (!stage || stage.endsWith('.ts')) continue;
      for (const specifier of specifiers(file)) {
        const target = resolveLocal(file, specifier);
        const other = target && stageOf(target);
        if (!target || !other || other === stage || other.endsWith('.ts') || other === 'text' || other === 'lexicon')
          continue;
        assert.equal(target, join('src', 'core', other, 'index.ts'), `${file} imports ${specifier}`);
      }
    }
  });

  it('no import circles', () => {
    assert.deepEqual(importCircles(importGraph(sourceFiles)), []);
  });

  it('the circle search finds a circle, and only the files on it', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    assert.deepEqual(importCircles(graph), [['a', 'b', 'c'], ['e']]);
  });

  it('no source file is over 400 lines', () => {
    const long = sourceFiles.filter((f) => readFileSync(f, 'utf8').split('\n').length > 400);
    assert.deepEqual(long, []);
  });
});
