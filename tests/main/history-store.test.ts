// History as a user relies on it: capped, searchable, deletable, kept across a restart, and
// never the reason the app does not start: damage is set aside, the user told, nothing else lost.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/history/history-store.js';
import type { Recognition } from '../../app/ipc.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'ocr-history-'));
const entriesDir = (folder: string) => path.join(folder, 'history', 'entries');
const indexFile = (folder: string) => path.join(folder, 'history', 'index.jsonl');

function recognition(text: string, minutesAgo = 0): Recognition {
  const lines = [{ words: text, pageIndex: 0, location: { left: 0, top: 0, width: 10, height: 10 } }];
  return {
    id: randomUUID(),
    mode: 'text',
    createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    image: Buffer.from(`png of ${text}`),
    width: 10,
    height: 10,
    text,
    lines,
    lang: 'eng',
    elapsedMs: 5,
    response: {
      id: randomUUID(),
      ocrType: 0,
      state: 2,
      result: { autoText: text, verticalText: JSON.stringify(lines) },
    },

    rows: null,
    codes: [],
    formula: null,
  };
}

describe('history', () => {
  it('keeps the newest entries up to the cap, and drops the files of the rest', () => {
    const folder = dir();
    const history = new HistoryStore(folder, 3);
    const added = ['one', 'two', 'three', 'four', 'five'].map((t) =>
      history.add(recognition(t), 'data:image/png;base64,AA=='),
    );
    expect(history.list().map((e) => e.title)).toEqual(['five', 'four', 'three']);
    const ids = new Set(readdirSync(entriesDir(folder)).map((name) => name.slice(0, 36)));
    expect([...ids].sort()).toEqual(
      added
        .slice(2)
        .map((e) => e.id)
        .sort(),
    );
    history.setLimit(2);
    expect(history.list().map((e) => e.title)).toEqual(['five', 'four']);
    expect(new HistoryStore(folder, 2).list().map((e) => e.title)).toEqual(['five', 'four']);
  });

  it('finds entries by their text, ignoring case and full-width forms', () => {
    const history = new HistoryStore(dir(), 50);
    history.add(recognition('Invoice INV-2041\nTotal 12.50'), '');
    history.add(recognition('第二季度 报表'), '');
    history.add(recognition('error: cannot open file'), '');
    expect(history.list('inv-2041').map((e) => e.title)).toEqual(['Invoice INV-2041']);
    expect(history.list('ＩＮＶＯＩＣＥ')).toHaveLength(1);
    expect(history.list('报表').map((e) => e.title)).toEqual(['第二季度 报表']);
    expect(history.list('nothing like this')).toEqual([]);
  });

  it('re-opens an entry with its image, deletes one, clears all, and a restart agrees', () => {
    const folder = dir();
    const history = new HistoryStore(folder, 50);
    const first = recognition('first');
    history.add(first, '');
    const second = history.add(recognition('second'), '');
    const reopened = history.get(first.id)!;
    expect(reopened.text).toBe('first');
    expect(reopened.response).toEqual(first.response);
    expect(Buffer.from(reopened.image).toString()).toBe('png of first');
    history.delete(first.id);
    expect(history.get(first.id)).toBeUndefined();
    expect(history.list().map((e) => e.id)).toEqual([second.id]);
    expect(new HistoryStore(folder, 50).list().map((e) => e.id)).toEqual([second.id]);
    history.clear();
    expect(history.list()).toEqual([]);
    expect(new HistoryStore(folder, 50).list()).toEqual([]);
    expect(readdirSync(entriesDir(folder))).toEqual([]);
  });

  it('survives a restart of the app, thumbnail and all', () => {
    const folder = dir();
    const entry = recognition('kept across restarts');
    new HistoryStore(folder, 10).add(entry, 'data:image/png;base64,AA==');
    const reopened = new HistoryStore(folder, 10);
    expect(reopened.list()).toEqual([
      {
        id: entry.id,
        mode: 'text',
        createdAt: entry.createdAt,
        title: 'kept across restarts',
        thumbnail: 'data:image/png;base64,AA==',
      },
    ]);
    expect(reopened.get(entry.id)?.lines[0]?.words).toBe('kept across restarts');
    expect(reopened.problems).toEqual([]);
  });
});

