// Filling a recognizer reading from Tesseract's: only characters the recognizer could not have
// written come in; everything it could write stays its own, with its places.
import { describe, expect, it } from 'vitest';
import { fillUnknownCharacters, readingDistance } from '../../app/engine/reading-merge.js';
import type { RecognizedChar, RecognizedText } from '../../app/engine/recognizer.js';

/** A reading whose characters stand one slot each along the line (a slot: 1/length of it). */
function reading(text: string, slots = [...text].length): RecognizedText {
  const chars: RecognizedChar[] = [...text].map((char, i) => ({
    char,
    score: 0.9,
    firstStep: i * 4,
    lastStep: i * 4 + 2,
    start: i / slots,
    end: (i + 0.6) / slots,
  }));
  return { text, score: 0.9, chars };
}

// The recognizer's dictionary, as far as these cases need it: the Traditional characters it
// lacks (說 儲 認 擇 檢 帳 沒 夾 徑) are left out.
const known = new Set([
  ...'止無法開啟檔案請確路是否正您要存對此文件所做的變更嗎設定已重新動應用程式後生效選要匯出資料爽这个帐号没有權限執行此操作和，。？：,.?径检查网络',
]);
const knows = (char: string) => known.has(char);

describe('fillUnknownCharacters', () => {
  it.each([
    // A character the recognizer dropped, absent from its dictionary: put in.
    ['您要存對此文件所做的變更？', '您要儲存對此文件所做的變更?', '您要儲存對此文件所做的變更？'],
    // Two dropped in one line.
    ['請確檔案路是否正確', '請確認檔案路徑是否正確', '請確認檔案路徑是否正確'],
    // A look-alike it wrote for one it lacks: replaced (爽 for 夾, 選 twice for 選擇).
    ['選選要匯出的資料爽', '選擇要匯出的資料夾', '選擇要匯出的資料夾'],
    // Where both are characters the recognizer knows, its own reading stays (Tesseract's 止 for 正).
    ['是否正確', '是否止確', '是否正確'],
    // Punctuation stays the recognizer's full-width form, which NFKC folds to Tesseract's ASCII.
    ['設定已存，重新', '設定已儲存, 重新', '設定已儲存，重新'],
    // A character Tesseract adds that the recognizer knows, with no room for it: left out.
    ['權限執行', '權限和執行', '權限執行'],
    // Nothing to fill: the same reading, untouched.
    ['設定已重新', '設定已重新', '設定已重新'],
  ])('%s + %s -> %s', (first, second, expected) => {
    const filled = fillUnknownCharacters(reading(first), second, knows, 0.85);
    expect(filled.text).toBe(expected);
    expect(filled.chars.map((c) => c.char).join('')).toBe(expected);
  });

  it('keeps the recognizer’s characters, places and scores, and places a new one between its neighbours', () => {
    const first = reading('您要存對');
    const filled = fillUnknownCharacters(first, '您要儲存對', knows, 0.85);
    expect(filled.chars.filter((c) => c.char !== '儲')).toEqual(first.chars);
    const [before, inserted, after] = filled.chars.slice(1, 4);
    expect(inserted).toMatchObject({ char: '儲', score: 0.85 });
    expect(inserted!.start).toBeGreaterThanOrEqual(before!.end);
    expect(inserted!.end).toBeLessThanOrEqual(after!.start);
  });

  it('returns the very reading it was given when nothing changes', () => {
    const first = reading('是否正確');
    expect(fillUnknownCharacters(first, '是否止確', knows, 0.85)).toBe(first);
  });

  it('puts in a character the recognizer knows only where it left a stretch unread', () => {
    // 重新 then a gap of three slots, then 動: a character was dropped there.
    const first: RecognizedText = {
      ...reading('重新動'),
      chars: reading('重新動').chars.map((c, i) => (i === 2 ? { ...c, start: 0.85, end: 0.95 } : c)),
    };
    const wide = (before: RecognizedChar, after: RecognizedChar) => after.start - before.end > 0.3;
    expect(fillUnknownCharacters(first, '重新啟動', knows, 0.85, wide).text).toBe('重新啟動');
    expect(fillUnknownCharacters(reading('權限執行'), '權限和執行', knows, 0.85, wide).text).toBe('權限執行');
  });
});

describe('readingDistance', () => {
  it.each([
    ['設定已儲存，重新', '設定已儲存, 重新', 0],
    ['請確檔案', '請確認檔案', 1],
    ['選選要', '選擇要', 1],
    ['abc', 'xyz', 3],
  ])('%s vs %s: %i edits', (a, b, edits) => {
    expect(readingDistance(a, b)).toBe(edits);
  });
});
