// Recognitions the user can find again: metadata in electron-store (written atomically by
// conf: a crash mid-write leaves the previous file whole), images as files beside it, written
// before the entry that names them, so an entry never points at a missing image.
import Store from 'electron-store';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { historyTitle, matchesHistoryQuery, type HistorySummary, type Mode, type Recognition } from '../../app/ipc.js';
import type { OcrResponse, TextCellInfo } from '../../app/protocol/index.js';

export interface HistoryEntry {
  id: string;
  mode: Mode;
  createdAt: string;
  text: string;
  lines: TextCellInfo[];
  lang?: string;
  width: number;
  height: number;
  elapsedMs: number;
  thumbnail: string;
  response: OcrResponse;
}

interface HistoryData {
  schemaVersion: number;
  entries: HistoryEntry[];
}

/** The layout written today. Older layouts are brought up to it by `migrations`, in order. */
export const historySchemaVersion = 1;
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

export class HistoryStore {
  private readonly store: Store<HistoryData>;
  private readonly imageDir: string;

  constructor(
    dir: string,
    private limit: number,
    migrations: Record<number, Migration> = {},
  ) {
    this.store = new Store<HistoryData>({ cwd: dir, name: 'history', defaults: { schemaVersion: historySchemaVersion, entries: [] }, clearInvalidConfig: false });
    this.imageDir = path.join(dir, 'history-images');
    mkdirSync(this.imageDir, { recursive: true });
    this.migrate(migrations);
  }

  setLimit(limit: number): void {
    this.limit = limit;
    this.trim(this.store.get('entries'));
  }

  add(recognition: Recognition, thumbnail: string): HistoryEntry {
    const entry: HistoryEntry = {
      id: recognition.id,
      mode: recognition.mode,
      createdAt: recognition.createdAt,
      text: recognition.text,
      lines: recognition.lines,
      lang: recognition.lang,
      width: recognition.width,
      height: recognition.height,
      elapsedMs: recognition.elapsedMs,
      thumbnail,
      response: recognition.response,
    };
    // The image first, through a temporary name: a crash leaves no half-written image.
    const imagePath = this.imagePath(entry.id);
    writeFileSync(`${imagePath}.tmp`, recognition.image);
    renameSync(`${imagePath}.tmp`, imagePath);
    this.trim([entry, ...this.store.get('entries').filter((e) => e.id !== entry.id)]);
    return entry;
  }

  /** Newest first; `query` matches the text, case- and width-insensitively. */
  list(query?: string, limit = 200): HistorySummary[] {
    return this.store
      .get('entries')
      .filter((e) => matchesHistoryQuery(e.text, query))
      .slice(0, limit)
      .map((e) => ({ id: e.id, mode: e.mode, createdAt: e.createdAt, title: historyTitle(e.text), thumbnail: e.thumbnail }));
  }

  get(id: string): Recognition | undefined {
    const entry = this.store.get('entries').find((e) => e.id === id);
    if (!entry) return undefined;
    let image: Uint8Array;
    try {
      image = readFileSync(this.imagePath(id));
    } catch {
      return undefined;
    }
    const { thumbnail: _thumbnail, ...rest } = entry;
    return { ...rest, image };
  }

  delete(id: string): void {
    this.store.set('entries', this.store.get('entries').filter((e) => e.id !== id));
    rmSync(this.imagePath(id), { force: true });
  }

  clear(): void {
    for (const entry of this.store.get('entries')) rmSync(this.imagePath(entry.id), { force: true });
    this.store.set('entries', []);
  }

  private trim(entries: HistoryEntry[]): void {
    const kept = entries.slice(0, this.limit);
    // The list is written before the dropped images go: a crash between the two leaves an
    // orphan file, never an entry without its image.
    this.store.set('entries', kept);
    for (const dropped of entries.slice(this.limit)) rmSync(this.imagePath(dropped.id), { force: true });
  }

  private imagePath(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('a history id is a UUID');
    return path.join(this.imageDir, `${id}.png`);
  }

  private migrate(migrations: Record<number, Migration>): void {
    const stored = this.store.store as unknown as Record<string, unknown>;
    let version = typeof stored.schemaVersion === 'number' ? stored.schemaVersion : 0;
    if (version > historySchemaVersion) {
      // Written by a newer version of the app: keep it aside rather than misread it.
      writeFileSync(`${this.store.path}.v${version}.bak`, JSON.stringify(stored));
      this.store.store = { schemaVersion: historySchemaVersion, entries: [] };
      return;
    }
    if (version === historySchemaVersion) return;
    let data = stored;
    for (; version < historySchemaVersion; version++) {
      const step = migrations[version];
      if (step) data = step(data);
    }
    this.store.store = { ...(data as unknown as HistoryData), schemaVersion: historySchemaVersion };
  }
}
