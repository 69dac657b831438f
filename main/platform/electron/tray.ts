import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { spawnSync } from 'node:child_process';
import type { MenuItemSpec, TrayIcon } from '../types.js';

const toElectron = (item: MenuItemSpec): MenuItemConstructorOptions => ({
  label: item.label,
  type: item.type,
  enabled: item.enabled,
  checked: item.checked,
  accelerator: item.accelerator,
  // Tray accelerators are labels only: the global hotkeys do the work.
  registerAccelerator: false,
  click: item.click ? () => item.click?.() : undefined,
  submenu: item.submenu?.map(toElectron),
});

/**
 * Whether the desktop shows tray icons. Electron's tray on Linux is a StatusNotifierItem, shown
 * only where a host owns `org.kde.StatusNotifierWatcher` on the session bus (KDE, Cinnamon,
 * XFCE...; stock GNOME has none without the AppIndicator extension). Without dbus-send to ask,
 * GNOME is taken to have none and other desktops to have one.
 */
function desktopShowsTrayIcons(): boolean {
  if (process.platform !== 'linux') return true;
  const args = [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus.NameHasOwner',
    'string:org.kde.StatusNotifierWatcher',
  ];
  const answer = spawnSync('dbus-send', args, { encoding: 'utf8', timeout: 2000 });
  if (answer.status === 0) return /boolean true/.test(answer.stdout);
  return !/gnome/i.test(process.env.XDG_CURRENT_DESKTOP ?? '');
}

export function electronTray(iconPath: string): TrayIcon {
  const tray = new Tray(nativeImage.createFromPath(iconPath).resize({ width: 22, height: 22 }));
  return {
    available: desktopShowsTrayIcons(),
    setMenu: (items) => tray.setContextMenu(Menu.buildFromTemplate(items.map(toElectron))),
    setToolTip: (text) => tray.setToolTip(text),
  };
}
