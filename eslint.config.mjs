// Lint rules, including the layering of docs/architecture.md: core imports nothing that
// does I/O, aws and cli never import vscode, webview talks to the extension only through its protocol.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'fs/promises', 'child_process', 'http', 'https', 'http2', 'net', 'os', 'path', 'crypto'];
// A relative import that climbs out of its layer into the named ones, at any folder depth.
const outer = (layers) => layers.flatMap((layer) => [`../${layer}/**`, `../../${layer}/**`, `../../../${layer}/**`]);
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.e2e-tools/**', 'test-results/**', 'vsix/**', 'media/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(
      ['vscode', '@aws-sdk/*', '@smithy/*', ...nodeBuiltins, ...nodeBuiltins.map((name) => `node:${name}`), ...outer(['aws', 'cli', 'vscode', 'webview', 'files'])],
      'core is pure: no vscode, no AWS SDK, no I/O, no outer layer.',
    ),
  },
  {
    files: ['src/files/**/*.ts'],
    rules: restrict(['vscode', '@aws-sdk/*', '@smithy/*', ...outer(['aws', 'cli', 'vscode', 'webview'])], 'files does node file I/O only: no vscode, no AWS SDK, no outer layer.'),
  },
  {
    files: ['src/aws/**/*.ts', 'src/cli/**/*.ts'],
    rules: restrict(['vscode', ...outer(['vscode', 'webview'])], 'aws and cli never depend on vscode.'),
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: restrict(['vscode', ...outer(['core', 'aws', 'cli', 'vscode', 'files']), 'node:*'], 'webview code talks to the extension only through its protocol module.'),
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
);
