// A crop cut right at its glyphs (a snipping tool's "trim", a script's bounding box) leaves the
// detector no background around the text. Such an image is read with a margin of its own
// background added, and its boxes come back inside the image as sent.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Browser } from 'playwright-core';
import { OcrEngine } from '../../app/engine/engine.js';
import { launchChromium } from '../fixtures/chromium.js';
import { expectDrawnIn, testFont, type TestFont } from '../fixtures/fonts.js';

let engine: OcrEngine;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  engine = await OcrEngine.load();
  browser = await launchChromium();
  page = await browser.newPage({ deviceScaleFactor: 1 });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
});

/** The text drawn with room around it, then cut to its ink (sharp's trim). */
async function tightShot(text: string, size: string, family: TestFont, colours = { ink: '#222', background: '#fff' }) {
  await page.setContent(
    `<p id="line" style="display:inline-block;margin:0;padding:12px;color:${colours.ink};background:${colours.background};font:${testFont(size, family)}">${text}</p>`,
  );
  await expectDrawnIn(page, '#line', family);
  return sharp(await page.locator('#line').screenshot())
    .trim({ threshold: 10 })
    .png()
    .toBuffer();
}

describe('crops with no margin', () => {
  it.each([
    ['error TS2304: Cannot find name', '13px', 'DejaVu Sans Mono' as const],
    ['Connection refused: is the server running?', '16px', 'DejaVu Sans' as const],
    ['Settings saved', '24px', 'Liberation Sans' as const],
  ])('reads "%s" cut to its ink', async (text, size, family) => {
    const bytes = await tightShot(text, size, family);
    const { width, height } = await sharp(bytes).metadata();
    const output = await engine.recognizeBytes(bytes);
    expect(output.lines.map((l) => l.text)).toEqual([text]);
    const box = output.lines[0]!.box;
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(width!);
    expect(box.top + box.height).toBeLessThanOrEqual(height!);
  });

  it("adds the margin in the crop's own background colour (a dark theme too)", async () => {
    const bytes = await tightShot('npm ERR! code ENOENT', '13px', 'DejaVu Sans Mono', {
      ink: '#e6e6e6',
      background: '#1e1e1e',
    });
    expect((await engine.recognizeBytes(bytes)).lines.map((l) => l.text)).toEqual(['npm ERR! code ENOENT']);
  });
});
