// Design rules the code must keep: the core never imports `vscode` (nor Node's I/O), so it runs in
// the CLI, the extension host and a worker alike.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const coreFiles = readdirSync('src/core').filter((f) => f.endsWith('.ts')).map((f) => join('src/core', f));

describe('architecture', () => {
  it('the core imports neither vscode nor node: modules', () => {
    assert.ok(coreFiles.length > 10);
    for (const file of coreFiles) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const module of imports) {
        assert.ok(module !== 'vscode' && !module.startsWith('node:'), `${file} imports ${module}`);
      }
    }
  });
});
