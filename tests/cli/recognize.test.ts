// The command as a user runs it: a separate process, real files, stdout, stderr and exit code.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGroundTruth } from '../bench/bench-data.js';
import { cli } from './cli-helpers.js';

const { dir } = readGroundTruth('screens');
const docImage = path.join(dir, 'public-018-doc-en.png');
const uiImage = path.join(dir, 'public-001-ui-en.png');

describe('ocr-assistant recognize', () => {
  it('prints the text of an image', async () => {
    const { stdout, code } = await cli('recognize', docImage);
    expect(code).toBe(0);
    expect(stdout).toContain('"The Program" refers to any copyrightable work licensed under this License.');
  });

  it('with --jsonl prints one Open API response per image, in argument order, and goes on past a bad image', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ocr-cli-'));
    const bad = path.join(folder, 'notes.png');
    writeFileSync(bad, 'not an image');
    const { stdout, stderr, code } = await cli('recognize', '--jsonl', docImage, bad, uiImage);
    expect(code).toBe(1);
    const responses = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(responses.map((r) => r.state)).toEqual([2, 7, 2]);
    expect(responses[0].result.autoText).toContain('The Program');
    expect(responses[2].result.autoText).toContain('Bourne Again Shell');
    expect(responses[1].message).toMatch(/not an image/);
    expect(stderr).toContain(`${bad}: the data is not an image`);
  });

  it('reports a missing file and a refused type, exit code 1', async () => {
    const { stdout, stderr, code } = await cli('recognize', '--jsonl', '--type', '2', docImage, '/nonexistent/shot.png');
    expect(code).toBe(1);
    const responses = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(responses[0]).toMatchObject({ state: 7, ocrType: 2 });
    expect(responses[1].message).toMatch(/no such file/);
    expect(stderr).toMatch(/shot\.png: cannot read the file/);
  });

  it('refuses a bad option value with a usage error (exit 2)', async () => {
    const { stderr, code } = await cli('recognize', '--type', '9', docImage);
    expect(code).toBe(2);
    expect(stderr).toMatch(/type "9" is not supported/);
  });
});
