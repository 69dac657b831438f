// "Capture" in the browser build: the screen is an image given as ?screen=URL, frozen when a
// capture starts; the overlay shows it and the region confirmed is cut from it.
import type { CaptureFrame, Mode } from '../../app/ipc.js';
import { pngOf } from './canvas-png.js';

export class WebCapture {
  private frozen: { bitmap: ImageBitmap; image: Uint8Array; mode: Mode } | null = null;

  constructor(private readonly screenUrl: string | undefined) {}

  async start(mode: Mode): Promise<void> {
    if (!this.screenUrl) throw new Error('The browser build captures from an image: open web.html?screen=IMAGE_URL');
    const image = new Uint8Array(await (await fetch(this.screenUrl)).arrayBuffer());
    this.frozen = { image, bitmap: await createImageBitmap(new Blob([image])), mode };
    location.hash = '#/overlay';
  }

  /** What the overlay shows; a page opened on the overlay freezes the screen first. */
  async frame(mode: Mode): Promise<CaptureFrame> {
    if (!this.frozen) await this.start(mode);
    const { bitmap, image, mode: frozenMode } = this.frozen!;
    return { displayId: 0, image, width: bitmap.width, height: bitmap.height, scaleFactor: 1, mode: frozenMode };
  }

  /** The region's pixels as PNG; the capture ends. */
  async confirm(region: { x: number; y: number; width: number; height: number }): Promise<Uint8Array> {
    if (!this.frozen) throw new Error('no capture is in progress');
    const { bitmap } = this.frozen;
    const x = Math.floor(region.x);
    const y = Math.floor(region.y);
    const width = Math.max(1, Math.min(bitmap.width - x, Math.ceil(region.x + region.width) - x));
    const height = Math.max(1, Math.min(bitmap.height - y, Math.ceil(region.y + region.height) - y));
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')!.drawImage(bitmap, x, y, width, height, 0, 0, width, height);
    this.frozen = null;
    location.hash = '#/result';
    return pngOf(canvas);
  }

  cancel(): void {
    this.frozen = null;
    location.hash = '#/result';
  }
}
