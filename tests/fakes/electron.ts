// A fake `electron` module for tests (vitest aliases `electron` here): just enough of the API
// that main/ and electron-store touch, recording what was asked of it. The real binary cannot
// be downloaded in this workplace, and no test may need it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Listener = (...args: unknown[]) => unknown;

let userData = mkdtempSync(path.join(tmpdir(), 'ocr-fake-electron-'));

export const app = {
  getPath: (_name: string) => userData,
  getVersion: () => '0.1.0',
  /** Tests point userData elsewhere (a fresh "machine", or the same one after a restart). */
  setUserDataForTest(dir: string) {
    userData = dir;
  },
};

class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, handler: Listener) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: Listener) {
    this.listeners.set(channel, listener);
    return this;
  }
}
export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  readonly subscriptions = new Map<string, Set<Listener>>();
  async invoke(channel: string, ...args: unknown[]) {
    this.invoked.push({ channel, args });
    return { ok: true, value: channel };
  }
  on(channel: string, listener: Listener) {
    if (!this.subscriptions.has(channel)) this.subscriptions.set(channel, new Set());
    this.subscriptions.get(channel)!.add(listener);
    return this;
  }
  removeListener(channel: string, listener: Listener) {
    this.subscriptions.get(channel)?.delete(listener);
    return this;
  }
  emit(channel: string, payload: unknown) {
    for (const listener of this.subscriptions.get(channel) ?? []) listener({ sender: 'main' }, payload);
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

/** Reversible and obviously fake: what matters to tests is that plain text is not stored. */
export const safeStorage = {
  available: true,
  isEncryptionAvailable() {
    return this.available;
  },
  encryptString(plain: string) {
    return Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`);
  },
  decryptString(sealed: Buffer) {
    const text = sealed.toString();
    if (!text.startsWith('sealed:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(7), 'base64').toString();
  },
};

export default { app, ipcMain, ipcRenderer, contextBridge, safeStorage };
