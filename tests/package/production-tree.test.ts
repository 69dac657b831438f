// No addon in the production dependency tree may be bound to one Node ABI: the CLI runs on the
// user's Node, the app on Electron's, and an addon compiled for one fails to load in the other
// (better-sqlite3 once kept the app's server from starting). This walks what `npm ls` calls
// production and names every offender, so one cannot come back unnoticed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../built-app/built-app.js';
import { addonKind } from './native-addons.js';

/** Node 22.13, the oldest Node package.json's engines accepts, has module ABI 127. */
const oldestSupportedAbi = 127;

function productionPackages(): string[] {
  // npm ls exits non-zero on any peer-dependency quibble; its listing is still whole.
  const listing = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(listing.stdout.split('\n').filter((line) => line.startsWith(repoRoot) && line !== repoRoot))];
}

/** The package's own .node files, not those of packages nested in its node_modules (listed on their own). */
function addonsOf(packageDir: string): string[] {
  return readdirSync(packageDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.node'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(packageDir, file).split(path.sep).includes('node_modules'));
}

/**
 * prebuildify's `name.abiNNN.node` beside `name.napi.node`: its loader takes the ABI build only in
 * the Node with that ABI, and the N-API one everywhere else. Such a build for an ABI older than
 * every Node we support can never be loaded, so it is not an offender (msgpackr-extract's for
 * Node 20); any other ABI-bound file is.
 */
function neverLoaded(file: string): boolean {
  const tagged = /^(.*)\.abi(\d+)\.(.*)node$/.exec(path.basename(file));
  if (!tagged || Number(tagged[2]) >= oldestSupportedAbi) return false;
  const siblings = readdirSync(path.dirname(file));
  return siblings.some(
    (name) => name.startsWith(`${tagged[1]}.napi.`) && addonKind(path.join(path.dirname(file), name)) === 'n-api',
  );
}

describe('the production dependency tree', () => {
  it('tells an ABI-bound addon from an N-API one', () => {
    const msgpackr = path.join(repoRoot, 'node_modules/@msgpackr-extract/msgpackr-extract-linux-x64');
    expect(addonKind(path.join(msgpackr, 'node.abi115.glibc.node'))).toBe('abi-bound');
    expect(addonKind(path.join(msgpackr, 'node.napi.glibc.node'))).toBe('n-api');
    expect(
      addonKind(path.join(repoRoot, 'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node')),
    ).toBe('n-api');
  });

  it('holds no addon that a supported Node or Electron would load bound to one ABI', () => {
    const packages = productionPackages();
    expect(packages.map((p) => path.relative(repoRoot, p))).toContain('node_modules/onnxruntime-node');
    const addons = packages.flatMap(addonsOf);
    // onnxruntime, sharp, the canvas pdf.js draws on: the tree does have addons to check.
    expect(addons.length).toBeGreaterThanOrEqual(3);
    const offenders = addons.filter((file) => addonKind(file) === 'abi-bound' && !neverLoaded(file));
    expect(offenders.map((file) => path.relative(repoRoot, file))).toEqual([]);
  });
});
