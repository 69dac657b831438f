// The only file of main/ that imports sharp: sizes, crops, thumbnails of captured images.
import sharp from 'sharp';
import type { Rect } from './platform/types.js';

sharp.cache(false);

export async function imageSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const { width, height } = await sharp(bytes).metadata();
  if (!width || !height) throw new Error('the image has no size');
  return { width, height };
}

/** Cuts a rectangle of physical pixels out of an image, as PNG (lossless: OCR reads it next). */
export async function cropPng(bytes: Uint8Array, rect: Rect): Promise<Uint8Array> {
  return sharp(bytes)
    .extract({ left: rect.x, top: rect.y, width: rect.width, height: rect.height })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Any image the clipboard or the renderer hands us, as PNG. */
export async function toPng(bytes: Uint8Array): Promise<Uint8Array> {
  return sharp(bytes).png({ compressionLevel: 1 }).toBuffer();
}

/** A small preview for history lists: fits 160x96, as a data: URL. */
export async function thumbnailDataUrl(bytes: Uint8Array): Promise<string> {
  const png = await sharp(bytes)
    .resize(160, 96, { fit: 'inside', withoutEnlargement: true })
    .png({ palette: true })
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}
