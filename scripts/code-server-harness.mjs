// Shared by run-host-tests.mjs and ui-check.mjs: find code-server / Node 24 / Chromium, make a run
// directory, start code-server on a free 127.0.0.1 port, open Chromium with Playwright, and clean up
// (code-server's process group and this run's Chromium) however the run ends: normal exit, error,
// hard timeout, Ctrl+C.
//
// Layout of a run (removed at the end unless KEEP_TMP=1):
//   .vscode-test/runs/<name>-<pid>/   user-data/, extensions/, chromium-profile/, home/, xdg-*/, tmp/, config.yaml
//   $TMPDIR/source-lens-<name>-XXXX/   the workspace: a copy of test/fixtures/workspace/ (outside the repo, so
//                                       VS Code's git support does not pick up the repository around it)
//
// Env knobs: CODE_SERVER_DIR, NODE24, CHROMIUM, KEEP_TMP=1, VERBOSE=1 (server log to stderr).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const plat = process.platform === 'win32' ? 'win' : process.platform;
export const codeServerDir = path.resolve(
  process.env.CODE_SERVER_DIR ?? path.join(repoRoot, '.vscode-test/code-server/node_modules/code-server'),
);
export const codeServerEntry = path.join(codeServerDir, 'out/node/entry.js');
export const node24 = path.resolve(
  process.env.NODE24 ?? path.join(repoRoot, `.vscode-test/node24/node_modules/node-${plat}-${process.arch}/bin/node`),
);
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const fixturesDir = path.join(repoRoot, 'test/fixtures/workspace');
export const verbose = process.env.VERBOSE === '1';

const t0 = Date.now();
export const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1)}s]`;

/** Exits with one line saying what to install when a prerequisite is missing. */
export function preflight(extra = []) {
  const checks = [
    [
      chromiumPath,
      `Chromium not found at ${chromiumPath}: run "apt-get update && apt-get install -y chromium" (or set CHROMIUM)`,
    ],
    [node24, `Node 24 for code-server not found: run "npm run test:setup" (node scripts/install-code-server.mjs)`],
    [
      codeServerEntry,
      `code-server not installed in .vscode-test/: run "npm run test:setup" (needs apt-get install -y libkrb5-dev g++ make python3)`,
    ],
    [path.join(repoRoot, 'node_modules/playwright-core/package.json'), 'playwright-core missing: run "npm ci"'],
    ...extra,
  ];
  for (const [file, message] of checks) {
    if (!fs.existsSync(file)) {
      console.error(message);
      process.exit(3);
    }
  }
}

// ---------------------------------------------------------------- cleanup, whatever happens
const cleanups = [];
let cleaning = null;
/** Registers a (possibly async) cleanup; they run last-registered first, once. */
export function onCleanup(fn) {
  cleanups.push(fn);
}
export function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await Promise.race([fn(), new Promise((r) => setTimeout(r, 10000))]);
      } catch (e) {
        if (verbose) console.error('cleanup:', e);
      }
    }
  })();
  return cleaning;
}
let finishing = false;
/** Whether the run is already ending (hard timeout, signal): callers then stay quiet. */
export const stopping = () => finishing;
/** Cleans up, prints the closing lines, exits. Only the first call counts; later ones never return. */
export async function finish(code, lines = []) {
  if (finishing) return new Promise(() => {});
  finishing = true;
  await cleanup();
  for (const line of lines) console.log(line);
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (finishing) return;
    console.error(`${stamp()} ${signal}: stopping code-server and Chromium`);
    void finish(130);
  });
}

/**
 * The PASS/FAIL record a check script keeps: `check` logs one result (quiet once the run is ending);
 * `summaryLine(unfinished)` is the last line, "N passed, N failed", that .ci/run adds up, counting
 * `unfinished` more failures (the step a hard timeout cut short).
 */
export function createChecks() {
  const results = [];
  const summaryLine = (unfinished = 0) =>
    `${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + unfinished} failed`;
  function check(name, ok, detail = '') {
    if (stopping()) return ok; // the hard timeout or a signal is ending the run
    results.push({ name, ok });
    console.log(`${stamp()} ${ok ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
    return ok;
  }
  return { results, check, summaryLine };
}

