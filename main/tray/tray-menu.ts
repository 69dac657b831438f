// The tray menu as data: what it says depends on the mode, the hotkeys and today's quota.
import { modes, type Mode, type QuotaView, type Settings } from '../../app/ipc.js';
import type { MenuItemSpec } from '../platform/types.js';

export interface TrayActions {
  capture(): void;
  recognizeClipboard(): void;
  setMode(mode: Mode): void;
  showHistory(): void;
  showSettings(): void;
  quit(): void;
}

const modeLabels: Record<Mode, string> = { text: 'Text', vertical: 'Vertical text', table: 'Table', formula: 'Formula' };

/** `Used today N · Left M`, or why it is not known. */
export function quotaLabel(view: QuotaView | undefined): string {
  if (!view) return 'Quota: checking…';
  if (view.quota) return `Used today ${view.quota.TodayCount} · Left ${view.quota.LimitCount}`;
  return `Quota unknown: ${view.error ?? 'no answer'}`;
}

export function trayMenu(settings: Settings, quota: QuotaView | undefined, actions: TrayActions): MenuItemSpec[] {
  return [
    { label: 'Capture region', accelerator: settings.hotkeys.capture, click: actions.capture },
    { label: 'Recognize clipboard image', accelerator: settings.hotkeys.clipboard, click: actions.recognizeClipboard },
    {
      label: `Mode: ${modeLabels[settings.mode]}`,
      type: 'submenu',
      submenu: modes.map((mode) => ({ label: modeLabels[mode], type: 'radio' as const, checked: settings.mode === mode, click: () => actions.setMode(mode) })),
    },
    { label: '', type: 'separator' },
    { label: 'History…', click: actions.showHistory },
    { label: 'Settings…', click: actions.showSettings },
    { label: '', type: 'separator' },
    { label: quotaLabel(quota), enabled: false },
    { label: '', type: 'separator' },
    { label: 'Quit OCR Assistant', click: actions.quit },
  ];
}
