// The orchestrator: runs the stages in order (decode, trim, detect, recognize, word spaces, the
// turned-page and second-reader passes). Lines leave in the pixels of the upright image, with
// `turns` saying how it was turned: unturnBox maps them back to the image as sent, once, at the
// end (server/image-to-response.ts). It owns its model sessions; one engine serves one request at a time.
import { resolveEngineConfig, type EngineConfig, type EngineConfigOverrides } from './config.js';
import { OnnxModel } from './runtime.js';
import { CharacterDictionary } from './dictionary.js';
import { bundledModelPaths, type ModelPaths } from './models.js';
import { TextDetector, type DetectedBox } from './detect.js';
import { TextRecognizer, type RecognitionOutput, type RecognizedText } from './recognizer.js';
import { decodeImage, type DecodedImage } from './image.js';
import {
  addMargin,
  borderColour,
  borderMode,
  contentBounds,
  cropRegion,
  rotateQuarterTurns,
  toGray,
  type QuarterTurns,
  type RgbImage,
} from './raster.js';
import { lineGeometry, quarterTurnQuad } from './crop.js';
import { restoreWordSpaces } from './spacing.js';
import { lookalikeFixes } from '../text/lookalikes.js';
import { quadBounds, type Box, type Point, type Quad } from './geometry.js';
import { findRulings, type Ruling, type Rulings } from './rulings.js';
import { SecondScriptPass, type SecondScriptLine } from './second-script.js';
import { TesseractReader } from './tesseract.js';
import { looksSideways, mostlyStanding } from './sideways.js';
import { readCodes, type Barcode } from './barcodes.js';
import { isPdf, openPdf } from './pdf-pages.js';
import { FormulaSymbolReader, type FormulaSymbol } from './formula-symbols.js';

export interface EngineChar {
  char: string;
  score: number;
  /** The character's extent along the line, in image pixels (a box across the line's thickness). */
  box: Box;
}

export interface EngineLine {
  text: string;
  score: number;
  /** Corners in reading order, in the pixels of the image as sent. */
  quad: Quad;
  /** Axis-aligned bounds of `quad`. */
  box: Box;
  /** `vertical`: a column read top to bottom. */
  direction: 'horizontal' | 'vertical';
  chars: EngineChar[];
}

export interface StageTimings {
  decodeMs: number;
  detectMs: number;
  recognizeMs: number;
  /** The second reader (Japanese), and how many lines it read again; absent when it did not run. */
  secondScriptMs?: number;
  secondScriptLines?: number;
  /** Looking for QR codes and barcodes. */
  codesMs?: number;
  /**
   * Time inside the detection and recognition models, every pass included: the floor under
   * `totalMs` for these models on this machine (set for a whole picture, not for a turn).
   */
  modelMs?: number;
  totalMs: number;
}

export interface EngineOutput {
  /** The image as sent. */
  width: number;
  height: number;
  /**
   * Quarter turns clockwise that made the image upright (autodirection); 0 when none. The
   * lines' boxes are in the upright image: `unturnBox` maps them back, once, at the end.
   */
  turns: QuarterTurns;
  lines: EngineLine[];
  timings: StageTimings;
  /** Recognition batches run (for the record: fewer is faster). */
  batches: number;
  /** The scale lines were detected at (below 1: large text, found at a fraction of the pixels). */
  detectionScale: number;
  /** The ruling lines of the upright image, when asked for (table mode). */
  rulings?: Rulings;
  /** QR codes and barcodes, in the pixels of the image as sent. */
  codes?: Barcode[];
  /**
   * Below 1: the image had more pixels than the engine reads (`limits.maxPixels`) and was read
   * at this fraction of its size; every box is in its own pixels all the same.
   */
  readScale?: number;
}

export interface EngineLoadOptions {
  config?: EngineConfigOverrides;
  models?: Partial<ModelPaths>;
}

export interface FormulaSnip {
  /** Empty when the snip holds too many pieces of ink to be one formula. */
  symbols: FormulaSymbol[];
  ms: number;
}

export class OcrEngine {
  private formulaReader?: FormulaSymbolReader;

  private constructor(
    readonly config: EngineConfig,
    private readonly models: OnnxModel[],
    private readonly detector: TextDetector,
    private readonly recognizer: TextRecognizer,
    /** Milliseconds the models took to load: the engine's start-up cost. */
    readonly loadMs: number,
    private readonly secondScript?: { pass: SecondScriptPass; reader: TesseractReader },
  ) {}

