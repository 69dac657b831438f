// Stage 1: DB text detection (PP-OCRv4 det). Owns its pre-processing (scale, pad, normalise)
// and post-processing (threshold, connected regions, minimum-area boxes, unclip).
import type { DetectionConfig } from './config.js';
import type { OnnxModel } from './runtime.js';
import { cropRegion, type RgbImage } from './raster.js';
import { lineGeometry } from './crop.js';
import { minAreaRect, rectToQuad, unclipRect, type Point, type Quad } from './geometry.js';
import { ScratchPool } from './scratch.js';

export interface DetectionInput {
  image: RgbImage;
  /** Gray level of the background, used to pad the input to the model's stride. */
  background: number;
  /** Scale applied before detection (1 = as is); chosen by the caller from the text size. */
  scale: number;
}

export interface DetectedBox {
  /** Corners in the pixels of `DetectionInput.image`. */
  quad: Quad;
  /** Mean text probability inside the region. */
  score: number;
}

export interface DetectionOutput {
  boxes: DetectedBox[];
  /** The model's input size, for the record. */
  inputWidth: number;
  inputHeight: number;
  elapsedMs: number;
}

const STRIDE = 32;

export class TextDetector {
  /** The model's inputs and the map's region labels: a strip's worth each, reused (scratch.ts). */
  private readonly tensors = new ScratchPool<Float32Array>(Float32Array);
  private readonly labelMaps = new ScratchPool<Int32Array>(Int32Array);

  constructor(
    private readonly model: OnnxModel,
    private readonly config: DetectionConfig,
  ) {}

  /**
   * The lines of a region: at a fraction of its size when its text is large (`largeText`),
   * else at full size; in strips where the region is larger than the detector's pixel budget.
   */
  async find(
    region: RgbImage,
    background: number,
    /**
     * Called with each strip's lines as soon as they are found, top to bottom, and awaited
     * before the next strip is read: a caller can read them while the rest is still unseen.
     * `restart`: the lines handed on before were a first look, and these replace them all
     * (large text, found at a fraction of the size, all at once).
     */
    onStrip?: (boxes: DetectedBox[], restart: boolean) => Promise<void>,
  ): Promise<{ boxes: DetectedBox[]; elapsedMs: number; scale: number }> {
    const { largeText } = this.config;
    if (region.width * region.height < largeText.minPixels)
      return { ...(await this.findInStrips(region, background, 1, onStrip)), scale: 1 };
    // Lines as they are found: the first strip at full size comes before the large-text check
    // (a quarter second on a full-HD capture), which it rarely changes: it is not read twice.
    const head = onStrip ? await this.findInStrips(region, background, 1, onStrip, { only: 1 }) : undefined;
    const reduced = await this.findInStrips(region, background, largeText.scale);
    const thick = reduced.boxes.filter(
      (box) => lineGeometry(box.quad).thickness * largeText.scale >= largeText.minThickness,
    ).length;
    if (reduced.boxes.length && thick >= largeText.minShare * reduced.boxes.length) {
      await onStrip?.(reduced.boxes, head !== undefined);
      return { ...reduced, elapsedMs: reduced.elapsedMs + (head?.elapsedMs ?? 0), scale: largeText.scale };
    }
    const full = await this.findInStrips(region, background, 1, onStrip, { skip: head ? 1 : 0 });
    return {
      boxes: [...(head?.boxes ?? []), ...full.boxes],
      elapsedMs: (head?.elapsedMs ?? 0) + full.elapsedMs + reduced.elapsedMs,
      scale: 1,
    };
  }

  /**
   * Detection over the region at `scale`, in strips when that is larger than the detector's
   * pixel budget; `part.only` reads just the first strips, `part.skip` the strips after them.
   */
  private async findInStrips(
    region: RgbImage,
    background: number,
    scale: number,
    onStrip?: (boxes: DetectedBox[], restart: boolean) => Promise<void>,
    part: { only?: number; skip?: number } = {},
  ): Promise<{ boxes: DetectedBox[]; elapsedMs: number }> {
    // The budget is in the detector's pixels: a region read at half size may be four times larger.
    const strips = planStrips(region.width, region.height, {
      ...this.config,
      maxPixels: this.config.maxPixels / (scale * scale),
      firstStripPixels: this.config.firstStripPixels / (scale * scale),
    });
    const boxes: DetectedBox[] = [];
    let elapsedMs = 0;
    for (const strip of strips.slice(part.skip ?? 0, part.only)) {
      const piece = cropRegion(region, { left: 0, top: strip.top, width: region.width, height: strip.height });
      const detection = await this.run({ image: piece, background, scale });
      elapsedMs += detection.elapsedMs;
      const kept: DetectedBox[] = [];
      for (const box of detection.boxes) {
        const quad = box.quad.map((p) => ({ x: p.x, y: p.y + strip.top })) as unknown as Quad;
        const centreY = (quad[0].y + quad[2].y) / 2;
        // A line in the shared rows is kept by the strip whose own (unshared) part holds its centre.
        if (centreY >= strip.keepFrom && centreY < strip.keepTo) kept.push({ ...box, quad });
      }
      boxes.push(...kept);
      if (onStrip && kept.length) await onStrip(kept, false);
    }
    return { boxes, elapsedMs };
  }

