// Japanese with ruby (furigana): the readings set small over the kanji are found as lines of
// their own. What a reader copies is the text: its lines, in order, without the readings
// between them. Drawn by Chromium's own <ruby>.
import { describe, expect, it } from 'vitest';
import { drawnShot, testFont } from '../fixtures/fonts.js';
import { drawingBrowser, lineCells, recognizeBytes } from './engine-helpers.js';

const browser = drawingBrowser();

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

describe('Japanese ruby', () => {
  it.each(['24px', '32px', '40px'])('reads the text at %s without the readings over it', async (size) => {
    const png = await drawnShot(
      browser(),
      `<div id="shot" style="display:inline-block;padding:16px;background:#fff;color:#111;line-height:2.2;font:${testFont(size, 'WenQuanYi Micro Hei')}">${lines.map(([html]) => html).join('<br>')}</div>`,
      'WenQuanYi Micro Hei',
    );
    expect(lineCells(await recognizeBytes(png)).map((l) => l.words)).toEqual(lines.map(([, text]) => text));
  });
});
