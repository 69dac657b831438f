// Stage 3: CTC text recognition (PP-OCRv4 rec). Lines are batched by similar width so one
// inference serves many lines with little padding.
import type { RecognitionConfig } from './config.js';
import type { OnnxModel } from './runtime.js';
import type { RgbImage } from './raster.js';
import type { Quad } from './geometry.js';
import type { CharacterDictionary } from './dictionary.js';
import { ScratchPool } from './scratch.js';
import { lineGeometry, sampleQuad } from './crop.js';
import { decodeCtc, type DecodedChar } from './ctc.js';

export interface RecognitionLine {
  /** Corners in reading order (first edge along the text), in `image` pixels. */
  quad: Quad;
}

export interface RecognizedChar extends DecodedChar {
  /** Where the character sits along the line, as fractions (0..1) of the line's length. */
  start: number;
  end: number;
}

export interface RecognizedText {
  text: string;
  score: number;
  chars: RecognizedChar[];
}

export interface RecognitionOutput {
  lines: RecognizedText[];
  batches: number;
  elapsedMs: number;
}

/** The model's input is 8x wider than its output sequence (SVTR-LCNet's downsampling). */
const WIDTH_PER_STEP = 8;

const normalizeTable = (() => {
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) table[v] = (v / 255 - 0.5) / 0.5;
  return table;
})();

export class TextRecognizer {
  /** Batch inputs, reused (scratch.ts). */
  private readonly tensors = new ScratchPool<Float32Array>(Float32Array);

  constructor(
    private readonly model: OnnxModel,
    private readonly dictionary: CharacterDictionary,
    private readonly config: RecognitionConfig,
  ) {}

  /**
   * Reads every line, then reads again, stretched along the line, those with narrow marks in
   * them. At the model's 8 input pixels per output step, the three dots of "..." or the two
   * hyphens of "--" stand a step or less apart, and CTC needs a blank step between two equal
   * characters: the copies are lost. Stretched by 1.5, they come back (ui CER 0.0149 -> 0.0132,
   * rotated180 0.0404 -> 0.0224 on the bench). Only short lines (menu items, dialogs, usage
   * lines: where "..." lives) are read again: long ones cost most and gained nothing measured.
   */
  async run(image: RgbImage, lines: readonly RecognitionLine[]): Promise<RecognitionOutput> {
    const started = performance.now();
    const results: RecognizedText[] = new Array(lines.length);
    let batches = await this.readLines(image, lines, [...lines.keys()], 1, results);
    const marked = [...lines.keys()].filter(
      (i) => mayHaveMergedMarks(results[i]!.text) && [...results[i]!.text].length <= this.config.narrowMarkMaxChars,
    );
    if (marked.length) {
      const stretched: RecognizedText[] = new Array(lines.length);
      batches += await this.readLines(image, lines, marked, this.config.narrowMarkStretch, stretched);
      // Taken only where it found marks the first reading lost: elsewhere (code in a
      // monospace font) the first reading is as good or better.
      for (const i of marked)
        if (markCount(stretched[i]!.text) > markCount(results[i]!.text)) results[i] = stretched[i]!;
    }
    return { lines: results, batches, elapsedMs: performance.now() - started };
  }

  /** Reads the lines at `indices` into `results`, each `stretch` times wider than its shape; returns the batches run. */
  private async readLines(
    image: RgbImage,
    lines: readonly RecognitionLine[],
    indices: number[],
    stretch: number,
    results: RecognizedText[],
  ): Promise<number> {
    const { height } = this.config;
    const widths = indices.map((i) => this.inputWidth(lines[i]!.quad, stretch));
    const batches = planBatches(widths, this.config);
    for (const batch of batches) {
      const batchWidth = Math.max(...batch.map((k) => widths[k]!));
      const plane = height * batchWidth;
      // The model is loaded with its best-class outputs (runtime.ts: bestClassOnly).
      const [bestClass, bestScore] = await this.tensors.lend(batch.length * 3 * plane, (data) => {
        data.fill(0); // zero = mid-gray after normalising, PaddleOCR's pad
        batch.forEach((k, slot) => {
          sampleQuad(
            image,
            lines[indices[k]!]!.quad,
            widths[k]!,
            height,
            data,
            slot * 3 * plane,
            batchWidth,
            plane,
            normalizeTable,
          );
        });
        return this.model.runAll({ data, dims: [batch.length, 3, height, batchWidth] });
      });
      const steps = bestClass!.dims[1]!;
      const inputPerStep = batchWidth / steps;
      batch.forEach((k, slot) => {
        const width = widths[k]!;
        const decoded = decodeCtc(
          bestClass!.data,
          bestScore!.data,
          slot * steps,
          Math.min(steps, Math.ceil(width / inputPerStep)),
          this.dictionary,
        );
        results[indices[k]!] = {
          text: decoded.chars.map((c) => c.char).join(''),
          score: decoded.score,
          chars: decoded.chars.map((c) => ({
            ...c,
            start: Math.min(1, (c.firstStep * inputPerStep) / width),
            end: Math.min(1, ((c.lastStep + 1) * inputPerStep) / width),
          })),
        };
      });
    }
    return batches.length;
  }

  private inputWidth(quad: Quad, stretch: number): number {
    const { length, thickness } = lineGeometry(quad);
    const width = Math.round((this.config.height * length * stretch) / Math.max(1, thickness));
    return Math.min(
      this.config.maxWidth,
      Math.max(WIDTH_PER_STEP * 2, Math.ceil(width / WIDTH_PER_STEP) * WIDTH_PER_STEP),
    );
  }
}

/** Marks narrow enough for two of them to fall within one output step: dots, hyphens, quotes. */
const markCount = (text: string) => text.match(/[.\-'‘’"“”]/g)?.length ?? 0;

/**
 * Where a copy may have been lost: a dot or hyphen not inside a word ("[OPTION]." for
 * "[OPTION]...", "-help" for "--help"), or a quote beside a quote. Inside a word (CD-ROM,
 * v.append) they stand alone: on the bench, 2 lines in 3 with marks were such, and reading
 * them again never found more.
 */
const mayHaveMergedMarks = (text: string) => /(?<![\p{L}\p{N}])[.-]|[.-](?![\p{L}\p{N}])|['‘’"“”]{2}/u.test(text);

/**
 * Groups line indices into batches: lines sorted by width, a batch closed when it is full,
 * over its pixel budget, or when adding the next (wider) line would make more than a quarter
 * of the batch padding.
 */
export function planBatches(
  widths: readonly number[],
  config: Pick<RecognitionConfig, 'batchSize' | 'maxBatchPixels' | 'height'>,
): number[][] {
  const order = widths.map((_, i) => i).sort((a, b) => widths[a]! - widths[b]!);
  const batches: number[][] = [];
  let current: number[] = [];
  let used = 0;
  for (const index of order) {
    const width = widths[index]!;
    if (current.length) {
      const count = current.length + 1;
      const padded = count * width; // sorted ascending: this line sets the batch width
      const waste = (padded - (used + width)) / padded;
      if (count > config.batchSize || padded * config.height > config.maxBatchPixels || waste > 0.25) {
        batches.push(current);
        current = [];
        used = 0;
      }
    }
    current.push(index);
    used += width;
  }
  if (current.length) batches.push(current);
  return batches;
}
