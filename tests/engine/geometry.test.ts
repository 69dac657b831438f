import { describe, expect, it } from 'vitest';
import {
  applyHomography,
  convexHull,
  minAreaRect,
  rectToQuad,
  rectToQuadHomography,
  unclipRect,
} from '../../app/engine/geometry.js';

describe('geometry', () => {
  it('finds the convex hull of a square with interior points', () => {
    const hull = convexHull([
      { x: 0, y: 0 },
      { x: 2, y: 0 },
      { x: 2, y: 2 },
      { x: 0, y: 2 },
      { x: 1, y: 1 },
      { x: 1, y: 0 },
    ]);
    expect(hull).toHaveLength(4);
  });

  it('fits an axis-aligned rectangle exactly', () => {
    const r = minAreaRect([
      { x: 10, y: 20 },
      { x: 110, y: 20 },
      { x: 110, y: 40 },
      { x: 10, y: 40 },
      { x: 50, y: 30 },
    ]);
    expect(r.width).toBeCloseTo(100);
    expect(r.height).toBeCloseTo(20);
    expect(r.center.x).toBeCloseTo(60);
    expect(r.center.y).toBeCloseTo(30);
    expect(Math.abs(r.angle)).toBeLessThan(1e-9);
  });

  it('fits a rotated rectangle and keeps width along the side nearest the x axis', () => {
    const angle = (20 * Math.PI) / 180;
    const quad = rectToQuad({ center: { x: 200, y: 100 }, width: 120, height: 30, angle });
    const r = minAreaRect([...quad]);
    expect(r.width).toBeCloseTo(120);
    expect(r.height).toBeCloseTo(30);
    expect(r.angle).toBeCloseTo(angle);
  });

  it('unclips a rectangle by area * ratio / perimeter on each side', () => {
    const grown = unclipRect({ center: { x: 0, y: 0 }, width: 100, height: 10, angle: 0 }, 1.5);
    const offset = (100 * 10 * 1.5) / 220;
    expect(grown.width).toBeCloseTo(100 + 2 * offset);
    expect(grown.height).toBeCloseTo(10 + 2 * offset);
  });

  it('maps the corners of the output rectangle onto the quad (perspective included)', () => {
    const quad = [
      { x: 10, y: 10 },
      { x: 110, y: 20 },
      { x: 105, y: 60 },
      { x: 5, y: 50 },
    ] as const;
    const m = rectToQuadHomography(200, 48, quad);
    const corners = [
      applyHomography(m, 0, 0),
      applyHomography(m, 200, 0),
      applyHomography(m, 200, 48),
      applyHomography(m, 0, 48),
    ];
    corners.forEach((p, i) => {
      expect(p.x).toBeCloseTo(quad[i]!.x);
      expect(p.y).toBeCloseTo(quad[i]!.y);
    });
  });
});