  static async load(options: EngineLoadOptions = {}): Promise<OcrEngine> {
    const started = performance.now();
    const config = resolveEngineConfig(options.config);
    const paths = { ...bundledModelPaths(), ...options.models };
    const threads = config.runtime.intraOpThreads;
    const [detection, recognition, dictionary] = await Promise.all([
      OnnxModel.load(paths.detection, { intraOpThreads: threads }),
      OnnxModel.load(paths.recognition, { intraOpThreads: threads, bestClassOnly: true }),
      CharacterDictionary.load(paths.dictionary),
    ]);
    // Tesseract starts only when a page first needs it: creating the reader costs nothing.
    const reader = config.secondScript.enabled ? new TesseractReader() : undefined;
    return new OcrEngine(
      config,
      [detection, recognition],
      new TextDetector(detection, config.detection),
      new TextRecognizer(recognition, dictionary, config.recognition),
      performance.now() - started,
      reader && { pass: new SecondScriptPass(reader, config.secondScript, (char) => dictionary.has(char)), reader },
    );
  }

  /** Recognizes each page of what was sent: an image is one page, a PDF one per page (rendered with pdf.js). */
  async recognizeDocument(bytes: Uint8Array, options: RecognizeImageOptions = {}): Promise<EngineOutput[]> {
    if (!isPdf(bytes)) return [await this.recognizeBytes(bytes, options)];
    const pages = await openPdf(bytes, this.config.pdf, this.config.limits);
    try {
      const outputs: EngineOutput[] = [];
      for (let i = 0; i < pages.count; i++) {
        const started = performance.now();
        outputs.push(await this.readPicture(await pages.render(i), options, started));
      }
      return outputs;
    } finally {
      await pages.close();
    }
  }

  /**
   * The symbols of a formula snip (type 3), each with the glyphs it may be, for layout to build
   * the formula from. The glyph templates load on first use. Bad input throws an `OcrError`.
   */
  async readFormulaSymbols(bytes: Uint8Array): Promise<FormulaSnip> {
    const started = performance.now();
    const image = await decodeImage(bytes, this.config.limits);
    this.formulaReader ??= new FormulaSymbolReader(this.config.formula);
    const symbols = this.formulaReader.read(image);
    return { symbols, ms: performance.now() - started };
  }

  /** Decodes and recognizes an encoded image (PNG, JPEG, ...). Bad input throws an `OcrError` (state 7). */
  async recognizeBytes(bytes: Uint8Array, options: RecognizeImageOptions = {}): Promise<EngineOutput> {
    const started = performance.now();
    return this.readPicture(await decodeImage(bytes, this.config.limits), options, started);
  }

  /** Text and codes of a picture decoded (or rendered) since `started`, that time counted as decoding. */
  private async readPicture(
    image: RgbImage & Partial<Pick<DecodedImage, 'sourceWidth' | 'sourceHeight'>>,
    options: RecognizeImageOptions,
    started: number,
  ): Promise<EngineOutput> {
    const decodeMs = performance.now() - started;
    const modelBusy = this.modelBusyMs();
    // A large scan read scaled down: the lines handed on, like the answer, are in its own pixels.
    const up = image.sourceWidth && image.sourceWidth !== image.width ? image.sourceWidth / image.width : 1;
    const { onLines } = options;
    const output = await this.recognizeImage(image, {
      ...options,
      ...(onLines && up !== 1 && { onLines: (lines, restart) => onLines(scaledLines(lines, up), restart) }),
    });
    output.timings.modelMs = this.modelBusyMs() - modelBusy;
    if (this.config.barcodes.enabled) await this.addCodes(image, output);
    output.timings.decodeMs = decodeMs;
    output.timings.totalMs += decodeMs;
    return up === 1 ? output : scaledOutput(output, up, image.sourceWidth!, image.sourceHeight!);
  }

  private modelBusyMs(): number {
    return this.models.reduce((ms, model) => ms + model.busyMs, 0);
  }

