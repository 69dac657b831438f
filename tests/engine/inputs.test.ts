// Every image format a user may paste or save, and every kind of bad input: each gets an answer.
import { deflateSync, crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { benchImage, cer, recognizeBytes, sharedEngine } from './engine-helpers.js';

afterAll(async () => (await sharedEngine()).dispose());

const doc = benchImage('screens', 'public-018-doc-en');

/** An uncompressed 24-bit bottom-up BMP, as Windows' clipboard and Paint save them. */
async function toBmp(png: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const stride = Math.ceil((info.width * 3) / 4) * 4;
  const out = Buffer.alloc(54 + stride * info.height);
  out.write('BM', 0);
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(info.width, 18);
  out.writeInt32LE(info.height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const s = (y * info.width + x) * 3;
      const d = 54 + (info.height - 1 - y) * stride + x * 3;
      out[d] = data[s + 2]!;
      out[d + 1] = data[s + 1]!;
      out[d + 2] = data[s]!;
    }
  }
  return out;
}

/** A valid PNG signature and IHDR chunk that claim `width` x `height`, and nothing else. */
function pngHeaderClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const idat = deflateSync(Buffer.alloc(1024));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('image formats', () => {
  const conversions: [string, () => Promise<Buffer>][] = [
    ['PNG', async () => doc.bytes],
    ['JPEG', () => sharp(doc.bytes).jpeg({ quality: 90 }).toBuffer()],
    ['WebP', () => sharp(doc.bytes).webp({ quality: 90 }).toBuffer()],
    ['GIF', () => sharp(doc.bytes).gif().toBuffer()],
    ['TIFF', () => sharp(doc.bytes).tiff().toBuffer()],
    ['BMP', () => toBmp(doc.bytes)],
    ['PNG with transparency', () => sharp(doc.bytes).ensureAlpha(1).png().toBuffer()],
  ];
  it.each(conversions)('reads %s', async (_name, make) => {
    const response = await recognizeBytes(await make());
    expect(response.state).toBe(2);
    expect(cer(response.result!.autoText!, doc.truth.text)).toBeLessThan(0.02);
  });

  it('reads the first frame of an animated GIF', async () => {
    const frame = await sharp(doc.bytes).resize({ width: 600 }).raw().toBuffer({ resolveWithObject: true });
    const blank = Buffer.alloc(frame.data.length, 255);
    const gif = await sharp(Buffer.concat([frame.data, blank]), {
      raw: {
        width: frame.info.width,
        height: frame.info.height * 2,
        channels: frame.info.channels,
        pageHeight: frame.info.height,
      },
    } as sharp.SharpOptions)
      .gif({ delay: [100, 100] })
      .toBuffer();
    const response = await recognizeBytes(gif);
    expect(response.state).toBe(2);
    expect(response.result!.autoText).toMatch(/Program/);
  });
});

describe('bad input gets a clear answer', () => {
  const cases: [string, () => Promise<Buffer> | Buffer, number, RegExp][] = [
    ['an empty file', () => Buffer.alloc(0), 7, /empty/],
    ['a truncated PNG', () => doc.bytes.subarray(0, 200), 7, /truncated|corrupt|decoded/],
    ['a text file named .png', () => Buffer.from('this is not an image\n'), 7, /not an image/],
    [
      'a PNG header claiming 60000x60000 pixels',
      () => pngHeaderClaiming(60000, 60000),
      7,
      /60000x60000 pixels; the limit is/,
    ],
  ];
  it.each(cases)('%s: state %i with a message', async (_name, make, state, message) => {
    const response = await recognizeBytes(await make());
    expect(response.state).toBe(state);
    expect(response.message).toMatch(message);
    expect(response.result).toBeUndefined();
  });

  it.each([
    [
      'a 1x1 image',
      () =>
        sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
          .png()
          .toBuffer(),
    ],
    [
      'a blank image',
      () =>
        sharp({ create: { width: 800, height: 600, channels: 3, background: '#fff' } })
          .png()
          .toBuffer(),
    ],
  ])('%s: done, with an empty result', async (_name, make) => {
    const response = await recognizeBytes(await make());
    expect(response.state).toBe(2);
    expect(response.result!.autoText).toBe('');
    expect(JSON.parse(response.result!.verticalText!)).toEqual([]);
  });

  it('refuses a type that is no recognition type instead of guessing one', async () => {
    for (const type of [4, 9]) {
      const response = await recognizeBytes(doc.bytes, type);
      expect(response).toMatchObject({ state: 7, ocrType: type });
      expect(response.message).toMatch(
        /type \d is not a recognition type; use 0 \(text\), 1 \(vertical text\), 2 \(table\) or 3 \(formula\)/,
      );
    }
  });
});

describe('a scan with more pixels than the engine reads at once (40 MP)', () => {
  it('is read scaled down, its boxes in its own pixels, and the answer says at what size', async () => {
    // A document at three times its size on an 8000x6000 page: 48 MP.
    const [factor, left, top] = [3, 500, 400];
    const enlarged = await sharp(doc.bytes)
      .resize(doc.truth.width * factor)
      .png()
      .toBuffer();
    const scan = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } })
      .composite([{ input: enlarged, left, top }])
      .png({ compressionLevel: 1 })
      .toBuffer();
    const response = await recognizeBytes(scan);
    expect(response.state).toBe(2);
    expect(response.message).toMatch(/^the image is 8000x6000 pixels \(48 MP\).* read at 91% of its size/);
    expect(cer(response.result!.autoText!, doc.truth.text)).toBeLessThanOrEqual(0.02);
    // The first line's box where the first line is on the page, not where it was in the smaller read.
    const [first] = JSON.parse(response.result!.verticalText!) as { location: { left: number; top: number } }[];
    const [x, y] = doc.truth.lines![0]!.box;
    expect(Math.abs(first!.location.left - (left + x * factor))).toBeLessThan(4 * factor);
    expect(Math.abs(first!.location.top - (top + y * factor))).toBeLessThan(4 * factor);
  }, 60_000);

  it('is refused past 250 MP, before any pixel is decoded', async () => {
    const response = await recognizeBytes(pngHeaderClaiming(20000, 15000));
    expect(response.state).toBe(7);
    expect(response.message).toMatch(/20000x15000 pixels; the limit is 250000000 pixels \(250 MP\)/);
  });
});
