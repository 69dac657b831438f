// In-memory fakes of main/platform's interfaces: each records what was asked of it, so tests
// can check what a user would see (menus, notifications, the clipboard, open overlays).
import type {
  CapturePermission,
  ClipboardAccess,
  DisplayCapture,
  DisplayInfo,
  Displays,
  FileSaver,
  GlobalHotkeys,
  MenuItemSpec,
  Notifier,
  PowerEvents,
  ScreenCapture,
  SecretBox,
  TrayIcon,
  WindowHost,
} from '../../main/platform/types.js';
import type { Platform } from '../../main/controller.js';

export class FakeDisplays implements Displays {
  private listeners: Array<() => void> = [];
  constructor(public displays: DisplayInfo[]) {}
  all() {
    return this.displays;
  }
  onChange(listener: () => void) {
    this.listeners.push(listener);
  }
  change() {
    for (const listener of this.listeners) listener();
  }
}

export class FakeScreenCapture implements ScreenCapture {
  granted: CapturePermission = 'granted';
  captures = 0;
  /** How often the system's privacy settings were opened for the user. */
  settingsOpened = 0;
  /** What the system does when a capture is first tried without permission (macOS asks the user). */
  onCaptureWithoutPermission: () => void = () => undefined;
  constructor(public images: DisplayCapture[]) {}
  permission() {
    return this.granted;
  }
  openPermissionSettings() {
    this.settingsOpened++;
  }
  howToGrant() {
    return 'Allow it in the fake settings.';
  }
  async captureAll(displays: DisplayInfo[]) {
    this.captures++;
    if (this.granted !== 'granted') {
      // As macOS does: the capture "works" but shows no screen content until permission is given.
      this.onCaptureWithoutPermission();
      return [];
    }
    return this.images.filter((i) => displays.some((d) => d.id === i.displayId));
  }
}

export class FakeClipboard implements ClipboardAccess {
  image: Uint8Array | undefined;
  written: Array<{ text: string; html?: string }> = [];
  async readImage() {
    return this.image;
  }
  async write(data: { text: string; html?: string }) {
    this.written.push(data);
  }
}

export class FakeHotkeys implements GlobalHotkeys {
  /** Accelerators some other program holds. */
  taken = new Set<string>();
  registered = new Map<string, () => void>();
  registrations = 0;
  register(accelerator: string, callback: () => void) {
    this.registrations++;
    if (this.taken.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  unregisterAll() {
    this.registered.clear();
  }
  press(accelerator: string) {
    this.registered.get(accelerator)?.();
  }
}

export class FakeTray implements TrayIcon {
  available = true;
  menu: MenuItemSpec[] = [];
  tooltip = '';
  setMenu(items: MenuItemSpec[]) {
    this.menu = items;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  labels(): string[] {
    return this.menu.filter((i) => i.type !== 'separator').map((i) => i.label);
  }
  item(label: string | RegExp): MenuItemSpec | undefined {
    return this.menu.find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label)));
  }
}

export class FakeNotifier implements Notifier {
  shown: Array<{ title: string; body: string }> = [];
  show(title: string, body: string) {
    this.shown.push({ title, body });
  }
}

export class FakeSecrets implements SecretBox {
  available = true;
  isAvailable() {
    return this.available;
  }
  encrypt(plain: string) {
    return Buffer.from(plain).reverse().toString('base64');
  }
  decrypt(sealed: string) {
    return Buffer.from(sealed, 'base64').reverse().toString();
  }
}

export class FakePower implements PowerEvents {
  private listeners: Array<() => void> = [];
  onResume(listener: () => void) {
    this.listeners.push(listener);
  }
  resume() {
    for (const listener of this.listeners) listener();
  }
}

export class FakeWindows implements WindowHost {
  overlays: DisplayInfo[] = [];
  /** Web contents id of each overlay: 100 + its index. */
  overlayIds = new Map<number, number>();
  shown: string[] = [];
  sent: Array<{ channel: string; payload: unknown }> = [];
  openOverlays(displays: DisplayInfo[]) {
    this.overlays = displays;
    this.overlayIds = new Map(displays.map((d, i) => [100 + i, d.id]));
  }
  closeOverlays() {
    this.overlays = [];
    this.overlayIds.clear();
  }
  overlayDisplay(webContentsId: number) {
    return this.overlayIds.get(webContentsId);
  }
  showResult() {
    this.shown.push('result');
  }
  showPage(page: 'history' | 'settings') {
    this.shown.push(page);
  }
  broadcast(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class FakeFileSaver implements FileSaver {
  /** What the save dialog answers: a path, or undefined as if cancelled. */
  answer: string | undefined = '/home/user/Downloads/result';
  asked: Array<{ defaultName: string; extensions: string[] }> = [];
  written = new Map<string, Uint8Array>();
  async chooseSavePath(defaultName: string, filter: { name: string; extensions: string[] }) {
    this.asked.push({ defaultName, extensions: filter.extensions });
    return this.answer;
  }
  async write(path: string, bytes: Uint8Array) {
    this.written.set(path, bytes);
  }
}

export function fakePlatform(displays: DisplayInfo[] = [], captures: DisplayCapture[] = []) {
  return {
    displays: new FakeDisplays(displays),
    screen: new FakeScreenCapture(captures),
    clipboard: new FakeClipboard(),
    hotkeys: new FakeHotkeys(),
    tray: new FakeTray(),
    notifier: new FakeNotifier(),
    secrets: new FakeSecrets(),
    power: new FakePower(),
    windows: new FakeWindows(),
    files: new FakeFileSaver(),
  } satisfies Platform;
}
