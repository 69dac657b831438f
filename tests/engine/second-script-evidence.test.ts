// The second reader (Tesseract, ~0.1 s a line and ~0.3 s to switch language) runs only on
// strong evidence. An unread stretch of about two text heights in a Latin line is a missed
// Latin glyph on a page that shows no Han or kana anywhere (the `JS` of `JSON` woke it on
// English dialogs), and stays worth a look on a page that does. Drawn: blocks of ink for
// glyphs, the recognizer's reading given, Tesseract replaced by a reader that counts.
import { describe, expect, it } from 'vitest';
import { SecondScriptPass, type SecondScriptLine } from '../../app/engine/second-script.js';
import { defaultEngineConfig } from '../../app/engine/config.js';
import type { RgbImage } from '../../app/engine/raster.js';
import type { RecognizedText } from '../../app/engine/recognizer.js';
import type { TesseractReader } from '../../app/engine/tesseract.js';
import type { Quad } from '../../app/engine/geometry.js';

const width = 400,
  height = 80;

function page(glyphs: { left: number; top: number; width: number; height: number }[]): RgbImage {
  const data = new Uint8Array(width * height * 3).fill(255);
  for (const g of glyphs)
    for (let y = g.top; y < g.top + g.height; y++)
      for (let x = g.left; x < g.left + g.width; x++) data.fill(0, (y * width + x) * 3, (y * width + x) * 3 + 3);
  return { width, height, data } as RgbImage;
}

const quad = (left: number, top: number, right: number, bottom: number): Quad =>
  [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ] as unknown as Quad;

/** A Latin line whose glyphs are 8 px blocks 10 px apart from x = 20; `unread` of them in the middle are not in the reading. */
function latinLine(letters: string, unread: number) {
  const glyphs: { left: number; top: number; width: number; height: number }[] = [];
  const chars: RecognizedText['chars'] = [];
  const lineQuad = quad(10, 5, 390, 35);
  const middle = Math.floor(letters.length / 2);
  let x = 20;
  [...letters].forEach((char, i) => {
    if (i === middle) for (let k = 0; k < unread; k++, x += 10) glyphs.push({ left: x, top: 12, width: 8, height: 16 });
    glyphs.push({ left: x, top: 12, width: 8, height: 16 });
    chars.push({ char, score: 0.99, start: (x - 10) / 380, end: (x - 2) / 380, firstStep: 0, lastStep: 0 });
    x += 10;
  });
  return {
    glyphs,
    line: { quad: lineQuad, direction: 'horizontal' } as SecondScriptLine,
    text: { text: letters, score: 0.97, chars },
  };
}

/** A Han line read whole: one wide glyph. */
const hanLine = {
  glyphs: [{ left: 24, top: 48, width: 20, height: 20 }],
  line: { quad: quad(20, 43, 70, 73), direction: 'horizontal' } as SecondScriptLine,
  text: <RecognizedText>{
    text: '设',
    score: 0.97,
    chars: [{ char: '设', score: 0.97, start: 0.05, end: 0.5, firstStep: 0, lastStep: 0 }],
  },
};

async function linesReadAgain(
  lines: { glyphs: ReturnType<typeof latinLine>['glyphs']; line: SecondScriptLine; text: RecognizedText }[],
  spaced: (string | undefined)[] = [],
) {
  const languages: string[] = [];
  const reader = {
    read: async (_png: Uint8Array, language: string) => {
      languages.push(language);
      return { text: '', confidence: 0 };
    },
  } as unknown as TesseractReader;
  const pass = new SecondScriptPass(reader, defaultEngineConfig.secondScript, () => true);
  const output = await pass.run(
    page(lines.flatMap((l) => l.glyphs)),
    lines.map((l) => l.line),
    lines.map((l) => l.text),
    spaced,
  );
  return { reread: output.reread, languages };
}

describe('the second reader wakes on strong evidence only', () => {
  it('leaves a Latin line with three unread glyphs (two text heights) alone on a page without Han or kana', async () => {
    expect((await linesReadAgain([latinLine('ExpectedONvalue', 3)])).reread).toBe(0);
  });

  it('looks at the same line again on a page that shows Han characters', async () => {
    const { reread, languages } = await linesReadAgain([latinLine('ExpectedONvalue', 3), hanLine]);
    expect(reread).toBeGreaterThan(0);
    expect(languages[0]).toBe('jpn');
  });

  it('is not woken by the Han line itself, nor by a Latin line read whole', async () => {
    expect((await linesReadAgain([latinLine('ExpectedJSONvalue', 0), hanLine])).reread).toBe(0);
  });

  it('still looks at a long unread stretch (a Korean word) on a page without Han or kana', async () => {
    expect((await linesReadAgain([latinLine('filetxt', 5)])).reread).toBeGreaterThan(0);
  });
});

// A JPEG can hide every word space from the recognizer: English read as one word has the inner
// capitals of Cyrillic read with Latin look-alikes (HaCTpouKИ). Its spaces, put back from the
// pixels, say which it is.
describe('Cyrillic is suspected from the line as spaced, not as the recognizer glued it', () => {
  it("leaves English alone whose spaces the recognizer missed (Democratic People's Republic of Korea)", async () => {
    const glued = latinLine("DemocraticPeople'sRepublicofKorea", 0);
    expect((await linesReadAgain([glued], ["Democratic People's Republic of Korea"])).reread).toBe(0);
  });

  it('still reads jumbled Latin again in Cyrillic (HaCTpouKИ cucTeMbI, Настройки системы)', async () => {
    const jumbled = latinLine('HaCTpouKИcucTeMbI', 0);
    const { reread, languages } = await linesReadAgain([jumbled], ['HaCTpouKИ cucTeMbI']);
    expect(reread).toBeGreaterThan(0);
    expect(languages).toContain('ukr');
  });
});
