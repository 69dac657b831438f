// Each history entry's heavy parts in files of its own: the image, its thumbnail (a data: URL)
// and the detail (lines, the whole response). Written through a temporary name and a rename, so
// a killed write leaves a stray temporary file, never a half-written part; strays and parts of
// entries the index does not name are swept at start.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Mode } from '../../app/ipc.js';
import type { OcrResponse } from '../../app/protocol/index.js';

/** What the index does not hold: the response (lines, rows and codes are read from it again). */
export interface EntryDetail {
  lang?: string;
  width: number;
  height: number;
  elapsedMs: number;
  response: OcrResponse;
  mode: Mode;
}

const parts = { image: '.png', thumbnail: '.thumb', detail: '.json' } as const;
type Part = keyof typeof parts;

export class EntryFiles {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** The image and thumbnail first, the detail last: an entry with a detail has all three. */
  write(id: string, content: { image: Uint8Array; thumbnail: string; detail: EntryDetail }): void {
    this.writePart(id, 'image', content.image);
    this.writePart(id, 'thumbnail', content.thumbnail);
    this.writePart(id, 'detail', JSON.stringify(content.detail));
  }

  image(id: string): Uint8Array | undefined {
    return this.readPart(id, 'image');
  }

  thumbnail(id: string): string {
    return this.readPart(id, 'thumbnail')?.toString('utf8') ?? '';
  }

  detail(id: string): EntryDetail | undefined {
    const bytes = this.readPart(id, 'detail');
    if (!bytes) return undefined;
    try {
      return JSON.parse(bytes.toString('utf8')) as EntryDetail;
    } catch {
      return undefined;
    }
  }

  remove(id: string): void {
    for (const part of Object.keys(parts) as Part[]) rmSync(this.pathOf(id, part), { force: true });
  }

  /** Removes temporary files of killed writes and the parts of entries not in `live`. */
  sweep(live: ReadonlySet<string>): number {
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const id = name.slice(0, 36);
      if (name.endsWith('.tmp') || !live.has(id)) {
        rmSync(path.join(this.dir, name), { force: true, recursive: true });
        removed++;
      }
    }
    return removed;
  }

  private writePart(id: string, part: Part, data: Uint8Array | string): void {
    const file = this.pathOf(id, part);
    writeFileSync(`${file}.tmp`, data);
    renameSync(`${file}.tmp`, file);
  }

  private readPart(id: string, part: Part): Buffer | undefined {
    try {
      return readFileSync(this.pathOf(id, part));
    } catch {
      return undefined;
    }
  }

  private pathOf(id: string, part: Part): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('a history id is a UUID');
    return path.join(this.dir, `${id}${parts[part]}`);
  }
}
