import { describe, expect, it } from 'vitest';
import { planStrips, type Strip } from '../../app/engine/detect.js';

describe('detection strips', () => {
  it('reads a small image in one piece', () => {
    expect(planStrips(800, 300, { maxPixels: 640_000, stripOverlap: 128 })).toEqual([
      { top: 0, height: 300, keepFrom: -Infinity, keepTo: Infinity },
    ]);
  });

  it.each([
    [1748, 770],
    [3840, 2160],
    [1000, 5000],
  ])('covers %ix%i with overlapping strips within the budget, each row kept by exactly one strip', (width, height) => {
    const config = { maxPixels: 640_000, stripOverlap: 128 };
    for (const strips of [
      planStrips(width, height, config),
      // A smaller first strip, for the first lines a user sees, changes nothing of the rest.
      planStrips(width, height, { ...config, firstStripPixels: 400_000 }),
    ])
      expectCovered(strips, width, height, config);
  });

  it('makes the first strip the smaller one where asked, the others as large as allowed', () => {
    const strips = planStrips(1920, 1080, { maxPixels: 700_000, firstStripPixels: 400_000, stripOverlap: 128 });
    expect(strips.map((s) => s.height)).toEqual([256, 364, 364, 364, 244]);
    expect(strips.map((s) => s.top)).toEqual([0, 128, 364, 600, 836]);
  });
});

function expectCovered(strips: Strip[], width: number, height: number, config: { maxPixels: number }) {
  expect(strips.length).toBeGreaterThan(1);
  for (const s of strips) expect(s.height * width).toBeLessThanOrEqual(Math.max(config.maxPixels, width * 256));
  expect(strips[0]!.top).toBe(0);
  expect(strips.at(-1)!.top + strips.at(-1)!.height).toBe(height);
  for (let y = 0; y < height; y += 7) {
    const owners = strips.filter((s) => y >= s.keepFrom && y < s.keepTo);
    expect(owners).toHaveLength(1);
    // the owner holds the row with at least half the overlap around it: a line centred there is whole
    const owner = owners[0]!;
    expect(y - owner.top >= 64 || owner.top === 0).toBe(true);
    expect(owner.top + owner.height - y >= 64 || owner.top + owner.height === height).toBe(true);
  }
}
