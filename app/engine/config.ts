// Every threshold and size of the engine, in one typed place (DESIGN rule 5).
import type { RulingConfig } from './rulings.js';
import type { SpacingConfig } from './spacing.js';
import { latinLanguages } from '../text/latin-languages.js';
import { defaultMonospaceConfig } from '../text/monospace.js';

export interface DetectionConfig {
  /** Longest side the detector sees; larger images are scaled down to it. */
  maxSide: number;
  /** Probability above which a pixel of the DB map counts as text. */
  binaryThreshold: number;
  /** Mean probability inside a region below which the region is dropped. */
  boxThreshold: number;
  /** DB unclip ratio: how far a shrunk text kernel is grown back (area * ratio / perimeter). */
  unclipRatio: number;
  /** Regions shorter than this (px, in the detector's input) are noise. */
  minBoxSide: number;
  /** Mean and std (per channel, of values in 0..1) the model was trained with. */
  mean: readonly [number, number, number];
  std: readonly [number, number, number];
  /** Pixels of background kept around content when empty screen space is trimmed. */
  trimMargin: number;
  /**
   * Most pixels the detector sees at once. Larger images are read in overlapping horizontal
   * strips: the model's activations grow with its input (a 1.3 MP HiDPI capture alone took
   * the process from 340 to 580 MB), strips keep memory flat for 4K and 8K captures. At
   * 400k a full-HD capture was read in eight strips of 256 rows, twice its rows; at 700k in
   * four of 364 (five with the smaller first strip below): 13-16 % less time on full HD and
   * 4K where the detector was a third of it, 14 MB more at the peak, and fewer lines cut at a
   * strip's edge (1318 -> 1271 errors on the tuning split, none more on the shared bench).
   */
  maxPixels: number;
  /**
   * Most pixels of the first strip: the lines the result panel shows first are found in it.
   * 256 rows of a full-HD capture, as at 400k: with a first strip of 364 they came at 0.53 s,
   * with 256 at 0.37 s (the engine's first lines, bench:latency).
   */
  firstStripPixels: number;
  /** Rows shared by neighbouring strips; taller than any line, so every line is whole in one. */
  stripOverlap: number;
  /**
   * Large text (HiDPI captures: every line twice as tall) is found as well at a fraction of
   * the pixels. A region of at least `minPixels` is first read at `scale`; when `minShare` of
   * the lines found there are at least `minThickness` px thick at that scale, they stand, and
   * the full-size reading (five times the 1x time on the bench's HiDPI UI shots) is not
   * needed. At 0.6 the HiDPI set reads 1.19x faster, CER 0.0327 -> 0.0296, Japanese as before
   * (at 0.5: 1.32x, but Tesseract misread more of the coarser Japanese line boxes).
   */
  largeText: { minPixels: number; scale: number; minThickness: number; minShare: number };
  /** A box this many times thicker than it is long is a column of vertical text, read top to bottom. */
  verticalAspect: number;
}

export interface FormulaConfig {
  /** A snip cut into more pieces of ink than this is no formula (a page of text, a photo). */
  maxPieces: number;
}

export interface RecognitionConfig {
  /** Input height of the recognizer (PP-OCRv4: 48). */
  height: number;
  /** Longest input width; wider lines are recognized in pieces. */
  maxWidth: number;
  /** Most lines in one batch; lines are batched by similar width. */
  batchSize: number;
  /** Most pixels (height x summed padded width) in one batch: bounds memory on long lines. */
  maxBatchPixels: number;
  /** Lines recognized with a lower mean confidence than this are dropped. */
  minScore: number;
  /** Horizontal padding (in line heights) added around each crop. */
  padRatio: number;
  /** Lines with dots, hyphens or quotes are read again this many times wider (see TextRecognizer.run)... */
  narrowMarkStretch: number;
  /** ...when they hold at most this many characters. */
  narrowMarkMaxChars: number;
  /** Without `autodirection`, a page read at a lower mean character score is tried turned too. */
  turnedBelowScore: number;
  /** A page of columns is a sideways page of lines when its reading holds this many Latin words (3 letters or more)... */
  sidewaysMinLatinWords: number;
  /** ...and they make up at least this share of its characters (see sideways.ts). */
  sidewaysMinLatinShare: number;
}

/**
 * Scripts and letters the PP-OCRv4 dictionary lacks, each read by its own Tesseract model:
 * kana, Hangul, a fifth of the common Traditional Chinese characters, Cyrillic, and the
 * accented letters of French, German, Spanish, Italian and Portuguese.
 */
export const secondScriptLanguages = ['jpn', 'kor', 'chi_tra', 'ukr', ...latinLanguages] as const;
export type SecondScriptLanguage = (typeof secondScriptLanguages)[number];

