// Capture a region: freeze every display at its native resolution, show an overlay on each,
// cut what the user selects from the physical pixels, and hand it to recognition.
import type { CaptureFrame, Mode, Region } from '../../app/ipc.js';
import type { DisplayCapture, DisplayInfo, Displays, ScreenCapture, WindowHost } from '../platform/types.js';
import { regionToPixels } from './region.js';
import { cropPng } from '../images.js';

interface FrozenDisplay {
  display: DisplayInfo;
  capture: DisplayCapture;
}

export class CaptureError extends Error {
  override name = 'CaptureError';
}

export class CaptureFlow {
  private frozen = new Map<number, FrozenDisplay>();
  private mode: Mode = 'text';
  private lastRegion: Region | undefined;
  /** Whether this launch has already let the system ask for capture permission. */
  private askedSystem = false;

  constructor(
    private readonly displays: Displays,
    private readonly screen: ScreenCapture,
    private readonly windows: WindowHost,
    private readonly recognize: (png: Uint8Array, mode: Mode) => Promise<unknown>,
  ) {}

  get capturing(): boolean {
    return this.frozen.size > 0;
  }

  /** Freezes the screens and opens the overlays. */
  async start(mode: Mode): Promise<void> {
    this.frozen = await this.freeze();
    this.mode = mode;
    this.windows.openOverlays([...this.frozen.values()].map((f) => f.display));
  }

  /** What the overlay of this web contents shows. */
  frameFor(webContentsId: number): CaptureFrame {
    const displayId = this.windows.overlayDisplay(webContentsId);
    const frozen = displayId === undefined ? undefined : this.frozen.get(displayId);
    if (!frozen) throw new CaptureError('no capture is in progress for this window');
    const { display, capture } = frozen;
    return {
      displayId: display.id,
      image: capture.png,
      width: display.bounds.width,
      height: display.bounds.height,
      scaleFactor: display.scaleFactor,
      mode: this.mode,
    };
  }

  /** The user confirmed a region: cut it, close the overlays, recognize. */
  async confirm(region: Region, mode: Mode): Promise<void> {
    const frozen = this.frozen.get(region.displayId);
    if (!frozen) throw new CaptureError('that display is not being captured');
    const png = await cropPng(frozen.capture.png, regionToPixels(region, frozen.display, frozen.capture));
    this.finish();
    this.lastRegion = region;
    await this.recognize(png, mode);
  }

  /**
   * macOS reports screen capture as denied until the app has tried to capture: only a capture
   * attempt makes the system ask the user and list the app under Screen Recording. So the first
   * time, try; if it is still not granted, say how and open the pane where it is granted.
   */
  private async askForPermission(displays: DisplayInfo[]): Promise<void> {
    if (!this.askedSystem) {
      this.askedSystem = true;
      await this.screen.captureAll(displays).catch(() => []);
      if (this.screen.permission() === 'granted') return;
    }
    this.screen.openPermissionSettings();
    throw new CaptureError(`Screen capture is not permitted. ${this.screen.howToGrant()}`);
  }

  cancel(): void {
    this.finish();
  }

  /** The hotkey "repeat last region": the same region of the same display, captured anew. */
  async repeatLast(mode: Mode): Promise<boolean> {
    const region = this.lastRegion;
    if (!region) return false;
    const frozen = (await this.freeze()).get(region.displayId);
    if (!frozen) throw new CaptureError('the display of the last region is no longer connected');
    await this.recognize(
      await cropPng(frozen.capture.png, regionToPixels(region, frozen.display, frozen.capture)),
      mode,
    );
    return true;
  }

  private async freeze(): Promise<Map<number, FrozenDisplay>> {
    const displays = this.displays.all();
    if (this.screen.permission() !== 'granted') await this.askForPermission(displays);
    const captures = await this.screen.captureAll(displays);
    const frozen = new Map<number, FrozenDisplay>();
    for (const display of displays) {
      const capture = captures.find((c) => c.displayId === display.id);
      if (capture) frozen.set(display.id, { display, capture });
    }
    if (!frozen.size) throw new CaptureError(`No screen could be captured. ${this.screen.howToGrant()}`);
    return frozen;
  }

  private finish(): void {
    this.frozen.clear();
    this.windows.closeOverlays();
  }
}
