// A line's crop: the level-box shortcut in sampleQuad (taps worked out once per column and
// row) must sample the very pixels the general homography does.
import { describe, expect, it } from 'vitest';
import { sampleQuad } from '../../app/engine/crop.js';
import type { Quad } from '../../app/engine/geometry.js';

const identity = Float32Array.from({ length: 256 }, (_, v) => v);

function picture(width: number, height: number) {
  // smooth gradients and a hard edge, so a tap in the wrong place shows
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      [data[i], data[i + 1], data[i + 2]] = [(x * 7) % 256, (y * 11) % 256, x > width / 2 ? 250 : 5];
    }
  return { width, height, data };
}

function crop(quad: Quad, width: number, height: number) {
  const image = picture(200, 90);
  const out = new Float32Array(3 * width * height);
  sampleQuad(image, quad, width, height, out, 0, width, width * height, identity);
  return out;
}

describe('sampleQuad', () => {
  it.each([
    ['upscaled', 48, 120],
    ['supersampled (a box taller than the crop)', 12, 40],
  ])('samples a level box as the general path does (%s)', (_name, height, width) => {
    const [x, y, w, h] = [13.3, 7.6, 150.2, height === 48 ? 20.4 : 70.1];
    const level: Quad = [
      { x, y },
      { x: x + w, y },
      { x: x + w, y: y + h },
      { x, y: y + h },
    ];
    // a millionth of a pixel off level: the general homography, at the same places
    const offLevel = level.map((p, i) => ({
      x: p.x + (i === 3 ? 1e-9 : 0),
      y: p.y + (i === 1 ? 1e-9 : 0),
    })) as unknown as Quad;
    const [a, b] = [crop(level, width, height), crop(offLevel, width, height)];
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    expect(worst).toBeLessThanOrEqual(1);
    // and the crop holds the picture's edge: it was sampled from the image, not left blank
    expect(new Set(a).size).toBeGreaterThan(20);
  });
});
