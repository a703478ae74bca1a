// Layering, after VS Code's import rules: shared/ imports no project code,
// renderer/ imports only shared/, electron/core/ never imports 'electron'.
import tseslint from 'typescript-eslint';

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'test-results*/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['shared/**'],
    rules: restrict([
      { group: ['**/electron/**', '**/renderer/**', '**/e2e/**', '**/scripts/**'], message: 'shared/ imports no project code outside shared/.' },
      { group: ['electron', 'node:*'], message: 'shared/ must run in both the renderer and main: no Electron or Node APIs.' },
    ]),
  },
  {
    files: ['renderer/**'],
    rules: restrict(
      [
        { group: ['**/electron/**', '**/e2e/**', '**/scripts/**'], message: 'renderer/ may import only shared/ (talk to main through the bridge).' },
        { group: ['node:*'], message: 'The renderer is sandboxed: no Node APIs.' },
      ],
      [{ name: 'electron', message: 'The renderer talks to main only through window.api.' }],
    ),
  },
  {
    files: ['electron/core/**'],
    rules: restrict(
      [{ group: ['**/renderer/**', '**/web/**', '**/e2e/**'], message: 'core/ is called by transports; it never imports them or the UI.' }],
      [{ name: 'electron', message: "core/ runs in plain Node and is tested there: never import 'electron'." }],
    ),
  },
  {
    // Core tests may drive the provider emulator; core code itself may not.
    files: ['electron/core/**/*.test.ts'],
    rules: restrict(
      [{ group: ['**/renderer/**', '**/web/**'], message: 'core tests exercise core, not transports or the UI.' }],
      [{ name: 'electron', message: "core/ runs in plain Node and is tested there: never import 'electron'." }],
    ),
  },
);
