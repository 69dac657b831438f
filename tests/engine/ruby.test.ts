// Japanese with ruby (furigana): the readings set small over the kanji are found as lines of
// their own. What a reader copies is the text: its lines, in order, without the readings
// between them. Drawn by Chromium's own <ruby>.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../fixtures/chromium.js';
import { expectDrawnIn, testFont } from '../fixtures/fonts.js';
import { recognize } from '../../app/server/image-to-response.js';
import { processInfo } from '../../app/protocol/response.js';
import { OcrType, type TextCellInfo } from '../../app/protocol/types.js';
import { sharedEngine } from './engine-helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await (await sharedEngine()).dispose();
});

const lines = [
  [
    '<ruby>漢字<rt>かんじ</rt></ruby>の<ruby>読<rt>よ</rt></ruby>み<ruby>方<rt>かた</rt></ruby>を<ruby>学<rt>まな</rt></ruby>びます。',
    '漢字の読み方を学びます。',
  ],
  [
    '<ruby>東京<rt>とうきょう</rt></ruby>の<ruby>天気<rt>てんき</rt></ruby>は<ruby>晴<rt>は</rt></ruby>れです。',
    '東京の天気は晴れです。',
  ],
  [
    '<ruby>日本語<rt>にほんご</rt></ruby>の<ruby>勉強<rt>べんきょう</rt></ruby>を<ruby>続<rt>つづ</rt></ruby>けています。',
    '日本語の勉強を続けています。',
  ],
];

async function rubyShot(size: string): Promise<Buffer> {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  try {
    await page.setContent(
      `<div id="text" style="display:inline-block;padding:16px;background:#fff;color:#111;line-height:2.2;font:${testFont(size, 'WenQuanYi Micro Hei')}">${lines.map(([html]) => html).join('<br>')}</div>`,
    );
    await expectDrawnIn(page, '#text', 'WenQuanYi Micro Hei');
    return await page.locator('#text').screenshot();
  } finally {
    await page.close();
  }
}

describe('Japanese ruby', () => {
  it.each(['24px', '32px', '40px'])('reads the text at %s without the readings over it', async (size) => {
    const { response } = await recognize(
      await sharedEngine(),
      { image: await rubyShot(size), type: OcrType.text, options: {} },
      processInfo(0),
    );
    const read = (JSON.parse(response.result!.verticalText!) as TextCellInfo[]).map((l) => l.words);
    expect(read).toEqual(lines.map(([, text]) => text));
  });
});
