import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
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

export function electronTray(iconPath: string): TrayIcon {
  const tray = new Tray(nativeImage.createFromPath(iconPath).resize({ width: 22, height: 22 }));
  return {
    setMenu: (items) => tray.setContextMenu(Menu.buildFromTemplate(items.map(toElectron))),
    setToolTip: (text) => tray.setToolTip(text),
  };
}
