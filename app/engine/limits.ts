import { unsupported } from '../protocol/errors.js';
import type { LimitsConfig } from './config.js';

/** Refuses an image by its header's size, before any pixel is decoded. */
export function checkPixelCount(width: number, height: number, limits: LimitsConfig): void {
  if (width * height > limits.maxPixels) {
    throw unsupported(
      `the image is ${width}x${height} pixels; the limit is ${limits.maxPixels} pixels (${Math.round(limits.maxPixels / 1e6)} MP)`,
    );
  }
}
