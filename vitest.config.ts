import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

const electronFake = fileURLToPath(new URL('./tests/fakes/electron.ts', import.meta.url));

export default defineConfig({
  test: {
    // Engine tests load real models (a few hundred MB): run files one at a time on 2 cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        // The Electron binary cannot be downloaded here: main/ is tested against a fake module.
        resolve: { alias: { electron: electronFake } },
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/renderer/**'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // electron-store imports `electron` itself: inline it so the alias above reaches it.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        // Svelte components in jsdom, compiled for the browser (svelteTesting sets that up).
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.ts'],
          environment: 'jsdom',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
