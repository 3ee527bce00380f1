// The sources registry for the CLI: `--registry FILE`, or else the `.sourcelens.json` in each input's folder
// or the nearest folder above it (standard input: the current folder), as markdownlint and cSpell find
// theirs. A registry with problems is reported as `file:line:col: message`, one line each, and the analysis
// goes on with what was valid (nothing, after a syntax error): a bad file never stops a pipeline.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EMPTY_REGISTRY, LineIndex, parseRegistry, REGISTRY_FILE_NAME, type SourceRegistry } from '../core';
import { UsageError } from './inputs';

export class RegistryFinder {
  private readonly byFolder = new Map<string, string | null>();
  private readonly byFile = new Map<string, SourceRegistry>();

  /** `explicit`: the `--registry` file, used for every input. `report`: where problems are written. */
  constructor(
    private readonly explicit: string | undefined,
    private readonly report: (line: string) => void,
  ) {
    if (explicit !== undefined && !isFile(explicit)) throw new UsageError(`--registry: cannot read ${explicit}`);
  }

  /** The registry that applies to an input path (`<stdin>` reads from the current folder). */
  registryFor(inputPath: string): SourceRegistry {
    const file = this.explicit ?? this.nearest(inputPath === '<stdin>' ? process.cwd() : dirname(resolve(inputPath)));
    if (file === null) return EMPTY_REGISTRY;
    let registry = this.byFile.get(file);
    if (registry === undefined) {
      registry = this.read(file);
      this.byFile.set(file, registry);
    }
    return registry;
  }

  private nearest(folder: string): string | null {
    const cached = this.byFolder.get(folder);
    if (cached !== undefined) return cached;
    const candidate = join(folder, REGISTRY_FILE_NAME);
    const parent = dirname(folder);
    const found = isFile(candidate) ? candidate : parent === folder ? null : this.nearest(parent);
    this.byFolder.set(folder, found);
    return found;
  }

  private read(file: string): SourceRegistry {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      this.report(
        `${file}: cannot read the sources registry (${(error as NodeJS.ErrnoException).code ?? 'error'}); going on without it`,
      );
      return EMPTY_REGISTRY;
    }
    const { registry, problems } = parseRegistry(text);
    const lines = new LineIndex(text);
    for (const problem of problems) this.report(`${file}:${lines.label(problem.start)}: ${problem.message}`);
    return registry;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
