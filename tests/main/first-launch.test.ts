// The first minutes on the desktops people use: Wayland's switches and portal sources, a
// second launch that captures, macOS's screen-recording prompt, desktops without a tray, the
// hotkeys each platform's keyboards allow (in its own notation), and the errors a hotkey meets.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceleratorLabel, defaultHotkeys, formerDefaultHotkeys, type DesktopPlatform } from '../../app/ipc.js';
import { AppController } from '../../main/controller.js';
import { matchSourcesToDisplays } from '../../main/capture/source-match.js';
import { chromiumFeatures, launchAction } from '../../main/startup/launch.js';
import { SettingsStore } from '../../main/settings/settings-store.js';
import { normalizeAccelerator } from '../../main/hotkeys/owners.js';
import { FakeSecrets, fakePlatform } from '../fakes/platform.js';
import type { DisplayCapture, DisplayInfo } from '../../main/platform/types.js';

const display = (id: number, x: number, width: number, height: number, scaleFactor = 1): DisplayInfo => ({
  id,
  bounds: { x, y: 0, width, height },
  scaleFactor,
});
const laptop = display(1, 0, 1440, 900, 2);
const monitor = display(2, 1440, 2560, 1440);
const capture = (d: DisplayInfo): DisplayCapture => ({
  displayId: d.id,
  png: new Uint8Array([1]),
  width: d.bounds.width * d.scaleFactor,
  height: d.bounds.height * d.scaleFactor,
});

function appOn(
  platform: DesktopPlatform,
  options: { userData?: string; displays?: DisplayInfo[]; captures?: DisplayCapture[] } = {},
) {
  const fakes = fakePlatform(options.displays ?? [laptop], options.captures ?? [capture(laptop)]);
  const userData = options.userData ?? mkdtempSync(path.join(tmpdir(), 'ocr-first-launch-'));
  const controller = new AppController(fakes, {
    userData,
    // No server is needed here: the quota just stays unknown.
    startEmbedded: () => Promise.reject(new Error('no server in this test')),
    quit: () => {},
    log: () => {},
    platform,
  });
  return { fakes, controller, userData };
}