  /**
   * QR codes and barcodes, read from the image as sent (zxing finds them at any angle). The
   * detector takes a code's modules for text and the recognizer reads them as junk: lines
   * standing on a code are dropped.
   */
  private async addCodes(image: RgbImage, output: EngineOutput): Promise<void> {
    const started = performance.now();
    const codes = await readCodes(image, this.config.barcodes.maxSymbols);
    output.timings.codesMs = performance.now() - started;
    output.timings.totalMs += output.timings.codesMs;
    if (!codes.length) return;
    output.codes = codes;
    // Lines are in the upright frame; on a turned page they are left as they are.
    if (output.turns) return;
    const inside = (box: Box) =>
      codes.some(({ box: c }) => {
        const x = box.left + box.width / 2,
          y = box.top + box.height / 2;
        return x >= c.left && x <= c.left + c.width && y >= c.top && y <= c.top + c.height;
      });
    output.lines = output.lines.filter((line) => !inside(line.box));
  }

  /**
   * With `autodirection`, a page turned by 90, 180 or 270 degrees is read upright: the turns
   * worth trying are read too (90 and 270 when most lines stand on end, else 180) and the
   * reading the recognizer is most confident of wins. Upside-down text, and sideways text read
   * across, read as low-confidence garbage, so the comparison needs no extra model. Without the option the
   * engine decides: it tries the turns when the upright reading looks like such garbage (see
   * `looksTurned`) or like a sideways page (sideways.ts), so an upright page costs nothing more.
   */
  async recognizeImage(image: RgbImage, options: RecognizeImageOptions = {}): Promise<EngineOutput> {
    // A crop cut right at its glyphs leaves the detector no background to find their edges by
    // (a tight 13 px monospace line read "e r ror Ts2304"): it is read with a margin of its
    // background colour added, and every box moved back into the image as sent.
    const gray = toGray(image);
    const margin = this.missingMargin(image, gray);
    // Unchanged, the image's gray levels serve its upright reading too.
    if (!margin) return this.readInBestTurn(image, options, gray);
    const { onLines } = options;
    const output = await this.readInBestTurn(addMargin(image, margin, borderColour(image)), {
      ...options,
      ...(onLines && {
        // Streamed lines come from the upright reading (turns 0): the image's own sides bound them.
        onLines: (lines: EngineLine[], restart: boolean) =>
          onLines(linesWithoutMargin(lines, margin, image.width, image.height), restart),
      }),
    });
    return withoutMargin(output, margin, image.width, image.height);
  }

  /** The margin to add when the content comes closer to an edge than the detector needs; 0 when it does not. */
  private missingMargin(image: RgbImage, gray: Uint8Array): number {
    if (image.width < 4 || image.height < 4) return 0;
    const content = contentBounds(gray, image.width, image.height, 0);
    if (!content) return 0;
    const { trimMargin } = this.config.detection;
    const nearest = Math.min(
      content.left,
      content.top,
      image.width - content.left - content.width,
      image.height - content.top - content.height,
    );
    return nearest < trimMargin ? trimMargin : 0;
  }

  /** The reading in the orientation the recognizer is most confident of (see recognizeImage). */
  private async readInBestTurn(
    image: RgbImage,
    options: RecognizeImageOptions,
    gray?: Uint8Array,
  ): Promise<EngineOutput> {
    const first = await this.readUpright(image, 0, options, gray);
    const sideways = looksSideways(first.output.lines, this.config.recognition);
    const turned = this.looksTurned(first.output);
    // Columns read with confidence, and not a sideways page's, are vertical text as sent:
    // turned a quarter, the same crops read as well, and only lose their order.
    const verticalAsSent = !sideways && !turned && mostlyStanding(first.output.lines);
    let best = first;
    if ((options.autodirection && !verticalAsSent) || sideways || turned) {
      // A sideways page's columns read well, but in an order that is the page's own only
      // upright: that reading does not compete.
      let bestConfidence = sideways ? -Infinity : confidence(first.output);
      for (const turns of this.turnsToTry(first.output, sideways && !turned && !options.autodirection)) {
        // Lines already shown came from the upright reading; a turn that wins replaces them in the answer.
        const reading = await this.readUpright(rotateQuarterTurns(image, turns), turns, {
          ...options,
          onLines: undefined,
        });
        reading.output.width = image.width;
        reading.output.height = image.height;
        const readingConfidence = confidence(reading.output);
        if (readingConfidence > bestConfidence) [best, bestConfidence] = [reading, readingConfidence];
      }
    }
    // Only the orientation kept is read by the second reader: the others' garbage would wake it.
    return this.withSecondReading(best);
  }

