// The renderer's build: index.html for Electron (window.ocr from the preload) and web.html for
// the browser build (window.ocr over HTTP to the local API server), both into out/renderer.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [svelte()],
  build: {
    outDir: here('../out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // Fonts and images as files, never data: URLs: the CSP allows only our own origin.
    assetsInlineLimit: 0,
    // pdf.js's worker code (970 kB) is one chunk, loaded only when a PDF is dropped.
    chunkSizeWarningLimit: 1024,
    rollupOptions: { input: { index: here('index.html'), web: here('web.html') } },
  },
});
