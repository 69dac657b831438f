// Plane geometry for text boxes: hulls, minimum-area rectangles, and the maps between an
// image and the model inputs cut from it.
import type { Box } from '../protocol/index.js';

export interface Point {
  x: number;
  y: number;
}

/** Four corners: top-left, top-right, bottom-right, bottom-left (as the text reads). */
export type Quad = readonly [Point, Point, Point, Point];

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
export const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Andrew's monotone chain; returns the hull counter-clockwise (in y-down: clockwise on screen). */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

export interface RotatedRect {
  center: Point;
  /** Along the rectangle's first axis (angle `angle`). */
  width: number;
  height: number;
  /** Radians, of the width axis from the x axis. */
  angle: number;
}

/** The smallest rectangle around the points (rotating calipers over the hull's edges). */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = convexHull(points);
  if (hull.length === 0) return { center: { x: 0, y: 0 }, width: 0, height: 0, angle: 0 };
  let best: RotatedRect | null = null;
  let bestArea = Infinity;
  const n = hull.length;
  for (let i = 0; i < Math.max(1, n); i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % n]!;
    const len = distance(a, b);
    const ux = len > 0 ? (b.x - a.x) / len : 1;
    const uy = len > 0 ? (b.y - a.y) / len : 0;
    let minU = Infinity,
      maxU = -Infinity,
      minV = Infinity,
      maxV = -Infinity;
    for (const p of hull) {
      const u = p.x * ux + p.y * uy;
      const v = -p.x * uy + p.y * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea - 1e-9) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = {
        center: { x: cu * ux - cv * uy, y: cu * uy + cv * ux },
        width: maxU - minU,
        height: maxV - minV,
        angle: Math.atan2(uy, ux),
      };
    }
  }
  return normalizeRect(best!);
}

/** Puts the rectangle's angle in (-45deg, 45deg], swapping sides, so "width" is the side nearest the x axis. */
function normalizeRect(r: RotatedRect): RotatedRect {
  let { width, height, angle } = r;
  while (angle > Math.PI / 4) {
    angle -= Math.PI / 2;
    [width, height] = [height, width];
  }
  while (angle <= -Math.PI / 4) {
    angle += Math.PI / 2;
    [width, height] = [height, width];
  }
  return { center: r.center, width, height, angle };
}

/** The rectangle's corners as a Quad in reading order (top-left first, clockwise on screen). */
export function rectToQuad(r: RotatedRect): Quad {
  const cos = Math.cos(r.angle),
    sin = Math.sin(r.angle);
  const hw = r.width / 2,
    hh = r.height / 2;
  const at = (u: number, v: number): Point => ({
    x: r.center.x + u * cos - v * sin,
    y: r.center.y + u * sin + v * cos,
  });
  return [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)];
}

/**
 * DB's unclip: the detector predicts shrunk text kernels; each is grown back by
 * area * ratio / perimeter on every side (for a rectangle, exactly what offsetting its polygon gives).
 */
export function unclipRect(r: RotatedRect, ratio: number): RotatedRect {
  const perimeter = 2 * (r.width + r.height);
  if (perimeter === 0) return r;
  const offset = (r.width * r.height * ratio) / perimeter;
  return { ...r, width: r.width + 2 * offset, height: r.height + 2 * offset };
}

export type { Box };

export function quadBounds(quad: readonly Point[]): Box {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const p of quad) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  return { left: minX, top: minY, width: maxX - minX, height: maxY - minY };
}

/** A 3x3 projective map, row-major. */
export type Homography = readonly number[];

/**
 * The homography taking the unit-free rectangle (0,0)-(w,h) onto `quad` (tl, tr, br, bl):
 * used to sample a text line out of the image with its perspective undone.
 */
export function rectToQuadHomography(w: number, h: number, quad: Quad): Homography {
  // Square-to-quad (Heckbert), then scale the square to w x h.
  const [p0, p1, p2, p3] = quad;
  const dx1 = p1.x - p2.x,
    dx2 = p3.x - p2.x,
    dx3 = p0.x - p1.x + p2.x - p3.x;
  const dy1 = p1.y - p2.y,
    dy2 = p3.y - p2.y,
    dy3 = p0.y - p1.y + p2.y - p3.y;
  let a: number, b: number, c: number, d: number, e: number, f: number, g: number, hh: number;
  if (Math.abs(dx3) < 1e-9 && Math.abs(dy3) < 1e-9) {
    a = p1.x - p0.x;
    b = p3.x - p0.x;
    c = p0.x;
    d = p1.y - p0.y;
    e = p3.y - p0.y;
    f = p0.y;
    g = 0;
    hh = 0;
  } else {
    const den = dx1 * dy2 - dx2 * dy1;
    g = (dx3 * dy2 - dx2 * dy3) / den;
    hh = (dx1 * dy3 - dx3 * dy1) / den;
    a = p1.x - p0.x + g * p1.x;
    b = p3.x - p0.x + hh * p3.x;
    c = p0.x;
    d = p1.y - p0.y + g * p1.y;
    e = p3.y - p0.y + hh * p3.y;
    f = p0.y;
  }
  // Compose with the scaling (u, v) -> (u / w, v / h).
  return [a / w, b / h, c, d / w, e / h, f, g / w, hh / h, 1];
}

export function applyHomography(m: Homography, u: number, v: number): Point {
  const z = m[6]! * u + m[7]! * v + m[8]!;
  return { x: (m[0]! * u + m[1]! * v + m[2]!) / z, y: (m[3]! * u + m[4]! * v + m[5]!) / z };
}

/**
 * A box in an image turned `turns` quarter turns clockwise (of size uprightWidth x
 * uprightHeight) as the same box in the image before turning.
 */
export function unturnBox(box: Box, turns: 0 | 1 | 2 | 3, uprightWidth: number, uprightHeight: number): Box {
  const { left, top, width, height } = box;
  if (turns === 1) return { left: top, top: uprightWidth - (left + width), width: height, height: width };
  if (turns === 2) return { left: uprightWidth - (left + width), top: uprightHeight - (top + height), width, height };
  if (turns === 3) return { left: uprightHeight - (top + height), top: left, width: height, height: width };
  return box;
}
