// Pixels in memory, and the pure operations the pipeline needs on them. No library here:
// the engine samples straight from these buffers into model tensors, without copies.
import type { Box } from '../protocol/index.js';

/** 8-bit RGB, row-major, 3 bytes a pixel, no padding. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export type QuarterTurns = 0 | 1 | 2 | 3;

/** The image turned clockwise by `turns` quarter turns. */
export function rotateQuarterTurns(image: RgbImage, turns: QuarterTurns): RgbImage {
  if (turns === 0) return image;
  const { width: w, height: h, data } = image;
  const outW = turns === 2 ? w : h;
  const outH = turns === 2 ? h : w;
  const out = new Uint8Array(outW * outH * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let ox: number, oy: number;
      if (turns === 1) {
        ox = h - 1 - y;
        oy = x;
      } else if (turns === 2) {
        ox = w - 1 - x;
        oy = h - 1 - y;
      } else {
        ox = y;
        oy = w - 1 - x;
      }
      const s = (y * w + x) * 3;
      const d = (oy * outW + ox) * 3;
      out[d] = data[s]!;
      out[d + 1] = data[s + 1]!;
      out[d + 2] = data[s + 2]!;
    }
  }
  return { width: outW, height: outH, data: out };
}

/** Luma (0..255) of every pixel. */
export function toGray(image: RgbImage): Uint8Array {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 3) {
    out[i] = (data[j]! * 77 + data[j + 1]! * 150 + data[j + 2]! * 29) >> 8;
  }
  return out;
}

/**
 * The bounding rectangle of everything that differs from the background colour (the colour
 * of the image's border), grown by `margin`; null for an image of one colour.
 * Screenshots carry wide empty margins; the detector's time grows with pixels, so we spend
 * none of it there.
 */
export function contentBounds(
  gray: Uint8Array,
  width: number,
  height: number,
  margin: number,
  tolerance = 12,
): Box | null {
  const background = borderMode(gray, width, height);
  let minX = width,
    minY = height,
    maxX = -1,
    maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (Math.abs(gray[row + x]! - background) > tolerance) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return null;
  const left = Math.max(0, minX - margin);
  const top = Math.max(0, minY - margin);
  return {
    left,
    top,
    width: Math.min(width, maxX + margin + 1) - left,
    height: Math.min(height, maxY + margin + 1) - top,
  };
}

/** The most common gray level along the image's border. */
export function borderMode(gray: Uint8Array, width: number, height: number): number {
  const histogram = new Uint32Array(256);
  for (let x = 0; x < width; x++) {
    histogram[gray[x]!]!++;
    histogram[gray[(height - 1) * width + x]!]!++;
  }
  for (let y = 0; y < height; y++) {
    histogram[gray[y * width]!]!++;
    histogram[gray[y * width + width - 1]!]!++;
  }
  let best = 0;
  for (let v = 1; v < 256; v++) if (histogram[v]! > histogram[best]!) best = v;
  return best;
}

/**
 * The pixels of `box` as an image of their own: the image itself when the box is all of it, a
 * view of its bytes when the box is whole rows (a reader must not write to it).
 */
export function cropRegion(image: RgbImage, box: Box): RgbImage {
  if (box.left === 0 && box.top === 0 && box.width === image.width && box.height === image.height) return image;
  // Whole rows (a detection strip) are one run of the image's bytes: a view, not a copy.
  if (box.left === 0 && box.width === image.width) {
    const from = box.top * image.width * 3;
    return { width: box.width, height: box.height, data: image.data.subarray(from, from + box.height * box.width * 3) };
  }
  const data = new Uint8Array(box.width * box.height * 3);
  for (let y = 0; y < box.height; y++) {
    const from = ((box.top + y) * image.width + box.left) * 3;
    data.set(image.data.subarray(from, from + box.width * 3), y * box.width * 3);
  }
  return { width: box.width, height: box.height, data };
}

/** The commonest colour along the image's border: its background, as RGB. */
export function borderColour(image: RgbImage): [number, number, number] {
  const { width, height, data } = image;
  const counts = new Map<number, number>();
  const count = (x: number, y: number) => {
    const i = (y * width + x) * 3;
    const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (let x = 0; x < width; x++) {
    count(x, 0);
    count(x, height - 1);
  }
  for (let y = 0; y < height; y++) {
    count(0, y);
    count(width - 1, y);
  }
  let best = 0;
  let bestCount = -1;
  for (const [key, n] of counts) if (n > bestCount) [best, bestCount] = [key, n];
  return [(best >> 16) & 0xff, (best >> 8) & 0xff, best & 0xff];
}

/** The image with `margin` pixels of `colour` added on every side. */
export function addMargin(image: RgbImage, margin: number, colour: [number, number, number]): RgbImage {
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(colour, i * 3);
  for (let y = 0; y < image.height; y++) {
    data.set(image.data.subarray(y * image.width * 3, (y + 1) * image.width * 3), ((y + margin) * width + margin) * 3);
  }
  return { width, height, data };
}
