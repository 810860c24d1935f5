import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { serviceWorkerPlugin } from './src/offline/serviceWorkerPlugin.ts';

export default defineConfig({
  // Relative base: dist/ works from any sub-path (a GitHub Pages project site).
  base: './',
  // serviceWorkerPlugin: writes dist/sw.js (precache of every built file) for offline use; build only
  plugins: [svelte(), svelteTesting(), serviceWorkerPlugin()],
  worker: { format: 'es' },
  // every dependency the page and its worker import, so the first dev run does not re-optimise and reload
  optimizeDeps: {
    include: [
      'comlink',
      'hyparquet',
      'hyparquet/src/column.js',
      'hyparquet-compressors',
      'fflate',
      'd3-array',
      '@observablehq/plot',
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    reporters: ['default', './test/countReporter.ts'],
    env: { TZ: 'UTC' },
    projects: [
      // kernels, parsers, sections, commands and components (jsdom)
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          setupFiles: ['test/setup.ts'],
        },
      },
      // the built app in chromium: one build, one server and one browser for every file (test/browser/globalSetup.ts)
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/globalSetup.ts'],
        },
      },
    ],
  },
});
