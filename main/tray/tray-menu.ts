// The tray menu as data: what it says depends on the mode, the hotkeys, today's quota and the
// app's language.
import { modes, type Mode, type QuotaView, type Settings } from '../../app/ipc.js';
import type { MenuItemSpec } from '../platform/types.js';
import { trayLabels, type TrayLabels } from './tray-labels.js';

export interface TrayActions {
  capture(): void;
  recognizeClipboard(): void;
  setMode(mode: Mode): void;
  showHistory(): void;
  showSettings(): void;
  quit(): void;
}

/** `Used today N · Left M`, or why it is not known. */
export function quotaLabel(view: QuotaView | undefined, labels: TrayLabels = trayLabels('en')): string {
  if (!view) return labels.quotaChecking;
  if (view.quota) return labels.quota(view.quota.TodayCount, view.quota.LimitCount);
  return labels.quotaUnknown(view.error ?? labels.noAnswer);
}

export function trayMenu(settings: Settings, quota: QuotaView | undefined, actions: TrayActions): MenuItemSpec[] {
  const labels = trayLabels(settings.language);
  return [
    { label: labels.capture, accelerator: settings.hotkeys.capture, click: actions.capture },
    { label: labels.clipboard, accelerator: settings.hotkeys.clipboard, click: actions.recognizeClipboard },
    {
      label: `${labels.mode}: ${labels.modes[settings.mode]}`,
      type: 'submenu',
      submenu: modes.map((mode) => ({
        label: labels.modes[mode],
        type: 'radio' as const,
        checked: settings.mode === mode,
        click: () => actions.setMode(mode),
      })),
    },
    { label: '', type: 'separator' },
    { label: labels.history, click: actions.showHistory },
    { label: labels.settings, click: actions.showSettings },
    { label: '', type: 'separator' },
    { label: quotaLabel(quota, labels), enabled: false },
    { label: '', type: 'separator' },
    { label: labels.quit, click: actions.quit },
  ];
}
