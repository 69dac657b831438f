// `op=imgUpload`: stores an image and serves it back at a URL of its own, for clients that
// upload first and recognize by URL later. Only raster images are kept (an SVG served from
// our origin could carry script), decoded whole before they are kept (a valid header on 50 MB of
// anything is not an image), under random names, for a limited time, number and total size:
// past the disk budget the oldest go first. Each is written through a temporary name.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeImage, probeImage } from '../engine/image.js';
import { unsupported } from '../protocol/index.js';
import type { LimitsConfig } from '../engine/config.js';
import type { UploadKeeper } from './backend.js';

const extensions: Record<string, string> = {
  png: 'png',
  jpeg: 'jpg',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tif',
  bmp: 'bmp',
};
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
 * Checks that an upload is an image we keep: within the size limit, one of the raster formats we
 * read (by its header, not its claimed type), and whole: every pixel decodes. Returns the name
 * it would be kept under.
 */
export async function checkUpload(bytes: Uint8Array, maxBytes: number, imageLimits: LimitsConfig): Promise<string> {
  if (bytes.length > maxBytes) throw unsupported(`the image is ${bytes.length} bytes; the limit is ${maxBytes}`);
  const { format } = await probeImage(bytes, imageLimits);
  const extension = extensions[format];
  if (!extension)
    throw unsupported(`${format} images are not kept by the image bed; send PNG, JPEG, WebP, GIF, TIFF or BMP`);
  await decodeImage(bytes, imageLimits);
  return extension;
}

/** A new name for a checked upload: random, with its format's extension. */
export async function newUploadName(bytes: Uint8Array, imageLimits: LimitsConfig): Promise<string> {
  const { format } = await probeImage(bytes, imageLimits);
  const extension = extensions[format];
  if (!extension) throw unsupported(`${format} images are not kept by the image bed`);
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
  /** Bytes all kept uploads may take on disk. */
  maxTotalBytes: number;
}

export class ImageBed implements UploadKeeper {
  constructor(
    private readonly dir: string,
    private readonly limits: ImageBedLimits,
    private readonly imageLimits: LimitsConfig,
    private readonly now: () => number = Date.now,
  ) {}

  async check(bytes: Uint8Array): Promise<void> {
    await checkUpload(bytes, this.limits.maxBytes, this.imageLimits);
  }

  /** Stores the image; returns the name it is served under. */
  async store(bytes: Uint8Array): Promise<string> {
    const name = await newUploadName(bytes, this.imageLimits);
    await mkdir(this.dir, { recursive: true });
    await this.prune(bytes.length);
    const file = join(this.dir, name);
    try {
      await writeFile(`${file}.tmp`, bytes);
      await rename(`${file}.tmp`, file);
    } catch (error) {
      await rm(`${file}.tmp`, { force: true });
      throw error;
    }
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

  /**
   * Makes room for `incoming` bytes: drops expired images, then the oldest while the bed holds
   * too many or too many bytes; temporary files of writes that did not finish go too.
   */
  private async prune(incoming: number): Promise<void> {
    const names = await readdir(this.dir);
    const now = this.now();
    for (const name of names.filter((n) => n.endsWith('.tmp'))) {
      const info = await stat(join(this.dir, name)).catch(() => undefined);
      if (info && info.mtimeMs + 60_000 < now) await rm(join(this.dir, name), { force: true });
    }
    const files = await Promise.all(
      names
        .filter((n) => storedName.test(n))
        .map(async (name) => {
          const info = await stat(join(this.dir, name)).catch(() => undefined);
          return { name, mtimeMs: info?.mtimeMs ?? 0, size: info?.size ?? 0 };
        }),
    );
    files.sort((a, b) => a.mtimeMs - b.mtimeMs);
    let live = files.length;
    let bytes = files.reduce((sum, f) => sum + f.size, 0);
    for (const file of files) {
      const full = live >= this.limits.maxFiles || bytes + incoming > this.limits.maxTotalBytes;
      if (file.mtimeMs + this.limits.ttlMs > now && !full) break;
      await rm(join(this.dir, file.name), { force: true });
      live--;
      bytes -= file.size;
    }
  }
}