/** The second reader for scripts the recognizer's dictionary lacks (kana, Hangul, Traditional characters, Cyrillic, accents). */
export interface SecondScriptConfig {
  /** Look for them at all (off: the recognizer's reading stands everywhere). */
  enabled: boolean;
  /**
   * The languages lines the recognizer cannot read are tried in, in order, until one shows
   * its script; pinning one (a setting, `--language`) skips the trying.
   */
  languages: SecondScriptLanguage[];
  /** Hangul a Korean reading must hold, and their least share of its characters. */
  minHangul: number;
  minHangulShare: number;
  /** A stretch with no character read, in text heights, wider than this holds unread glyphs. */
  maxGapEm: number;
  /** The same in a line first read as mostly Latin letters. */
  maxGapEmInLatin: number;
  /**
   * The same in such a line on a page where the recognizer read no Han or kana at all. A
   * Japanese page shows its kanji somewhere, and a Korean word left unread spans two
   * syllables; a shorter stretch there is a missed Latin glyph (the `^` of `^@@`, the `JS` of
   * `JSON`), whose Tesseract probe cost an English dialog 0.3 s for nothing.
   */
  maxGapEmOnLatinPage: number;
  /**
   * Such a stretch holds glyphs only if this share of its columns shows ink (a pixel this far,
   * in grey levels, from the line's background): a wide empty stretch (a placeholder cut out
   * of a UI string, aligned fields) is space, not glyphs, and not worth a second reading.
   */
  minGapInkShare: number;
  inkContrast: number;
  /** A detected box's thickness over the height of its text (the detector pads its boxes). */
  boxToTextHeight: number;
  /** Boxes shorter than this many thicknesses (a lone glyph, an icon) are not read again. */
  minAspect: number;
  /** Height of the picture handed to the second reader. */
  pictureHeight: number;
  /** Kana the second reading must hold to be taken. */
  minKana: number;
  /** Its least confidence (0..100). */
  minConfidence: number;
  /** The least confidence once a line of the page has shown the language (0..100). */
  minConfidenceOnceKnown: number;
  /** Lines read again before a page with no kana in them is left alone. */
  probeLines: number;
  /** The score a line read by the second reader is given: Tesseract's words carry no per-character scores of the recognizer's kind. */
  readingScore: number;
  /** In a line first read as Latin letters, the least share of kana in the second reading. */
  minKanaShareInLatin: number;
  /** A recognizer reading with Han characters less sure than this is read again too. */
  doubtfulScore: number;
  /** A French, German, Spanish, Italian or Portuguese reading, accents taken off, differs from the first by at most this share. */
  maxLatinDifference: number;
  /** A Traditional Chinese reading differs from the first by at most this share of its characters (the rest is misreading, not missing characters). */
  maxTraditionalDifference: number;
  /** Middles of two neighbouring Han characters this many text heights apart: the recognizer dropped one between them. */
  droppedCharacterGapEm: number;
  /** A confidence at which one kana is evidence enough. */
  sureConfidence: number;
  /** Room added around the line for the second reader, as a share of its box's thickness. */
  margin: number;
}

export interface BarcodeConfig {
  /** Look for QR codes and barcodes in every image. */
  enabled: boolean;
  /** Most codes read from one image. */
  maxSymbols: number;
}

/** PDFs sent to be read: how their pages are rendered, and how many are taken. */
export interface PdfConfig {
  /** Pixels per PDF point (2: 12 pt text about 24 px tall). */
  scale: number;
  maxPages: number;
}

export interface LimitsConfig {
  /**
   * Most pixels an input is read at: a larger one (a scan at 600 dpi and more) is scaled down
   * to this as it is decoded, and its boxes scaled back up. Screen text stays legible: 40 MP
   * is a 4K capture's fourfold.
   */
  maxPixels: number;
  /** Most pixels an input may have at all; more is refused before decoding (decompression bombs). */
  maxDecodePixels: number;
  /**
   * Longest side and most elongated shape an input may have. Within the pixel limit a 1x39,000,000
   * PNG (76 kB) still held an engine node 34 s and 815 MB; no screenshot, however long a page it
   * scrolls through, or however thin a line it cuts, comes near these.
   */
  maxSide: number;
  maxAspect: number;
  /** Most bytes an encoded input may have. */
  maxBytes: number;
}

export interface RuntimeConfig {
  /** Threads one inference may use (onnxruntime intra-op threads). */
  intraOpThreads: number;
}

export interface EngineConfig {
  detection: DetectionConfig;
  recognition: RecognitionConfig;
  /** Word spaces measured in the pixels (spacing.ts). */
  spacing: SpacingConfig;
  limits: LimitsConfig;
  runtime: RuntimeConfig;
  /** Table mode: the ruling lines of a table's grid. */
  rulings: RulingConfig;
  secondScript: SecondScriptConfig;
  barcodes: BarcodeConfig;
  pdf: PdfConfig;
  formula: FormulaConfig;
}

