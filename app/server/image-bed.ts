// `op=imgUpload`: stores an image and serves it back at a URL of its own, for clients that
// upload first and recognize by URL later. Only raster images are kept (an SVG served from
// our origin could carry script), under random names, for a limited time and number.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { probeImage } from '../engine/image.js';
import { unsupported } from '../protocol/index.js';
import type { LimitsConfig } from '../engine/config.js';
import type { UploadKeeper } from './backend.js';

const extensions: Record<string, string> = { png: 'png', jpeg: 'jpg', webp: 'webp', gif: 'gif', tiff: 'tif', bmp: 'bmp' };
const mimeTypes: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  tif: 'image/tiff',
  bmp: 'image/bmp',
};
/** The names this bed hands out: a UUID and one of our extensions, nothing that walks paths. */
const storedName = /^[0-9a-f-]{36}\.(png|jpg|webp|gif|tif|bmp)$/;

/**
 * A new name for an upload, after checking that it is an image we keep: within the size limit,
 * one of the raster formats we read (by its header, not its claimed type).
 */
export async function newUploadName(bytes: Uint8Array, maxBytes: number, imageLimits: LimitsConfig): Promise<string> {
  if (bytes.length > maxBytes) throw unsupported(`the image is ${bytes.length} bytes; the limit is ${maxBytes}`);
  const { format } = await probeImage(bytes, imageLimits);
  const extension = extensions[format];
  if (!extension) throw unsupported(`${format} images are not kept by the image bed; send PNG, JPEG, WebP, GIF, TIFF or BMP`);
  return `${randomUUID()}.${extension}`;
}

/** The MIME type an upload's name stands for, or undefined for a name this bed never hands out. */
export function uploadMimeType(name: string): string | undefined {
  const match = storedName.exec(name.toLowerCase());
  return match?.[1] ? mimeTypes[match[1]] : undefined;
}

export interface ImageBedLimits {
  maxBytes: number;
  ttlMs: number;
  maxFiles: number;
}

export class ImageBed implements UploadKeeper {
  constructor(
    private readonly dir: string,
    private readonly limits: ImageBedLimits,
    private readonly imageLimits: LimitsConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores the image; returns the name it is served under. */
  async store(bytes: Uint8Array): Promise<string> {
    const name = await newUploadName(bytes, this.limits.maxBytes, this.imageLimits);
    await mkdir(this.dir, { recursive: true });
    await this.prune();
    await writeFile(join(this.dir, name), bytes);
    return name;
  }

  /** The stored image and its MIME type, or undefined when there is no such (live) image. */
  async read(name: string): Promise<{ bytes: Buffer; mimeType: string } | undefined> {
    const mimeType = uploadMimeType(name);
    if (!mimeType) return undefined;
    const path = join(this.dir, name.toLowerCase());
    try {
      const info = await stat(path);
      if (info.mtimeMs + this.limits.ttlMs <= this.now()) return undefined;
      return { bytes: await readFile(path), mimeType };
    } catch {
      return undefined;
    }
  }

  /** Drops expired images, then the oldest while the bed is full. */
  private async prune(): Promise<void> {
    const names = (await readdir(this.dir)).filter((n) => storedName.test(n));
    const files = await Promise.all(
      names.map(async (name) => ({ name, mtimeMs: (await stat(join(this.dir, name)).catch(() => undefined))?.mtimeMs ?? 0 })),
    );
    files.sort((a, b) => a.mtimeMs - b.mtimeMs);
    const now = this.now();
    let live = files.length;
    for (const file of files) {
      if (file.mtimeMs + this.limits.ttlMs > now && live < this.limits.maxFiles) break;
      await rm(join(this.dir, file.name), { force: true });
      live--;
    }
  }
}
