// The Electron main process: wiring only (DESIGN rule 4). One instance; the tray is the app.
import { app, ipcMain } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppController } from './controller.js';
import { registerHandlers, trustOurWindows } from './ipc/handlers.js';
import { checkTranslator, startEmbeddedServer } from './server/embedded.js';
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
import { chromiumFeatures, launchAction } from './startup/launch.js';
import { desktopPlatformOf } from '../app/ipc.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const resources = {
  preload: path.join(here, 'preload.cjs'),
  renderer: path.join(here, '../renderer'),
  icon: path.join(here, '../../build/icon.png'),
};

// A second launch hands its command line (--capture, --clipboard) to the first and ends.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const features = chromiumFeatures(
    desktopPlatformOf(process.platform),
    process.env,
    app.commandLine.getSwitchValue('enable-features'),
  );
  if (features) app.commandLine.appendSwitch('enable-features', features);
  registerAppScheme();
  let controller: AppController | undefined;
  let trayShown = true;
  const windows = new ElectronWindows({ preload: resources.preload });

  app.on('second-instance', (_event, argv) => controller?.launch(launchAction(argv)));
  // macOS: a click on the Dock icon with no window open.
  app.on('activate', () => controller?.launch('show'));
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  // The tray keeps the app alive with no window open; where there is no tray, the window is the app.
  app.on('window-all-closed', () => {
    if (!trayShown) app.quit();
  });

  void app.whenReady().then(() => {
    serveRenderer(resources.renderer);
    const tray = electronTray(resources.icon);
    trayShown = tray.available;
    controller = new AppController(
      {
        displays: electronDisplays,
        screen: electronScreenCapture,
        clipboard: electronClipboard,
        hotkeys: electronHotkeys,
        tray,
        notifier: electronNotifier,
        secrets: electronSecrets,
        power: electronPower,
        files: electronFileSaver,
        windows,
      },
      {
        userData: app.getPath('userData'),
        startEmbedded: (options) => startEmbeddedServer(app.getPath('userData'), options),
        checkTranslator,
        quit: () => app.quit(),
        log: (m) => console.error(m),
      },
    );
    registerHandlers(
      ipcMain,
      controller.handlers(),
      trustOurWindows(appOrigin, (id) => windows.isOurs(id)),
      (m) => console.warn(m),
    );
    controller.start();
    const action = launchAction(process.argv);
    if (action !== 'show') controller.launch(action);
  });

  app.on('will-quit', (event) => {
    if (!controller) return;
    event.preventDefault();
    const stopping = controller;
    controller = undefined;
    void stopping.stop().finally(() => app.quit());
  });
}
