// The screenshots behind finished results, kept on disk while their results live, so that a
// result's searchable PDF can be made when (and only if) someone asks for it. An index in
// memory gives each its expiry and keeps the count bounded without listing the folder on
// every request; what an earlier run left behind is cleared at start.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceImageKeeper } from './backend.js';

/** Response ids are UUIDs: nothing else names a file here, so nothing can walk out of the folder. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class SourceImageStore implements SourceImageKeeper {
  /** id -> expiry; Map keeps insertion order, so the first entries are the oldest. */
  private readonly expiries = new Map<string, number>();
  /** id -> the image file's own name, where it had one (for the documents' titles). */
  private readonly titles = new Map<string, string>();
  private readonly ready: Promise<void>;

  constructor(
    private readonly dir: string,
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    /** The file system's write (a test gives one that fails as a full disk does). */
    private readonly write: (file: string, bytes: Uint8Array) => Promise<void> = writeFile,
  ) {
    this.ready = rm(dir, { recursive: true, force: true })
      .then(() => mkdir(dir, { recursive: true }))
      .then(() => undefined);
  }

  async put(id: string, bytes: Uint8Array, _ttlMs?: number, title?: string): Promise<void> {
    if (!uuid.test(id)) throw new Error(`not a result id: ${id}`);
    await this.ready;
    // Through a temporary name: a write that fails (a full disk) leaves nothing half-written.
    const file = join(this.dir, id);
    try {
      await this.write(`${file}.tmp`, bytes);
      await rename(`${file}.tmp`, file);
    } catch (error) {
      await rm(`${file}.tmp`, { force: true });
      throw error;
    }
    this.expiries.delete(id);
    this.expiries.set(id, this.now() + this.ttlMs);
    if (title) this.titles.set(id, title);
    await this.evict();
  }

  async get(id: string): Promise<Uint8Array | undefined> {
    const expiry = this.expiries.get(id);
    if (expiry === undefined || !uuid.test(id)) return undefined;
    if (expiry <= this.now()) {
      await this.drop(id);
      return undefined;
    }
    return readFile(join(this.dir, id)).catch(() => undefined);
  }

  async title(id: string): Promise<string | undefined> {
    return this.expiries.has(id) ? this.titles.get(id) : undefined;
  }

  get size(): number {
    return this.expiries.size;
  }

  private async evict(): Promise<void> {
    const now = this.now();
    for (const [id, expiry] of this.expiries) {
      if (this.expiries.size > this.maxEntries || expiry <= now) await this.drop(id);
      else break;
    }
  }

  private async drop(id: string): Promise<void> {
    this.expiries.delete(id);
    this.titles.delete(id);
    await rm(join(this.dir, id), { force: true });
  }
}
