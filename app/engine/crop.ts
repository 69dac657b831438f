// Cutting a text line out of the image, straightened, straight into a model tensor.
import type { RgbImage } from './raster.js';
import { distance, rectToQuadHomography, type Quad } from './geometry.js';

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
  // The homography's terms and the sums in locals, the sample point not made an object: this
  // runs for every sample of every line. The same arithmetic in the same order as
  // applyHomography, so the same picture.
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]!, m[8]!];
  if (m1 === 0 && m3 === 0 && m6 === 0 && m7 === 0) {
    // A level box (most screen text: detection snaps near-level boxes): a sample's x depends
    // on its column alone and its y on its row alone, so the taps are worked out once per
    // column and once per row. Adding the zero terms changes no sum: the same picture.
    const xTaps = taps(width, k, (su) => (m0 * su + m2) / m8, sw);
    const yTaps = taps(height, k, (sv) => (m4 * sv + m5) / m8, sh);
    for (let v = 0; v < height; v++) {
      for (let u = 0; u < width; u++) {
        let r = 0,
          g = 0,
          b = 0;
        for (let sy = 0; sy < k; sy++) {
          const ty = v * k + sy;
          const row0 = yTaps.low[ty]! * sw,
            row1 = yTaps.high[ty]! * sw,
            ay = yTaps.weight[ty]!;
          for (let sx = 0; sx < k; sx++) {
            const tx = u * k + sx;
            const x0 = xTaps.low[tx]!,
              x1 = xTaps.high[tx]!,
              ax = xTaps.weight[tx]!;
            const i00 = (row0 + x0) * 3,
              i01 = (row0 + x1) * 3,
              i10 = (row1 + x0) * 3,
              i11 = (row1 + x1) * 3;
            r += (src[i00]! * (1 - ax) + src[i01]! * ax) * (1 - ay) + (src[i10]! * (1 - ax) + src[i11]! * ax) * ay;
            g +=
              (src[i00 + 1]! * (1 - ax) + src[i01 + 1]! * ax) * (1 - ay) +
              (src[i10 + 1]! * (1 - ax) + src[i11 + 1]! * ax) * ay;
            b +=
              (src[i00 + 2]! * (1 - ax) + src[i01 + 2]! * ax) * (1 - ay) +
              (src[i10 + 2]! * (1 - ax) + src[i11 + 2]! * ax) * ay;
          }
        }
        const o = offset + v * rowStride + u;
        // RGB -> BGR planes
        out[o] = normalize[Math.round(b * inv)]!;
        out[o + planeStride] = normalize[Math.round(g * inv)]!;
        out[o + 2 * planeStride] = normalize[Math.round(r * inv)]!;
      }
    }
    return;
  }
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      let r = 0,
        g = 0,
        b = 0;
      for (let sy = 0; sy < k; sy++) {
        const sv = v + (sy + 0.5) / k;
        for (let sx = 0; sx < k; sx++) {
          const su = u + (sx + 0.5) / k;
          const z = m6 * su + m7 * sv + m8;
          const fx = Math.min(sw - 1, Math.max(0, (m0 * su + m1 * sv + m2) / z - 0.5));
          const fy = Math.min(sh - 1, Math.max(0, (m3 * su + m4 * sv + m5) / z - 0.5));
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
          r += (src[i00]! * (1 - ax) + src[i01]! * ax) * (1 - ay) + (src[i10]! * (1 - ax) + src[i11]! * ax) * ay;
          g +=
            (src[i00 + 1]! * (1 - ax) + src[i01 + 1]! * ax) * (1 - ay) +
            (src[i10 + 1]! * (1 - ax) + src[i11 + 1]! * ax) * ay;
          b +=
            (src[i00 + 2]! * (1 - ax) + src[i01 + 2]! * ax) * (1 - ay) +
            (src[i10 + 2]! * (1 - ax) + src[i11 + 2]! * ax) * ay;
        }
      }
      const o = offset + v * rowStride + u;
      // RGB -> BGR planes
      out[o] = normalize[Math.round(b * inv)]!;
      out[o + planeStride] = normalize[Math.round(g * inv)]!;
      out[o + 2 * planeStride] = normalize[Math.round(r * inv)]!;
    }
  }
}

/**
 * The bilinear taps along one axis: for each of `count` output pixels and its `k` samples, the
 * two source pixels (`low`, `high`) and the weight of the second, the sample at `at(s)` (s the
 * sample's place in output pixels) and clamped to the `size` source pixels, as in sampleQuad.
 */
function taps(count: number, k: number, at: (s: number) => number, size: number) {
  const [low, high, weight] = [new Int32Array(count * k), new Int32Array(count * k), new Float64Array(count * k)];
  for (let i = 0; i < count; i++)
    for (let j = 0; j < k; j++) {
      const f = Math.min(size - 1, Math.max(0, at(i + (j + 0.5) / k) - 0.5));
      const t = i * k + j;
      low[t] = f | 0;
      high[t] = low[t]! + 1 < size ? low[t]! + 1 : low[t]!;
      weight[t] = f - low[t]!;
    }
  return { low, high, weight };
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
