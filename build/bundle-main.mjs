// Builds what Electron runs from out/main: the main process, the engine node it forks and the
// preload. `npm run build:electron` calls this; the boot and package tests call it too, so the
// bundle under test is the one users get.
//
// Code is bundled; dependencies stay in node_modules (native addons and files that packages
// read from their own folders cannot be bundled). Data files that our own code reads next to
// itself (`new URL('./x', import.meta.url)`) must be copied beside the bundle: after bundling,
// import.meta.url is out/main/, not the source folder.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out/main');

/** Files our bundled code reads relative to itself, from the sources' folder to out/main. */
export const bundledDataFiles = ['app/engine/formula-glyphs.json.gz'];

// Electron 45 runs Node 24; the CLI's floor is Node 22.13 (package.json engines).
const target = 'node22';

export async function bundleMain() {
  await mkdir(out, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['main/index.ts', 'app/server/nodes/engine-node.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target,
    packages: 'external',
    outdir: out,
    entryNames: '[name]',
    logLevel: 'warning',
  });
  // Sandboxed preloads must be CommonJS, with only `electron` left to require.
  await build({
    absWorkingDir: root,
    entryPoints: ['main/preload.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target,
    external: ['electron'],
    minify: true,
    outfile: path.join(out, 'preload.cjs'),
    logLevel: 'warning',
  });
  for (const file of bundledDataFiles) await copyFile(path.join(root, file), path.join(out, path.basename(file)));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleMain();
