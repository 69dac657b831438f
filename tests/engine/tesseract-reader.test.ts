// The second reader keeps one Tesseract worker and switches its language in place (ending and
// starting workers leaked memory). What must hold: whatever order lines in different languages
// arrive in, at once or one by one, each is read in its own language; and a reader that was
// disposed reads again when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { launchChromium } from '../fixtures/chromium.js';
import { TesseractReader, type SecondLanguage } from '../../app/engine/tesseract.js';
import { benchImage, cer } from './engine-helpers.js';
import { expectDrawnIn, testFont } from '../fixtures/fonts.js';

const korean = '설정이 저장되었습니다.';
const russian = 'Проверьте подключение к сети';
const japanese = '無効なファイル名です';
const pictures = new Map<string, Buffer>();
const reader = new TesseractReader();

beforeAll(async () => {
  const { bytes, truth } = benchImage('screens', 'public-014-ui-ja');
  const line = truth.lines!.find((l) => l.text === japanese)!;
  const [left, top, width, height] = line.box;
  pictures.set(
    japanese,
    await sharp(bytes)
      .extract({ left: left - 4, top: top - 4, width: width + 8, height: height + 8 })
      .png()
      .toBuffer(),
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const [text, font] of [
      [korean, 'NanumGothic'],
      [russian, 'DejaVu Sans'],
    ] as const) {
      await page.setContent(
        `<p id="line" style="display:inline-block;margin:0;padding:8px;font:${testFont('16px', font)}">${text}</p>`,
      );
      await expectDrawnIn(page, '#line', font);
      pictures.set(text, await page.locator('#line').screenshot());
    }
  } finally {
    await browser.close();
  }
}, 60_000);

afterAll(() => reader.dispose());

// Tesseract sets spaces between Japanese characters; the engine takes them out the same way.
const readAs = async (text: string, language: SecondLanguage) => {
  const { text: reading } = await reader.read(pictures.get(text)!, language);
  return language === 'jpn' ? reading.replace(/\s+/g, '') : reading;
};

describe('TesseractReader', () => {
  it('reads lines in three languages asked for all at once, each in its own', async () => {
    const order: [string, SecondLanguage][] = [
      [japanese, 'jpn'],
      [korean, 'kor'],
      [japanese, 'jpn'],
      [russian, 'ukr'],
      [korean, 'kor'],
    ];
    const readings = await Promise.all(order.map(([text, language]) => readAs(text, language)));
    readings.forEach((reading, i) =>
      expect(cer(reading, order[i]![0]), `${reading} for ${order[i]![0]}`).toBeLessThanOrEqual(0.1),
    );
  }, 60_000);

  it('reads again after it was disposed', async () => {
    await reader.dispose();
    expect(cer(await readAs(korean, 'kor'), korean)).toBeLessThanOrEqual(0.1);
  }, 30_000);
});
