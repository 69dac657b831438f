// The OS as main/ sees it: small interfaces, one per mechanism, so that the flows above them
// run with fakes in tests (tests/fakes/platform.ts) and with Electron in the app
// (main/platform/electron/*). Coordinates are DIP unless a name says "physical".

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  id: number;
  /** Where the display sits in the virtual desktop, in DIP (origins may be negative). */
  bounds: Rect;
  /** Physical pixels per DIP: 1, 1.25, 1.5, 2... */
  scaleFactor: number;
}

export interface Displays {
  all(): DisplayInfo[];
  /** Called after a display is added, removed or changes metrics. */
  onChange(listener: () => void): void;
}

/** One display's frozen image, at its native resolution. */
export interface DisplayCapture {
  displayId: number;
  /** PNG bytes. */
  png: Uint8Array;
  /** Its size in physical pixels. */
  width: number;
  height: number;
}

export type CapturePermission = 'granted' | 'denied' | 'not-determined';

export interface ScreenCapture {
  permission(): CapturePermission;
  /** How to grant capture on this system, for when permission is denied. */
  howToGrant(): string;
  /** Opens the system's settings where capture is allowed (macOS: Privacy → Screen Recording); elsewhere nothing. */
  openPermissionSettings(): void;
  captureAll(displays: DisplayInfo[]): Promise<DisplayCapture[]>;
}

export interface ClipboardAccess {
  /** The clipboard's image (PNG, JPEG...), or undefined when it holds none. */
  readImage(): Promise<Uint8Array | undefined>;
  /** Writes the formats given at once (plain text always; HTML for tables). */
  write(data: { text: string; html?: string }): Promise<void>;
}

export interface GlobalHotkeys {
  /** false when another program holds the accelerator (or the OS refuses it). */
  register(accelerator: string, callback: () => void): boolean;
  unregisterAll(): void;
}

export interface MenuItemSpec {
  label: string;
  enabled?: boolean;
  type?: 'normal' | 'separator' | 'radio' | 'submenu';
  checked?: boolean;
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemSpec[];
}

export interface TrayIcon {
  /** False where the desktop shows no tray icons (stock GNOME has no StatusNotifier host). */
  readonly available: boolean;
  setMenu(items: MenuItemSpec[]): void;
  setToolTip(text: string): void;
}

export interface Notifier {
  show(title: string, body: string): void;
}

/** Encrypts secrets with the OS keychain (Electron's safeStorage). */
export interface SecretBox {
  isAvailable(): boolean;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

export interface PowerEvents {
  onResume(listener: () => void): void;
}

/** The app's windows: one overlay per display while capturing, the result panel, pages. */
export interface WindowHost {
  openOverlays(displays: DisplayInfo[]): void;
  closeOverlays(): void;
  /** The display an overlay covers, by the overlay's web contents id; undefined for others. */
  overlayDisplay(webContentsId: number): number | undefined;
  showResult(): void;
  showPage(page: 'history' | 'settings'): void;
  /** Sends an event to every window of ours. */
  broadcast(channel: string, payload: unknown): void;
}

/** Saving a file the person asked for: a save dialog, then the write. */
export interface FileSaver {
  /** The path chosen in a save dialog, or undefined when the person cancelled it. */
  chooseSavePath(defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | undefined>;
  write(path: string, bytes: Uint8Array): Promise<void>;
}
