// Word spaces measured in the pixels (app/engine/spacing.ts), on a drawn line: blocks for
// glyphs, 15 px tall, as wide as the letter is in a proportional font, 2 px between letters and
// 5 px (a third of the height) between words.
import { describe, expect, it } from 'vitest';
import { restoreWordSpaces } from '../../app/engine/spacing.js';
import { defaultEngineConfig } from '../../app/engine/config.js';
import type { RecognizedChar } from '../../app/engine/recognizer.js';
import type { Quad } from '../../app/engine/geometry.js';

/** A proportional font's widths: narrow i, l, t, wide m, w. */
const glyphWidth = (char: string) => (/[ijlt.,:;!|()']/.test(char) ? 3 : /[mwMW]/.test(char) ? 9 : 6);
const GLYPH = 6,
  LETTER_GAP = 2,
  HEIGHT = 23,
  INK_TOP = 4,
  INK_HEIGHT = 15;

/**
 * The line `words` drawn with `wordGaps` px between words (one width, or one for each gap), and
 * the recognizer's reading of it with a space only after the words listed in `spacesAfter`.
 */
function drawnLine(words: string[], wordGaps: number | number[], spacesAfter: number[]) {
  const boxes: { char: string; left: number; right: number }[] = [];
  let x = 4;
  words.forEach((word, w) => {
    for (const char of word) {
      boxes.push({ char, left: x, right: x + glyphWidth(char) });
      x += glyphWidth(char) + LETTER_GAP;
    }
    const wordGap = typeof wordGaps === 'number' ? wordGaps : (wordGaps[w] ?? 0);
    x += wordGap - LETTER_GAP;
    if (spacesAfter.includes(w)) boxes.push({ char: ' ', left: x - wordGap, right: x - LETTER_GAP });
  });
  const width = x + 4;
  const data = new Uint8Array(width * HEIGHT * 3).fill(255);
  for (const box of boxes) {
    if (box.char === ' ') continue;
    for (let y = INK_TOP; y < INK_TOP + INK_HEIGHT; y++)
      for (let px = box.left; px < box.right; px++) data.fill(0, (y * width + px) * 3, (y * width + px) * 3 + 3);
  }
  const chars: RecognizedChar[] = boxes.map((b, i) => ({
    char: b.char,
    score: 0.99,
    firstStep: i,
    lastStep: i,
    start: b.left / width,
    end: b.right / width,
  }));
  return lineReading(width, data, chars.map((c) => c.char).join(''), chars);
}

/** A drawn line's pixels, its quad, and the recognizer's reading of it. */
function lineReading(width: number, data: Uint8Array, text: string, chars: RecognizedChar[]) {
  const quad: Quad = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: HEIGHT },
    { x: 0, y: HEIGHT },
  ];
  return { image: { width, height: HEIGHT, data }, quad, text: { text, score: 0.99, chars } };
}

const words = ['You', 'may', 'convey', 'a', 'covered', 'work', 'in', 'object', 'code'];
const read = (line: ReturnType<typeof drawnLine>) =>
  restoreWordSpaces(line.image, line.quad, line.text, defaultEngineConfig.spacing).text;

describe('word spaces from the pixels', () => {
  it('puts back every word space the model left out', () => {
    expect(read(drawnLine(words, 5, []))).toBe(words.join(' '));
  });

  it('puts them back when the model wrote one and left out the rest (a JPEG hid them from it)', () => {
    expect(read(drawnLine(words, 5, [5]))).toBe(words.join(' '));
  });

  it('takes a gap as wide as the spaces the model wrote for a space too (it missed one)', () => {
    // Spaces after every word but "convey": that gap is as wide as the others.
    expect(read(drawnLine(words, 5, [0, 1, 3, 4, 5, 6, 7]))).toBe(words.join(' '));
  });

  it('trusts one space beside one or two narrower gaps (a letter-spaced UI label)', () => {
    // The model's space spans 7 px; the letter gaps of "Featu res" and "ena bled", 4 px.
    expect(read(drawnLine(['Featu', 'res', 'ena', 'bled'], [4, 7, 4], [1]))).toBe('Features enabled');
  });

  it('puts no space before a closing mark or after an opening one, however wide the gap', () => {
    // Every gap 5 px, as monospace punctuation and full-width brackets read as ASCII leave them.
    expect(read(drawnLine(['Total', ':', '42', '(', 'net', ')', ','], 5, []))).toBe('Total: 42 (net),');
  });

  it('leaves letters alone: no space inside a word', () => {
    expect(read(drawnLine(['convey'], 5, []))).toBe('convey');
  });
});

/**
 * `text` in a fixed-pitch font: every character in a cell `PITCH` px wide, narrow glyphs (`.`,
 * `:`, `/`, `i`, `l`) 2 px of ink in the middle of theirs, the rest 6 px; a space is an empty cell.
 * The recognizer's reading has no spaces, or the ones in `modelText` where given.
 */
function monospaceLine(text: string, modelText = text.replace(/ /g, '')) {
  const PITCH = 10;
  const narrow = new Set(['.', ':', '/', 'i', 'l', '|', "'"]);
  const cells = [...text].map((char, i) => {
    const ink = narrow.has(char) ? 2 : GLYPH;
    const left = 4 + i * PITCH + (PITCH - ink) / 2;
    return { char, left, right: left + ink };
  });
  const width = 8 + text.length * PITCH;
  const data = new Uint8Array(width * HEIGHT * 3).fill(255);
  for (const cell of cells) {
    if (cell.char === ' ') continue;
    for (let y = INK_TOP; y < INK_TOP + INK_HEIGHT; y++)
      for (let px = cell.left; px < cell.right; px++) data.fill(0, (y * width + px) * 3, (y * width + px) * 3 + 3);
  }
  // The model's characters, matched to the drawn cells in order (its spaces span the gap).
  const letters = cells.filter((c) => c.char !== ' ');
  let next = 0;
  const chars: RecognizedChar[] = [...modelText].map((char, i) => {
    const cell = char === ' ' ? { left: letters[next - 1]!.right, right: letters[next]!.left } : letters[next++]!;
    return { char, score: 0.99, firstStep: i, lastStep: i, start: cell.left / width, end: cell.right / width };
  });
  return lineReading(width, data, modelText, chars);
}

describe('word spaces in a fixed-pitch font', () => {
  it('reads a URL in a terminal whole: the gap beside a narrow glyph is not a space', () => {
    expect(read(monospaceLine('https://github.com/gutenye/ocr'))).toBe('https://github.com/gutenye/ocr');
  });

  it('drops a space the model wrote inside a word beside a narrow glyph', () => {
    expect(read(monospaceLine('pip install pypi.org/simple', 'pip install pypi. org/simple'))).toBe(
      'pip install pypi.org/simple',
    );
  });

  it('keeps the spaces of tabular digits in a proportional font: a space there is no whole cell', () => {
    // Digits 6 px wide, 2 px apart: a grid of 8 px; the spaces 4 px wide, 1.5 cells from digit to digit.
    expect(read(drawnLine(['DE89', '3704', '0044', '0532', '0130', '00'], 6, []))).toBe('DE89 3704 0044 0532 0130 00');
  });

  it('puts a space wherever a cell stands empty, one for a run of them', () => {
    expect(read(monospaceLine('drwxr-xr-x  2 root root  4096 lib'))).toBe('drwxr-xr-x 2 root root 4096 lib');
  });
});