  /**
   * 90 and 270 degrees when most lines stand on end, else 180. A page known to be sideways and
   * read with confidence (its columns read top to bottom) was turned a quarter clockwise:
   * three more quarters stand it upright.
   */
  private turnsToTry(first: EngineOutput, sidewaysOnly: boolean): QuarterTurns[] {
    if (sidewaysOnly) return [3];
    return mostlyStanding(first.lines) ? [1, 3] : [2];
  }

  /** The upright reading looks like a turned page: lines were read, and read poorly, or all dropped. */
  private looksTurned(first: EngineOutput): boolean {
    return first.batches > 0 && meanCharScore(first) < this.config.recognition.turnedBelowScore;
  }

  /** Detection and recognition of an upright picture, its lines built from the recognizer's reading alone. */
  private async readUpright(
    image: RgbImage,
    turns: QuarterTurns,
    options: RecognizeImageOptions,
    /** The image's gray levels, when the caller has them already. */
    givenGray?: Uint8Array,
  ): Promise<UprightReading> {
    const started = performance.now();
    const timings: StageTimings = { decodeMs: 0, detectMs: 0, recognizeMs: 0, totalMs: 0 };
    const empty = (): UprightReading => {
      timings.totalMs = performance.now() - started;
      return {
        image,
        lines: [],
        recognized: [],
        built: [],
        output: { width: image.width, height: image.height, turns, lines: [], timings, batches: 0, detectionScale: 1 },
      };
    };
    if (image.width < 4 || image.height < 4) return empty();

    const gray = givenGray ?? toGray(image);
    const bounds = contentBounds(gray, image.width, image.height, this.config.detection.trimMargin);
    if (!bounds) return empty();
    const background = borderMode(gray, image.width, image.height);
    const rulings = options.rulings
      ? findRulings(gray, image.width, image.height, background, this.config.rulings)
      : undefined;
    const region = cropRegion(image, bounds);

    const toLine = (box: DetectedBox): SecondScriptLine => {
      const quad = box.quad.map((p) => ({ x: p.x + bounds.left, y: p.y + bounds.top })) as unknown as Quad;
      const { length, thickness } = lineGeometry(quad);
      // A box much taller than wide is a column of vertical text: read it top to bottom.
      const vertical = thickness > length * this.config.detection.verticalAspect && length > 0;
      return {
        quad: vertical ? quarterTurnQuad(quad) : quad,
        direction: vertical ? ('vertical' as const) : ('horizontal' as const),
      };
    };

    let lines: SecondScriptLine[];
    let recognition: RecognitionOutput;
    let built: (EngineLine | undefined)[];
    let detected: Awaited<ReturnType<TextDetector['find']>>;
    const { onLines } = options;
    if (!onLines) {
      detected = await this.detector.find(region, background);
      lines = detected.boxes.map(toLine);
      recognition = await this.recognizer.run(image, lines);
      built = recognition.lines.map((recognized, i) => this.engineLine(image, lines[i]!, recognized));
    } else {
      // Lines as they are read: each detection strip's lines are recognized (and built, once)
      // before the next strip is looked at, so the first lines of a large capture come in a
      // fraction of its time.
      const sofar: RecognitionOutput = { lines: [], batches: 0, elapsedMs: 0 };
      const [shown, builtSoFar]: [SecondScriptLine[], (EngineLine | undefined)[]] = [[], []];
      detected = await this.detector.find(region, background, async (boxes, restart) => {
        const part = boxes.map(toLine).sort((a, b) => quadBounds(a.quad).top - quadBounds(b.quad).top);
        const read = await this.recognizer.run(image, part);
        if (restart) [shown.length, sofar.lines.length, builtSoFar.length] = [0, 0, 0];
        const partBuilt = read.lines.map((r, i) => this.engineLine(image, part[i]!, r));
        shown.push(...part);
        sofar.lines.push(...read.lines);
        builtSoFar.push(...partBuilt);
        sofar.batches += read.batches;
        sofar.elapsedMs += read.elapsedMs;
        const kept = partBuilt.filter((l) => l !== undefined);
        if (kept.length || restart) onLines(kept, restart);
      });
      [lines, recognition, built] = [shown, sofar, builtSoFar];
    }
    timings.detectMs = detected.elapsedMs;
    timings.recognizeMs = recognition.elapsedMs;
    const output = {
      width: image.width,
      height: image.height,
      turns,
      lines: built.filter((l) => l !== undefined),
      timings,
      batches: recognition.batches,
      detectionScale: detected.scale,
      ...(rulings && { rulings }),
    };
    timings.totalMs = performance.now() - started;
    return { image, lines, recognized: recognition.lines, built, output };
  }