/** After `ms`, fail the whole run (exit 2) whatever it is waiting for; `report()` gives { message, lines }. */
export function hardTimeout(ms, report) {
  const timer = setTimeout(() => {
    const { message, lines = [] } = report();
    console.error(`${stamp()} HARD TIMEOUT after ${Math.round(ms / 1000)} s: ${message}`);
    void finish(2, lines);
  }, ms);
  timer.unref();
  return timer;
}

// ---------------------------------------------------------------- directories
export function createRun(name) {
  const dir = path.join(repoRoot, '.vscode-test/runs', `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const sub of [
    'user-data',
    'extensions',
    'chromium-profile',
    'home',
    'xdg-config',
    'xdg-data',
    'xdg-cache',
    'tmp',
  ]) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), `source-lens-${name}-`));
  fs.cpSync(fixturesDir, workspace, { recursive: true });
  onCleanup(async () => {
    if (process.env.KEEP_TMP === '1') {
      console.error(`kept ${dir} and ${workspace}`);
      return;
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(workspace, { recursive: true, force: true });
    try {
      fs.rmdirSync(path.dirname(dir));
    } catch {}
  });
  return { dir, workspace };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- code-server
function serverEnv(run) {
  return {
    ...process.env,
    HOME: path.join(run.dir, 'home'),
    XDG_CONFIG_HOME: path.join(run.dir, 'xdg-config'),
    XDG_DATA_HOME: path.join(run.dir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(run.dir, 'xdg-cache'),
    TMPDIR: path.join(run.dir, 'tmp'), // VS Code's IPC and git sockets go to os.tmpdir()
  };
}

function commonArgs(run) {
  return [
    codeServerEntry,
    '--config',
    path.join(run.dir, 'config.yaml'),
    '--user-data-dir',
    path.join(run.dir, 'user-data'),
    '--extensions-dir',
    path.join(run.dir, 'extensions'),
  ];
}

/** `code-server --install-extension file.vsix` into the run's extensions dir (offline: a file needs no marketplace). */
export function installExtension(run, vsix) {
  fs.writeFileSync(path.join(run.dir, 'config.yaml'), 'auth: none\ncert: false\n');
  const r = spawnSync(node24, [...commonArgs(run), '--install-extension', vsix, '--force'], {
    env: serverEnv(run),
    encoding: 'utf8',
    timeout: 120000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  return { ok: r.status === 0, output: out, status: r.status ?? r.signal ?? r.error?.message };
}

/**
 * Starts code-server (no auth) on a free 127.0.0.1 port and resolves once /healthz answers.
 * `vscodeOptions`: e.g. ['enable-smoke-test-driver'], passed as --vscode-option.
 */
export async function startCodeServer(run, { vscodeOptions = [], startTimeoutMs = 60000 } = {}) {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  // our own config file, so code-server never writes ~/.config/code-server/config.yaml
  fs.writeFileSync(path.join(run.dir, 'config.yaml'), `bind-addr: ${host}\nauth: none\ncert: false\n`);
  const args = [
    ...commonArgs(run),
    '--bind-addr',
    host,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    ...vscodeOptions.flatMap((o) => ['--vscode-option', o]),
  ];
  const version = JSON.parse(fs.readFileSync(path.join(codeServerDir, 'package.json'), 'utf8')).version;
  console.log(`${stamp()} starting code-server ${version} on ${host}`);
  // detached: its own process group, so the VS Code server, extension host and helpers die together
  const child = spawn(node24, args, { env: serverEnv(run), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  const onData = (d) => {
    log = (log + d).slice(-200000);
    if (verbose) process.stderr.write(`[code-server] ${d}`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const server = {
    host,
    port,
    child,
    exitCode: undefined,
    log: () => log,
    tail: (n = 4000) => log.slice(-n),
  };
  server.exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      server.exitCode = code ?? signal;
      resolve(server.exitCode);
    }),
  );
  onCleanup(() => stopProcessGroup(child, server.exited));

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (server.exitCode !== undefined)
      throw new Error(`code-server exited (${server.exitCode}) while starting:\n${server.tail()}`);
    try {
      if ((await fetch(`http://${host}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline)
      throw new Error(
        `code-server did not answer on http://${host}/healthz within ${startTimeoutMs / 1000} s:\n${server.tail()}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`${stamp()} code-server up`);
  return server;
}

async function stopProcessGroup(child, exited) {
  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {}
  };
  kill('SIGTERM');
  const gone = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
  // the group may outlive its leader (extension host, pty host): make sure
  kill('SIGKILL');
  return gone;
}

// ---------------------------------------------------------------- Chromium
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium through playwright-core, with a fresh profile in the run dir. */
export async function launchChromium(run, { viewport = { width: 1280, height: 800 } } = {}) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    console.error('playwright-core missing: run "npm ci"');
    process.exit(3);
  }
  const profile = path.join(run.dir, 'chromium-profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    // our signal handlers stop code-server too; Playwright's would exit before that (its exit hook
    // still kills the browser if anything is left)
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup(async () => {
    await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    killByCommandLine(profile); // anything of this run's Chromium still alive (identified by its profile dir)
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** SIGKILLs this user's processes whose command line contains `needle` (a path unique to this run). */
function killByCommandLine(needle) {
  if (process.platform !== 'linux') return;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle)) process.kill(Number(pid), 'SIGKILL');
    } catch {}
  }
}

/** `vscode-remote://127.0.0.1:PORT/abs/path`: how the workbench names a file on the code-server machine. */
export function remoteUri(server, absPath) {
  return `vscode-remote://${server.host}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

export function workbenchUrl(server, folder, payload) {
  let url = `http://${server.host}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/**
 * Opens the workbench on the run's workspace with the repository as the extension under development and
 * `entry` (a built extension-tests module: the host test suite, or the host benchmark) run by the extension
 * host, and waits for the host to exit. Every console line of the workbench and the extension host goes
 * to `onLog(type, args)`. Resolves to the host's exit code, or 'page-crash' / 'server-exit'.
 * Env: DISABLE_OTHER_EXTENSIONS=1 runs with the other extensions disabled.
 */
export async function runExtensionEntry(server, run, { entry, onLog, environment, description }) {
  const { page } = await launchChromium(run);
  let resolveExit;
  const hostExited = new Promise((r) => (resolveExit = r));
  // VS Code's ConsoleLogInAutomationLogger: the workbench log and the extension host's console.
  await page.exposeFunction('codeAutomationLog', (type, args) => onLog(type, Array.isArray(args) ? args : [args]));
  // The workbench calls it when the extension host exits after the entry's run().
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  page.on('crash', () => resolveExit('page-crash'));
  if (verbose) {
    page.on('pageerror', (e) => console.error('[pageerror]', e.message));
    page.on('console', (m) => console.error(`[browser ${m.type()}]`, m.text()));
  }
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, repoRoot)],
    ['extensionTestsPath', remoteUri(server, entry)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (process.env.DISABLE_OTHER_EXTENSIONS === '1') payload.push(['disableExtensions', 'true']);
  if (environment) payload.push(['extensionEnvironment', JSON.stringify(environment)]);
  console.log(`${stamp()} opening the workbench on ${run.workspace}; the extension host runs ${description}`);
  await page.goto(workbenchUrl(server, run.workspace, payload));
  return Promise.race([hostExited, server.exited.then(() => 'server-exit')]);
}
