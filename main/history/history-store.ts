// Recognitions the user can find again. A small index (history-log.ts: id, mode, time, text,
// appended line by line) says what there is; each entry's image, thumbnail and detail lie in
// files of their own (entry-files.ts), written before the index line that names them. So adding
// costs the same at 5000 entries as at 5, and a killed write loses at most the entry being added.
//
// Damage never stops the app: a damaged index is copied aside (named with the time) and what it
// still says is kept; a damaged history.json from before this layout is set aside whole. Either
// way the app starts, and `problems` says what happened, for the user to be told once.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  historyTitle,
  matchesHistoryQuery,
  recognitionOf,
  type HistorySummary,
  type Recognition,
} from '../../app/ipc.js';
import { EntryFiles } from './entry-files.js';
import { HistoryLog, type IndexEntry } from './history-log.js';
import { readLegacyHistory, type LegacyEntry, type Migration } from './legacy-history.js';

export type { Migration } from './legacy-history.js';

export interface HistoryOptions {
  /** Steps that bring an old history.json up to its last layout (see legacy-history.ts). */
  legacyMigrations?: Record<number, Migration>;
  now?: () => Date;
}

export class HistoryStore {
  private readonly log: HistoryLog;
  private readonly files: EntryFiles;
  /** Newest first. */
  private entries: IndexEntry[] = [];
  /** What went wrong while opening, in words for the user (each said once, by the app). */
  readonly problems: string[] = [];

  constructor(
    dir: string,
    private limit: number,
    options: HistoryOptions = {},
  ) {
    const now = options.now ?? (() => new Date());
    const root = path.join(dir, 'history');
    mkdirSync(root, { recursive: true });
    this.log = new HistoryLog(path.join(root, 'index.jsonl'));
    this.files = new EntryFiles(path.join(root, 'entries'));
    this.open(now());
    this.importLegacy(dir, options.legacyMigrations ?? {}, now());
    this.trim();
  }

  setLimit(limit: number): void {
    this.limit = limit;
    this.trim();
  }

  add(recognition: Recognition, thumbnail: string): IndexEntry {
    const entry: IndexEntry = {
      id: recognition.id,
      mode: recognition.mode,
      createdAt: recognition.createdAt,
      text: recognition.text,
    };
    const { lang, width, height, elapsedMs, response, mode } = recognition;
    this.files.write(entry.id, {
      image: recognition.image,
      thumbnail,
      detail: { lang, width, height, elapsedMs, response, mode },
    });
    this.log.append({ op: 'add', entry });
    this.entries = [entry, ...this.entries.filter((e) => e.id !== entry.id)];
    this.trim();
    return entry;
  }

  /** Newest first; `query` matches the text, case- and width-insensitively. */
  list(query?: string, limit = 200): HistorySummary[] {
    const found: HistorySummary[] = [];
    for (const e of this.entries) {
      if (found.length >= limit) break;
      if (!matchesHistoryQuery(e.text, query)) continue;
      found.push({
        id: e.id,
        mode: e.mode,
        createdAt: e.createdAt,
        title: historyTitle(e.text),
        thumbnail: this.files.thumbnail(e.id),
      });
    }
    return found;
  }

  get(id: string): Recognition | undefined {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) return undefined;
    const detail = this.files.detail(id);
    const image = this.files.image(id);
    if (!detail || !image) return undefined;
    return recognitionOf(
      detail.response,
      { bytes: image, width: detail.width, height: detail.height },
      { id, mode: entry.mode, createdAt: entry.createdAt, elapsedMs: detail.elapsedMs },
    );
  }

  delete(id: string): void {
    this.log.append({ op: 'delete', id });
    this.entries = this.entries.filter((e) => e.id !== id);
    this.files.remove(id);
  }

  clear(): void {
    this.log.append({ op: 'clear' });
    for (const entry of this.entries) this.files.remove(entry.id);
    this.entries = [];
  }

  get size(): number {
    return this.entries.length;
  }

  /** Reads the index, repairs what a killed write or damage left, sweeps files no entry names. */
  private open(now: Date): void {
    const contents = this.log.read();
    this.entries = contents.entries.reverse();
    if (contents.damagedLines) {
      const keptAs = this.log.setAside(now);
      this.problems.push(
        `Part of the history index could not be read (${contents.damagedLines} damaged line${contents.damagedLines === 1 ? '' : 's'}); ` +
          `the ${this.entries.length} entries it still names are kept, and the damaged file is kept as ${path.basename(keptAs)}.`,
      );
    }
    // A torn last line must go before anything is appended after it; dead lines go when they outnumber live ones.
    if (contents.damagedLines || contents.tornTail || contents.records > 2 * this.entries.length + 100)
      this.log.compact([...this.entries].reverse());
    this.files.sweep(new Set(this.entries.map((e) => e.id)));
  }

  /** Brings a history.json of earlier versions into this layout, once. */
  private importLegacy(dir: string, migrations: Record<number, Migration>, now: Date): void {
    const legacy = readLegacyHistory(dir, migrations, now);
    if (legacy.kind === 'set-aside') {
      this.problems.push(
        `The history could not be read: ${legacy.why}. It is kept as ${path.basename(legacy.keptAs)}, and a new history has begun.`,
      );
      return;
    }
    if (legacy.kind === 'none') return;
    // history.json lists newest first; the log is appended oldest first.
    for (const old of [...legacy.entries].reverse()) {
      const image = legacy.image(old.id);
      if (image) this.importEntry(old, image);
    }
    legacy.remove();
  }

  private importEntry(old: LegacyEntry, image: Uint8Array): void {
    const { thumbnail, id, mode, createdAt, text, lang, width, height, elapsedMs, response } = old;
    this.files.write(id, { image, thumbnail, detail: { lang, width, height, elapsedMs, response, mode } });
    const entry: IndexEntry = { id, mode, createdAt, text };
    this.log.append({ op: 'add', entry });
    this.entries = [entry, ...this.entries.filter((e) => e.id !== id)];
  }

  /** Past the cap, the oldest entries go: their index lines first, then their files. */
  private trim(): void {
    while (this.entries.length > this.limit) {
      const dropped = this.entries.pop()!;
      this.log.append({ op: 'delete', id: dropped.id });
      this.files.remove(dropped.id);
    }
  }
}
