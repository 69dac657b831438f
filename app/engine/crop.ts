// Cutting a text line out of the image, straightened, straight into a model tensor.
import type { RgbImage } from './raster.js';
import { applyHomography, distance, rectToQuadHomography, type Quad } from './geometry.js';

export interface LineGeometry {
  /** Corners in the order the text reads: the first edge (0 -> 1) runs along the text. */
  quad: Quad;
  /** Length along the text and across it, in image pixels. */
  length: number;
  thickness: number;
}

/** The quad's reading-direction size. */
export function lineGeometry(quad: Quad): LineGeometry {
  const length = Math.max(distance(quad[0], quad[1]), distance(quad[3], quad[2]));
  const thickness = Math.max(distance(quad[0], quad[3]), distance(quad[1], quad[2]));
  return { quad, length, thickness };
}

/** The same quad, its corners renamed so that the edge that was on the right is the top (a column read top-down). */
export function quarterTurnQuad(quad: Quad): Quad {
  return [quad[1], quad[2], quad[3], quad[0]];
}

/**
 * Samples `quad` of `image` into `out` (planar BGR, `planeStride` floats a plane, rows of
 * `rowStride` floats) as a `width` x `height` straightened picture, with `normalize` applied to
 * each 0..255 value. Bilinear; supersampled where the crop shrinks, so large text stays clean.
 */
export function sampleQuad(
  image: RgbImage,
  quad: Quad,
  width: number,
  height: number,
  out: Float32Array,
  offset: number,
  rowStride: number,
  planeStride: number,
  normalize: Float32Array,
): void {
  const m = rectToQuadHomography(width, height, quad);
  const geometry = lineGeometry(quad);
  const shrink = Math.max(geometry.thickness / height, geometry.length / width);
  const k = Math.min(4, Math.max(1, Math.ceil(shrink - 0.25)));
  const src = image.data;
  const sw = image.width,
    sh = image.height;
  const inv = 1 / (k * k);
  const accum = [0, 0, 0];
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      accum[0] = 0;
      accum[1] = 0;
      accum[2] = 0;
      for (let sy = 0; sy < k; sy++) {
        for (let sx = 0; sx < k; sx++) {
          const p = applyHomography(m, u + (sx + 0.5) / k, v + (sy + 0.5) / k);
          const fx = Math.min(sw - 1, Math.max(0, p.x - 0.5));
          const fy = Math.min(sh - 1, Math.max(0, p.y - 0.5));
          const x0 = fx | 0,
            y0 = fy | 0;
          const x1 = x0 + 1 < sw ? x0 + 1 : x0,
            y1 = y0 + 1 < sh ? y0 + 1 : y0;
          const ax = fx - x0,
            ay = fy - y0;
          const i00 = (y0 * sw + x0) * 3,
            i01 = (y0 * sw + x1) * 3,
            i10 = (y1 * sw + x0) * 3,
            i11 = (y1 * sw + x1) * 3;
          for (let c = 0; c < 3; c++) {
            accum[c]! +=
              (src[i00 + c]! * (1 - ax) + src[i01 + c]! * ax) * (1 - ay) +
              (src[i10 + c]! * (1 - ax) + src[i11 + c]! * ax) * ay;
          }
        }
      }
      const o = offset + v * rowStride + u;
      // RGB -> BGR planes
      out[o] = normalize[Math.round(accum[2]! * inv)]!;
      out[o + planeStride] = normalize[Math.round(accum[1]! * inv)]!;
      out[o + 2 * planeStride] = normalize[Math.round(accum[0]! * inv)]!;
    }
  }
}

const identity = (() => {
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) table[v] = v;
  return table;
})();

/** The quad grown by `margin` (a share of its thickness) on every side: room around the ink. */
export function growQuad(quad: Quad, margin: number): Quad {
  const { length, thickness } = lineGeometry(quad);
  const [p0, p1, , p3] = quad;
  const along = { x: (p1.x - p0.x) / Math.max(1, length), y: (p1.y - p0.y) / Math.max(1, length) };
  const across = { x: (p3.x - p0.x) / Math.max(1, thickness), y: (p3.y - p0.y) / Math.max(1, thickness) };
  const d = margin * thickness;
  const shift = (p: { x: number; y: number }, a: number, b: number) => ({
    x: p.x + (a * along.x + b * across.x) * d,
    y: p.y + (a * along.y + b * across.y) * d,
  });
  return [shift(quad[0], -1, -1), shift(quad[1], 1, -1), shift(quad[2], 1, 1), shift(quad[3], -1, 1)];
}

/** The quad straightened into an RGB picture `height` pixels tall (its width in proportion), for a second reader. */
export function straightenQuad(image: RgbImage, quad: Quad, height: number, maxWidth = 4096): RgbImage {
  const { length, thickness } = lineGeometry(quad);
  const width = Math.max(1, Math.min(maxWidth, Math.round((length / Math.max(1, thickness)) * height)));
  const plane = width * height;
  const planes = new Float32Array(plane * 3);
  sampleQuad(image, quad, width, height, planes, 0, width, plane, identity);
  const data = new Uint8Array(plane * 3);
  // sampleQuad writes BGR planes; the picture is interleaved RGB.
  for (let i = 0; i < plane; i++) {
    data[i * 3] = planes[i + 2 * plane]!;
    data[i * 3 + 1] = planes[i + plane]!;
    data[i * 3 + 2] = planes[i]!;
  }
  return { width, height, data };
}