export const defaultEngineConfig: EngineConfig = {
  detection: {
    maxSide: 2560,
    binaryThreshold: 0.3,
    boxThreshold: 0.5,
    unclipRatio: 1.6,
    minBoxSide: 3,
    mean: [0.485, 0.456, 0.406],
    std: [0.229, 0.224, 0.225],
    trimMargin: 8,
    maxPixels: 700_000,
    firstStripPixels: 400_000,
    stripOverlap: 128,
    largeText: { minPixels: 600_000, scale: 0.6, minThickness: 16, minShare: 0.9 },
    verticalAspect: 1.5,
  },
  recognition: {
    height: 48,
    maxWidth: 3200,
    batchSize: 8,
    maxBatchPixels: 48 * 2400,
    minScore: 0.5,
    padRatio: 0.15,
    narrowMarkStretch: 1.5,
    narrowMarkMaxChars: 40,
    turnedBelowScore: 0.8,
    sidewaysMinLatinWords: 5,
    sidewaysMinLatinShare: 0.15,
  },
  // Calibrated on the bench's screenshots (19k character pairs, labelled by the ground truth):
  // 0.27 / 0.35 halve the errors of any single threshold. Among Han characters, 0.75 of them
  // (measured: word-spacing CER of doc pages 0.0215 -> 0.0149, 0.0098 -> 0.0084, 0.0173 -> 0.0135
  // on the three bench sets; no kind worse by more than one space).
  // The model's own spaces as the measure, between letters and digits: 0.8 of the narrowest, not
  // under 0.2 (JPEG screenshots drawn in Chromium: cer_ws 0.028 -> 0.012; the bench's sets no
  // kind worse, ui and doc better).
  spacing: {
    minSpace: 0.27,
    minSpaceBesideModelSpaces: 0.35,
    minCjkSpace: 0.8,
    minKeptCjkSpace: 0.24,
    minHanShare: 0.15,
    spaceScaleAmongHan: 0.75,
    writtenSpaceShare: 0.8,
    minSpaceFloor: 0.2,
    // Fixed-pitch lines: bounds measured in app/text/monospace.ts.
    monospace: { ...defaultMonospaceConfig, minGapShare: 0.6 },
  },
  limits: {
    maxPixels: 40_000_000,
    maxDecodePixels: 250_000_000,
    maxSide: 32_000,
    maxAspect: 500,
    maxBytes: 50 * 1024 * 1024,
  },
  runtime: { intraOpThreads: 2 },
  rulings: { contrast: 48, maxThickness: 4, minHorizontal: 40, minVertical: 12, maxGap: 1 },
  secondScript: {
    enabled: true,
    languages: [...secondScriptLanguages],
    minHangul: 2,
    minHangulShare: 0.5,
    maxGapEm: 1.5,
    maxGapEmInLatin: 1.6,
    maxGapEmOnLatinPage: 3,
    minGapInkShare: 0.15,
    inkContrast: 64,
    boxToTextHeight: 1.6,
    minAspect: 1.5,
    pictureHeight: 64,
    minKana: 2,
    minConfidence: 60,
    minConfidenceOnceKnown: 40,
    sureConfidence: 80,
    margin: 0.15,
    doubtfulScore: 0.8,
    maxLatinDifference: 0.1,
    maxTraditionalDifference: 0.4,
    droppedCharacterGapEm: 2,
    minKanaShareInLatin: 0.3,
    probeLines: 2,
    readingScore: 0.9,
  },
  barcodes: { enabled: true, maxSymbols: 8 },
  pdf: { scale: 2, maxPages: 100 },
  formula: { maxPieces: 400 },
};

/**
 * The language setting (`--language`, or OCR_ASSISTANT_LANGUAGE for every engine a server
 * starts): `auto` tries Japanese then Korean on lines the recognizer cannot read, Traditional
 * Chinese on a page its reading shows to be Traditional, Cyrillic (Tesseract's Ukrainian
 * model) on lines it read as jumbled Latin, and French, German, Spanish, Italian or Portuguese on a page of their
 * words; any one of those pins it; `none` reads with the recognizer alone.
 */
export function languageSetting(raw: string | undefined): EngineConfigOverrides {
  const value = raw?.trim().toLowerCase();
  if (!value || value === 'auto') return {};
  if (value === 'none') return { secondScript: { enabled: false } };
  const pinned = secondScriptLanguages.find((l) => l === value);
  if (!pinned) throw new Error(`the language must be auto, ${secondScriptLanguages.join(', ')} or none, not "${raw}"`);
  return { secondScript: { languages: [pinned] } };
}

/** A partial config merged over the defaults, section by section. */
export type EngineConfigOverrides = { [K in keyof EngineConfig]?: Partial<EngineConfig[K]> };

export function resolveEngineConfig(overrides: EngineConfigOverrides = {}): EngineConfig {
  return {
    detection: { ...defaultEngineConfig.detection, ...overrides.detection },
    recognition: { ...defaultEngineConfig.recognition, ...overrides.recognition },
    limits: { ...defaultEngineConfig.limits, ...overrides.limits },
    runtime: { ...defaultEngineConfig.runtime, ...overrides.runtime },
    rulings: { ...defaultEngineConfig.rulings, ...overrides.rulings },
    secondScript: { ...defaultEngineConfig.secondScript, ...overrides.secondScript },
    barcodes: { ...defaultEngineConfig.barcodes, ...overrides.barcodes },
    pdf: { ...defaultEngineConfig.pdf, ...overrides.pdf },
    spacing: { ...defaultEngineConfig.spacing, ...overrides.spacing },
    formula: { ...defaultEngineConfig.formula, ...overrides.formula },
  };
}
