// Lint: typescript-eslint's recommended rules, plus the fence that keeps src/core pure
// (docs/architecture.md §1: the domain imports no UI, no Office.js, no Node.js, no server or database).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impure = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is pure: no React.' },
  { group: ['@fluentui/*'], message: 'src/core is pure: no Fluent UI.' },
  { group: ['office-js', '@microsoft/office-js', '@types/office-js'], message: 'src/core is pure: Office.js lives in src/office/.' },
  { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https'], message: 'src/core is pure: no Node.js I/O.' },
  { group: ['fastify', '@fastify/*', 'kysely', 'better-sqlite3', 'pg'], message: 'src/core is pure: no server or database.' },
  { group: ['**/server/**', '**/office/**', '**/taskpane/**', '**/client/**', '**/ui/**', '**/web/**'], message: 'src/core imports nothing from the outer layers.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'data-demo/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: impure }] },
  },
  {
    // The shared layers under the views: the taskpane and the web app import them, never the reverse.
    files: ['src/ui/**/*.{ts,tsx}', 'src/client/**/*.ts', 'src/text/**/*.ts', 'src/office/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/taskpane/**', '**/web/**'], message: 'A shared layer never imports a view (src/taskpane, src/web).' }] }] },
  },
  {
    // Plain browser scripts shipped as they are (no bundler).
    files: ['src/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly' } },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', fetch: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
