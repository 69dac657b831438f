// Lines as they are read (RecognizeImageOptions.onLines): a full-HD capture's first lines come
// long before its answer, top to bottom, in the pixels of the image as sent, and together they
// are the answer's lines. Large text is first looked at strip by strip, then found again at a
// fraction of the size: those lines replace the first look (`restart`). Captures are tiled
// from the shared bench's English windows on a desktop, as bench:latency builds its own.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { EngineLine } from '../../app/engine/engine.js';
import { fullHdCapture } from '../fixtures/desktop-capture.js';
import { benchImage, sharedEngine } from './engine-helpers.js';

interface Delivery {
  lines: EngineLine[];
  restart: boolean;
  /** Whether the answer had come when these lines did. */
  afterAnswer: boolean;
}

async function readStreamed(bytes: Buffer) {
  const engine = await sharedEngine();
  const deliveries: Delivery[] = [];
  let answered = false;
  const output = await engine
    .recognizeBytes(bytes, { onLines: (lines, restart) => deliveries.push({ lines, restart, afterAnswer: answered }) })
    .finally(() => (answered = true));
  return { output, deliveries, plain: await engine.recognizeBytes(bytes) };
}

const textsOf = (lines: readonly EngineLine[]) => lines.map((l) => l.text).sort();

describe('lines as they are read', () => {
  it('hands on a full-HD capture in strips from the top, before the answer, and together they are the answer', async () => {
    const { output, deliveries, plain } = await readStreamed(await fullHdCapture());
    expect(deliveries.length).toBeGreaterThan(3);
    expect(deliveries.every((d) => !d.afterAnswer && !d.restart)).toBe(true);
    // Top to bottom: each strip's lines start below where the last strip's started.
    const tops = deliveries.map((d) => Math.min(...d.lines.map((l) => l.box.top)));
    for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThan(tops[i - 1]!);
    const streamed = deliveries.flatMap((d) => d.lines);
    expect(textsOf(streamed)).toEqual(textsOf(output.lines));
    // In the pixels of the image as sent: the same boxes as the answer's.
    const boxes = (lines: readonly EngineLine[]) => lines.map((l) => JSON.stringify(l.box)).sort();
    expect(boxes(streamed)).toEqual(boxes(output.lines));
    // Read in strips or whole, the same lines were found and nearly all read alike (a strip's
    // lines are batched with each other, not with the page's: a line padded to another width
    // reads a mark differently now and then, "o (" or "o 0").
    expect(boxes(plain.lines)).toEqual(boxes(output.lines));
    const streamedText = new Map(output.lines.map((l) => [JSON.stringify(l.box), l.text]));
    const same = plain.lines.filter((l) => streamedText.get(JSON.stringify(l.box)) === l.text).length;
    expect(same).toBeGreaterThanOrEqual(plain.lines.length - 3);
  });

  it('replaces a first look at large text with the lines found at a fraction of the size', async () => {
    // The dialog at three times its size: 2553x801, text ~40 px tall.
    const { bytes, truth } = benchImage('screens', 'public-001-ui-en');
    const large = await sharp(bytes)
      .resize(truth.width * 3, truth.height * 3)
      .png()
      .toBuffer();
    const { output, deliveries } = await readStreamed(large);
    expect(output.detectionScale).toBeLessThan(1);
    const last = deliveries.at(-1)!;
    expect(last.restart).toBe(true);
    expect(deliveries.slice(0, -1).every((d) => !d.restart)).toBe(true);
    expect(textsOf(last.lines)).toEqual(textsOf(output.lines));
  });

  it('hands on a small capture in one piece, as the answer reads it', async () => {
    const { bytes } = benchImage('screens', 'public-015-doc-en');
    const { output, deliveries, plain } = await readStreamed(bytes);
    expect(deliveries).toHaveLength(1);
    expect(textsOf(deliveries[0]!.lines)).toEqual(textsOf(output.lines));
    expect(output.lines.map((l) => l.text)).toEqual(plain.lines.map((l) => l.text));
  });
});
