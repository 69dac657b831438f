// Light text on a transparent background (an icon's label, a dark-theme snip saved with its
// transparency) is read against black, where it shows; dark text against white, as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { OcrEngine } from '../../app/engine/engine.js';
import { flattenAgainstInk } from '../../app/engine/image.js';
import { launchChromium } from '../fixtures/chromium.js';
import { expectDrawnIn, testFont } from '../fixtures/fonts.js';

let engine: OcrEngine;
let browser: Browser;

beforeAll(async () => {
  engine = await OcrEngine.load();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
});

async function transparentShot(text: string, colour: string): Promise<Buffer> {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  try {
    await page.setContent(
      `<style>html,body{background:transparent}</style><p id="line" style="display:inline-block;margin:0;padding:16px;color:${colour};font:${testFont('18px', 'DejaVu Sans')}">${text}</p>`,
    );
    await expectDrawnIn(page, '#line', 'DejaVu Sans');
    return await page.locator('#line').screenshot({ omitBackground: true });
  } finally {
    await page.close();
  }
}

describe('transparent images', () => {
  it.each([
    ['white', '#ffffff'],
    ['light grey', '#d0d0d0'],
    ['black', '#111111'],
  ])('reads %s text on a transparent background', async (_name, colour) => {
    const text = 'Export finished: 12 files saved';
    const output = await engine.recognizeBytes(await transparentShot(text, colour));
    expect(output.lines.map((l) => l.text)).toEqual([text]);
  });

  it('flattens onto white unless most of the image is see-through and what shows is light', () => {
    const pixel = (r: number, a: number) => [r, r, r, a];
    // Opaque: unchanged.
    expect([...flattenAgainstInk(Uint8Array.from([...pixel(200, 255), ...pixel(10, 255)]))]).toEqual([
      200, 200, 200, 10, 10, 10,
    ]);
    // Mostly transparent, light ink: black behind.
    expect([...flattenAgainstInk(Uint8Array.from([...pixel(250, 255), ...pixel(0, 0), ...pixel(0, 0)]))]).toEqual([
      250, 250, 250, 0, 0, 0, 0, 0, 0,
    ]);
    // Mostly transparent, dark ink: white behind.
    expect([...flattenAgainstInk(Uint8Array.from([...pixel(20, 255), ...pixel(0, 0), ...pixel(0, 0)]))]).toEqual([
      20, 20, 20, 255, 255, 255, 255, 255, 255,
    ]);
  });

  it('keeps each pixel its own three colours (the RGB is written over the RGBA it is read from)', () => {
    const opaque = Uint8Array.from([1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255]);
    expect([...flattenAgainstInk(opaque)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const over = (v: number, a: number) => Math.round((v * a) / 255 + 255 * (1 - a / 255));
    const mixed = Uint8Array.from([10, 20, 30, 255, 40, 50, 60, 128, 70, 80, 90, 0, 100, 110, 120, 200]);
    expect([...flattenAgainstInk(mixed)]).toEqual([
      10,
      20,
      30,
      over(40, 128),
      over(50, 128),
      over(60, 128),
      255,
      255,
      255,
      over(100, 200),
      over(110, 200),
      over(120, 200),
    ]);
  });
});
