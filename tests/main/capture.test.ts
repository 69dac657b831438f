// The capture flow on fake displays: mixed scale factors and negative origins, each frozen
// image a pattern whose pixels name their own coordinates, so a crop shows exactly where it
// was cut from.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaptureFlow, CaptureError } from '../../main/capture/capture-flow.js';
import { regionToPixels } from '../../main/capture/region.js';
import type { DisplayCapture, DisplayInfo } from '../../main/platform/types.js';
import { FakeDisplays, FakeScreenCapture, FakeWindows } from '../fakes/platform.js';

/** R = x mod 256, G = y mod 256, B = the high bits of both. */
async function patternPng(width: number, height: number): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = x & 255;
      data[i + 1] = y & 255;
      data[i + 2] = ((x >> 8) & 15) | (((y >> 8) & 15) << 4);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

async function pixelCoordinates(png: Uint8Array, x: number, y: number): Promise<[number, number]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]! | ((data[i + 2]! & 15) << 8), data[i + 1]! | ((data[i + 2]! >> 4) << 8)];
}

const displays: DisplayInfo[] = [
  { id: 1, bounds: { x: -1536, y: 0, width: 1536, height: 864 }, scaleFactor: 1.25 },
  { id: 2, bounds: { x: 0, y: -200, width: 1280, height: 800 }, scaleFactor: 2 },
  { id: 3, bounds: { x: 1280, y: 0, width: 1280, height: 720 }, scaleFactor: 1.5 },
  { id: 4, bounds: { x: 2560, y: 0, width: 1024, height: 768 }, scaleFactor: 1 },
];
let captures: DisplayCapture[];

beforeAll(async () => {
  captures = await Promise.all(
    displays.map(async (d) => {
      const width = Math.round(d.bounds.width * d.scaleFactor);
      const height = Math.round(d.bounds.height * d.scaleFactor);
      return { displayId: d.id, png: await patternPng(width, height), width, height };
    }),
  );
});

function flow() {
  const windows = new FakeWindows();
  const screen = new FakeScreenCapture(captures);
  const recognized: Uint8Array[] = [];
  const capture = new CaptureFlow(new FakeDisplays(displays), screen, windows, async (png) => recognized.push(png));
  return { capture, windows, screen, recognized };
}

describe('capture', () => {
  it("freezes every display and gives each overlay its own display's native image", async () => {
    const { capture, windows } = flow();
    await capture.start('table');
    expect(windows.overlays.map((d) => d.id)).toEqual([1, 2, 3, 4]);
    const frame = capture.frameFor(101);
    expect(frame).toMatchObject({ displayId: 2, width: 1280, height: 800, scaleFactor: 2, mode: 'table' });
    expect((await sharp(frame.image).metadata()).width).toBe(2560);
  });

  it.each([
    [
      '1.25, left of the primary (negative x)',
      1,
      { x: 100.4, y: 50, width: 200, height: 100 },
      { x: 125, y: 62, width: 251, height: 126 },
    ],
    [
      '2.0, above the primary (negative y)',
      2,
      { x: 10, y: 20, width: 30, height: 40 },
      { x: 20, y: 40, width: 60, height: 80 },
    ],
    [
      '1.5, fractional edges',
      3,
      { x: 33.3, y: 10.5, width: 100.2, height: 20.4 },
      { x: 49, y: 15, width: 152, height: 32 },
    ],
    ['1.0', 4, { x: 0, y: 0, width: 1024, height: 768 }, { x: 0, y: 0, width: 1024, height: 768 }],
  ])('cuts exactly the selected physical pixels at scale %s', async (_name, displayId, dip, physical) => {
    const { capture, windows, recognized } = flow();
    await capture.start('text');
    await capture.confirm({ displayId, ...dip }, 'text');
    expect(windows.overlays).toEqual([]);
    const png = recognized[0]!;
    const { width, height } = await sharp(png).metadata();
    expect({ width, height }).toEqual({ width: physical.width, height: physical.height });
    expect(await pixelCoordinates(png, 0, 0)).toEqual([physical.x, physical.y]);
    expect(await pixelCoordinates(png, physical.width - 1, physical.height - 1)).toEqual([
      physical.x + physical.width - 1,
      physical.y + physical.height - 1,
    ]);
  });

  it("keeps a region that runs past the display's edge inside the image", () => {
    const display = displays[1]!;
    const capture = captures[1]!;
    expect(regionToPixels({ displayId: 2, x: 1200, y: 700, width: 500, height: 500 }, display, capture)).toEqual({
      x: 2400,
      y: 1400,
      width: 160,
      height: 200,
    });
  });

  it('repeats the last region on a fresh capture of the same display', async () => {
    const { capture, screen, recognized } = flow();
    await capture.start('text');
    await capture.confirm({ displayId: 2, x: 10, y: 20, width: 30, height: 40 }, 'text');
    expect(await capture.repeatLast('text')).toBe(true);
    expect(screen.captures).toBe(2);
    expect(Buffer.compare(Buffer.from(recognized[1]!), Buffer.from(recognized[0]!))).toBe(0);
  });

  it('cancels without recognizing, and refuses a frame once cancelled', async () => {
    const { capture, windows, recognized } = flow();
    await capture.start('text');
    capture.cancel();
    expect(windows.overlays).toEqual([]);
    expect(() => capture.frameFor(100)).toThrow(/no capture is in progress/);
    expect(recognized).toEqual([]);
    expect(await capture.repeatLast('text')).toBe(false);
  });

  it('tells the user how to grant capture when it is not permitted', async () => {
    const { capture, screen } = flow();
    screen.granted = 'denied';
    await expect(capture.start('text')).rejects.toThrow(CaptureError);
    await expect(capture.start('text')).rejects.toThrow(/not permitted\. Allow it in the fake settings/);
  });
});
