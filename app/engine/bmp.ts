// Uncompressed Windows bitmaps (BI_RGB 24/32-bit, BI_BITFIELDS 32-bit), which libvips lacks.
import { unsupported } from '../protocol/errors.js';
import type { RgbImage } from './raster.js';
import type { LimitsConfig } from './config.js';
import { checkImageSize } from './limits.js';

/** The size a BMP's header gives (a negative height means top-down rows), checked against the limits. */
export function bmpSize(bytes: Uint8Array, limits: LimitsConfig): { width: number; height: number; topDown: boolean } {
  if (bytes.length < 54) throw unsupported('the BMP file is truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const height = Math.abs(rawHeight);
  if (width <= 0 || height <= 0) throw unsupported('the BMP header has no size');
  checkImageSize(width, height, limits);
  return { width, height, topDown: rawHeight < 0 };
}

export function decodeBmp(bytes: Uint8Array, limits: LimitsConfig): RgbImage {
  const { width, height, topDown } = bmpSize(bytes, limits);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pixelOffset = view.getUint32(10, true);
  const bitsPerPixel = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  if (!(bitsPerPixel === 24 || bitsPerPixel === 32) || !(compression === 0 || compression === 3)) {
    throw unsupported(
      `BMP with ${bitsPerPixel} bits per pixel (compression ${compression}) is not supported; save it as PNG`,
    );
  }
  const bytesPerPixel = bitsPerPixel / 8;
  const stride = Math.ceil((width * bytesPerPixel) / 4) * 4;
  if (pixelOffset + stride * height > bytes.length) throw unsupported('the BMP file is truncated');
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const s = row + x * bytesPerPixel;
      const d = (y * width + x) * 3;
      data[d] = bytes[s + 2]!;
      data[d + 1] = bytes[s + 1]!;
      data[d + 2] = bytes[s]!;
    }
  }
  return { width, height, data };
}
