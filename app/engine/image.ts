// The only file that imports sharp (DESIGN rule 5): decoding inputs into RGB pixels and
// encoding pixels back into files.
import sharp from 'sharp';
import { unsupported } from '../protocol/errors.js';
import type { RgbImage } from './raster.js';
import type { LimitsConfig } from './config.js';
import { checkImageSize } from './limits.js';
import { bmpSize, decodeBmp } from './bmp.js';

// Each image is decoded once: libvips' operation cache would only hold on to memory.
sharp.cache(false);

// Raster formats only: SVG is a program (filters, nesting) whose cost has no bound a header
// tells, and no screenshot tool writes it; a 1.2 kB SVG held an engine node for a whole minute.
const formatsWeRead = new Set(['png', 'jpeg', 'webp', 'gif', 'tiff', 'bmp', 'heif', 'avif']);

// sharp (libvips) has no BMP loader; BMP screenshots are common on Windows, so we read the
// uncompressed kinds ourselves.
function isBmp(bytes: Uint8Array): boolean {
  return bytes.length > 26 && bytes[0] === 0x42 && bytes[1] === 0x4d;
}

/**
 * Decodes an encoded image (PNG, JPEG, WebP, BMP, GIF's first frame, TIFF) into RGB.
 * The pixel count is checked from the header before any pixel is decoded, so a small file
 * that claims 60000x60000 pixels costs nothing. Transparent pixels take the background the
 * visible ones stand out from (see `flattenAgainstInk`).
 */
export async function decodeImage(bytes: Uint8Array, limits: LimitsConfig): Promise<RgbImage> {
  if (bytes.length === 0) throw unsupported('the image is empty (0 bytes)');
  if (bytes.length > limits.maxBytes) {
    throw unsupported(`the image is ${bytes.length} bytes; the limit is ${limits.maxBytes}`);
  }
  if (isBmp(bytes)) {
    return decodeBmp(bytes, limits);
  }
  const { hasAlpha } = await probeImage(bytes, limits);
  try {
    const decoder = sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error', pages: 1 })
      .rotate() // honour EXIF orientation: coordinates are in the image as a viewer shows it
      .toColourspace('srgb');
    // Most screenshots are opaque: libvips drops the (absent) alpha itself. Only an image with an
    // alpha channel needs its pixels looked at to choose what its transparency stands on.
    const { data, info } = await (hasAlpha ? decoder.ensureAlpha() : decoder.removeAlpha())
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.length);
    if (info.channels !== (hasAlpha ? 4 : 3))
      throw new Error(`expected ${hasAlpha ? 4 : 3} channels, got ${info.channels}`);
    return { width: info.width, height: info.height, data: hasAlpha ? flattenAgainstInk(pixels) : pixels };
  } catch (error) {
    throw unsupported(`the image could not be decoded (${describe(error)}); the file may be truncated or corrupt`);
  }
}

export interface ImageProbe {
  /** sharp's name of the format: png, jpeg, webp, gif, tiff, bmp... */
  format: string;
  width: number;
  height: number;
  /** EXIF orientation (1: as stored; others: a viewer turns or mirrors it). */
  orientation: number;
  /** Whether it has an alpha channel (transparency to flatten). */
  hasAlpha: boolean;
}

/**
 * Reads only an image's header: its format and size. For callers that store or forward an
 * image (the server's image bed) and need to know it is one without decoding its pixels.
 */
export async function probeImage(bytes: Uint8Array, limits: LimitsConfig): Promise<ImageProbe> {
  if (bytes.length === 0) throw unsupported('the image is empty (0 bytes)');
  if (isBmp(bytes)) {
    const { width, height } = bmpSize(bytes, limits);
    return { format: 'bmp', width, height, orientation: 1, hasAlpha: false };
  }
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw unsupported('the data is not an image we can read (PNG, JPEG, WebP, BMP, GIF or TIFF)');
  }
  if (!metadata.format || !formatsWeRead.has(metadata.format) || !metadata.width || !metadata.height) {
    throw unsupported(`the data is not an image we can read (format: ${metadata.format ?? 'unknown'})`);
  }
  checkImageSize(metadata.width, metadata.height, limits);
  return {
    format: metadata.format,
    width: metadata.width,
    height: metadata.height,
    orientation: metadata.orientation ?? 1,
    hasAlpha: metadata.hasAlpha === true,
  };
}

/** Encodes RGB pixels as PNG, optionally scaled to fit `maxSide` (thumbnails, result files). */
export async function encodePng(image: RgbImage, maxSide?: number): Promise<Buffer> {
  let pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
  if (maxSide && Math.max(image.width, image.height) > maxSide) {
    pipeline = pipeline.resize({ width: maxSide, height: maxSide, fit: 'inside' });
  }
  return pipeline.png().toBuffer();
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split('\n')[0]!
    .replace(/^Input (buffer|file) /, '')
    .slice(0, 200);
}

/** A picture a PDF page can hold as it is: PNG or JPEG bytes, and its size in pixels. */
export interface PagePicture {
  bytes: Uint8Array;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

/**
 * The image as a PDF page can hold it: PNG and upright JPEG as they are (no re-encoding, no
 * loss), anything else (WebP, BMP, GIF, TIFF, a JPEG turned by EXIF) as PNG, upright as the
 * engine read it, so the text layer's boxes fall on the right pixels.
 */
export async function pdfReadyImage(bytes: Uint8Array, limits: LimitsConfig): Promise<PagePicture> {
  if (isBmp(bytes)) {
    const image = decodeBmp(bytes, limits);
    return { bytes: await encodePng(image), format: 'png', width: image.width, height: image.height };
  }
  const { format, width, height, orientation } = await probeImage(bytes, limits);
  if ((format === 'png' || format === 'jpeg') && orientation === 1) return { bytes, format, width, height };
  const { data, info } = await sharp(bytes, { limitInputPixels: limits.maxPixels, pages: 1 })
    .rotate()
    .png()
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, format: 'png', width: info.width, height: info.height };
}

/**
 * RGBA to RGB over the background the visible pixels stand out from: white behind dark ink,
 * black behind light ink. Flattened onto white, white text on a transparent background (an
 * icon's label, a dark-theme snip saved with transparency) vanished. Opaque images are as they were.
 */
export function flattenAgainstInk(rgba: Uint8Array): Uint8Array {
  const pixels = rgba.length / 4;
  let seen = 0;
  let lightSum = 0;
  let transparent = false;
  for (let i = 0; i < pixels; i++) {
    const a = rgba[i * 4 + 3]!;
    if (a < 255) transparent = true;
    if (a < 128) continue;
    seen++;
    lightSum += 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
  }
  // Mostly transparent, and what shows is light: it is light ink meant for a dark background.
  const background = transparent && seen > 0 && seen < pixels / 2 && lightSum / seen > 160 ? 0 : 255;
  const rgb = new Uint8Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round(rgba[i * 4 + c]! * a + background * (1 - a));
  }
  return rgb;
}
