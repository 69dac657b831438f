// The package users install: `electron-builder --linux dir` with the project's own
// electron-builder.yml, given a stand-in Electron distribution (the real one cannot be
// downloaded here). Then the packed payload, app.asar and app.asar.unpacked, is laid out the
// way Electron resolves it and the packed app itself is booted and used: every file it reads
// at run time must be inside. Its size is printed; the payload must hold N-API addons only,
// no build tools, and no other platform's onnxruntime.
import asar from '@electron/asar';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeChannels } from '../../app/ipc.js';
import { readGroundTruth } from '../bench/bench-data.js';
import { cer } from '../engine/engine-helpers.js';
import { buildApp, BuiltApp, quotaShown, repoRoot } from '../built-app/built-app.js';
import { addonKind, nativeAddons } from './native-addons.js';

const work = mkdtempSync(path.join(tmpdir(), 'ocr-package-'));
const release = path.join(work, 'release');
const unpackedApp = path.join(release, 'linux-unpacked');
const resources = path.join(unpackedApp, 'resources');
let app: BuiltApp | undefined;

/** A folder shaped like Electron's Linux zip: the `electron` executable, its resources folder. */
function standInElectronDist(): string {
  const dist = path.join(work, 'electron-dist');
  mkdirSync(path.join(dist, 'resources'), { recursive: true });
  writeFileSync(path.join(dist, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary" >&2\nexit 1\n');
  chmodSync(path.join(dist, 'electron'), 0o755);
  writeFileSync(path.join(dist, 'version'), '45.4.1');
  return dist;
}

/** Bytes of a file, or of every file below a folder (links not followed). */
function bytesOf(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of readdirSync(target, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  return total;
}

beforeAll(async () => {
  await buildApp();
  const builder = path.join(repoRoot, 'node_modules/.bin/electron-builder');
  await promisify(execFile)(
    builder,
    ['--linux', 'dir', `-c.electronDist=${standInElectronDist()}`, `-c.directories.output=${release}`],
    {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}, 300_000);

afterAll(() => app?.kill());

describe('the packed app (electron-builder --linux dir)', () => {
  it("is lean: no build tools, no other platform's runtime, N-API addons only; its size is printed", () => {
    const files = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false });
    for (const tool of [
      '/node_modules/tsx/',
      '/node_modules/esbuild/',
      '/node_modules/@esbuild/',
      '/node_modules/electron/',
      '/node_modules/vite/',
      '/node_modules/vitest/',
    ]) {
      expect(
        files.filter((f) => f.startsWith(tool)),
        tool,
      ).toEqual([]);
    }
    const addons = nativeAddons(path.join(resources, 'app.asar.unpacked'));
    const relative = addons.map((f) => path.relative(resources, f));
    expect(relative.filter((f) => f.includes('onnxruntime'))).toEqual([
      'app.asar.unpacked/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node',
    ]);
    expect(addons.filter((f) => addonKind(f) !== 'n-api').map((f) => path.relative(resources, f))).toEqual([]);
    // Every .node in the archive's listing is unpacked: the system loads addons from disk only.
    const listed = files.filter((f) => f.endsWith('.node'));
    expect(listed.length).toBe(addons.length);
    const sizes = {
      'app.asar': bytesOf(path.join(resources, 'app.asar')),
      'app.asar.unpacked': bytesOf(path.join(resources, 'app.asar.unpacked')),
      'whole folder (with the stand-in for Electron)': bytesOf(unpackedApp),
    };
    console.log(
      `package sizes: ${Object.entries(sizes)
        .map(([name, bytes]) => `${name} ${(bytes / 1e6).toFixed(1)} MB`)
        .join(', ')}`,
    );
  });

  it('runs from its own files: the packed app starts, shows the quota and reads a screenshot and a formula', async () => {
    // Electron reads app.asar as a folder and sends reads of unpacked files to app.asar.unpacked;
    // here the archive is extracted to a folder of that name beside the real unpacked folder.
    const layout = path.join(work, 'layout/resources');
    mkdirSync(layout, { recursive: true });
    asar.extractAll(path.join(resources, 'app.asar'), path.join(layout, 'app.asar'));
    symlinkSync(path.join(resources, 'app.asar.unpacked'), path.join(layout, 'app.asar.unpacked'));
    const packageJson = JSON.parse(await readFile(path.join(layout, 'app.asar/package.json'), 'utf8')) as {
      main: string;
    };
    const screens = readGroundTruth('screens');
    const screen = screens.items.find((item) => item.id === 'public-005-ui-zh')!;
    app = new BuiltApp({
      entry: path.join(layout, 'app.asar', packageJson.main),
      userData: mkdtempSync(path.join(tmpdir(), 'ocr-packed-app-')),
      screen: path.join(screens.dir, screen.image),
    });
    await app.waitFor(quotaShown, 60_000);
    const page = await app.command<{ status: number }>('fetchApp', { url: 'app://ocr/index.html' });
    expect(page.status).toBe(200);
    const { text } = await app.captureWholeScreen('text');
    expect(cer(text, screen.text)).toBeLessThan(0.05);

    const formulas = readGroundTruth('formulas');
    const formula = formulas.items.find((item) => item.id === 'public-f002')!;
    await app.command('setScreen', { file: path.join(formulas.dir, formula.image) });
    await app.invokeFromMainWindow(invokeChannels.updateSettings.channel, { mode: 'formula' });
    const latex = await app.captureWholeScreen('formula');
    expect(latex.text.replace(/\s+/g, '')).toBe(formula.text.replace(/\s+/g, ''));
    await app.command('quit');
    expect(await app.exited).toEqual({ code: 0, signal: null });
  });
});
