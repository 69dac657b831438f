// Settings as a user relies on them: kept across a restart, validated, repaired when edited by
// hand, the token never written in the clear.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore, SettingsError } from '../../main/settings/settings-store.js';
import { defaultSettingsFor } from '../../app/ipc.js';
import { FakeSecrets } from '../fakes/platform.js';

const defaultSettings = defaultSettingsFor('linux');
const dir = () => mkdtempSync(path.join(tmpdir(), 'ocr-main-store-'));

describe('settings', () => {
  it('starts from the defaults and keeps changes across a restart', () => {
    const folder = dir();
    const settings = new SettingsStore(folder, new FakeSecrets(), 'linux');
    expect(settings.get()).toEqual(defaultSettings);
    settings.update({ mode: 'table', theme: 'dark', hotkeys: { capture: 'Alt+Shift+F9' } });
    const reopened = new SettingsStore(folder, new FakeSecrets(), 'linux').get();
    expect(reopened).toMatchObject({
      mode: 'table',
      theme: 'dark',
      hotkeys: { capture: 'Alt+Shift+F9', clipboard: defaultSettings.hotkeys.clipboard },
    });
  });

  it('refuses values that do not validate, and changes nothing then', () => {
    const settings = new SettingsStore(dir(), new FakeSecrets(), 'linux');
    expect(() => settings.update({ historyLimit: 3 })).toThrow(SettingsError);
    expect(() => settings.update({ historyLimit: 3 })).toThrow(/historyLimit/);
    expect(settings.get().historyLimit).toBe(defaultSettings.historyLimit);
  });

  it('repairs a hand-edited file: bad values fall back to their defaults, good ones stay', () => {
    const folder = dir();
    writeFileSync(
      path.join(folder, 'settings.json'),
      JSON.stringify({ settings: { ...defaultSettings, theme: 'neon', mode: 'formula' } }),
    );
    expect(new SettingsStore(folder, new FakeSecrets(), 'linux').get()).toMatchObject({
      theme: 'system',
      mode: 'formula',
    });
  });

  it('keeps the remote token sealed by the keychain, never in the clear, and never in what the renderer gets', () => {
    const folder = dir();
    const settings = new SettingsStore(folder, new FakeSecrets(), 'linux');
    const updated = settings.update({
      server: { kind: 'remote', url: 'https://ocr.example.com' },
      serverToken: 'ocr_secret_token_123',
    });
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
