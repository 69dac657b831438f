// The only file that imports sharp (DESIGN rule 5): decoding inputs into RGB pixels and
// encoding pixels back into files.
import sharp from 'sharp';
import { unsupported } from '../protocol/errors.js';
import type { RgbImage } from './raster.js';
import type { LimitsConfig } from './config.js';
import { checkImageSize, readScale } from './limits.js';
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

/** An image decoded for reading: its pixels, perhaps scaled down, and its own size. */
export interface DecodedImage extends RgbImage {
  /** The image as sent (upright as a viewer shows it), in its own pixels. */
  sourceWidth: number;
  sourceHeight: number;
}

/**
 * Decodes an encoded image (PNG, JPEG, WebP, BMP, GIF's first frame, TIFF) into RGB.
 * The pixel count is checked from the header before any pixel is decoded, so a small file
 * that claims 60000x60000 pixels costs nothing. An image over `maxPixels` (a large scan) is
 * scaled down to it as it is decoded: `sourceWidth` and `sourceHeight` keep its own size.
 * Transparent pixels take the background the visible ones stand out from (see `flattenAgainstInk`).
 */
export async function decodeImage(bytes: Uint8Array, limits: LimitsConfig): Promise<DecodedImage> {
  if (bytes.length === 0) throw unsupported('the image is empty (0 bytes)');
  if (bytes.length > limits.maxBytes) {
    throw unsupported(`the image is ${bytes.length} bytes; the limit is ${limits.maxBytes}`);
  }
  if (isBmp(bytes)) {
    const image = decodeBmp(bytes, limits);
    const scaled = await scaledToRead(image, limits);
    return { ...scaled, sourceWidth: image.width, sourceHeight: image.height };
  }
  const { hasAlpha, width, height, orientation } = await probeImage(bytes, limits);
  // EXIF orientations 5 to 8 turn the picture a quarter: the viewer's width is the stored height.
  const [sourceWidth, sourceHeight] = orientation >= 5 ? [height, width] : [width, height];
  const scale = readScale(sourceWidth, sourceHeight, limits);
  try {
    let decoder = sharp(bytes, { limitInputPixels: limits.maxDecodePixels, failOn: 'error', pages: 1 })
      .rotate() // honour EXIF orientation: coordinates are in the image as a viewer shows it
      .toColourspace('srgb');
    // Scaled while it is decoded (libvips streams the rows): the whole image is never held.
    if (scale < 1)
      decoder = decoder.resize(scaledSide(sourceWidth, scale), scaledSide(sourceHeight, scale), {
        fit: 'fill',
        kernel: 'lanczos3',
      });
    // Most screenshots are opaque: libvips drops the (absent) alpha itself. Only an image with an
    // alpha channel needs its pixels looked at to choose what its transparency stands on.
    const { data, info } = await (hasAlpha ? decoder.ensureAlpha() : decoder.removeAlpha())
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.length);
    if (info.channels !== (hasAlpha ? 4 : 3))
      throw new Error(`expected ${hasAlpha ? 4 : 3} channels, got ${info.channels}`);
    const rgb = hasAlpha ? flattenAgainstInk(pixels) : pixels;
    return { width: info.width, height: info.height, data: rgb, sourceWidth, sourceHeight };
  } catch (error) {
    throw unsupported(`the image could not be decoded (${describe(error)}); the file may be truncated or corrupt`);
  }
}

/** A side scaled down, never below 1 pixel nor above the pixel budget (rounding down). */
const scaledSide = (side: number, scale: number) => Math.max(1, Math.floor(side * scale));

/** Pixels already decoded (a BMP), scaled down to `maxPixels` when they are over it. */
async function scaledToRead(image: RgbImage, limits: LimitsConfig): Promise<RgbImage> {
  const scale = readScale(image.width, image.height, limits);
  if (scale >= 1) return image;
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(scaledSide(image.width, scale), scaledSide(image.height, scale), { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
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
  const { data, info } = await sharp(bytes, { limitInputPixels: limits.maxDecodePixels, pages: 1 })
    .rotate()
    .png()
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, format: 'png', width: info.width, height: info.height };
}

/**
 * RGBA to RGB over the background the visible pixels stand out from: white behind dark ink,
 * black behind light ink. Flattened onto white, white text on a transparent background (an
 * icon's label, a dark-theme snip saved with transparency) vanished. Opaque images are as they were.
 *
 * Written in place: the RGB comes back as the first three quarters of `rgba` (each pixel's
 * three bytes land at or before where its four were read). Many screenshot tools save an
 * alpha channel that is opaque throughout; for those this is a copy of bytes, where a new
 * array and arithmetic on every channel took 34 ms of a full-HD capture.
 */
export function flattenAgainstInk(rgba: Uint8Array): Uint8Array {
  const pixels = rgba.length / 4;
  let transparent = false;
  for (let i = 3; i < rgba.length; i += 4)
    if (rgba[i]! < 255) {
      transparent = true;
      break;
    }
  const rgb = rgba.subarray(0, pixels * 3);
  if (!transparent) {
    for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
      rgb[o] = rgba[i]!;
      rgb[o + 1] = rgba[i + 1]!;
      rgb[o + 2] = rgba[i + 2]!;
    }
    return rgb;
  }
  let seen = 0;
  let lightSum = 0;
  for (let i = 0; i < pixels; i++) {
    if (rgba[i * 4 + 3]! < 128) continue;
    seen++;
    lightSum += 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
  }
  // Mostly transparent, and what shows is light: it is light ink meant for a dark background.
  const background = seen > 0 && seen < pixels / 2 && lightSum / seen > 160 ? 0 : 255;
  for (let i = 0; i < pixels; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    const [r, g, b] = [rgba[i * 4]!, rgba[i * 4 + 1]!, rgba[i * 4 + 2]!];
    rgb[i * 3] = Math.round(r * a + background * (1 - a));
    rgb[i * 3 + 1] = Math.round(g * a + background * (1 - a));
    rgb[i * 3 + 2] = Math.round(b * a + background * (1 - a));
  }
  return rgb;
}
