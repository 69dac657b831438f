// The renderer end to end in real Chromium (Debian's, driven by playwright-core), through the
// browser build: the same views, window.ocr over HTTP to a real API server on loopback.
// Screenshots of each view land in test-artifacts/ for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { chromiumPath, launchChromium } from '../fixtures/chromium.js';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../renderer/web/serve.js';
import { readGroundTruth } from '../bench/bench-data.js';
import { cer } from '../engine/engine-helpers.js';
import { typesetForm } from '../formula/formula-helpers.js';
import { fullHdCapture } from '../fixtures/desktop-capture.js';
import { startFakeLibreTranslate, type FakeLibreTranslate } from '../fixtures/translators.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = path.join(root, 'test-artifacts');

let web: WebServer;
let translator: FakeLibreTranslate;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium is needed at ${chromiumPath} (apt-get install chromium; .ci/run does)`);
  mkdirSync(artifacts, { recursive: true });
  await build({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'error' });
  // The page's server translates with a LibreTranslate-protocol server (capitals for Spanish).
  translator = await startFakeLibreTranslate();
  web = await startWebServer({ translator: `libretranslate:${translator.url}` });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await translator?.close();
});

const truthOf = (id: string) => readGroundTruth('screens').items.find((g) => g.id === id)!;

/** The capture overlay frozen on a bench screenshot (`image`: its path under the bench). */
async function openOverlay(image: string) {
  await page.goto(`${web.url}/web.html?screen=/bench/${image}#/overlay`);
  await page.waitForSelector('.overlay img');
}