describe('Wayland', () => {
  it('asks Chromium for PipeWire capture and portal shortcuts in one switch, keeping features given on the command line', () => {
    expect(chromiumFeatures('linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(
      'WebRTCPipeWireCapturer,GlobalShortcutsPortal',
    );
    expect(chromiumFeatures('linux', { XDG_SESSION_TYPE: 'wayland' }, 'UseOzonePlatform,WebRTCPipeWireCapturer')).toBe(
      'UseOzonePlatform,WebRTCPipeWireCapturer,GlobalShortcutsPortal',
    );
    expect(chromiumFeatures('linux', { XDG_SESSION_TYPE: 'x11' })).toBeUndefined();
    expect(chromiumFeatures('win32', { XDG_SESSION_TYPE: 'wayland' })).toBeUndefined();
  });

  it("maps the portal's source (no display id) to the monitor the user picked, by its shape, not its position", () => {
    // The user picked the external monitor: the portal returns that one source only.
    expect(matchSourcesToDisplays([{ displayId: '', width: 2560, height: 1440 }], [laptop, monitor])).toEqual([
      monitor,
    ]);
    // A thumbnail scaled to fit still has its monitor's shape.
    expect(matchSourcesToDisplays([{ displayId: '', width: 1440, height: 900 }], [laptop, monitor])).toEqual([laptop]);
    // Named sources keep their names; a nameless one takes what is left.
    expect(
      matchSourcesToDisplays(
        [
          { displayId: '2', width: 2560, height: 1440 },
          { displayId: '', width: 100, height: 100 },
        ],
        [laptop, monitor],
      ),
    ).toEqual([monitor, laptop]);
    expect(matchSourcesToDisplays([{ displayId: '9', width: 2560, height: 1440 }], [laptop, monitor])).toEqual([
      undefined,
    ]);
  });

  it('a second launch with --capture or --clipboard does that in the running app; any other launch shows its window', async () => {
    expect(launchAction(['/usr/bin/ocr-assistant', '--capture'])).toBe('capture');
    expect(launchAction(['/usr/bin/ocr-assistant', '--no-sandbox', '--clipboard'])).toBe('clipboard');
    expect(launchAction(['/usr/bin/ocr-assistant'])).toBe('show');
    const { fakes, controller } = appOn('linux');
    controller.launch('capture');
    await expect.poll(() => fakes.windows.overlays).toEqual([laptop]);
    controller.launch('clipboard');
    await expect.poll(() => fakes.notifier.shown.map((n) => n.title)).toContain('Nothing to recognize');
    fakes.windows.shown = [];
    controller.launch('show');
    expect(fakes.windows.shown).toEqual(['result']);
    await controller.stop();
  });
});

describe('macOS screen recording', () => {
  it('lets the system ask on the first capture, then explains and opens the privacy pane while it is still denied', async () => {
    const { fakes, controller } = appOn('darwin');
    fakes.screen.granted = 'denied';
    await expect(controller.capture.start('text')).rejects.toThrow(/Screen capture is not permitted/);
    // The system was asked (a capture was tried, which is what makes macOS prompt and list the app)...
    expect(fakes.screen.captures).toBe(1);
    // ...and, still denied, the user is sent where it is granted.
    expect(fakes.screen.settingsOpened).toBe(1);
    expect(fakes.windows.overlays).toEqual([]);
    // Later attempts do not try again in vain: they say how and open the pane.
    await expect(controller.capture.start('text')).rejects.toThrow(/not permitted/);
    expect(fakes.screen.captures).toBe(1);
    expect(fakes.screen.settingsOpened).toBe(2);
    await controller.stop();
  });

  it("goes on with the capture when the user allows it at the system's prompt", async () => {
    const { fakes, controller } = appOn('darwin');
    fakes.screen.granted = 'denied';
    fakes.screen.onCaptureWithoutPermission = () => (fakes.screen.granted = 'granted');
    await controller.capture.start('text');
    expect(fakes.windows.overlays).toEqual([laptop]);
    expect(fakes.screen.settingsOpened).toBe(0);
    await controller.stop();
  });
});

describe('a desktop without a tray, and the first launch', () => {
  it('shows the main window on the first launch, not on later ones where a tray shows', async () => {
    const first = appOn('linux');
    first.controller.start();
    expect(first.fakes.windows.shown).toEqual(['result']);
    await first.controller.stop();
    const again = appOn('linux', { userData: first.userData });
    again.controller.start();
    expect(again.fakes.windows.shown).toEqual([]);
    await again.controller.stop();
  });

  it('shows the main window at every launch where the desktop shows no tray icon, and tells the views', async () => {
    const first = appOn('linux');
    first.controller.start();
    await first.controller.stop();
    const gnome = appOn('linux', { userData: first.userData });
    gnome.fakes.tray.available = false;
    gnome.controller.start();
    expect(gnome.fakes.windows.shown).toEqual(['result']);
    expect(await gnome.controller.handlers().appStatus(undefined, { sender: { id: 1 }, senderFrame: null })).toEqual({
      platform: 'linux',
      trayAvailable: false,
    });
    await gnome.controller.stop();
  });
});

describe('hotkeys for every keyboard', () => {
  const platforms: DesktopPlatform[] = ['win32', 'darwin', 'linux'];

  it('uses defaults no AltGr layout types with, each with a modifier', () => {
    for (const platform of platforms) {
      for (const accelerator of Object.values(defaultHotkeys(platform))) {
        const parts = normalizeAccelerator(accelerator).split('+');
        expect(parts.length, accelerator).toBeGreaterThan(1);
        // On Windows, Ctrl+Alt is AltGr: Ctrl+Alt+O types ó on a Polish keyboard.
        if (platform === 'win32') expect(parts.includes('Ctrl') && parts.includes('Alt'), accelerator).toBe(false);
      }
    }
  });

  it('writes hotkeys the way each platform does, never CommandOrControl', () => {
    expect(acceleratorLabel('CommandOrControl+Alt+O', 'darwin')).toBe('⌥⌘O');
    expect(acceleratorLabel('CommandOrControl+Alt+Shift+R', 'darwin')).toBe('⌥⇧⌘R');
    expect(acceleratorLabel('Control+Shift+F9', 'darwin')).toBe('⌃⇧F9');
    expect(acceleratorLabel('Super+Shift+O', 'win32')).toBe('Win+Shift+O');
    expect(acceleratorLabel('CommandOrControl+Alt+Shift+O', 'linux')).toBe('Ctrl+Alt+Shift+O');
    expect(acceleratorLabel('Super+Shift+o', 'linux')).toBe('Super+Shift+O');
    for (const platform of platforms) {
      for (const accelerator of Object.values(defaultHotkeys(platform)))
        expect(acceleratorLabel(accelerator, platform)).not.toMatch(/CommandOrControl|CmdOrCtrl/);
    }
  });

  it('moves a Windows user still on the former Ctrl+Alt defaults to the new ones, and keeps keys the user chose', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ocr-win-settings-'));
    const old = new SettingsStore(folder, new FakeSecrets(), 'linux');
    old.update({ hotkeys: { ...formerDefaultHotkeys, repeat: 'Alt+Shift+F9' } });
    expect(new SettingsStore(folder, new FakeSecrets(), 'win32').get().hotkeys).toEqual({
      ...defaultHotkeys('win32'),
      repeat: 'Alt+Shift+F9',
    });
  });

  it("names a taken hotkey in the platform's notation in the notification", async () => {
    const { fakes, controller } = appOn('win32');
    fakes.hotkeys.taken.add(defaultHotkeys('win32').capture);
    controller.start();
    const taken = fakes.notifier.shown.find((n) => n.title === 'A hotkey is taken');
    expect(taken?.body).toMatch(/^Win\+Shift\+O for "Capture a region" could not be registered/);
    await controller.stop();
  });
});

