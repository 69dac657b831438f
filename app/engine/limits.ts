import { unsupported } from '../protocol/errors.js';
import type { LimitsConfig } from './config.js';

/**
 * Refuses an image by its header's size, before any pixel is decoded: too many pixels to
 * decode even scaled down (decompression bombs), a side too long or a shape too thin (cheap
 * to send, costly to read).
 */
export function checkImageSize(width: number, height: number, limits: LimitsConfig): void {
  if (width * height > limits.maxDecodePixels) {
    throw unsupported(
      `the image is ${width}x${height} pixels; the limit is ${limits.maxDecodePixels} pixels (${Math.round(limits.maxDecodePixels / 1e6)} MP)`,
    );
  }
  if (Math.max(width, height) > limits.maxSide) {
    throw unsupported(`the image is ${width}x${height} pixels; no side may be longer than ${limits.maxSide} pixels`);
  }
  if (Math.max(width, height) / Math.max(1, Math.min(width, height)) > limits.maxAspect) {
    throw unsupported(
      `the image is ${width}x${height} pixels; it may be at most ${limits.maxAspect} times longer than it is wide`,
    );
  }
}

/** The fraction of its size an image of this many pixels is read at: 1 up to `maxPixels`. */
export function readScale(width: number, height: number, limits: Pick<LimitsConfig, 'maxPixels'>): number {
  const pixels = width * height;
  return pixels > limits.maxPixels ? Math.sqrt(limits.maxPixels / pixels) : 1;
}
