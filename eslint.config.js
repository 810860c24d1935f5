// ESLint: the recommended rules of JavaScript, typescript-eslint and eslint-plugin-svelte, and `layers/imports`,
// which keeps every folder of src/ to the imports its layer allows (the table below; src/README.md explains it).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { layersPlugin } from './.eslint/layers.js';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test/artifacts/', '.scratch/', 'public/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
    // lists are drawn whole from each worker result and hold no per-row state; a key that repeats (two equal
    // labels, ids) would throw, so keys are given where rows are reordered in place, not everywhere
    rules: { 'svelte/require-each-key': 'off' },
  },
  // tests read reports back as JSON, whose shape the schema test holds
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte', 'workers/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
);
