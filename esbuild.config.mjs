// One build script for every bundle. esbuild rather than tsc for output because remark-parse and
// unified are ESM-only while the VS Code extension host and the CLI load CommonJS: bundling makes the
// question moot and gives one small file per entry point. Type checking is `tsc --noEmit` (npm test).
//   node esbuild.config.mjs                 dist/cli.js and dist/extension.js
//   node esbuild.config.mjs --extension     dist/extension.js only (add --minify for a release)
//   node esbuild.config.mjs --integration   out/test/integration/ (the extension-host test suite)
//   node esbuild.config.mjs --host-bench    out/test/host-bench/index.js (the extension-host benchmark, npm run bench:host)
//   node esbuild.config.mjs --tests         out/test/unit/
//   node esbuild.config.mjs --scripts       out/scripts/ (evaluation, training)
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const minify = args.has('--minify');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // ESM entry points first: jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow.
  mainFields: ['module', 'main'],
};

function filesUnder(dir, suffix) {
  let found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(filesUnder(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}

const targets = {
  cli: () =>
    build({
      ...common,
      entryPoints: { cli: 'src/cli/main.ts' },
      outdir: 'dist',
      minify,
      banner: { js: '#!/usr/bin/env node' },
    }).then(() =>
      // The worker that runs the CLI's analyses under --timeout (src/cli/analysis-runner.ts) sits beside it.
      build({ ...common, entryPoints: { 'cli-worker': 'src/cli/analysis-worker.ts' }, outdir: 'dist', minify }),
    ),
  // `vscode` is provided by the extension host; everything else, remark included, is bundled in.
  extension: () =>
    build({
      ...common,
      // The worker runs the core off the extension host's thread; it is its own bundle beside the extension.
      entryPoints: { extension: 'src/extension/extension.ts', 'analysis-worker': 'src/extension/analysis-worker.ts' },
      outdir: 'dist',
      minify,
      external: ['vscode'],
    }),
  // The suite runs inside the extension host: `vscode` is the host's, mocha is loaded from node_modules.
  integration: () =>
    build({
      ...common,
      entryPoints: filesUnder('test/integration', '.ts'),
      outdir: 'out/test/integration',
      outbase: 'test/integration',
      external: ['vscode', 'mocha'],
    }),
  // The benchmark that runs inside the extension host (scripts/run-host-bench.mjs); `vscode` is the host's.
  'host-bench': () =>
    build({
      ...common,
      entryPoints: { index: 'test/host-bench/index.ts' },
      outdir: 'out/test/host-bench',
      external: ['vscode'],
    }),
  // Each test file becomes its own bundle under out/, mirroring its path, so mocha reports by file.
  tests: () =>
    Promise.all([
      build({
        ...common,
        entryPoints: filesUnder('test/unit', '.test.ts'),
        outdir: 'out/test/unit',
        outbase: 'test/unit',
        // The security test builds the bundles (esbuild) and reads the sources' syntax trees (typescript):
        // both are loaded from node_modules, esbuild because its API finds its binary beside its package.
        external: ['esbuild', 'typescript'],
      }),
      // The CLI run in-process finds its analysis worker beside the test bundle, as dist/cli.js does.
      build({ ...common, entryPoints: { 'cli-worker': 'src/cli/analysis-worker.ts' }, outdir: 'out/test/unit' }),
      // Analyze Workspace's pool, tested outside VS Code, starts its helpers from the extension's worker.
      build({
        ...common,
        entryPoints: { 'analysis-worker': 'src/extension/analysis-worker.ts' },
        outdir: 'out/test/unit',
      }),
    ]),
  // esbuild itself stays external: bench-compare builds an older core at run time, and esbuild's API finds
  // its binary relative to its own package.
  scripts: () =>
    Promise.all([
      build({
        ...common,
        entryPoints: filesUnder('scripts', '.ts'),
        outdir: 'out/scripts',
        outbase: 'scripts',
        external: ['esbuild'],
      }),
      // The bench runs the CLI's worker pool in-process: its worker beside the bench, as beside dist/cli.js.
      build({ ...common, entryPoints: { 'cli-worker': 'src/cli/analysis-worker.ts' }, outdir: 'out/scripts' }),
    ]),
};

const chosen = Object.keys(targets).filter((name) => args.has(`--${name}`));
for (const name of chosen.length ? chosen : ['cli', 'extension']) await targets[name]();
