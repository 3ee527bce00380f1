// README "Security" (issue 14, item 7), held by tests: Source Lens reads text and nothing else. No network
// (no module that can open a socket, in the sources or in the bundles that ship), no code from anywhere but
// its own bundles (no eval, no `new Function`, no require or import() of a computed path), and a sources
// registry, the one file a workspace can hand it besides the documents, is data: any text parses to a
// registry and problems without throwing, and its `url`s are only ever shown as text.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { parseRegistry } from '../../src/core';

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return path.endsWith(suffix) ? [path] : [];
  });
}

/** Node modules that reach the network, run other programs or compile code: none is ever imported. */
const FORBIDDEN_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dns', 'dgram', 'child_process', 'cluster', 'vm'];
const isForbiddenModule = (specifier: string): boolean => FORBIDDEN_MODULES.includes(specifier.replace(/^node:/, ''));
/** Globals that reach the network or compile a string into code. */
const FORBIDDEN_GLOBALS = new Set(['eval', 'fetch', 'Function', 'WebSocket', 'XMLHttpRequest', 'EventSource']);

/** What a TypeScript file does that the README promises it never does: one line each, with the line number. */
function securityFindings(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const findings: string[] = [];
  const report = (node: ts.Node, what: string): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    findings.push(`${fileName}:${line}: ${what}`);
  };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      isForbiddenModule(node.moduleSpecifier.text)
    )
      report(node, `imports ${node.moduleSpecifier.text}`);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      report(node, 'import() at run time');
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require')
      report(node, 'require()');
    // setTimeout('code') compiles its string like eval.
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      /^set(Timeout|Interval|Immediate)$/.test(node.expression.text) &&
      node.arguments[0] &&
      !ts.isArrowFunction(node.arguments[0]) &&
      !ts.isFunctionExpression(node.arguments[0]) &&
      !ts.isIdentifier(node.arguments[0]) &&
      !ts.isPropertyAccessExpression(node.arguments[0])
    )
      report(node, `${node.expression.text} with code in a string`);
    if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !isPropertyName(node))
      report(node, `uses ${node.text}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** `x.fetch` or `{ eval: 1 }` name a property, not the global. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) &&
      parent.name === node)
  );
}

/** What a bundle requires, and any use of eval, Function, fetch, sockets or import() in it. */
function bundleFindings(name: string, code: string): string[] {
  const findings: string[] = [];
  for (const [, specifier] of code.matchAll(/\brequire\("([^"]+)"\)/g))
    if (isForbiddenModule(specifier)) findings.push(`${name} requires ${specifier}`);
  const patterns: Array<[RegExp, string]> = [
    [/\beval\s*\(/, 'eval('],
    [/\bFunction\s*\(/, 'Function('],
    [/\bfetch\s*\(/, 'fetch('],
    [/\b(WebSocket|XMLHttpRequest|EventSource)\b/, 'a socket or request API'],
    [/\bimport\s*\(/, 'import()'],
    // esbuild's own `require` shims call require with a variable only to load a module named in the
    // source; anything else requiring a computed name would load code from a path known only at run time.
    [/\brequire\((?!"[^"]+"\))(?!mod\b)/, 'require() of a computed name'],
  ];
  for (const [pattern, what] of patterns) if (pattern.test(code)) findings.push(`${name} has ${what}`);
  return findings;
}

/** The three shipped bundles, built as esbuild.config.mjs builds them, in memory. */
async function buildBundles(): Promise<Array<{ name: string; code: string }>> {
  const result = await build({
    entryPoints: {
      cli: 'src/cli/main.ts',
      extension: 'src/extension/extension.ts',
      'analysis-worker': 'src/extension/analysis-worker.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: ['vscode'],
    outdir: 'dist',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles
    .filter((file) => file.path.endsWith('.js'))
    .map((file) => ({ name: file.path.split(/[\\/]/).pop()!, code: file.text }));
}

describe('security: no network, no code from the workspace', () => {
  const sources = filesUnder('src', '.ts');

  it('the finder finds each thing it looks for (a planted file) and nothing in ordinary code', () => {
    const planted = [
      "import { get } from 'node:https';",
      "export * from 'net';",
      "const m = await import('./' + name);",
      'const x = require(path);',
      "eval('1');",
      "const f = new Function('return 1');",
      "void fetch('https://example.com');",
      "const s = new WebSocket('wss://example.com');",
      "setTimeout('alert(1)', 10);",
    ].join('\n');
    assert.deepEqual(
      securityFindings('planted.ts', planted).map((f) => f.replace(/^planted\.ts:\d+: /, '')),
      [
        'imports node:https',
        'imports net',
        'import() at run time',
        'require()',
        'uses eval',
        'uses Function',
        'uses fetch',
        'uses WebSocket',
        'setTimeout with code in a string',
      ],
    );
    const ordinary = [
      "import { readFileSync } from 'node:fs';",
      'const options = { fetch: true, eval: 1 };',
      'options.fetch = false;',
      'setTimeout(() => undefined, 10); setTimeout(run, 5); setTimeout(this.tick, 1);',
      "// eval('comments do not count'); fetch()",
      "const text = 'fetch( and eval( in a string are words';",
    ].join('\n');
    assert.deepEqual(securityFindings('ordinary.ts', ordinary), []);
  });

  it('no source file opens the network, runs a program, or compiles or loads code at run time', function () {
    this.timeout(20000); // every source file parsed by TypeScript: a second or two on a loaded machine
    assert.ok(sources.length > 50, 'the sources were found');
    const findings = sources.flatMap((file) => securityFindings(file, readFileSync(file, 'utf8')));
    assert.deepEqual(findings, []);
  });

  it('the analysis workers are loaded from the extension’s or the CLI’s own folder, never from a path a workspace gives', () => {
    const workers = sources.filter((file) => /\bnew Worker\(/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(workers, [join('src', 'cli', 'analysis-runner.ts'), join('src', 'extension', 'start-worker.ts')]);
    // The extension's two clients start theirs through start-worker.ts, with the path they were given.
    for (const client of ['analysis-client.ts', 'corpus-client.ts'])
      assert.match(readFileSync(join('src', 'extension', client), 'utf8'), /startWorker<\w+>\(\s*this\.workerPath,/);
    assert.match(
      readFileSync(join('src', 'extension', 'analysis-client.ts'), 'utf8'),
      /return join\(extensionPath, 'dist', 'analysis-worker\.js'\);/,
    );
    // Analyze Workspace's helpers run that same script: the corpus client sends its own path, and the
    // pool starts them from the path the corpus request carries.
    assert.match(
      readFileSync(join('src', 'extension', 'corpus-client.ts'), 'utf8'),
      /kind: 'corpus', id, documents, options, jobs, workerPath: this\.workerPath \}/,
    );
    assert.match(
      readFileSync(join('src', 'extension', 'corpus-pool.ts'), 'utf8'),
      /startWorker<StepAnswer>\(\s*workerPath,/,
    );
    // Both extension clients (documents, and Analyze Workspace's corpus) get that one path.
    const activation = readFileSync(join('src', 'extension', 'extension.ts'), 'utf8');
    assert.match(activation, /new CorpusClient\(defaultWorkerPath\(context\.extensionPath\)\)/);
    assert.match(activation, /new DocumentAnalyzer\(defaultWorkerPath\(context\.extensionPath\)/);
    // The CLI's worker sits beside the CLI's own bundle.
    assert.match(
      readFileSync(join('src', 'cli', 'analysis-runner.ts'), 'utf8'),
      /workerPath = join\(__dirname, 'cli-worker\.js'\)/,
    );
  });

  it('the runtime dependencies are the three reviewed ones (a new one is a security decision: README "Security")', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['jsonc-parser', 'remark-parse', 'unified']);
  });

  it('the bundles as shipped (dependencies included) require no network module and hold no eval, Function, fetch or import()', async function () {
    this.timeout(20000);
    const bundles = await buildBundles();
    assert.deepEqual(
      bundles.map((b) => b.name).sort(),
      ['analysis-worker.js', 'cli.js', 'extension.js'],
      'the three bundles were built',
    );
    // And dist/ as last built by `npm run build` or `npm run package` (minified), when there is one.
    const built = ['cli.js', 'extension.js', 'analysis-worker.js']
      .map((name) => join('dist', name))
      .filter((path) => existsSync(path))
      .map((path) => ({ name: path, code: readFileSync(path, 'utf8') }));
    const findings = [...bundles, ...built].flatMap((b) => bundleFindings(b.name, b.code));
    assert.deepEqual(findings, []);
    const required = new Set(bundles.flatMap((b) => [...b.code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1])));
    assert.ok(required.has('vscode') && required.has('node:worker_threads'), 'the scan reads the requires');
  });

  it('the bundle scan catches a network require and eval in built code', () => {
    assert.deepEqual(bundleFindings('b.js', 'var h = require("https"); eval(x); var r = require(name);'), [
      'b.js requires https',
      'b.js has eval(',
      'b.js has require() of a computed name',
    ]);
  });
});

describe('security: the sources registry is data', () => {
  it('any text, however deep or long, parses to a registry and problems without throwing', () => {
    const hostile = [
      '['.repeat(200_000),
      '{"sources":'.repeat(100_000),
      `{"sources":[{"name":"${'a'.repeat(1_000_000)}"}]}`,
      '"'.repeat(1_000_000),
      '\u0000\uFEFF\uD800',
    ];
    for (const text of hostile) {
      const { registry, problems } = parseRegistry(text);
      assert.ok(Array.isArray(registry.entries), `${text.slice(0, 20)}…: a registry`);
      assert.ok(problems.length > 0 || registry.entries.length > 0, `${text.slice(0, 20)}…: a problem reported`);
    }
  });

  it('a url is kept as text to show; one that is not http(s) is a problem, not a link', () => {
    const { registry, problems } = parseRegistry(
      JSON.stringify({
        sources: [
          { name: 'City Hall', standing: 'official', url: 'https://example.org/standing' },
          { name: 'Blog', standing: 'official', url: 'javascript:alert(1)' },
        ],
      }),
    );
    assert.equal(registry.entries.find((e) => e.name === 'City Hall')?.url, 'https://example.org/standing');
    assert.equal(registry.entries.find((e) => e.name === 'Blog')?.url, undefined);
    assert.ok(problems.some((p) => /"url" must be an http or https address/.test(p.message)));
  });
});
