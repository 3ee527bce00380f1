// npm run sync:rules: writes package.json's `sourceLens.severity` schema from the rule registry
// (src/core/rules/), so the settings list exactly the registered rules with their default severities.
// package.json is static JSON that VS Code reads as it is; test/unit/rules.test.ts fails until this has run.
import { readFileSync, writeFileSync } from 'node:fs';
import { severitySchema } from '../src/extension/severity-settings';

const PATH = 'package.json';
const before = readFileSync(PATH, 'utf8');
const manifest = JSON.parse(before);
manifest.contributes.configuration.properties['sourceLens.severity'] = severitySchema();
const after = `${JSON.stringify(manifest, null, 2)}\n`;
if (after === before) console.log(`${PATH}: the severity schema already lists the registered rules.`);
else {
  writeFileSync(PATH, after);
  console.log(`${PATH}: severity schema written from the rule registry.`);
}
