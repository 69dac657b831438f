// A stand-in for the `electron` module, for booting the built main process (out/main/index.js)
// under plain Node: the Electron binary cannot be downloaded here. Plain JavaScript, so any Node
// runs it without a compiler. It keeps what the app asks of Electron and reports it to the test
// over the IPC channel of the process (fork), and takes the test's commands the same way: press a
// hotkey, invoke an IPC channel as one of the app's windows, fetch an app:// URL, read the
// clipboard, quit. Only what main/ and electron-store touch is here.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const report = (message) => process.send?.(message);
const userData = process.env.STAND_IN_USER_DATA;
if (!userData) throw new Error('the electron stand-in needs STAND_IN_USER_DATA');

/** The PNG the "screen" shows; the test changes it between captures. */
let screenPng = process.env.STAND_IN_SCREEN ? readFileSync(process.env.STAND_IN_SCREEN) : undefined;
const pngSize = (png) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

class StandInApp extends EventEmitter {
  commandLine = {
    switches: [],
    appendSwitch: (name, value) => {
      this.commandLine.switches.push({ name, value });
      report({ kind: 'switch', name, value });
    },
    getSwitchValue: (name) => this.commandLine.switches.findLast((s) => s.name === name)?.value ?? '',
    hasSwitch: (name) => this.commandLine.switches.some((s) => s.name === name),
  };
  isPackaged = false;
  #ready = false;
  requestSingleInstanceLock() {
    return true;
  }
  getPath(name) {
    return name === 'userData' ? userData : `${userData}/${name}`;
  }
  getVersion() {
    return '0.1.0';
  }
  getName() {
    return 'OCR Assistant';
  }
  getLocale() {
    return 'en-US';
  }
  whenReady() {
    if (!this.#ready) {
      this.#ready = true;
      setImmediate(() => this.emit('ready'));
    }
    return new Promise((resolve) => setImmediate(resolve));
  }
  /** As Electron does: will-quit may be prevented; otherwise the process ends. */
  quit() {
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.emit('quit');
    report({ kind: 'quit' });
    setImmediate(() => process.exit(0));
  }
  exit(code = 0) {
    process.exit(code);
  }
}
export const app = new StandInApp();

class IpcMain extends EventEmitter {
  handlers = new Map();
  handle(channel, handler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel) {
    this.handlers.delete(channel);
  }
}
export const ipcMain = new IpcMain();

const schemes = new Map();
export const protocol = {
  registerSchemesAsPrivileged(list) {
    report({ kind: 'schemes', schemes: list.map((s) => s.scheme) });
  },
  handle(scheme, handler) {
    schemes.set(scheme, handler);
  },
};

/** Electron's net.fetch reads file: URLs; a missing file rejects, as Chromium's network stack does. */
export const net = {
  async fetch(url) {
    if (!url.startsWith('file:')) return globalThis.fetch(url);
    const bytes = await readFile(fileURLToPath(url));
    const type = url.endsWith('.html')
      ? 'text/html'
      : url.endsWith('.js')
        ? 'text/javascript'
        : url.endsWith('.css')
          ? 'text/css'
          : 'application/octet-stream';
    return new Response(bytes, { status: 200, headers: { 'content-type': type } });
  },
};

let nextContentsId = 1;
class WebContents extends EventEmitter {
  id = nextContentsId++;
  url = '';
  sent = [];
  send(channel, payload) {
    this.sent.push(channel);
    report({ kind: 'sent', window: this.id, channel, payload: summarize(payload) });
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
  getURL() {
    return this.url;
  }
}

const windows = new Set();
export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...windows];
  }
  webContents = new WebContents();
  #destroyed = false;
  constructor(options = {}) {
    super();
    this.options = options;
    windows.add(this);
    app.emit('web-contents-created', {}, this.webContents);
    report({ kind: 'window-created', window: this.webContents.id, webPreferences: options.webPreferences });
  }
  async loadURL(url) {
    this.webContents.url = url;
    report({ kind: 'window-loaded', window: this.webContents.id, url });
    setImmediate(() => this.emit('ready-to-show'));
  }
  show() {
    report({ kind: 'window-shown', window: this.webContents.id, url: this.webContents.url });
  }
  focus() {}
  hide() {}
  setAlwaysOnTop() {}
  setBounds() {}
  isDestroyed() {
    return this.#destroyed;
  }
  isVisible() {
    return !this.#destroyed;
  }
  destroy() {
    this.#destroyed = true;
    windows.delete(this);
    report({ kind: 'window-closed', window: this.webContents.id });
    this.emit('closed');
    // As Electron: the last window closed, the app decides whether to quit.
    if (!windows.size) app.emit('window-all-closed');
  }
  close() {
    this.destroy();
  }
}

export const nativeImage = {
  createFromPath(file) {
    return { path: file, resize: () => ({ path: file }), isEmpty: () => false };
  },
  createFromBuffer(buffer) {
    return { toPNG: () => buffer, getSize: () => pngSize(buffer), isEmpty: () => false };
  },
};

