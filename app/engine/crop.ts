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

/** The same quad turned half a turn: an upside-down line read the right way up. */
export function halfTurnQuad(quad: Quad): Quad {
  return [quad[2], quad[3], quad[0], quad[1]];
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
  const sw = image.width, sh = image.height;
  const inv = 1 / (k * k);
  const accum = [0, 0, 0];
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      accum[0] = 0; accum[1] = 0; accum[2] = 0;
      for (let sy = 0; sy < k; sy++) {
        for (let sx = 0; sx < k; sx++) {
          const p = applyHomography(m, u + (sx + 0.5) / k, v + (sy + 0.5) / k);
          const fx = Math.min(sw - 1, Math.max(0, p.x - 0.5));
          const fy = Math.min(sh - 1, Math.max(0, p.y - 0.5));
          const x0 = fx | 0, y0 = fy | 0;
          const x1 = x0 + 1 < sw ? x0 + 1 : x0, y1 = y0 + 1 < sh ? y0 + 1 : y0;
          const ax = fx - x0, ay = fy - y0;
          const i00 = (y0 * sw + x0) * 3, i01 = (y0 * sw + x1) * 3, i10 = (y1 * sw + x0) * 3, i11 = (y1 * sw + x1) * 3;
          for (let c = 0; c < 3; c++) {
            accum[c]! += (src[i00 + c]! * (1 - ax) + src[i01 + c]! * ax) * (1 - ay) + (src[i10 + c]! * (1 - ax) + src[i11 + c]! * ax) * ay;
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
