// The history as versions before the per-entry layout kept it: one electron-store file,
// history.json, holding every entry with its whole response, and images in history-images/.
// Read once, brought into the new layout by HistoryStore, then removed. A file that cannot be
// read (truncated, empty, `entries` not a list) is kept aside under a name with the time.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { modes, type Mode } from '../../app/ipc.js';
import type { OcrResponse, TextCellInfo } from '../../app/protocol/index.js';
import { fileTime } from './history-log.js';

export interface LegacyEntry {
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

/** The last layout history.json had; older ones were brought up to it by `migrations`, in order. */
export const legacySchemaVersion = 1;
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

export type LegacyHistory =
  | { kind: 'none' }
  | { kind: 'entries'; entries: LegacyEntry[]; image: (id: string) => Uint8Array | undefined; remove: () => void }
  /** Not read: set aside under `keptAs`; `why` says what was wrong. */
  | { kind: 'set-aside'; keptAs: string; why: string };

const isEntry = (e: unknown): e is LegacyEntry => {
  const entry = e as Partial<LegacyEntry> | null;
  return (
    typeof entry?.id === 'string' &&
    /^[0-9a-f-]{36}$/.test(entry.id) &&
    typeof entry.text === 'string' &&
    modes.includes(entry.mode as Mode) &&
    typeof entry.createdAt === 'string'
  );
};

export function readLegacyHistory(dir: string, migrations: Record<number, Migration>, now: Date): LegacyHistory {
  const file = path.join(dir, 'history.json');
  if (!existsSync(file)) return { kind: 'none' };
  const setAside = (suffix: string, why: string): LegacyHistory => {
    const keptAs = `${file}.${suffix}`;
    renameSync(file, keptAs);
    return { kind: 'set-aside', keptAs, why };
  };
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not an object');
  } catch {
    return setAside(`damaged-${fileTime(now)}`, 'it is not complete JSON (cut short or empty)');
  }
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  if (version > legacySchemaVersion) {
    // Written by a newer version of the app: kept whole rather than misread.
    writeFileSync(`${file}.v${version}.bak`, JSON.stringify(data));
    rmSync(file);
    return {
      kind: 'set-aside',
      keptAs: `${file}.v${version}.bak`,
      why: `it was written by a newer version of OCR Assistant (layout ${version})`,
    };
  }
  for (; version < legacySchemaVersion; version++) {
    const step = migrations[version];
    if (step) data = step(data);
  }
  const entries = data.entries;
  if (!Array.isArray(entries) || !entries.every(isEntry))
    return setAside(`damaged-${fileTime(now)}`, 'its list of entries is missing or malformed');
  const images = path.join(dir, 'history-images');
  return {
    kind: 'entries',
    entries,
    image: (id) => {
      try {
        return readFileSync(path.join(images, `${id}.png`));
      } catch {
        return undefined;
      }
    },
    remove: () => {
      rmSync(file, { force: true });
      rmSync(images, { recursive: true, force: true });
    },
  };
}
