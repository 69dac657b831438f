import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../fixtures/chromium.js';
import path from 'node:path';
import { OcrEngine } from '../../app/engine/engine.js';
import { recognize } from '../../app/server/image-to-response.js';
import { processInfo } from '../../app/protocol/response.js';
import { OcrType, type OcrResponse, type RecognizeOptions, type TextCellInfo } from '../../app/protocol/types.js';
import { readGroundTruth, type GroundTruth } from '../bench/bench-data.js';

let shared: Promise<OcrEngine> | undefined;
/** One engine for a test file: loading models costs ~0.3 s and ~150 MB. */
export const sharedEngine = () => (shared ??= OcrEngine.load());

/**
 * Chromium for a test file that draws its own cases, started before its tests and closed
 * after them with the shared engine: the browser, once started.
 */
export function drawingBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await (await sharedEngine()).dispose();
  });
  return () => browser!;
}

export async function recognizeBytes(
  bytes: Uint8Array,
  type: number = OcrType.text,
  options: RecognizeOptions = {},
): Promise<OcrResponse> {
  return (await recognize(await sharedEngine(), { image: bytes, type: type as OcrType, options }, processInfo(0)))
    .response;
}

export function benchImage(set: string, id: string): { bytes: Buffer; truth: GroundTruth } {
  const { dir, items } = readGroundTruth(set);
  const truth = items.find((g) => g.id === id);
  if (!truth) throw new Error(`no bench image ${id} in ${set}`);
  return { bytes: readFileSync(path.join(dir, truth.image)), truth };
}

export const lineCells = (response: OcrResponse): TextCellInfo[] => JSON.parse(response.result?.verticalText ?? '[]');

/** Character error rate with whitespace removed, as the bench's scorer folds it. */
export function cer(predicted: string, truth: string): number {
  const fold = (s: string) => [...s.normalize('NFKC').replace(/\s+/g, '')];
  const a = fold(predicted),
    b = fold(truth);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]! / Math.max(1, b.length);
}

/** Intersection over union of a wire location and a ground-truth box [left, top, width, height]. */
export function boxIou(a: { left: number; top: number; width: number; height: number }, b: readonly number[]): number {
  const [bl, bt, bw, bh] = b as [number, number, number, number];
  const w = Math.min(a.left + a.width, bl + bw) - Math.max(a.left, bl);
  const h = Math.min(a.top + a.height, bt + bh) - Math.max(a.top, bt);
  return w > 0 && h > 0 ? (w * h) / (a.width * a.height + bw * bh - w * h) : 0;
}