/** A drop on the result panel as the desktop hands it over: a DataTransfer holding the file. */
async function dropFile(bytes: Uint8Array, name: string, type: string) {
  await page.evaluate(
    ({ bytes, name, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      document
        .querySelector('section.result')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { bytes: [...bytes], name, type },
  );
}

async function drag(from: [number, number], to: [number, number]) {
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up();
}

describe('the renderer in Chromium', () => {
  it('reads the region dragged on the overlay, and shows its text in the result panel', async () => {
    const truth = truthOf('public-001-ui-en');
    await openOverlay(truth.image);
    // The two lines "Usage: [OPTION]..." and "[FILE]" (boxes 14,50 and 14,67), nothing else.
    const wanted = (truth.lines ?? []).filter(
      (l) => l.box[0] + l.box[2] <= 170 && l.box[1] >= 46 && l.box[1] + l.box[3] <= 88,
    );
    expect(wanted.map((l) => l.text)).toEqual(['Usage: [OPTION]...', '[FILE]']);
    await drag([8, 46], [170, 88]);
    await expect.poll(() => page.textContent('[data-testid="selection-size"]')).toBe('162 × 42');
    await page.screenshot({ path: path.join(artifacts, 'overlay.png') });
    await page.click('button:has-text("Read text")');
    await page.waitForSelector('ol.lines li', { timeout: 30_000 });
    const lines = await page.$$eval('ol.lines li .words', (items) => items.map((i) => i.textContent ?? ''));
    expect(cer(lines.join('\n'), wanted.map((l) => l.text).join('\n'))).toBeLessThanOrEqual(0.05);
    expect(await page.inputValue('#result-text')).toContain('[FILE]');
    await page.screenshot({ path: path.join(artifacts, 'result.png') });
  });

  it('shows a small region magnified with sharp pixels, and says when one line is copied', async () => {
    // The 162 x 42 region read above is shown at twice its size: pixelated, not smoothed.
    expect(await page.$eval('.frame img', (img) => getComputedStyle(img).imageRendering)).toBe('pixelated');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
    const button = page.locator('li[data-line="1"] button.copy');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-label')).toMatch(/^Copied: /);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await page.textContent('li[data-line="1"] .words'),
    );
    await page.screenshot({ path: path.join(artifacts, 'result-line-copied.png') });
    await expect.poll(() => button.getAttribute('aria-label'), { timeout: 3000 }).toMatch(/^Copy this line: /);
  });

  it('lights a line when its box is hovered on the image', async () => {
    await page.hover('rect[data-line="1"]');
    await expect.poll(() => page.getAttribute('li[data-line="1"]', 'class')).toMatch(/\bhot\b/);
    expect(await page.getAttribute('li[data-line="0"]', 'class')).not.toMatch(/\bhot\b/);
    await page.screenshot({ path: path.join(artifacts, 'result-hover.png') });
  });

  it('works from the keyboard alone: select all, nudge, Enter', async () => {
    const truth = truthOf('public-018-doc-en');
    await openOverlay(truth.image);
    await page.keyboard.press('Control+a');
    await expect
      .poll(() => page.textContent('[data-testid="selection-size"]'))
      .toBe(`${truth.width} × ${truth.height}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('ol.lines li', { timeout: 30_000 });
    const text = await page.inputValue('#result-text');
    expect(cer(text, truth.text)).toBeLessThanOrEqual(0.02);
  });

  it('lets the focused control take its keys: Enter on Cancel cancels, arrows change the mode', async () => {
    const truth = truthOf('public-018-doc-en');
    const reads: string[] = [];
    const onRequest = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST') reads.push(request.url());
    };
    page.on('request', onRequest);
    try {
      await openOverlay(truth.image);
      await page.keyboard.press('Control+a');
      const size = await page.textContent('[data-testid="selection-size"]');
      // Arrows on the mode picker move through the modes and leave the selection where it is.
      await page.focus('.toolbar input[value="text"]');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.isChecked('.toolbar input[value="vertical"]')).toBe(true);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.isChecked('.toolbar input[value="table"]')).toBe(true);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => page.isChecked('.toolbar input[value="vertical"]')).toBe(true);
      expect(await page.textContent('[data-testid="selection-size"]')).toBe(size);
      await page.screenshot({ path: path.join(artifacts, 'overlay-mode-keyboard.png') });
      // Enter on the focused Cancel button cancels: nothing is read.
      await page.focus('.toolbar button:not(.primary)');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/result');
      expect(reads).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('keeps recognitions in history, searchable, and re-opens one', async () => {
    await page.goto(`${web.url}/web.html#/history`);
    await page.waitForSelector('.entry');
    expect(await page.$$eval('.entry', (e) => e.length)).toBe(2);
    await page.fill('input[type="search"]', 'licensee');
    await expect.poll(() => page.$$eval('.entry', (e) => e.length)).toBe(1);
    await page.screenshot({ path: path.join(artifacts, 'history.png') });
    await page.click('.entry');
    await page.waitForSelector('ol.lines li');
    expect(await page.inputValue('#result-text')).toContain('The Program');
  });

  it('shows the app icon in the browser tab', async () => {
    await page.goto(`${web.url}/web.html#/history`);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const icon = await page.request.get(new URL(href!, `${web.url}/web.html`).href);
    expect(icon.ok()).toBe(true);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  });

  it('keeps a changed setting across a reload', async () => {
    await page.goto(`${web.url}/web.html#/settings`);
    await page.waitForSelector('fieldset');
    await page.screenshot({ path: path.join(artifacts, 'settings.png'), fullPage: true });
    await page.waitForSelector('[data-testid="quota"] >> text=Used today');
    await page.selectOption('select:has(option[value="zh-CN"])', 'zh-CN');
    await page.waitForSelector('text=快捷键');
    // Every word follows the language at once, the quota in the tab bar too (not after a reload).
    expect(await page.textContent('[data-testid="quota"]')).toMatch(/^今日已用 [\d,]+ · 剩余 [\d,]+$/);
    await page.selectOption('select:has(option[value="dark"])', 'dark');
    await page.selectOption('select:has(option[value="kor"])', 'kor');
    await page.reload();
    await page.waitForSelector('nav a >> text=设置');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.inputValue('select:has(option[value="kor"])')).toBe('kor');
    await page.selectOption('select:has(option[value="kor"])', 'auto');
    await page.screenshot({ path: path.join(artifacts, 'settings-zh-dark.png'), fullPage: true });
  });

  it('says why a hotkey is not taken: one another action has, or a key without a modifier', async () => {
    await page.goto(`${web.url}/web.html#/settings`);
    await page.waitForSelector('fieldset');
    const rows = page.locator('.hotkey');
    const repeat = rows.nth(2);
    const before = await repeat.locator('kbd').textContent();
    const captureKeys = await rows.nth(0).locator('kbd').textContent();
    // The capture hotkey (Ctrl+Alt+O here) pressed for "repeat": refused, and said so.
    await repeat.locator('button').click();
    await page.keyboard.press('Control+Alt+KeyO');
    await expect
      .poll(() =>
        repeat
          .locator('[role="alert"]')
          .textContent()
          .catch(() => ''),
      )
      .toContain(captureKeys!);
    expect(await repeat.locator('kbd').textContent()).toBe(before);
    // A letter alone: the recorder says what to add, and keeps listening.
    await repeat.locator('button').click();
    await page.keyboard.press('KeyQ');
    await expect.poll(() => page.isVisible('[data-testid="hotkey-hint"]')).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'settings-hotkey-hint.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.isVisible('[data-testid="hotkey-hint"]')).toBe(false);
    expect(await repeat.locator('kbd').textContent()).toBe(before);
  });

  it('says beside the field when the history size is out of range, and keeps the saved one', async () => {
    await page.goto(`${web.url}/web.html#/settings`);
    await page.waitForSelector('fieldset');
    const field = page.locator('input[type="number"]');
    const saved = await field.inputValue();
    await field.fill('3');
    await field.press('Tab');
    await expect.poll(() => page.isVisible('[data-testid="history-limit-problem"]')).toBe(true);
    expect(await page.textContent('[data-testid="history-limit-problem"]')).toMatch(/10.*5,000.*500/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: path.join(artifacts, 'settings-history-limit.png'), fullPage: true });
    await page.reload();
    await page.waitForSelector('fieldset');
    expect(await page.locator('input[type="number"]').inputValue()).toBe(saved);
    // A value in range is saved, and the message goes.
    await page.locator('input[type="number"]').fill('800');
    await page.locator('input[type="number"]').press('Tab');
    await expect.poll(() => page.isVisible('[data-testid="history-limit-problem"]')).toBe(false);
    await page.reload();
    await page.waitForSelector('fieldset');
    expect(await page.locator('input[type="number"]').inputValue()).toBe('800');
    await page.locator('input[type="number"]').fill(saved);
    await page.locator('input[type="number"]').press('Tab');
  });

  it('says a server address that is no URL is not one, when Test is pressed', async () => {
    await page.goto(`${web.url}/web.html#/settings`);
    await page.waitForSelector('fieldset');
    await page.check('input[name="server"][value="remote"]');
    await page.fill('input[type="url"]', 'not a url');
    await page.fill('input[type="password"]', 'some-token');
    await page.click('fieldset .row button:not(.primary)');
    // In the language of the view (the test before switched it to 简体中文).
    await expect.poll(() => page.textContent('[data-testid="server-test"]')).toMatch(/不是服务器地址/);
    expect(await page.textContent('[data-testid="server-test"]')).not.toMatch(/404/);
    await page.screenshot({ path: path.join(artifacts, 'settings-bad-url.png'), fullPage: true });
    // Left without saving: the built-in server stays the one in use.
    await page.check('input[name="server"][value="embedded"]');
  });

  it('reads a formula snip in formula mode: typeset in the panel, copied as LaTeX, the same formula', async () => {
    const truth = readGroundTruth('formulas').items.find((g) => g.id === 'public-f006')!;
    await openOverlay(`formulas/${truth.image}`);
    await page.keyboard.press('Control+a');
    await page.click('.toolbar label:has(input[value="formula"])');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.text-pane .katex-display', { timeout: 30_000 });
    await page.screenshot({ path: path.join(artifacts, 'result-formula.png'), fullPage: true });
    // The panel shows the formula typeset, and its LaTeX is what was read.
    const annotation = await page.textContent('.text-pane annotation[encoding="application/x-tex"]');
    expect(typesetForm(annotation ?? '')).toBe(typesetForm(truth.text));
    expect(await page.isVisible('button:has-text("MathML")')).toBe(true);
  });

  it("reads a table screenshot in table mode into a grid, lights a cell's box, and exports it to Excel", async () => {
    const truth = truthOf('public-027-table-bordered-en');
    await openOverlay(truth.image);
    await page.keyboard.press('Control+a');
    await page.click('.toolbar label:has-text("表格")');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.text-pane table td', { timeout: 30_000 });
    const grid = await page.$$eval('.text-pane table tr', (rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    expect(grid.length).toBe(truth.cells!.length);
    const fold = (s: string) => s.replace(/\s+/g, '');
    const cells = truth.cells!.flatMap((row, r) => row.map((cell, c) => fold(grid[r]?.[c] ?? '') === fold(cell)));
    expect(cells.filter(Boolean).length / cells.length).toBeGreaterThanOrEqual(0.95);
    // the cell and its box on the image light together
    const comment = await page.getAttribute('.text-pane td:has-text("Comment")', 'data-line');
    await page.hover('.text-pane td:has-text("Comment")');
    await expect.poll(() => page.getAttribute(`rect[data-line="${comment}"]`, 'class')).toMatch(/\bhot\b/);
    await page.screenshot({ path: path.join(artifacts, 'result-table.png') });

    const download = page.waitForEvent('download');
    await page.click('.exports button:has-text("Excel")');
    const file = path.join(artifacts, 'exported-table.xlsx');
    await (await download).saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(truth.cells![0]!.map((_, c) => String(sheet.getCell(1, c + 1).value))).toEqual(truth.cells![0]);
    expect(sheet.rowCount).toBe(truth.cells!.length);
    await expect.poll(() => page.textContent('.exports [role="status"]')).toMatch(/已保存：ocr-.*\.xlsx/);
  });

  it('reads a dropped PDF page by page: each page its own result, boxes and history entry', async () => {
    // A two-page PDF with known text, printed by Chromium itself.
    const printer = await browser.newPage();
    const pages = [
      ['Quarterly report', 'Revenue grew by twelve percent.'],
      ['Second page', 'Shipping resumed on Monday.'],
    ];
    await printer.setContent(
      pages
        .map(
          (lines, i) =>
            `<section style="font:28px 'DejaVu Sans',sans-serif;${i ? 'break-before:page' : ''}">${lines.map((l) => `<p>${l}</p>`).join('')}</section>`,
        )
        .join(''),
    );
    const pdf = await printer.pdf({ format: 'A5' });
    await printer.close();

    await page.goto(`${web.url}/web.html#/result`);
    await page.waitForSelector('section.result');
    await dropFile(pdf, 'report.pdf', 'application/pdf');
    // The last page stays in the panel; both pages are in history, in order.
    await expect.poll(() => page.inputValue('#result-text').catch(() => ''), { timeout: 60_000 }).toContain('Shipping');
    expect(cer(await page.inputValue('#result-text'), pages[1]!.join('\n'))).toBeLessThanOrEqual(0.03);
    expect(await page.$$eval('ol.lines li', (items) => items.length)).toBe(2);
    await page.screenshot({ path: path.join(artifacts, 'result-pdf-page.png') });
    await page.goto(`${web.url}/web.html#/history`);
    await page.waitForSelector('.entry');
    const titles = await page.$$eval('.entry', (entries) => entries.map((e) => e.textContent ?? ''));
    expect(titles.slice(0, 2).map((t) => t.includes('Second page'))).toEqual([true, false]);
    expect(titles[1]).toContain('Quarterly report');
  });

  it('shows a large capture at once and its lines as they are read, before the whole result', async () => {
    const capture = await fullHdCapture();
    await page.goto(`${web.url}/web.html#/result`);
    await page.waitForSelector('section.result');
    await dropFile(capture, 'desktop.png', 'image/png');
    // One moment, looked at whole in the page: the image and a first line are shown, the
    // reading state says so, and the result (its text box) is not there yet.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="reading"]') &&
        document.querySelector('.frame img') &&
        document.querySelectorAll('ol.lines-so-far li').length > 0 &&
        !document.querySelector('#result-text'),
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    // (In 简体中文 here when an earlier test left the view so.)
    expect(await page.textContent('[data-testid="reading-facts"]')).toMatch(
      /^(\d+ lines? so far · \d+\.\d s|已读 \d+ 行 · \d+\.\d 秒)$/,
    );
    expect(await page.$eval('.frame', (f) => getComputedStyle(f).aspectRatio)).toBe('1920 / 1080');
    expect(await page.locator('[data-testid="unread"]').count()).toBe(1);
    await page.screenshot({ path: path.join(artifacts, 'result-reading.png') });
    const shown = await page.$$eval('ol.lines-so-far li .words', (items) => items.map((i) => i.textContent ?? ''));
    // Then the whole result, with the lines shown on the way among its own.
    await page.waitForSelector('#result-text', { timeout: 60_000 });
    expect(await page.locator('[data-testid="reading"]').count()).toBe(0);
    const text = await page.inputValue('#result-text');
    expect(shown.filter((words) => text.includes(words.trim())).length).toBeGreaterThan(0.8 * shown.length);
  });

  it('stops a large capture with Cancel or Esc, and keeps the result shown before', async () => {
    const before = await page.inputValue('#result-text');
    for (const stop of ['button', 'Escape'] as const) {
      await dropFile(await fullHdCapture(), 'desktop.png', 'image/png');
      await page.waitForSelector('[data-testid="reading"]', { timeout: 30_000 });
      if (stop === 'button') await page.click('[data-testid="reading"] button.primary');
      else await page.keyboard.press('Escape');
      await expect
        .poll(() => page.textContent('[data-testid="result-note"]').catch(() => null))
        .toMatch(/^(Recognition cancelled\.|已取消识别。)$/);
      expect(await page.locator('[role="alert"]').count()).toBe(0);
      expect(await page.inputValue('#result-text')).toBe(before);
    }
    await page.screenshot({ path: path.join(artifacts, 'result-cancelled.png') });
  });

  it('reads a scan over 40 MP opened with Open…: scaled down, its boxes on the whole image, and says so', async () => {
    const truth = truthOf('public-018-doc-en');
    // The document at three times its size on an 8000x6000 page: 48 MP, more than is read at once.
    const enlarged = await sharp(path.join(readGroundTruth('screens').dir, truth.image))
      .resize(truth.width * 3)
      .png()
      .toBuffer();
    const scan = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } })
      .composite([{ input: enlarged, left: 500, top: 400 }])
      .png({ compressionLevel: 1 })
      .toBuffer();
    await page.goto(`${web.url}/web.html#/result`);
    await page.waitForSelector('section.result');
    await page.setInputFiles('[data-testid="open-files"]', { name: 'scan.png', mimeType: 'image/png', buffer: scan });
    await page.waitForSelector('[data-testid="read-scaled"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="read-scaled"]')).toMatch(/91%/);
    expect(cer(await page.inputValue('#result-text'), truth.text)).toBeLessThanOrEqual(0.02);
    // The first box stands where the first line is on the 8000-pixel page.
    expect(Number(await page.getAttribute('rect[data-line="0"]', 'x'))).toBeGreaterThan(500);
    await page.screenshot({ path: path.join(artifacts, 'result-large-scan.png') });
  });

  it('shows each line with its translation when Settings ask for one, and copies the translation', async () => {
    const setTranslation = (translation: object) =>
      page.evaluate((translation) => {
        const key = 'ocr-assistant.settings';
        const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
        localStorage.setItem(key, JSON.stringify({ ...saved, translation }));
      }, translation);
    await page.goto(`${web.url}/web.html#/settings`);
    await setTranslation({ translator: 'libretranslate', url: 'http://127.0.0.1:5000', target: 'es', keySet: false });
    const truth = truthOf('public-018-doc-en');
    await openOverlay(truth.image);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="line-trans"]', { timeout: 30_000 });
    const pairs = await page.$$eval('ol.lines li', (items) =>
      items.map((li) => ({
        words: li.querySelector('.words')?.textContent ?? '',
        trans: li.querySelector('.trans')?.textContent ?? '',
      })),
    );
    for (const { words, trans } of pairs) expect(trans.replace(/\s/g, '')).toBe(words.toUpperCase().replace(/\s/g, ''));
    expect(translator.requests.at(-1)).toMatchObject({ source: 'en', target: 'es' });
    await page.screenshot({ path: path.join(artifacts, 'result-translated.png') });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
    await page.click('.translation-bar button');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      (await page.inputValue('#result-text')).toUpperCase(),
    );
    await setTranslation({ translator: 'off', url: '', target: 'en', keySet: false });
  });

  it('copies with "Copy all" what the line list shows: its lines in order, items kept apart', async () => {
    // A dialog of separate items side by side: two buttons, labels beside their values.
    const truth = truthOf('public-001-ui-en');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
    await openOverlay(truth.image);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Enter');
    await page.waitForSelector('ol.lines li', { timeout: 30_000 });
    const listed = await page.$$eval('ol.lines li .words', (items) => items.map((i) => (i.textContent ?? '').trim()));
    await page.click('header button.primary');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // Each copied line is one listed line, or a wrapped item's listed lines joined, in the
    // list's order: nothing glued across items, nothing reordered, nothing left out.
    let next = 0;
    for (const line of copied.split('\n').filter((l) => l.trim())) {
      let joined = listed[next++] ?? '';
      while (joined.length < line.length && next < listed.length) joined += ' ' + listed[next++];
      expect(line.trim()).toBe(joined);
    }
    expect(next).toBe(listed.length);
    expect(copied).toContain('A4 Extra\nBourne Again Shell');
  });

  it('says when formula mode found no formula, and shows the mode the text was read in', async () => {
    const truth = truthOf('public-018-doc-en');
    await openOverlay(truth.image);
    await page.keyboard.press('Control+a');
    await page.click('.toolbar label:has(input[value="formula"])');
    await page.keyboard.press('Enter');
    await page.waitForSelector('ol.lines li', { timeout: 30_000 });
    await expect.poll(() => page.isVisible('[data-testid="mode-note"]')).toBe(true);
    expect(await page.isChecked('header.toolbar input[value="text"]')).toBe(true);
    expect(await page.isChecked('header.toolbar input[value="formula"]')).toBe(false);
    expect(cer(await page.inputValue('#result-text'), truth.text)).toBeLessThanOrEqual(0.02);
    // The view is in 简体中文 (set by a test before): the language is named, not coded (eng).
    expect(await page.textContent('[data-testid="result-facts"]')).toMatch(/英语 · 4 行/);
    await page.screenshot({ path: path.join(artifacts, 'result-formula-as-text.png') });
  });

  it('fits every view in both languages and themes at 1280x800 and 800x600: nothing cut, no English left in 简体中文', async () => {
    const dir = path.join(artifacts, 'views');
    mkdirSync(dir, { recursive: true });
    const truth = truthOf('public-001-ui-en');
    for (const [width, height] of [
      [1280, 800],
      [800, 600],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const language of ['en', 'zh-CN'] as const) {
        for (const theme of ['light', 'dark'] as const) {
          await page.goto(`${web.url}/web.html#/settings`);
          await page.evaluate(
            ([language, theme]) => {
              const key = 'ocr-assistant.settings';
              const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
              localStorage.setItem(key, JSON.stringify({ ...saved, language, theme }));
            },
            [language, theme],
          );
          const name = (view: string) => path.join(dir, `${view}-${language}-${theme}-${width}x${height}.png`);
          // A table result first (the history's table entry), then the other views.
          await page.goto(`${web.url}/web.html#/history`);
          await page.reload();
          await page.waitForSelector('.entry');
          await page.screenshot({ path: name('history') });
          await page.click(`.entry:has(.meta:text-matches("^(Table|表格) ·"))`);
          await page.waitForSelector('table td');
          await page.screenshot({ path: name('result-table') });
          const cut = await page.evaluate(() => {
            const cells = [...document.querySelectorAll('table td, table th')] as HTMLElement[];
            const controls = [...document.querySelectorAll('header button, .exports button')] as HTMLElement[];
            return {
              pageOverflows: document.documentElement.scrollWidth > window.innerWidth,
              cells: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
              controls: controls
                .filter((b) => b.getBoundingClientRect().right > window.innerWidth || b.scrollWidth > b.clientWidth + 1)
                .map((b) => b.textContent),
              exportRows: new Set(
                [...document.querySelectorAll('.exports button')].map((b) => Math.round(b.getBoundingClientRect().top)),
              ).size,
            };
          });
          expect(cut).toEqual({ pageOverflows: false, cells: [], controls: [], exportRows: 1 });
          await page.goto(`${web.url}/web.html#/settings`);
          await page.waitForSelector('form, .settings');
          await page.screenshot({ path: name('settings') });
          await openOverlay(truth.image);
          await drag([8, 46], [170, 88]);
          await page.screenshot({ path: name('overlay') });
          if (language === 'zh-CN') {
            for (const view of ['result', 'history', 'settings']) {
              await page.goto(`${web.url}/web.html#/${view}`);
              await page.waitForTimeout(200);
              const words = await page.evaluate(() => document.body.innerText);
              for (const english of ['Copy all', 'Options', 'Export', 'History', 'Settings', 'Result', 'Search'])
                expect(words).not.toContain(english);
            }
          }
        }
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
