import js from '@eslint/js';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import { housePlugin } from './build/eslint-house-rules.js';

const root = fileURLToPath(new URL('.', import.meta.url));

// Every file type of ours is linted: TypeScript, plain JavaScript (the command, build scripts,
// the built-app tests' Electron stand-in) and Svelte components. The house's import rules
// (build/eslint-house-rules.js: DESIGN's folder table, and which file owns which package)
// apply to all of them.
export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'bench-results/', 'test-artifacts/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { house: housePlugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'house/imports': ['error', { root }],
    },
  },
  {
    // Svelte components: TypeScript in their scripts, the browser's globals.
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
