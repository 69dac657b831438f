// History and settings as a user relies on them: capped, searchable, deletable, kept across a
// restart; settings validated, the token never written in the clear.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/history/history-store.js';
import { SettingsStore, SettingsError } from '../../main/settings/settings-store.js';
import { defaultSettingsFor } from '../../app/ipc.js';

const defaultSettings = defaultSettingsFor('linux');
import type { Recognition } from '../../app/ipc.js';
import { FakeSecrets } from '../fakes/platform.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'ocr-main-store-'));

function recognition(text: string, minutesAgo = 0): Recognition {
  return {
    id: randomUUID(),
    mode: 'text',
    createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    image: Buffer.from(`png of ${text}`),
    width: 10,
    height: 10,
    text,
    lines: [{ words: text, pageIndex: 0, location: { left: 0, top: 0, width: 10, height: 10 } }],
    lang: 'eng',
    elapsedMs: 5,
    response: { id: randomUUID(), ocrType: 0, state: 2, result: { autoText: text } },
  };
}

describe('history', () => {
  it('keeps the newest entries up to the cap, and drops the images of the rest', () => {
    const folder = dir();
    const history = new HistoryStore(folder, 3);
    const added = ['one', 'two', 'three', 'four', 'five'].map((t) => history.add(recognition(t), 'data:image/png;base64,AA=='));
    expect(history.list().map((e) => e.title)).toEqual(['five', 'four', 'three']);
    expect(readdirSync(path.join(folder, 'history-images')).sort()).toEqual(added.slice(2).map((e) => `${e.id}.png`).sort());
    history.setLimit(2);
    expect(history.list().map((e) => e.title)).toEqual(['five', 'four']);
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

  it('re-opens an entry with its image, deletes one, clears all', () => {
    const history = new HistoryStore(dir(), 50);
    const first = recognition('first');
    history.add(first, '');
    const second = history.add(recognition('second'), '');
    const reopened = history.get(first.id)!;
    expect(reopened.text).toBe('first');
    expect(Buffer.from(reopened.image).toString()).toBe('png of first');
    history.delete(first.id);
    expect(history.get(first.id)).toBeUndefined();
    expect(history.list().map((e) => e.id)).toEqual([second.id]);
    history.clear();
    expect(history.list()).toEqual([]);
  });

  it('survives a restart of the app', () => {
    const folder = dir();
    const entry = recognition('kept across restarts');
    new HistoryStore(folder, 10).add(entry, 'data:image/png;base64,AA==');
    const reopened = new HistoryStore(folder, 10);
    expect(reopened.list()).toEqual([{ id: entry.id, mode: 'text', createdAt: entry.createdAt, title: 'kept across restarts', thumbnail: 'data:image/png;base64,AA==' }]);
    expect(reopened.get(entry.id)?.lines[0]?.words).toBe('kept across restarts');
  });

  it('sets aside a history written by a newer version instead of misreading it', () => {
    const folder = dir();
    writeFileSync(path.join(folder, 'history.json'), JSON.stringify({ schemaVersion: 99, entries: [{ strange: true }] }));
    const history = new HistoryStore(folder, 10);
    expect(history.list()).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(folder, 'history.json.v99.bak'), 'utf8')).entries).toEqual([{ strange: true }]);
  });

  it('brings an older layout up to date through its migrations', () => {
    const folder = dir();
    const old = recognition('from version 0');
    writeFileSync(path.join(folder, 'history.json'), JSON.stringify({ schemaVersion: 0, items: [{ ...old, image: undefined, thumbnail: '' }] }));
    const history = new HistoryStore(folder, 10, { 0: (data) => ({ entries: data.items }) });
    expect(history.list().map((e) => e.title)).toEqual(['from version 0']);
    expect(JSON.parse(readFileSync(path.join(folder, 'history.json'), 'utf8')).schemaVersion).toBe(1);
  });
});

describe('settings', () => {
  it('starts from the defaults and keeps changes across a restart', () => {
    const folder = dir();
    const settings = new SettingsStore(folder, new FakeSecrets(), 'linux');
    expect(settings.get()).toEqual(defaultSettings);
    settings.update({ mode: 'table', theme: 'dark', hotkeys: { capture: 'Alt+Shift+F9' } });
    const reopened = new SettingsStore(folder, new FakeSecrets(), 'linux').get();
    expect(reopened).toMatchObject({ mode: 'table', theme: 'dark', hotkeys: { capture: 'Alt+Shift+F9', clipboard: defaultSettings.hotkeys.clipboard } });
  });

  it('refuses values that do not validate, and changes nothing then', () => {
    const settings = new SettingsStore(dir(), new FakeSecrets(), 'linux');
    expect(() => settings.update({ historyLimit: 3 })).toThrow(SettingsError);
    expect(() => settings.update({ historyLimit: 3 })).toThrow(/historyLimit/);
    expect(settings.get().historyLimit).toBe(defaultSettings.historyLimit);
  });

  it('repairs a hand-edited file: bad values fall back to their defaults, good ones stay', () => {
    const folder = dir();
    writeFileSync(path.join(folder, 'settings.json'), JSON.stringify({ settings: { ...defaultSettings, theme: 'neon', mode: 'formula' } }));
    expect(new SettingsStore(folder, new FakeSecrets(), 'linux').get()).toMatchObject({ theme: 'system', mode: 'formula' });
  });

  it('keeps the remote token sealed by the keychain, never in the clear, and never in what the renderer gets', () => {
    const folder = dir();
    const settings = new SettingsStore(folder, new FakeSecrets(), 'linux');
    const updated = settings.update({ server: { kind: 'remote', url: 'https://ocr.example.com' }, serverToken: 'ocr_secret_token_123' });
    expect(updated.server).toEqual({ kind: 'remote', url: 'https://ocr.example.com', tokenSet: true });
    expect(JSON.stringify(updated)).not.toContain('ocr_secret_token_123');
    expect(readFileSync(path.join(folder, 'settings.json'), 'utf8')).not.toContain('ocr_secret_token_123');
    expect(new SettingsStore(folder, new FakeSecrets(), 'linux').serverToken()).toBe('ocr_secret_token_123');
  });

  it('refuses to store a token when the keychain is not available', () => {
    const secrets = new FakeSecrets();
    secrets.available = false;
    expect(() => new SettingsStore(dir(), secrets).update({ serverToken: 'x' })).toThrow(/keychain is not available/);
  });
});
