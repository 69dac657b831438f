// Characters the recognizer's dictionary lacks (« ©) or cannot tell by shape (the s of Ctrl+S)
// come out as look-alikes; the engine puts them back from their context. Drawn by Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../fixtures/chromium.js';
import { expectDrawnIn, testFont } from '../fixtures/fonts.js';
import { sharedEngine } from './engine-helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await (await sharedEngine()).dispose();
});

async function shot(text: string): Promise<Buffer> {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  try {
    await page.setContent(
      `<p id="line" style="display:inline-block;margin:0;padding:16px;background:#fff;color:#111;font:${testFont('13px', 'DejaVu Sans')}">${text}</p>`,
    );
    await expectDrawnIn(page, '#line', 'DejaVu Sans');
    return await page.locator('#line').screenshot();
  } finally {
    await page.close();
  }
}

describe('look-alikes', () => {
  it.each([
    // Too few French words for the page to be read again in French, whose model knows «».
    'Fichier « rapport.pdf » introuvable',
    'Open the «Settings» tab',
    'Copyright © 2024 Acme Corporation',
    'Cut  Ctrl+X',
  ])('reads %s as drawn', async (text) => {
    const output = await (await sharedEngine()).recognizeBytes(await shot(text));
    expect(output.lines.map((l) => l.text).join(' ')).toBe(text.replace(/\s+/g, ' '));
  });
});
