// Vertical text: columns read top to bottom, right to left; boxes are the columns.
import { describe, expect, it } from 'vitest';
import { readGroundTruth } from '../bench/bench-data.js';
import { benchImage, cer, lineCells, recognizeBytes } from './engine-helpers.js';

const columnsOf = readGroundTruth('screens').items.filter((g) => g.kind === 'vertical' && g.lang === 'zh');

function iou(a: { left: number; top: number; width: number; height: number }, b: number[]): number {
  const [bl, bt, bw, bh] = b as [number, number, number, number];
  const w = Math.min(a.left + a.width, bl + bw) - Math.max(a.left, bl);
  const h = Math.min(a.top + a.height, bt + bh) - Math.max(a.top, bt);
  return w > 0 && h > 0 ? (w * h) / (a.width * a.height + bw * bh - w * h) : 0;
}

describe('vertical text', () => {
  it.each(columnsOf.flatMap((g) => [[g.id, 0], [g.id, 1]] as const))('%s, type %i: columns right to left, each one line with its column box', async (id, type) => {
    const { bytes, truth } = benchImage('screens', id);
    const response = await recognizeBytes(bytes, type);
    expect(response).toMatchObject({ state: 2, ocrType: type });
    const cells = lineCells(response);
    expect(cer(cells.map((c) => c.words).join('\n'), truth.text)).toBeLessThanOrEqual(0.05);
    expect(cells).toHaveLength(truth.lines!.length);
    cells.forEach((cell, i) => expect(iou(cell.location, truth.lines![i]!.box), cell.words).toBeGreaterThan(0.5));
    // Right to left.
    const lefts = cells.map((c) => c.location.left);
    expect([...lefts].sort((a, b) => b - a)).toEqual(lefts);
  });
});