  async run(input: DetectionInput): Promise<DetectionOutput> {
    const started = performance.now();
    const { image } = input;
    const scale = Math.min(input.scale, this.config.maxSide / Math.max(image.width, image.height));
    const scaledW = Math.max(1, Math.round(image.width * scale));
    const scaledH = Math.max(1, Math.round(image.height * scale));
    const width = Math.max(STRIDE, Math.ceil(scaledW / STRIDE) * STRIDE);
    const height = Math.max(STRIDE, Math.ceil(scaledH / STRIDE) * STRIDE);
    const output = await this.tensors.lend(3 * width * height, (tensor) => {
      this.toTensor(image, scaledW, scaledH, width, height, input.background, tensor);
      return this.model.run({ data: tensor, dims: [1, 3, height, width] });
    });
    const probability = output.data;
    const boxes = this.boxesFromMap(probability, width, height, scaledW, scaledH).map((box) => ({
      score: box.score,
      // back into the pixels of the input image: undo the scale (the padding is at the far edges)
      quad: box.quad.map((p) => ({
        x: clamp(p.x / (scaledW / image.width), 0, image.width),
        y: clamp(p.y / (scaledH / image.height), 0, image.height),
      })) as unknown as Quad,
    }));
    return { boxes, inputWidth: width, inputHeight: height, elapsedMs: performance.now() - started };
  }

  /** Bilinear resample, BGR planes (PaddleOCR feeds OpenCV's channel order), mean/std normalised, background-padded. */
  private toTensor(
    image: RgbImage,
    scaledW: number,
    scaledH: number,
    width: number,
    height: number,
    background: number,
    /** 3 x width x height elements, every one written here. */
    out: Float32Array,
  ): void {
    const plane = width * height;
    const { mean, std } = this.config;
    // channel c of the tensor holds B, G, R for c = 0, 1, 2
    const lut = [2, 1, 0].map((rgbIndex, c) => {
      const table = new Float32Array(256);
      for (let v = 0; v < 256; v++) table[v] = (v / 255 - mean[c]!) / std[c]!;
      return { rgbIndex, table };
    });
    const padValues = lut.map(({ table }) => table[background]!);
    const src = image.data;
    const sw = image.width,
      sh = image.height;
    const fx = sw / scaledW,
      fy = sh / scaledH;
    const identity = sw === scaledW && sh === scaledH;
    // Per pass over a plane rather than per pixel over three channels, with the bilinear taps of
    // each column and row worked out once: the same sums in the same order (the same tensor),
    // a third of the time on a full-HD capture.
    const x0s = new Int32Array(scaledW),
      x1s = new Int32Array(scaledW),
      axs = new Float64Array(scaledW);
    for (let x = 0; x < scaledW; x++) {
      const sx = Math.min(sw - 1, Math.max(0, (x + 0.5) * fx - 0.5));
      x0s[x] = Math.floor(sx);
      x1s[x] = Math.min(sw - 1, x0s[x]! + 1);
      axs[x] = sx - x0s[x]!;
    }
    for (let c = 0; c < 3; c++) {
      const { rgbIndex: k, table } = lut[c]!;
      const m = mean[c]!,
        sd = std[c]!;
      const base = c * plane;
      out.fill(padValues[c]!, base, base + plane);
      for (let y = 0; y < scaledH; y++) {
        const row = base + y * width;
        if (identity) {
          for (let x = 0, s = y * sw * 3 + k; x < scaledW; x++, s += 3) out[row + x] = table[src[s]!]!;
          continue;
        }
        const sy = Math.min(sh - 1, Math.max(0, (y + 0.5) * fy - 0.5));
        const y0 = Math.floor(sy);
        const y1 = Math.min(sh - 1, y0 + 1);
        const ay = sy - y0;
        const r0 = y0 * sw,
          r1 = y1 * sw;
        for (let x = 0; x < scaledW; x++) {
          const x0 = x0s[x]!,
            x1 = x1s[x]!,
            ax = axs[x]!;
          const v =
            (src[(r0 + x0) * 3 + k]! * (1 - ax) + src[(r0 + x1) * 3 + k]! * ax) * (1 - ay) +
            (src[(r1 + x0) * 3 + k]! * (1 - ax) + src[(r1 + x1) * 3 + k]! * ax) * ay;
          out[row + x] = (v / 255 - m) / sd;
        }
      }
    }
  }

