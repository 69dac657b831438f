// The command as a user runs it: a separate process, real files, stdout, stderr and exit code.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { printPdf } from '../fixtures/pdf-document.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGroundTruth } from '../bench/bench-data.js';
import { bin, cli } from './cli-helpers.js';
import { typesetForm } from '../formula/formula-helpers.js';
import { startFakeLibreTranslate } from '../fixtures/translators.js';

const { dir } = readGroundTruth('screens');
const docImage = path.join(dir, 'public-018-doc-en.png');
const uiImage = path.join(dir, 'public-001-ui-en.png');
const run = promisify(execFile);

describe('ocr-assistant recognize', () => {
  it('with --translate prints the translation after the text, through --translator', async () => {
    const translator = await startFakeLibreTranslate();
    try {
      const { stdout, stderr, code } = await cli(
        'recognize',
        '--translate',
        'es',
        '--translator',
        `libretranslate:${translator.url}`,
        docImage,
      );
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const [text, translation] = stdout.split('\n--- es ---\n');
      expect(translation!.trim()).toBe(text!.trim().toUpperCase());
      // A translator that cannot be reached: the text all the same, and why on stderr.
      const down = await cli('recognize', '--translate', 'es', '--translator', 'apertium:http://127.0.0.1:9', docImage);
      expect(down.code).toBe(0);
      expect(down.stdout).toContain('The Program');
      expect(down.stderr).toMatch(/no translation: Apertium at http:\/\/127\.0\.0\.1:9: it cannot be reached/);
    } finally {
      await translator.close();
    }
  });

  it('refuses a translator it cannot use, saying what it takes', async () => {
    const bad = await cli('recognize', '--translate', 'es', '--translator', 'deepl:https://x', docImage);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--translator takes apertium:URL or libretranslate:URL/);
    const alone = await cli('recognize', '--translator', 'apertium:http://127.0.0.1:2737', docImage);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--translator needs --translate LANG/);
  });

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
    const responses = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(responses.map((r) => r.state)).toEqual([2, 7, 2]);
    expect(responses[0].result.autoText).toContain('The Program');
    expect(responses[2].result.autoText).toContain('Bourne Again Shell');
    expect(responses[1].message).toMatch(/not an image/);
    expect(stderr).toContain(`${bad}: the data is not an image`);
  });

  it('reads a formula snip in type 3 as LaTeX, and reports a missing file beside it, exit code 1', async () => {
    const formula = readGroundTruth('formulas').items.find((g) => g.id === 'public-f001')!;
    const { stdout, stderr, code } = await cli(
      'recognize',
      '--jsonl',
      '--type',
      '3',
      path.join(readGroundTruth('formulas').dir, formula.image),
      '/nonexistent/shot.png',
    );
    expect(code).toBe(1);
    const responses = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(responses[0]).toMatchObject({ state: 2, ocrType: 3, result: { resultType: 1 } });
    expect(typesetForm(responses[0].result.autoText)).toBe(typesetForm(formula.text));
    expect(responses[1].message).toMatch(/no such file/);
    expect(stderr).toMatch(/shot\.png: cannot read the file/);
  });

  it("with --out writes each image's result files, named after it; a table also as Excel", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'ocr-cli-out-')), 'results');
    const table = path.join(dir, 'public-031-table-borderless-en.png');
    const { stdout, code } = await cli('recognize', '--type', '2', '--out', out, table, docImage);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'public-018-doc-en.docx',
      'public-018-doc-en.md',
      'public-018-doc-en.pdf',
      'public-018-doc-en.pptx',
      'public-018-doc-en.txt',
      'public-031-table-borderless-en.docx',
      'public-031-table-borderless-en.md',
      'public-031-table-borderless-en.pdf',
      'public-031-table-borderless-en.pptx',
      'public-031-table-borderless-en.txt',
      'public-031-table-borderless-en.xlsx',
    ]);
    // the table's TXT is its rows, tab-separated, as printed; the doc (no table) is its text
    expect(readFileSync(path.join(out, 'public-031-table-borderless-en.txt'), 'utf8')).toBe(
      stdout.split('==> ')[1]!.split('\n').slice(1, -2).join('\n') + '\n',
    );
    expect(readFileSync(path.join(out, 'public-018-doc-en.txt'), 'utf8')).toContain(
      '"The Program" refers to any copyrightable work',
    );
    expect(readFileSync(path.join(out, 'public-031-table-borderless-en.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reads a folder of images and PDFs into --out, keeping its subfolders, and resumes where it stopped', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ocr-cli-folder-'));
    mkdirSync(path.join(folder, 'scans'));
    writeFileSync(
      path.join(folder, 'letter.pdf'),
      await printPdf([['First page of the letter'], ['Thank you for your order.']]),
    );
    copyFileSync(uiImage, path.join(folder, 'scans', 'dialog.png'));
    writeFileSync(path.join(folder, 'notes.txt'), 'not read: neither an image nor a PDF');
    const out = path.join(folder, 'out');
    const first = await cli('recognize', '--out', out, folder);
    expect(first.code).toBe(0);
    expect(readFileSync(path.join(out, 'scans', 'dialog.txt'), 'utf8')).toContain('Bourne Again Shell');
    expect(readFileSync(path.join(out, 'letter.txt'), 'utf8')).toMatch(
      /First page of the letter[\s\S]*Thank you for your order\./,
    );
    // the letter's searchable PDF has both pages, each with its own text
    const { stdout: info } = await run('pdfinfo', [path.join(out, 'letter.pdf')]);
    expect(info).toMatch(/Pages:\s+2/);
    // titled by the file it was read from, as a viewer's title bar shows it
    expect(info).toMatch(/^Title:\s+letter\.pdf$/m);
    const { stdout: secondPage } = await run('pdftotext', ['-f', '2', '-l', '2', path.join(out, 'letter.pdf'), '-']);
    expect(secondPage.replace(/\s+/g, '')).toBe('Thankyouforyourorder.');
    // as after an interruption: one file's results gone, the run again redoes only that one
    rmSync(path.join(out, 'scans', 'dialog.txt'));
    const again = await cli('recognize', '--out', out, folder);
    expect(again.stderr).toMatch(/1 of 2 files were already done/);
    expect(again.stdout).toContain('Bourne Again Shell');
    expect(again.stdout).not.toContain('First page of the letter');
    // --force reads them all again, as a rerun with another --type would want
    const forced = await cli('recognize', '--force', '--out', out, folder);
    expect(forced.code).toBe(0);
    expect(forced.stderr).not.toMatch(/already done/);
    expect(forced.stdout).toContain('First page of the letter');
  });

  it('reads an image from standard input given as -', async () => {
    const child = execFile(process.execPath, [bin, 'recognize', '-']);
    child.stdin!.end(readFileSync(docImage));
    let stdout = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('"The Program" refers to any copyrightable work licensed under this License.');
  });

  it('says --out names a file, not a folder, before reading anything', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ocr-cli-out-')), 'results.txt');
    writeFileSync(file, 'an earlier result');
    const { stderr, code } = await cli('recognize', '--out', file, docImage);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--out .*results\.txt is a file; name a folder/);
    expect(stderr).not.toMatch(/EEXIST/);
    expect(readFileSync(file, 'utf8')).toBe('an earlier result');
  });

  it('prints its own help, the version, and says which option was wrong in one line', async () => {
    const help = await cli('recognize', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/ocr-assistant recognize IMAGE/);
    expect(help.stdout).not.toMatch(/ocr-assistant serve/);
    const version = await cli('--version');
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(path.join(path.dirname(bin), '../package.json'), 'utf8')).version,
    );
    const missing = await cli('recognize', docImage, '-t');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'ocr-assistant recognize: --type needs a value\nRun "ocr-assistant recognize --help" for its options.\n',
    );
    const unknown = await cli('recognize', '--bogus', docImage);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ocr-assistant recognize: unknown option --bogus\n/);
    // -t is --type
    const table = await cli('recognize', '-t', '9', docImage);
    expect(table.stderr).toMatch(/type "9" is not supported/);
  });

  it('refuses a bad option value with a usage error (exit 2)', async () => {
    const { stderr, code } = await cli('recognize', '--type', '9', docImage);
    expect(code).toBe(2);
    expect(stderr).toMatch(/type "9" is not supported/);
  });
});
