// History in the browser build: each recognition kept in IndexedDB with its thumbnail, newest
// first, capped by Settings' limit. Entries are read back through recognitionOf, so those kept
// by earlier versions (without the parsed rows and codes) open like new ones.
import {
  historyTitle,
  matchesHistoryQuery,
  recognitionOf,
  type HistorySummary,
  type Recognition,
} from '../../app/ipc.js';
import { thumbnail } from './canvas-png.js';
import { EntryStore } from './idb.js';

type StoredEntry = Recognition & { thumbnail: string };

export class WebHistory {
  private readonly store = new EntryStore<StoredEntry>('ocr-assistant-history');

  /** Keeps a recognition; past `limit` entries, the oldest go. */
  async add(recognition: Recognition, limit: number): Promise<void> {
    await this.store.put({ ...recognition, thumbnail: await thumbnail(recognition.image) });
    const entries = (await this.store.all()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    for (const entry of entries.slice(limit)) await this.store.delete(entry.id);
  }

  async list(query?: string, limit = 200): Promise<HistorySummary[]> {
    return (await this.store.all())
      .filter((e) => matchesHistoryQuery(e.text, query))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit)
      .map((e) => ({
        id: e.id,
        mode: e.mode,
        createdAt: e.createdAt,
        title: historyTitle(e.text),
        thumbnail: e.thumbnail,
      }));
  }

  async get(id: string): Promise<Recognition | undefined> {
    const entry = await this.store.get(id);
    if (!entry) return undefined;
    const { response, image, width, height, mode, createdAt, elapsedMs } = entry;
    return recognitionOf(response, { bytes: image, width, height }, { id, mode, createdAt, elapsedMs });
  }

  delete(id: string): Promise<void> {
    return this.store.delete(id);
  }

  clear(): Promise<void> {
    return this.store.clear();
  }
}
