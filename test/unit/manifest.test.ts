// What package.json promises VS Code about workspace trust: in Restricted Mode a workspace's own settings
// cannot raise Source Lens's limits or widen what Analyze Workspace reads (issue 14, item 2).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } };
};

describe('package.json: workspace trust', () => {
  const trust = manifest.capabilities.untrustedWorkspaces;

  it('is limited support, restricting the settings that raise limits or widen the files read', () => {
    assert.equal(trust.supported, 'limited');
    assert.deepEqual([...(trust.restrictedConfigurations ?? [])].sort(), [
      'sourceLens.analysisTimeoutMs',
      'sourceLens.maxFileSizeKB',
      'sourceLens.maxProblems',
      'sourceLens.workspace.exclude',
      'sourceLens.workspace.include',
    ]);
  });

  it('restricts only settings the extension contributes (a renamed setting would slip through)', () => {
    for (const key of trust.restrictedConfigurations ?? [])
      assert.ok(key in manifest.contributes.configuration.properties, key);
  });
});
