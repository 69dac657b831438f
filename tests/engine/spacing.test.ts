// Word spaces measured in the pixels (app/engine/spacing.ts), on a drawn line: blocks for
// glyphs, 15 px tall, 2 px between letters and 5 px (a third of the height) between words.
import { describe, expect, it } from 'vitest';
import { restoreWordSpaces } from '../../app/engine/spacing.js';
import { defaultEngineConfig } from '../../app/engine/config.js';
import type { RecognizedChar } from '../../app/engine/recognizer.js';
import type { Quad } from '../../app/engine/geometry.js';

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
      boxes.push({ char, left: x, right: x + GLYPH });
      x += GLYPH + LETTER_GAP;
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
  const quad: Quad = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: HEIGHT },
    { x: 0, y: HEIGHT },
  ];
  return {
    image: { width, height: HEIGHT, data },
    quad,
    text: { text: chars.map((c) => c.char).join(''), score: 0.99, chars },
  };
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
