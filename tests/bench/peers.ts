// The peers we measure ourselves against, on the same images in the same run.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import type { GroundTruth, Prediction } from './bench-data.js';

const run = promisify(execFile);

/** Runs `read` on each image in order, timing each one: the latency the scorer reports. */
async function timed(
  dir: string,
  items: readonly GroundTruth[],
  read: (imagePath: string) => Promise<string>,
): Promise<Prediction[]> {
  const out: Prediction[] = [];
  for (const item of items) {
    const started = performance.now();
    const text = await read(path.join(dir, item.image));
    out.push({ id: item.id, text, ms: performance.now() - started });
  }
  return out;
}

export interface Peer {
  name: string;
  /** Predictions for the images, in order, with per-image latency. */
  predict(dir: string, items: readonly GroundTruth[]): Promise<Prediction[]>;
}

/** `@gutenye/ocr-node`: the same PP-OCRv4 models in another JS pipeline. */
export async function gutenyePeer(): Promise<Peer | null> {
  let Ocr: { create(): Promise<{ detect(path: string): Promise<{ text: string }[]> }> };
  try {
    Ocr = (await import('@gutenye/ocr-node')).default as typeof Ocr;
  } catch {
    return null;
  }
  const ocr = await Ocr.create();
  return {
    name: '@gutenye/ocr-node',
    predict: (dir, items) =>
      timed(dir, items, async (image) => (await ocr.detect(image)).map((l) => l.text).join('\n')),
  };
}

/** Tesseract 5 with `eng+chi_sim`, when the `tesseract` command and both languages are installed. */
export async function tesseractPeer(): Promise<Peer | null> {
  try {
    const { stdout } = await run('tesseract', ['--list-langs']);
    if (!/\beng\b/.test(stdout) || !/\bchi_sim\b/.test(stdout)) return null;
  } catch {
    return null;
  }
  return {
    name: 'tesseract eng+chi_sim',
    predict: (dir, items) =>
      timed(
        dir,
        items,
        async (image) =>
          (await run('tesseract', [image, 'stdout', '-l', 'eng+chi_sim'], { maxBuffer: 16 << 20 })).stdout,
      ),
  };
}
