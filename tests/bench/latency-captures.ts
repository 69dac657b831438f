// The captures `npm run bench:latency` times, built from the held-out split of the corpus (the
// images no threshold is tuned on): one line cut out of a page, a dialog as drawn, and
// full-HD and 4K screens tiled with the split's windows on a desktop. Each tile keeps its
// page's ground truth; the same corpus gives the same captures.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { defaultCorpusDir, makeCorpus, type CorpusItem } from './corpus/make-corpus.js';

export interface Capture {
  size: 'one line' | 'dialog' | 'full HD' | '4K';
  name: string;
  /** The PNG's name in the output folder. */
  file: string;
  width: number;
  height: number;
  /** Windows on the capture, each with its ground truth (lines joined by newlines). */
  tiles: { box: [number, number, number, number]; text: string; lang: string }[];
}

type Box = [number, number, number, number];
const intersects = (a: Box, b: Box) =>
  a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];

async function heldOut(dir: string, log: (s: string) => void): Promise<CorpusItem[]> {
  const file = path.join(dir, 'heldout', 'gt.jsonl');
  if (!existsSync(file)) {
    log(`== making the corpus in ${dir} (npm run bench:corpus)`);
    await makeCorpus({ dir, log });
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusItem);
}

/** Lines of 200-380 px on pages at scale 1, cut out with the page around them, on a 400x40 capture. */
async function oneLineCaptures(items: readonly CorpusItem[], dir: string, out: string, count: number) {
  const captures: Capture[] = [];
  for (const item of items) {
    if (captures.length >= count) break;
    if (item.variant.scale !== 1 || item.variant.format !== 'png' || !['ui', 'doc'].includes(item.kind)) continue;
    const line = item.lines.find((l) => {
      const [left, top, width, height] = l.box;
      const around: Box = [left - 10, top - 8, width + 20, height + 16];
      return (
        width >= 200 &&
        width <= 380 &&
        height >= 12 &&
        height <= 30 &&
        around[0] >= 0 &&
        around[1] >= 0 &&
        around[0] + around[2] <= item.width &&
        around[1] + around[3] <= item.height &&
        !item.lines.some((other) => other !== l && intersects(other.box, around))
      );
    });
    if (!line) continue;
    const [left, top, width, height] = line.box;
    const crop = { left: left - 10, top: top - 8, width: width + 20, height: height + 16 };
    const padX = Math.max(0, 400 - crop.width),
      padY = Math.max(0, 40 - crop.height);
    const png = await sharp(path.join(dir, item.image))
      .extract(crop)
      .extend({
        left: Math.floor(padX / 2),
        right: Math.ceil(padX / 2),
        top: Math.floor(padY / 2),
        bottom: Math.ceil(padY / 2),
        extendWith: 'copy',
      })
      .png()
      .toBuffer({ resolveWithObject: true });
    const name = `line-${item.id}`;
    await sharp(png.data).toFile(path.join(out, `${name}.png`));
    captures.push({
      size: 'one line',
      name,
      file: `${name}.png`,
      width: png.info.width,
      height: png.info.height,
      tiles: [{ box: [0, 0, png.info.width, png.info.height], text: line.text, lang: item.lang }],
    });
  }
  return captures;
}

/** Dialog windows as drawn (UI pages at scale 1 of about 800x300). */
async function dialogCaptures(items: readonly CorpusItem[], dir: string, out: string, count: number) {
  const dialogs = items.filter(
    (i) =>
      i.kind === 'ui' &&
      i.variant.scale === 1 &&
      i.width >= 560 &&
      i.width <= 900 &&
      i.height >= 180 &&
      i.height <= 420,
  );
  const captures: Capture[] = [];
  for (const item of dialogs.slice(0, count)) {
    const name = `dialog-${item.id}`;
    await sharp(path.join(dir, item.image))
      .png()
      .toFile(path.join(out, `${name}.png`));
    captures.push({
      size: 'dialog',
      name,
      file: `${name}.png`,
      width: item.width,
      height: item.height,
      tiles: [{ box: [0, 0, item.width, item.height], text: item.text, lang: item.lang }],
    });
  }
  return captures;
}

/**
 * A screen of `width` x `height` tiled with windows in shelves, 24 px apart on a dark desktop,
 * taking the items in turn from `start` and skipping those that no longer fit.
 */
async function screenCapture(
  size: Capture['size'],
  items: readonly CorpusItem[],
  dir: string,
  out: string,
  width: number,
  height: number,
  start: number,
): Promise<Capture> {
  const gap = 24;
  const tiles: Capture['tiles'] = [];
  const layers: sharp.OverlayOptions[] = [];
  let x = gap,
    y = gap,
    shelf = 0;
  for (let k = 0; k < items.length; k++) {
    const item = items[(start + k) % items.length]!;
    if (item.width + 2 * gap > width || item.height + 2 * gap > height) continue;
    if (x + item.width + gap > width) {
      x = gap;
      y += shelf + gap;
      shelf = 0;
    }
    if (y + item.height + gap > height) continue;
    layers.push({ input: path.join(dir, item.image), left: x, top: y });
    tiles.push({ box: [x, y, item.width, item.height], text: item.text, lang: item.lang });
    x += item.width + gap;
    shelf = Math.max(shelf, item.height);
  }
  const name = `${size === '4K' ? '4k' : 'fullhd'}-${start}`;
  await sharp({ create: { width, height, channels: 3, background: '#2f343f' } })
    .composite(layers)
    .png()
    .toFile(path.join(out, `${name}.png`));
  return { size, name, file: `${name}.png`, width, height, tiles };
}

export async function buildCaptures(out: string, log: (s: string) => void): Promise<Capture[]> {
  const corpus = process.env.OCR_CORPUS_DIR ?? defaultCorpusDir;
  const items = await heldOut(corpus, log);
  const dir = path.join(corpus, 'heldout');
  // A 4K screen is mostly used at 1.5x or 2x: its windows are the HiDPI pages first.
  const hiDpiFirst = [...items.filter((i) => i.variant.scale >= 1.5), ...items.filter((i) => i.variant.scale < 1.5)];
  return [
    ...(await oneLineCaptures(items, dir, out, 6)),
    ...(await dialogCaptures(items, dir, out, 6)),
    await screenCapture('full HD', items, dir, out, 1920, 1080, 0),
    await screenCapture('full HD', items, dir, out, 1920, 1080, Math.floor(items.length / 2)),
    await screenCapture('4K', hiDpiFirst, dir, out, 3840, 2160, 0),
  ];
}