describe('history after a crash', () => {
  it('drops the torn line of a killed write and the temporary and orphan files it left', () => {
    const folder = dir();
    const history = new HistoryStore(folder, 10);
    const kept = history.add(recognition('kept'), '');
    // Killed while appending the next entry's line, after writing some of its files.
    const orphan = randomUUID();
    appendFileSync(indexFile(folder), `{"op":"add","entry":{"id":"${orphan}","mo`);
    writeFileSync(path.join(entriesDir(folder), `${orphan}.png`), 'half an entry');
    writeFileSync(path.join(entriesDir(folder), `${randomUUID()}.json.tmp`), '{"lines":[');
    const reopened = new HistoryStore(folder, 10);
    expect(reopened.list().map((e) => e.id)).toEqual([kept.id]);
    expect(reopened.problems).toEqual([]);
    expect(readdirSync(entriesDir(folder)).every((name) => name.startsWith(kept.id))).toBe(true);
    // The next entry goes on a line of its own.
    const next = reopened.add(recognition('next'), '');
    expect(new HistoryStore(folder, 10).list().map((e) => e.id)).toEqual([next.id, kept.id]);
  });

  it('keeps what a damaged index still says, sets the damaged file aside and says so once', () => {
    const folder = dir();
    const history = new HistoryStore(folder, 10);
    const a = history.add(recognition('alpha'), '');
    appendFileSync(indexFile(folder), 'garbage that is not a record\n');
    const b = history.add(recognition('beta'), '');
    const reopened = new HistoryStore(folder, 10, { now: () => new Date('2026-12-01T10:20:30Z') });
    expect(reopened.list().map((e) => e.id)).toEqual([b.id, a.id]);
    expect(reopened.problems).toEqual([
      expect.stringMatching(
        /1 damaged line.*2 entries it still names are kept.*index\.jsonl\.damaged-2026-12-01T10-20-30Z/,
      ),
    ]);
    expect(existsSync(path.join(folder, 'history', 'index.jsonl.damaged-2026-12-01T10-20-30Z'))).toBe(true);
    expect(new HistoryStore(folder, 10).problems).toEqual([]);
  });
});

describe('a history.json from earlier versions', () => {
  function legacyFolder(entries: Recognition[]) {
    const folder = dir();
    mkdirSync(path.join(folder, 'history-images'));
    for (const e of entries) writeFileSync(path.join(folder, 'history-images', `${e.id}.png`), e.image);
    const stored = entries.map(({ image: _image, ...rest }) => ({ ...rest, thumbnail: 'data:image/png;base64,AA==' }));
    writeFileSync(path.join(folder, 'history.json'), JSON.stringify({ schemaVersion: 1, entries: stored }));
    return folder;
  }

  it('is brought into the new layout, newest first, and removed', () => {
    const newer = recognition('newer');
    const older = recognition('older', 5);
    const folder = legacyFolder([newer, older]);
    const history = new HistoryStore(folder, 10);
    expect(history.list().map((e) => e.title)).toEqual(['newer', 'older']);
    expect(Buffer.from(history.get(older.id)!.image).toString()).toBe('png of older');
    expect(history.problems).toEqual([]);
    expect(existsSync(path.join(folder, 'history.json'))).toBe(false);
    expect(existsSync(path.join(folder, 'history-images'))).toBe(false);
    expect(new HistoryStore(folder, 10).list().map((e) => e.title)).toEqual(['newer', 'older']);
  });

  it('brings an older layout up to date through its migrations first', () => {
    const folder = dir();
    const old = recognition('from version 0');
    mkdirSync(path.join(folder, 'history-images'));
    writeFileSync(path.join(folder, 'history-images', `${old.id}.png`), old.image);
    writeFileSync(
      path.join(folder, 'history.json'),
      JSON.stringify({ schemaVersion: 0, items: [{ ...old, image: undefined, thumbnail: '' }] }),
    );
    const history = new HistoryStore(folder, 10, { legacyMigrations: { 0: (data) => ({ entries: data.items }) } });
    expect(history.list().map((e) => e.title)).toEqual(['from version 0']);
  });

  it('sets aside one written by a newer version instead of misreading it', () => {
    const folder = dir();
    writeFileSync(
      path.join(folder, 'history.json'),
      JSON.stringify({ schemaVersion: 99, entries: [{ strange: true }] }),
    );
    const history = new HistoryStore(folder, 10);
    expect(history.list()).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(folder, 'history.json.v99.bak'), 'utf8')).entries).toEqual([
      { strange: true },
    ]);
    expect(history.problems).toEqual([expect.stringMatching(/newer version/)]);
  });

  it.each([
    ['cut short', '{"schemaVersion":1,"entries":[{"id":"0b9f'],
    ['empty', ''],
    ['without a list of entries', '{"schemaVersion":1,"entries":null}'],
  ])('sets aside one that is %s, keeps it named with the time, and starts empty', (_shape, content) => {
    const folder = dir();
    writeFileSync(path.join(folder, 'history.json'), content);
    const history = new HistoryStore(folder, 10, { now: () => new Date('2026-12-01T08:00:00Z') });
    expect(history.list()).toEqual([]);
    expect(history.problems).toEqual([
      expect.stringMatching(
        /^The history could not be read: .* It is kept as history\.json\.damaged-2026-12-01T08-00-00Z/,
      ),
    ]);
    expect(readFileSync(path.join(folder, 'history.json.damaged-2026-12-01T08-00-00Z'), 'utf8')).toBe(content);
    // And it works from then on.
    const entry = history.add(recognition('after the damage'), '');
    expect(new HistoryStore(folder, 10).list().map((e) => e.id)).toEqual([entry.id]);
  });
});