export class Tray {
  constructor(image) {
    report({ kind: 'tray', icon: image.path });
  }
  setContextMenu(menu) {
    const items = menu.items.map((item) => ({
      label: item.label,
      accelerator: item.accelerator,
      enabled: item.enabled !== false,
    }));
    report({ kind: 'tray-menu', labels: items.map((item) => item.label), items });
  }
  setToolTip(text) {
    report({ kind: 'tray-tooltip', text });
  }
}

export const Menu = {
  buildFromTemplate(template) {
    return { items: template };
  },
};

const shortcuts = new Map();
export const globalShortcut = {
  register(accelerator, callback) {
    shortcuts.set(accelerator, callback);
    report({ kind: 'hotkey-registered', accelerator });
    return true;
  },
  isRegistered: (accelerator) => shortcuts.has(accelerator),
  unregisterAll() {
    shortcuts.clear();
  },
};

export const screen = Object.assign(new EventEmitter(), {
  getAllDisplays() {
    const { width, height } = screenPng ? pngSize(screenPng) : { width: 1280, height: 800 };
    return [{ id: 1, bounds: { x: 0, y: 0, width, height }, scaleFactor: 1 }];
  },
  getCursorScreenPoint: () => ({ x: 10, y: 10 }),
  getDisplayNearestPoint() {
    return screen.getAllDisplays()[0];
  },
});

export const desktopCapturer = {
  async getSources() {
    if (!screenPng) return [];
    const thumbnail = nativeImage.createFromBuffer(screenPng);
    return [{ id: 'screen:1:0', name: 'Entire screen', display_id: '1', thumbnail }];
  },
};

let clipboardItems = [];
export class ClipboardItem {
  constructor(data) {
    this.data = data;
    this.types = Object.keys(data);
  }
  async getType(type) {
    const value = this.data[type];
    return value instanceof Blob ? value : new Blob([value], { type });
  }
}
export const clipboard = {
  async read() {
    return clipboardItems;
  },
  async write(items) {
    clipboardItems = items;
    report({
      kind: 'clipboard',
      data: Object.fromEntries(
        items.flatMap((item) => Object.entries(item.data).map(([type, value]) => [type, String(value)])),
      ),
    });
  },
  readText() {
    return String(clipboardItems[0]?.data['text/plain'] ?? '');
  },
};

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    report({ kind: 'notification', title: this.options.title, body: this.options.body });
  }
}

export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
  decryptString: (sealed) => Buffer.from(sealed.toString().slice(7), 'base64').toString(),
};

export const powerMonitor = new EventEmitter();
export const dialog = { showSaveDialog: async () => ({ canceled: true }) };
export const shell = { openExternal: async () => undefined };
export const systemPreferences = { getMediaAccessStatus: () => 'granted' };

/** Big payloads (images, whole responses) are not worth sending to the test. */
function summarize(payload) {
  const shorten = (_key, value) => {
    if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    if (value?.type === 'Buffer' && Array.isArray(value.data)) return `[${value.data.length} bytes]`;
    if (typeof value === 'string' && value.length > 4000) return `${value.slice(0, 4000)}…`;
    return value;
  };
  return JSON.parse(JSON.stringify(payload ?? null, shorten));
}

// The test's commands. Each answers { reply: id, value } or { reply: id, error }.
const commands = {
  pressHotkey({ accelerator }) {
    const callback = shortcuts.get(accelerator);
    if (!callback)
      throw new Error(`no hotkey ${accelerator} is registered (registered: ${[...shortcuts.keys()].join(', ')})`);
    callback();
  },
  /** An IPC invoke as the window with this web contents id, showing this URL. */
  async invoke({ channel, arg, window, url }) {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return summarize(await handler({ sender: { id: window }, senderFrame: { url } }, arg));
  },
  async fetchApp({ url }) {
    const handler = schemes.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`no handler for ${url}`);
    const response = await handler(new Request(url));
    const body = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      text: body.toString('utf8', 0, Math.min(body.length, 4000)),
      bytes: body.length,
    };
  },
  setScreen({ file }) {
    screenPng = readFileSync(file);
  },
  clipboardText: () => clipboard.readText(),
  /** Another launch of the app, as Electron reports it to the first instance. */
  secondInstance({ argv }) {
    app.emit('second-instance', {}, ['/opt/OCR Assistant/ocr-assistant', ...argv], process.cwd());
  },
  /** The user closes every window. */
  closeAllWindows() {
    for (const window of BrowserWindow.getAllWindows()) window.close();
  },
  quit() {
    setImmediate(() => app.quit());
  },
};

process.on('message', async (message) => {
  if (!message || typeof message !== 'object' || !('command' in message)) return;
  try {
    const value = await commands[message.command](message);
    report({ reply: message.id, value });
  } catch (error) {
    report({ reply: message.id, error: error.message });
  }
});

export default {
  app,
  ipcMain,
  protocol,
  net,
  BrowserWindow,
  nativeImage,
  Tray,
  Menu,
  globalShortcut,
  screen,
  desktopCapturer,
  ClipboardItem,
  clipboard,
  Notification,
  safeStorage,
  powerMonitor,
  dialog,
  shell,
  systemPreferences,
};
