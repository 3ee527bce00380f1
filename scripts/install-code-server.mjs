#!/usr/bin/env node
// Installs, from the npm registry only, into .vscode-test/:
//   node24/       Node 24 binary (package node-<platform>-<arch>), needed by code-server
//   code-server/  code-server, installed by npm running on that Node 24 so that its
//                 postinstall (npm install in lib/vscode) builds the native modules
//                 against Node 24.
// Idempotent: does nothing when the wanted versions are already installed.
// Needs: g++, make, python3 (node-gyp) and the Kerberos headers (Debian: libkrb5-dev).
// Used by: npm run test:setup / test:host / test:ui (scripts/run-host-tests.mjs, scripts/ui-check.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.139.1';
const NODE_VERSION = process.env.CODE_SERVER_NODE_VERSION ?? '24.21.0';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.env.VSCODE_TEST_DIR ?? path.join(here, '..', '.vscode-test'));
const nodeDir = path.join(root, 'node24');
const csDir = path.join(root, 'code-server');
const platform = process.platform === 'win32' ? 'win' : process.platform;
const nodePkg = `node-${platform}-${process.arch}`;
const nodeHome = path.join(nodeDir, 'node_modules', nodePkg);
const node24 = path.join(nodeHome, 'bin', 'node');
const marker = path.join(csDir, '.installed');
const want = `code-server@${CODE_SERVER_VERSION} node@${NODE_VERSION}`;

const entry = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
if (
  fs.existsSync(marker) &&
  fs.readFileSync(marker, 'utf8') === want &&
  fs.existsSync(node24) &&
  fs.existsSync(entry)
) {
  console.log(`[install-code-server] ${want} already in ${root}`);
  process.exit(0);
}

// Fail early, in one line, on what the native build will need (Debian names).
if (process.platform === 'linux') {
  const missing = [];
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  for (const [tool, pkg] of [
    ['g++', 'g++'],
    ['make', 'make'],
    ['python3', 'python3'],
  ]) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) missing.push(pkg);
  }
  if (missing.length) {
    console.error(
      `[install-code-server] missing build prerequisites: run "apt-get install -y ${missing.join(' ')}" (as root), then retry`,
    );
    process.exit(1);
  }
}

// When run from "npm run", npm exports npm_config_* / npm_package_* variables.
// A nested npm reads npm_config_* as its own config: the inherited
// npm_config_user_agent ("node/v20") makes code-server's postinstall refuse to run,
// npm_config_prefix / local_prefix would redirect the install, npm_config_nodedir
// points at the wrong headers. Drop those; keep the rest (cache, registry, cafile...).
const DROP =
  /^(npm_config_(user_agent|prefix|local_prefix|global_prefix|node_gyp|nodedir|npm_version)|npm_package_.*|npm_lifecycle_.*|npm_execpath|npm_node_execpath|npm_command|INIT_CWD|NODE)$/i;
function cleanEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!DROP.test(k)) env[k] = v;
  }
  return { ...env, ...extra };
}

function run(cmd, args, opts) {
  const t = Date.now();
  console.log(`[install-code-server] (${path.relative(process.cwd(), opts.cwd) || '.'}) ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(
      `[install-code-server] failed (${r.status ?? r.signal}) after ${((Date.now() - t) / 1000).toFixed(0)}s`,
    );
    if (cmd === 'npm' && opts.cwd === csDir) {
      console.error(
        '[install-code-server] native module build failed: needs g++, make, python3 and libkrb5-dev (apt-get install -y libkrb5-dev)',
      );
    }
    process.exit(1);
  }
  console.log(`[install-code-server]   done in ${((Date.now() - t) / 1000).toFixed(0)}s`);
}

const t0 = Date.now();
fs.mkdirSync(nodeDir, { recursive: true });
fs.writeFileSync(
  path.join(nodeDir, 'package.json'),
  JSON.stringify({ private: true, dependencies: { [nodePkg]: NODE_VERSION } }, null, 2) + '\n',
);
run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: nodeDir, env: cleanEnv({}) });

fs.rmSync(csDir, { recursive: true, force: true });
fs.mkdirSync(csDir, { recursive: true });
fs.writeFileSync(
  path.join(csDir, 'package.json'),
  JSON.stringify(
    {
      private: true,
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      // npm 11 warns about dependency install scripts not listed here; its docs say
      // they are blocked by default, so approve the two that code-server needs.
      allowScripts: { 'code-server': true, argon2: true },
    },
    null,
    2,
  ) + '\n',
);
const env24 = cleanEnv({
  // npm (a "#!/usr/bin/env node" script) and node-gyp then run on Node 24
  PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}`,
  // build against Node 24's headers (shipped in the node-<platform>-<arch> package),
  // not a machine-wide nodedir such as ~/.npmrc's nodedir=/usr (Node 20 headers)
  npm_config_nodedir: nodeHome,
  // let node-gyp use every core
  JOBS: 'max',
});
run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: csDir, env: env24 });

fs.writeFileSync(marker, want);
console.log(`[install-code-server] ${want} installed in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