describe('errors that reach the user', () => {
  it('a hotkey capture that fails shows a notification saying why', async () => {
    const { fakes, controller } = appOn('linux', { captures: [] });
    controller.start();
    fakes.hotkeys.press(controller.settings.get().hotkeys.capture);
    await expect
      .poll(() => fakes.notifier.shown.find((n) => n.title === 'Cannot capture the screen')?.body)
      .toMatch(/^No screen could be captured/);
    await controller.stop();
  });
});

describe('a damaged history', () => {
  it('does not stop the app: it is set aside, the user is told once, and history starts empty', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'ocr-damaged-history-'));
    writeFileSync(path.join(userData, 'history.json'), '{"schemaVersion":1,"entries":[{"id":"9c1');
    const { fakes, controller } = appOn('linux', { userData });
    controller.start();
    expect(fakes.notifier.shown.filter((n) => n.title === 'History was damaged')).toEqual([
      {
        title: 'History was damaged',
        body: expect.stringMatching(
          /^The history could not be read: it is not complete JSON .* kept as history\.json\.damaged-/,
        ),
      },
    ]);
    expect(controller.history.list()).toEqual([]);
    expect(fakes.hotkeys.registered.size).toBe(3);
    await controller.stop();
    const again = appOn('linux', { userData });
    again.controller.start();
    expect(again.fakes.notifier.shown.filter((n) => n.title === 'History was damaged')).toEqual([]);
    await again.controller.stop();
  });
});

describe("the tray in the app's language", () => {
  it('follows Settings → Language', async () => {
    const { fakes, controller } = appOn('linux');
    controller.start();
    expect(fakes.tray.labels()).toContain('Capture region');
    controller.handlers().updateSettings({ language: 'zh-CN' }, { sender: { id: 1 }, senderFrame: null });
    expect(fakes.tray.labels()).toEqual(
      expect.arrayContaining(['截取区域', '识别剪贴板图片', '模式: 文字', '历史记录…', '设置…', '退出 OCR Assistant']),
    );
    await controller.stop();
  });
});
