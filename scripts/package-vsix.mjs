#!/usr/bin/env node
// Packages source-lens.vsix with vsce, applying .vscodeignore.
//
// Why a staging copy: package.json has an npm "files" list (dist/cli.js for `npx source-lens`), and vsce
// treats "files" as its own include list and refuses a .vscodeignore beside it ("VSCE does not support
// combining both strategies"); with "files" alone the .vsix would lack dist/extension.js. So the repo is
// copied (without node_modules, .git, .vscode-test, out) to .vscode-test/vsix-stage/, "files" is dropped
// from the staged package.json, and vsce packages there, .vscodeignore deciding what goes in.
//   node scripts/package-vsix.mjs [extra vsce args]     (run after `node esbuild.config.mjs --extension`)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stage = path.join(root, '.vscode-test', 'vsix-stage');
const out = path.resolve(process.env.VSIX ?? path.join(root, 'source-lens.vsix'));
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const SKIP = new Set(['.git', 'node_modules', '.vscode-test', 'out', 'test-results']);

if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) {
  console.error('[package-vsix] dist/extension.js missing: run "node esbuild.config.mjs --extension --minify" first');
  process.exit(1);
}
if (!fs.existsSync(vsce)) {
  console.error('[package-vsix] @vscode/vsce missing: run "npm ci"');
  process.exit(1);
}

fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
for (const name of fs.readdirSync(root)) {
  if (SKIP.has(name) || name.endsWith('.vsix') || name === 'package.json') continue;
  fs.cpSync(path.join(root, name), path.join(stage, name), { recursive: true });
}
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
delete manifest.files;
fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const args = ['package', '--no-dependencies', '--allow-missing-repository', '-o', out, ...process.argv.slice(2)];
const r = spawnSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: 'inherit' });
fs.rmSync(stage, { recursive: true, force: true });
if (r.status !== 0) {
  console.error(`[package-vsix] vsce package failed (${r.status ?? r.signal})`);
  process.exit(1);
}
console.log(`[package-vsix] ${path.relative(process.cwd(), out)}: ${(fs.statSync(out).size / 1024).toFixed(0)} KB`);
