// Stage 3: CTC text recognition (PP-OCRv4 rec). Lines are batched by similar width so one
// inference serves many lines with little padding.
import type { RecognitionConfig } from './config.js';
import type { OnnxModel } from './runtime.js';
import type { RgbImage } from './raster.js';
import type { Quad } from './geometry.js';
import type { CharacterDictionary } from './dictionary.js';
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
  constructor(
    private readonly model: OnnxModel,
    private readonly dictionary: CharacterDictionary,
    private readonly config: RecognitionConfig,
  ) {}

  async run(image: RgbImage, lines: readonly RecognitionLine[]): Promise<RecognitionOutput> {
    const started = performance.now();
    const { height } = this.config;
    const widths = lines.map((line) => this.inputWidth(line.quad));
    const results: RecognizedText[] = new Array(lines.length);
    const batches = planBatches(widths, this.config);
    for (const batch of batches) {
      const batchWidth = Math.max(...batch.map((i) => widths[i]!));
      const plane = height * batchWidth;
      const data = new Float32Array(batch.length * 3 * plane); // zero = mid-gray after normalising, PaddleOCR's pad
      batch.forEach((lineIndex, slot) => {
        sampleQuad(image, lines[lineIndex]!.quad, widths[lineIndex]!, height, data, slot * 3 * plane, batchWidth, plane, normalizeTable);
      });
      const output = await this.model.run({ data, dims: [batch.length, 3, height, batchWidth] });
      const [, steps, classes] = output.dims as [number, number, number];
      const inputPerStep = batchWidth / steps;
      batch.forEach((lineIndex, slot) => {
        const ownSteps = Math.min(steps, Math.ceil(widths[lineIndex]! / inputPerStep));
        const decoded = decodeCtc(output.data, slot * steps * classes, ownSteps, classes, this.dictionary);
        const width = widths[lineIndex]!;
        results[lineIndex] = {
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
    return { lines: results, batches: batches.length, elapsedMs: performance.now() - started };
  }

  private inputWidth(quad: Quad): number {
    const { length, thickness } = lineGeometry(quad);
    const width = Math.round((this.config.height * length) / Math.max(1, thickness));
    return Math.min(this.config.maxWidth, Math.max(WIDTH_PER_STEP * 2, Math.ceil(width / WIDTH_PER_STEP) * WIDTH_PER_STEP));
  }
}

/**
 * Groups line indices into batches: lines sorted by width, a batch closed when it is full,
 * over its pixel budget, or when adding the next (wider) line would make more than a quarter
 * of the batch padding.
 */
export function planBatches(widths: readonly number[], config: Pick<RecognitionConfig, 'batchSize' | 'maxBatchPixels' | 'height'>): number[][] {
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
