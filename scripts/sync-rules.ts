// npm run sync:rules: writes the files VS Code reads as they are from the rule registry (src/core/rules/)
// and the standing scale: package.json's `sourceLens.severity` schema, so the settings list exactly the
// registered rules with their default severities, and schemas/sourcelens.schema.json, the sources
// registry's schema (`jsonValidation`). test/unit/rules.test.ts and registry tests fail until this has run.
import { readFileSync, writeFileSync } from 'node:fs';
import { registrySchema } from '../src/core';
import { severitySchema } from '../src/extension/severity-settings';

function write(path: string, after: string, what: string): void {
  let before = '';
  try {
    before = readFileSync(path, 'utf8');
  } catch {
    // A missing file is written.
  }
  if (after === before) console.log(`${path}: ${what} already up to date.`);
  else {
    writeFileSync(path, after);
    console.log(`${path}: ${what} written.`);
  }
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
manifest.contributes.configuration.properties['sourceLens.severity'] = severitySchema();
write('package.json', `${JSON.stringify(manifest, null, 2)}\n`, 'severity schema');
write('schemas/sourcelens.schema.json', `${JSON.stringify(registrySchema(), null, 2)}\n`, 'sources registry schema');
