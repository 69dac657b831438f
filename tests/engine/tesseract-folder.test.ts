// The one folder a Tesseract worker reads every language from. Where links cannot be made
// (Windows without administrator rights answers EPERM), it holds copies instead.
import { mkdtempSync, readFileSync, lstatSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const refuseLinks = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    symlink: async (...args: Parameters<typeof real.symlink>) => {
      if (refuseLinks.on) throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
      return real.symlink(...args);
    },
  };
});

const { languageFolder } = await import('../../app/engine/tesseract.js');
const packaged = (language: string) =>
  path.join('node_modules/@tesseract.js-data', language, '4.0.0_best_int', `${language}.traineddata.gz`);
const savedTmp = process.env.TMPDIR;
const systemTmp = tmpdir();
let scratch = '';

afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  refuseLinks.on = false;
  rmSync(scratch, { recursive: true, force: true });
});

describe('languageFolder', () => {
  it.each([
    ['links', false],
    ['copies, where links are refused', true],
  ])('holds every language as %s, and the same bytes as the packages', async (_, refused) => {
    scratch = mkdtempSync(path.join(systemTmp, 'tessdata-test-'));
    process.env.TMPDIR = scratch;
    refuseLinks.on = refused;
    const folder = await languageFolder();
    expect(folder.startsWith(scratch)).toBe(true);
    for (const language of [
      'jpn',
      'jpn_vert',
      'kor',
      'chi_tra',
      'chi_tra_vert',
      'ukr',
      'fra',
      'deu',
      'spa',
      'ita',
      'por',
    ]) {
      const file = path.join(folder, `${language}.traineddata.gz`);
      expect(lstatSync(file).isSymbolicLink(), language).toBe(!refused);
      expect(readFileSync(file).equals(readFileSync(packaged(language))), language).toBe(true);
    }
    // A second start finds the folder made and leaves it as it is.
    expect(await languageFolder()).toBe(folder);
  });
});
