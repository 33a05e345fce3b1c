import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['.output*/**', 'test-results*/**', 'bench/locator/scratch-*', '.wxt/**', 'dist/**', 'node_modules/**', 'demo-output/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/sites/**/*.js', 'web-ext-artifacts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never use innerHTML: build DOM nodes and set textContent.' },
        { property: 'outerHTML', message: 'Never use outerHTML.' },
        { property: 'insertAdjacentHTML', message: 'Never use insertAdjacentHTML.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Lotse makes no network requests.' },
        { name: 'XMLHttpRequest', message: 'Lotse makes no network requests.' },
        { name: 'WebSocket', message: 'Lotse makes no network requests.' },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Playwright fixtures use `async ({}, use) => …`
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // tests, benches and scripts drive servers on 127.0.0.1 and may fetch from them
    files: ['tests/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