  /** The reading with the second reader's lines in it (kana, Hangul, Traditional characters...), when it finds any. */
  private async withSecondReading(reading: UprightReading): Promise<EngineOutput> {
    const { output } = reading;
    if (!this.secondScript || !reading.lines.length) return output;
    const second = await this.secondScript.pass.run(
      reading.image,
      reading.lines,
      reading.recognized,
      reading.built.map((line) => line?.text),
    );
    output.timings.secondScriptMs = second.elapsedMs;
    output.timings.secondScriptLines = second.reread;
    output.timings.totalMs += second.elapsedMs;
    // Only the lines the second reader changed are built again (word spaces are measured in the pixels).
    const changed = (i: number) => second.readings[i] !== undefined || second.corrected[i] !== undefined;
    if (reading.lines.some((_, i) => changed(i))) {
      const built = reading.built.map((line, i) =>
        changed(i)
          ? this.engineLine(
              reading.image,
              reading.lines[i]!,
              second.corrected[i] ?? reading.recognized[i]!,
              second.readings[i],
            )
          : line,
      );
      output.lines = built.filter((l) => l !== undefined);
    }
    return output;
  }

  /**
   * A line as the engine hands it on: text (word spaces restored), score, quad, characters in
   * image pixels; undefined when the reading is empty or too doubtful to keep.
   */
  private engineLine(
    image: RgbImage,
    line: SecondScriptLine,
    recognized: RecognizedText,
    secondReading?: string,
  ): EngineLine | undefined {
    if (secondReading !== undefined) {
      // Tesseract's words, not the recognizer's characters: no per-character places.
      return {
        text: secondReading,
        score: this.config.secondScript.readingScore,
        quad: line.quad,
        box: quadBounds(line.quad),
        direction: line.direction,
        chars: [],
      };
    }
    const text = withLookalikesFixed(
      line.direction === 'horizontal'
        ? restoreWordSpaces(image, line.quad, recognized, this.config.spacing)
        : recognized,
    );
    if (!text.text.trim() || text.score < this.config.recognition.minScore) return undefined;
    const [p0, p1, p2, p3] = line.quad;
    const along = (t: number, a: Point, b: Point): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
    return {
      text: text.text,
      score: text.score,
      quad: line.quad,
      box: quadBounds(line.quad),
      direction: line.direction,
      chars: text.chars.map((c) => ({
        char: c.char,
        score: c.score,
        box: quadBounds([along(c.start, p0, p1), along(c.end, p0, p1), along(c.end, p3, p2), along(c.start, p3, p2)]),
      })),
    };
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.models.map((m) => m.release()), this.secondScript?.reader.dispose()]);
  }
}

/** An upright picture read by detection and the recognizer, before any second reading. */
interface UprightReading {
  image: RgbImage;
  lines: SecondScriptLine[];
  recognized: RecognizedText[];
  /** Each line as built from the recognizer's reading alone (undefined: dropped). */
  built: (EngineLine | undefined)[];
  /** Those lines kept, with the figures of the reading. */
  output: EngineOutput;
}

export interface RecognizeImageOptions {
  /** Find the page's orientation and read it upright. */
  autodirection?: boolean;
  /**
   * Lines as they are read, before the whole answer: the upright reading's lines, strip by
   * strip from the top, in the pixels of the image as sent, with the recognizer's words
   * (before any second reading, turn or layout). `restart`: the lines given before were a
   * first look, replaced by these (large text, found again at a fraction of the size). Each
   * strip's lines are recognized in batches of their own: on the bench and the corpus (494
   * images) 19 answers differ from those read whole, with 420 errors instead of 423.
   */
  onLines?: (lines: EngineLine[], restart: boolean) => void;
  /** Also find the ruling lines (table mode). */
  rulings?: boolean;
}

/** How sure the recognizer is of a whole reading: confidence weighted by characters read. */
function confidence(output: EngineOutput): number {
  return output.lines.reduce((sum, line) => sum + line.score * [...line.text].length, 0);
}

/**
 * On the bench, pages turned 180 or 270 degrees read at a mean character score of 0.57-0.79,
 * upright ones at 0.81 or more (the lowest: Japanese, whose kana the first reader lacks), and a
 * turned page may come back with every line dropped. A false alarm costs time, not accuracy:
 * the upright reading still wins on confidence.
 */