  /** Connected regions of the thresholded map, each a minimum-area box grown back by unclip. */
  private boxesFromMap(
    prob: Float32Array,
    width: number,
    height: number,
    validW: number,
    validH: number,
  ): DetectedBox[] {
    const { binaryThreshold, boxThreshold, unclipRatio, minBoxSide } = this.config;
    const labels = this.labelMaps.take(width * height);
    labels.fill(0);
    const parent: number[] = [0];
    const find = (a: number): number => {
      while (parent[a] !== a) {
        parent[a] = parent[parent[a]!]!;
        a = parent[a]!;
      }
      return a;
    };
    // First pass: provisional labels with 8-connectivity, unions recorded.
    for (let y = 0; y < validH; y++) {
      for (let x = 0; x < validW; x++) {
        const i = y * width + x;
        if (prob[i]! <= binaryThreshold) continue;
        const left = x > 0 ? labels[i - 1]! : 0;
        const up = y > 0 ? labels[i - width]! : 0;
        const upLeft = x > 0 && y > 0 ? labels[i - width - 1]! : 0;
        const upRight = x + 1 < validW && y > 0 ? labels[i - width + 1]! : 0;
        let label = left || up || upLeft || upRight;
        if (!label) {
          label = parent.length;
          parent.push(label);
        } else {
          for (const other of [left, up, upLeft, upRight]) {
            if (other && other !== label) {
              const ra = find(label),
                rb = find(other);
              if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
          }
        }
        labels[i] = label;
      }
    }
    // Second pass: per region, the row extremes (enough for the hull) and the probability sum.
    const regions = new Map<
      number,
      { points: Point[]; sum: number; count: number; minX: number; maxX: number; minY: number; maxY: number }
    >();
    for (let y = 0; y < validH; y++) {
      for (let x = 0; x < validW; x++) {
        const i = y * width + x;
        if (!labels[i]) continue;
        const root = find(labels[i]!);
        let region = regions.get(root);
        if (!region) {
          region = { points: [], sum: 0, count: 0, minX: x, maxX: x, minY: y, maxY: y };
          regions.set(root, region);
        }
        region.sum += prob[i]!;
        region.count++;
        if (x < region.minX) region.minX = x;
        if (x > region.maxX) region.maxX = x;
        if (y > region.maxY) region.maxY = y;
        const leftEdge = x === 0 || !labels[i - 1];
        const rightEdge = x + 1 >= validW || !labels[i + 1];
        // pixel corners, so a one-pixel-wide region still has an area
        if (leftEdge) region.points.push({ x, y }, { x, y: y + 1 });
        if (rightEdge) region.points.push({ x: x + 1, y }, { x: x + 1, y: y + 1 });
      }
    }
    this.labelMaps.give(labels);
    const boxes: DetectedBox[] = [];
    for (const region of regions.values()) {
      if (region.maxX - region.minX + 1 < minBoxSide && region.maxY - region.minY + 1 < minBoxSide) continue;
      const score = region.sum / region.count;
      if (score < boxThreshold) continue;
      const rect = minAreaRect(region.points);
      if (Math.min(rect.width, rect.height) < minBoxSide - 1) continue;
      const grown = unclipRect(rect, unclipRatio);
      // Near-axis-aligned boxes are snapped: screen text is level, and a half-degree tilt
      // from a ragged region only blurs the crop.
      if (Math.abs(grown.angle) < (2 * Math.PI) / 180) grown.angle = 0;
      boxes.push({ quad: rectToQuad(grown), score });
    }
    return boxes;
  }
}

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

export interface Strip {
  top: number;
  height: number;
  /** Rows whose lines this strip reports: the strip less half the overlap on each inner side. */
  keepFrom: number;
  keepTo: number;
}

/**
 * Horizontal strips of at most `maxPixels` each, overlapping by `stripOverlap` rows; the first
 * of at most `firstStripPixels`, where given: its lines are the first a user sees.
 */
export function planStrips(
  width: number,
  height: number,
  config: Pick<DetectionConfig, 'maxPixels' | 'stripOverlap'> & { firstStripPixels?: number },
): Strip[] {
  const overlap = config.stripOverlap;
  const rowsFor = (pixels: number) => Math.max(overlap * 2, Math.floor(pixels / Math.max(1, width)));
  const stripHeight = rowsFor(config.maxPixels);
  if (height <= stripHeight) return [{ top: 0, height, keepFrom: -Infinity, keepTo: Infinity }];
  const firstHeight = Math.min(stripHeight, rowsFor(config.firstStripPixels ?? config.maxPixels));
  const strips: Strip[] = [];
  for (let top = 0; ;) {
    const wanted = top === 0 ? firstHeight : stripHeight;
    const last = top + wanted >= height;
    const h = last ? height - top : wanted;
    strips.push({
      top,
      height: h,
      keepFrom: top === 0 ? -Infinity : top + overlap / 2,
      keepTo: last ? Infinity : top + h - overlap / 2,
    });
    if (last) return strips;
    top += h - overlap;
  }
}
