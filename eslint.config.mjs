// ESLint: rules that catch defects, not taste. The layout is Prettier's (.prettierrc.json), and neither
// recommended set below has layout rules, so the two never disagree.
// Not type-aware: building the program again costs as much as `tsc --noEmit`, which npm test already
// runs with the strict flags (unused names, implicit any) on every .ts file.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'out/', '.vscode-test/', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      eqeqeq: 'error',
      // `catch {}` is best-effort cleanup in the test and bench scripts.
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `const { role: _, ...rest } = x` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  // The JavaScript build and test scripts run in Node; tsc does not check them, so no-undef does.
  { files: ['**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The callbacks it hands to page.evaluate run in the browser.
  {
    files: ['scripts/ui-check.mjs', 'scripts/ui-registry-check.mjs', 'scripts/ui-tasks-check.mjs'],
    languageOptions: { globals: globals.browser },
  },
);
