// One build script for every bundle. esbuild rather than tsc for output because remark-parse and
// unified are ESM-only while the VS Code extension host and the CLI load CommonJS: bundling makes the
// question moot and gives one small file per entry point. Type checking is `tsc --noEmit` (npm test).
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };

function filesUnder(dir, suffix) {
  let found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(filesUnder(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}

if (args.has('--tests')) {
  // Each test file becomes its own bundle under out/, mirroring its path, so mocha reports by file.
  await build({ ...common, entryPoints: filesUnder('test/unit', '.test.ts'), outdir: 'out/test/unit', outbase: 'test/unit' });
} else if (args.has('--scripts')) {
  await build({ ...common, entryPoints: filesUnder('scripts', '.ts'), outdir: 'out/scripts', outbase: 'scripts' });
} else {
  await build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', minify: args.has('--minify'),
    banner: { js: '#!/usr/bin/env node' } });
}
