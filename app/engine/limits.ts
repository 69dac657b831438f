import { unsupported } from '../protocol/errors.js';
import type { LimitsConfig } from './config.js';

/**
 * Refuses an image by its header's size, before any pixel is decoded: too many pixels
 * (decompression bombs), a side too long or a shape too thin (cheap to send, costly to read).
 */
export function checkImageSize(width: number, height: number, limits: LimitsConfig): void {
  if (width * height > limits.maxPixels) {
    throw unsupported(
      `the image is ${width}x${height} pixels; the limit is ${limits.maxPixels} pixels (${Math.round(limits.maxPixels / 1e6)} MP)`,
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
