// Japanese, which the PP-OCRv4 dictionary cannot spell (it has no kana): lines with unread
// stretches are read again by Tesseract's Japanese models. What a Japanese user checks.
import { afterAll, describe, expect, it } from 'vitest';
import { benchImage, cer, lineCells, recognizeBytes, sharedEngine } from './engine-helpers.js';
import { recognize } from '../../app/server/image-to-response.js';
import { processInfo } from '../../app/protocol/response.js';
import { OcrType } from '../../app/protocol/types.js';

afterAll(async () => (await sharedEngine()).dispose());

const kana = /[\u3041-\u3096\u30a1-\u30fa]/;

describe('Japanese screenshots', () => {
  it('reads Japanese UI text, kana and all, and says it is Japanese', async () => {
    const { bytes, truth } = benchImage('screens', 'public-014-ui-ja');
    const response = await recognizeBytes(bytes);
    const lines = lineCells(response).map((l) => l.words);
    expect(response.result!.lang).toBe('jpn');
    expect(lines).toEqual(expect.arrayContaining(['無効なファイル名です', 'ドメイン', '引数バッファが小さすぎます']));
    expect(cer(lines.join('\n'), truth.text)).toBeLessThan(0.06);
    // no spaces between the characters of a Japanese line
    expect(lines.find((l) => l.includes('無効な最適化'))).toBe('無効な最適化レベルです');
  });

  it('reads a katakana-only line that the first reader saw as empty', async () => {
    const { bytes } = benchImage('screens', 'public-013-ui-ja');
    const lines = lineCells(await recognizeBytes(bytes)).map((l) => l.words);
    expect(lines).toEqual(expect.arrayContaining(['デスクトップ', 'セレクター', '推奨アプリケーション']));
    // The た that ends a wrapped line stands alone: a lone glyph on a Japanese page is read too.
    const wrapped = lines.indexOf('クローズに失敗しまし');
    expect(lines[wrapped + 1]).toBe('た');
  });

  it('reads Japanese set in vertical columns', async () => {
    const { bytes, truth } = benchImage('screens', 'public-038-vertical-ja');
    const response = await recognizeBytes(bytes, OcrType.vertical);
    const lines = lineCells(response).map((l) => l.words);
    expect(lines).toContain('の所有者に変更はありません');
    expect(cer(lines.join('\n'), truth.text)).toBeLessThan(0.2);
  });

  it('leaves Chinese and English pages to the first reader: no kana appear; documents pay for no second reading', async () => {
    for (const id of [
      'public-019-doc-zh',
      'public-017-doc-en',
      'public-005-ui-zh',
      'public-006-ui-zh',
      'public-007-ui-zh',
      'public-010-ui-mixed',
    ]) {
      const { bytes, truth } = benchImage('screens', id);
      const { response, engine } = await recognize(
        await sharedEngine(),
        { image: bytes, type: OcrType.text, options: {} },
        processInfo(0),
      );
      expect(response.result!.autoText, id).not.toMatch(kana);
      expect(response.result!.lang, id).not.toBe('jpn');
      // UI strings with a placeholder cut out leave wide gaps, but empty ones: no ink, no
      // second reading (005 and 006 have such gaps and nothing else to doubt).
      if (!id.includes('-007-') && !id.includes('-010-')) expect(engine!.timings.secondScriptLines ?? 0, id).toBe(0);
      expect(
        cer(
          lineCells(response)
            .map((l) => l.words)
            .join('\n'),
          truth.text,
        ),
        id,
      ).toBeLessThan(0.05);
    }
  });

  it('leaves HiDPI Chinese and English pages alone too: their boxes hug the text closer, the ink says how tall it is', async () => {
    for (const id of ['publicx2-005-ui-zh', 'publicx2-006-ui-zh', 'publicx2-015-doc-en', 'publicx2-021-doc-zh']) {
      const { bytes } = benchImage('screens-x2', id);
      const { engine } = await recognize(
        await sharedEngine(),
        { image: bytes, type: OcrType.text, options: {} },
        processInfo(0),
      );
      expect(engine!.timings.secondScriptLines ?? 0, id).toBe(0);
    }
  });
});