function meanCharScore(output: EngineOutput): number {
  const chars = output.lines.reduce((sum, line) => sum + [...line.text].length, 0);
  return chars ? confidence(output) / chars : 0;
}

/** Lines read with `margin` added on every side, moved back and kept inside the upright picture. */
function linesWithoutMargin(lines: readonly EngineLine[], margin: number, width: number, height: number): EngineLine[] {
  const point = (p: Point): Point => ({
    x: Math.min(width, Math.max(0, p.x - margin)),
    y: Math.min(height, Math.max(0, p.y - margin)),
  });
  const box = (b: Box): Box => {
    const left = Math.min(width, Math.max(0, b.left - margin));
    const top = Math.min(height, Math.max(0, b.top - margin));
    const right = Math.min(width, Math.max(0, b.left + b.width - margin));
    const bottom = Math.min(height, Math.max(0, b.top + b.height - margin));
    return { left, top, width: right - left, height: bottom - top };
  };
  return lines.map((line) => {
    const quad = line.quad.map(point) as unknown as Quad;
    return { ...line, quad, box: quadBounds(quad), chars: line.chars.map((c) => ({ ...c, box: box(c.box) })) };
  });
}

const scaledBox = (b: Box, factor: number): Box => ({
  left: b.left * factor,
  top: b.top * factor,
  width: b.width * factor,
  height: b.height * factor,
});

/** Lines read in a scaled-down image, in the pixels of the image itself (`factor`: its size over the read one's). */
function scaledLines(lines: readonly EngineLine[], factor: number): EngineLine[] {
  const point = (p: Point): Point => ({ x: p.x * factor, y: p.y * factor });
  const box = (b: Box) => scaledBox(b, factor);
  return lines.map((line) => ({
    ...line,
    quad: line.quad.map(point) as unknown as Quad,
    box: box(line.box),
    chars: line.chars.map((c) => ({ ...c, box: box(c.box) })),
  }));
}

/** A reading of a scaled-down image as a reading of the image itself, `readScale` saying how it was read. */
function scaledOutput(output: EngineOutput, factor: number, width: number, height: number): EngineOutput {
  const ruling = (r: Ruling): Ruling => ({
    position: r.position * factor,
    start: r.start * factor,
    end: r.end * factor,
    thickness: r.thickness * factor,
  });
  return {
    ...output,
    width,
    height,
    readScale: 1 / factor,
    lines: scaledLines(output.lines, factor),
    ...(output.rulings && {
      rulings: { horizontal: output.rulings.horizontal.map(ruling), vertical: output.rulings.vertical.map(ruling) },
    }),
    ...(output.codes && { codes: output.codes.map((c) => ({ ...c, box: scaledBox(c.box, factor) })) }),
  };
}

/**
 * A reading of an image with `margin` added on every side, as a reading of the image itself:
 * every point moved back by the margin and kept inside the image (upright: `turns` may have
 * swapped its sides).
 */
function withoutMargin(output: EngineOutput, margin: number, width: number, height: number): EngineOutput {
  const [uprightWidth, uprightHeight] = output.turns % 2 ? [height, width] : [width, height];
  const ruling = (r: Ruling): Ruling => ({
    ...r,
    position: r.position - margin,
    start: Math.max(0, r.start - margin),
    end: r.end - margin,
  });
  return {
    ...output,
    width,
    height,
    lines: linesWithoutMargin(output.lines, margin, uprightWidth, uprightHeight),
    ...(output.rulings && {
      rulings: { horizontal: output.rulings.horizontal.map(ruling), vertical: output.rulings.vertical.map(ruling) },
    }),
  };
}

/** Look-alikes put back ("Ctrl+s" -> "Ctrl+S", app/text/lookalikes.ts), in the text and its characters alike. */
function withLookalikesFixed(text: RecognizedText): RecognizedText {
  const fixes = lookalikeFixes(text.text);
  if (!fixes.size) return text;
  const letters = [...text.text];
  // Spaces put back are characters too: the text and its characters run in step.
  const inStep = letters.length === text.chars.length;
  for (const [i, char] of fixes) letters[i] = char;
  return {
    ...text,
    text: letters.join(''),
    // A fix of two characters (a ligature's arrow, -> for →) places both where the one stood.
    chars: inStep
      ? text.chars.flatMap((c, i) => (fixes.has(i) ? [...fixes.get(i)!].map((char) => ({ ...c, char })) : [c]))
      : text.chars,
  };
}
