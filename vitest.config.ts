import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The Electron binary cannot be downloaded here: main/ is tested against a fake module.
    alias: { electron: fileURLToPath(new URL('./tests/fakes/electron.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Engine tests load real models (a few hundred MB): run files one at a time on 2 cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // electron-store imports `electron` itself: inline it so the alias above reaches it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
