// Every window of the app, made the same safe way: context isolation and the sandbox on, no
// Node in the page, our preload only, our own origin only (navigation and new windows refused).
import { BrowserWindow, screen, shell, type WebContents } from 'electron';
import type { DisplayInfo, WindowHost } from '../types.js';
import { eventChannels } from '../../../app/ipc.js';

export const appOrigin = 'app://ocr';

export interface WindowPaths {
  preload: string;
}

function secureWindow(paths: WindowPaths, options: Electron.BrowserWindowConstructorOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  hardenContents(window.webContents);
  return window;
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${appOrigin}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the user's browser, never inside the app.
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export class ElectronWindows implements WindowHost {
  private overlays = new Map<number, { window: BrowserWindow; displayId: number }>();
  private main: BrowserWindow | undefined;

  constructor(private readonly paths: WindowPaths) {}

  isOurs(webContentsId: number): boolean {
    return this.overlays.has(webContentsId) || this.main?.webContents.id === webContentsId;
  }

  openOverlays(displays: DisplayInfo[]): void {
    this.closeOverlays();
    for (const display of displays) {
      const window = secureWindow(this.paths, {
        ...display.bounds,
        frame: false,
        transparent: false,
        resizable: false,
        movable: false,
        fullscreenable: false,
        skipTaskbar: true,
        alwaysOnTop: true,
        enableLargerThanScreen: true,
        show: false,
      });
      window.setAlwaysOnTop(true, 'screen-saver');
      // Set again after creation: some window managers place a new window by their own rules.
      window.setBounds(display.bounds);
      this.overlays.set(window.webContents.id, { window, displayId: display.id });
      void window.loadURL(`${appOrigin}/index.html#/overlay`);
      window.once('ready-to-show', () => {
        window.show();
        // Focus the overlay under the pointer, so Esc and the arrow keys reach it.
        if (screen.getDisplayNearestPoint(screen.getCursorScreenPoint()).id === display.id) window.focus();
      });
    }
  }

  closeOverlays(): void {
    for (const { window } of this.overlays.values()) if (!window.isDestroyed()) window.destroy();
    this.overlays.clear();
  }

  overlayDisplay(webContentsId: number): number | undefined {
    return this.overlays.get(webContentsId)?.displayId;
  }

  showResult(): void {
    this.show('result');
  }

  showPage(page: 'history' | 'settings'): void {
    this.show(page);
  }

  broadcast(channel: string, payload: unknown): void {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed() && this.isOurs(window.webContents.id)) window.webContents.send(channel, payload);
    }
  }

  private show(route: string): void {
    if (!this.main || this.main.isDestroyed()) {
      this.main = secureWindow(this.paths, {
        width: 1100,
        height: 760,
        minWidth: 640,
        minHeight: 420,
        show: false,
        title: 'OCR Assistant',
      });
      this.main.once('ready-to-show', () => this.main?.show());
      this.main.on('closed', () => (this.main = undefined));
      void this.main.loadURL(`${appOrigin}/index.html#/${route}`);
      return;
    }
    this.main.webContents.send(eventChannels.onNavigate, route);
    this.main.show();
    this.main.focus();
  }
}
