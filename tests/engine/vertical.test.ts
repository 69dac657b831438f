// Vertical text: columns read top to bottom, right to left; boxes are the columns.
import { describe, expect, it } from 'vitest';
import { readGroundTruth } from '../bench/bench-data.js';
import { benchImage, cer, lineCells, recognizeBytes, boxIou } from './engine-helpers.js';

const columnsOf = readGroundTruth('screens').items.filter((g) => g.kind === 'vertical' && g.lang === 'zh');

describe('vertical text', () => {
  it.each(
    columnsOf.flatMap(
      (g) =>
        [
          [g.id, 0],
          [g.id, 1],
        ] as const,
    ),
  )('%s, type %i: columns right to left, each one line with its column box', async (id, type) => {
    const { bytes, truth } = benchImage('screens', id);
    const response = await recognizeBytes(bytes, type);
    expect(response).toMatchObject({ state: 2, ocrType: type });
    const cells = lineCells(response);
    expect(cer(cells.map((c) => c.words).join('\n'), truth.text)).toBeLessThanOrEqual(0.05);
    expect(cells).toHaveLength(truth.lines!.length);
    cells.forEach((cell, i) => expect(boxIou(cell.location, truth.lines![i]!.box), cell.words).toBeGreaterThan(0.5));
    // Right to left.
    const lefts = cells.map((c) => c.location.left);
    expect([...lefts].sort((a, b) => b - a)).toEqual(lefts);
  });
});
