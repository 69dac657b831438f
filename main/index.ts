// The Electron main process: wiring only (DESIGN rule 4). One instance; the tray is the app.
import { app, ipcMain } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppController } from './controller.js';
import { registerHandlers, trustOurWindows } from './ipc/handlers.js';
import { startEmbeddedServer } from './server/embedded.js';
import { electronDisplays } from './platform/electron/displays.js';
import { electronScreenCapture } from './platform/electron/screen-capture.js';
import { electronClipboard } from './platform/electron/clipboard.js';
import { electronHotkeys } from './platform/electron/hotkeys.js';
import { electronTray } from './platform/electron/tray.js';
import { electronNotifier } from './platform/electron/notifier.js';
import { electronSecrets } from './platform/electron/secrets.js';
import { electronPower } from './platform/electron/power.js';
import { electronFileSaver } from './platform/electron/file-saver.js';
import { ElectronWindows, appOrigin, hardenContents } from './platform/electron/windows.js';
import { registerAppScheme, serveRenderer } from './platform/electron/app-protocol.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const resources = { preload: path.join(here, 'preload.cjs'), renderer: path.join(here, '../renderer'), icon: path.join(here, '../../build/icon.png') };

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Wayland: capture through the desktop portal (PipeWire) rather than failing on X11 APIs.
  if (process.platform === 'linux' && process.env.XDG_SESSION_TYPE === 'wayland') app.commandLine.appendSwitch('enable-features', 'WebRTCPipeWireCapturer');
  registerAppScheme();
  let controller: AppController | undefined;
  const windows = new ElectronWindows({ preload: resources.preload });

  // A second launch shows the first instance instead of starting another.
  app.on('second-instance', () => windows.showResult());
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  // The tray keeps the app alive with no window open.
  app.on('window-all-closed', () => undefined);

  void app.whenReady().then(() => {
    serveRenderer(resources.renderer);
    controller = new AppController(
      {
        displays: electronDisplays,
        screen: electronScreenCapture,
        clipboard: electronClipboard,
        hotkeys: electronHotkeys,
        tray: electronTray(resources.icon),
        notifier: electronNotifier,
        secrets: electronSecrets,
        power: electronPower,
        files: electronFileSaver,
        windows,
      },
      { userData: app.getPath('userData'), startEmbedded: (readingLanguage) => startEmbeddedServer(app.getPath('userData'), readingLanguage), quit: () => app.quit(), log: (m) => console.error(m) },
    );
    registerHandlers(ipcMain, controller.handlers(), trustOurWindows(appOrigin, (id) => windows.isOurs(id)), (m) => console.warn(m));
    controller.start();
  });

  app.on('will-quit', (event) => {
    if (!controller) return;
    event.preventDefault();
    const stopping = controller;
    controller = undefined;
    void stopping.stop().finally(() => app.quit());
  });
}
