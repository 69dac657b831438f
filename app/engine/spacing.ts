// Word spaces from the pixels. The PP-OCRv4 Chinese recognizer often drops the space between
// English words (and sometimes puts one between Chinese characters). CTC tells where each
// character sits along the line; the image tells whether the columns between two characters
// are empty for as wide as a space. A typist's rule follows: a space where the gap is a
// space's width, never between two CJK characters that stand at their usual distance.
import type { RgbImage } from './raster.js';
import type { RecognizedChar, RecognizedText } from './recognizer.js';
import type { Quad } from './geometry.js';
import { isCjk } from '../text/script.js';
import { monospaceGrid, type MonospaceConfig, type MonospaceGrid } from '../text/monospace.js';

export interface SpacingConfig {
  /** An empty run of columns at least this share of the text's ink height is a word space... */
  minSpace: number;
  /**
   * ...or this share, on a line where the model itself wrote its spaces (modelSawSpaces): it sees the spaces of
   * that font (its spaces are right 99.7% of the time on the bench), so what it left out is
   * more likely a wide letter gap (monospace punctuation) than a space.
   */
  minSpaceBesideModelSpaces: number;
  /** Between two CJK characters, a space only from this share of the ink height (a full character's width). */
  minCjkSpace: number;
  /** A space the model wrote between two CJK characters is dropped below this share. */
  minKeptCjkSpace: number;
  /** On a line with at least this share of Han characters, word spaces between other characters... */
  minHanShare: number;
  /** ...are taken from this share of `minSpace` (or `minSpaceBesideModelSpaces`). */
  spaceScaleAmongHan: number;
  /** Between letters or digits, a gap this share of the narrowest space the model wrote there is a space too... */
  writtenSpaceShare: number;
  /** ...but never one under this share of the ink height. */
  minSpaceFloor: number;
  /** Lines in a fixed-pitch font take their spaces from the cells (app/text/monospace.ts). */
  monospace: MonospaceConfig & {
    /** Two characters a cell or more apart are a space apart when the empty run between them is this share of a cell. */
    minGapShare: number;
  };
}

// Its values (config.ts, `spacing`) were calibrated on the bench's screenshots; see there.

const isLatinLetter = (char: string) => /^[A-Za-z]$/.test(char);
const isAlnum = (char: string) => /^[A-Za-z0-9]$/.test(char);

/** Han ideographs (not kana, Hangul or CJK punctuation). */
const isHan = (char: string) => /\p{Script=Han}/u.test(char);

/** Lines straight enough (within a degree) to measure with vertical columns of pixels. */
function isLevel(quad: Quad): boolean {
  return (
    Math.abs(quad[1].y - quad[0].y) <= Math.max(1, 0.02 * Math.abs(quad[1].x - quad[0].x)) && quad[1].x > quad[0].x
  );
}

export interface LineInk {
  /** Widest empty run of columns (px) between two positions along the line (fractions 0..1). */
  widestGap(from: number, to: number): number;
  /** Height of the ink: the text's own size, without the detector's margins. */
  inkHeight: number;
  /** Length of the line in px. */
  length: number;
}

/** Measures a level line's ink, or null where it cannot be (tilted, tiny, no contrast). */
export function measureLineInk(image: RgbImage, quad: Quad): LineInk | null {
  if (!isLevel(quad)) return null;
  const left = Math.max(0, Math.floor(Math.min(quad[0].x, quad[3].x)));
  const right = Math.min(image.width, Math.ceil(Math.max(quad[1].x, quad[2].x)));
  const top = Math.max(0, Math.floor(Math.min(quad[0].y, quad[1].y)));
  const bottom = Math.min(image.height, Math.ceil(Math.max(quad[2].y, quad[3].y)));
  const width = right - left,
    height = bottom - top;
  if (width < 4 || height < 4) return null;
  const ink = inkMask(image, left, top, width, height);
  if (!ink) return null;
  const { columns, inkHeight } = ink;
  const span = Math.max(1, quad[1].x - quad[0].x);
  const column = (fraction: number) => Math.round(quad[0].x + fraction * span - left);
  return {
    inkHeight,
    length: span,
    widestGap(from: number, to: number) {
      let best = 0,
        run = 0;
      for (let x = Math.max(0, column(from)); x <= Math.min(width - 1, column(to)); x++) {
        run = columns[x] ? 0 : run + 1;
        if (run > best) best = run;
      }
      return best;
    },
  };
}

export function restoreWordSpaces(
  image: RgbImage,
  quad: Quad,
  text: RecognizedText,
  config: SpacingConfig,
): RecognizedText {
  if (text.chars.length < 2) return text;
  const ink = measureLineInk(image, quad);
  if (!ink) return text;
  const { inkHeight } = ink;
  const widestGap = (a: RecognizedChar, b: RecognizedChar) => ink.widestGap(centre(a), centre(b));
  const grid = monospaceGrid(
    text.chars.map((c) => ({ char: c.char, centre: ((c.start + c.end) / 2) * ink.length })),
    config.monospace,
  );
  if (grid) return spacedByCells(text, grid, widestGap, config.monospace.minGapShare);
  // In a line of Han characters with English among them, the ink runs from the top of the Han
  // glyphs to the bottom of the Latin descenders: taller than in an English line of the same
  // size, so its word spaces are a smaller share of it.
  const hanCount = text.chars.filter((c) => isHan(c.char)).length;
  const scale = hanCount >= 2 && hanCount >= config.minHanShare * text.chars.length ? config.spaceScaleAmongHan : 1;
  const sawSpaces = modelSawSpaces(text.chars, widestGap, config.minSpace * inkHeight * scale);
  const minSpace = (sawSpaces ? config.minSpaceBesideModelSpaces : config.minSpace) * inkHeight * scale;
  // Between letters and digits, a gap as wide as the spaces the model wrote there is one too:
  // JPEG noise hides some spaces of a line from it and not others ("You have3newmessages
  // and"). Punctuation is left out both ways: beside it a monospace font's gaps are wide.
  const narrowestWritten = sawSpaces ? narrowestWrittenSpace(text.chars, widestGap) : undefined;
  const alnumSpace =
    narrowestWritten === undefined
      ? minSpace
      : Math.max(
          config.minSpaceFloor * inkHeight * scale,
          Math.min(minSpace, config.writtenSpaceShare * narrowestWritten),
        );
  const chars: RecognizedChar[] = [];
  const all = text.chars;
  for (let i = 0; i < all.length; i++) {
    const char = all[i]!;
    if (char.char === ' ') {
      // A space between two CJK characters where the pixels show none: the model's noise.
      const before = chars[chars.length - 1];
      const after = all[i + 1];
      if (before && after && isCjk(before.char) && isCjk(after.char)) {
        const gap = widestGap(before, after);
        if (gap < config.minKeptCjkSpace * inkHeight) continue;
      }
      chars.push(char);
      continue;
    }
    const previous = chars[chars.length - 1];
    // No typist puts a space before a closing or trailing mark, or after an opening one: the
    // gap there is the glyph's own (a full-width bracket read as ASCII, monospace punctuation).
    if (previous && previous.char !== ' ' && !/^[)\]},.;:!?]$/.test(char.char) && !/^[([{]$/.test(previous.char)) {
      const gap = widestGap(previous, char);
      const cjkPair = isCjk(previous.char) && isCjk(char.char);
      if (
        gap >=
        (cjkPair
          ? config.minCjkSpace * inkHeight
          : isAlnum(previous.char) && isAlnum(char.char)
            ? alnumSpace
            : minSpace)
      ) {
        chars.push(spaceBetween(previous, char));
      }
    }
    chars.push(char);
  }
  if (chars.length === all.length) return text;
  return { ...text, chars, text: chars.map((c) => c.char).join('') };
}

/** A space put back between two characters, spanning the gap between them. */
const spaceBetween = (previous: RecognizedChar, next: RecognizedChar): RecognizedChar => ({
  char: ' ',
  score: 1,
  firstStep: previous.lastStep,
  lastStep: next.firstStep,
  start: previous.end,
  end: next.start,
});

/**
 * A fixed-pitch line's spaces: one wherever a cell or more stands empty between two characters
 * (and the pixels show the gap), none elsewhere, whatever the model wrote. Runs of spaces (code
 * indentation, aligned columns) become one, as the line's text has them.
 */
function spacedByCells(
  text: RecognizedText,
  grid: MonospaceGrid,
  widestGap: (a: RecognizedChar, b: RecognizedChar) => number,
  minGapShare: number,
): RecognizedText {
  const letters = text.chars.filter((c) => c.char !== ' ');
  const chars: RecognizedChar[] = [letters[0]!];
  for (let i = 1; i < letters.length; i++) {
    const [previous, char] = [letters[i - 1]!, letters[i]!];
    if (grid.cells[i]! - grid.cells[i - 1]! >= 2 && widestGap(previous, char) >= minGapShare * grid.pitch)
      chars.push(spaceBetween(previous, char));
    chars.push(char);
  }
  return { ...text, chars, text: chars.map((c) => c.char).join('') };
}

/** The narrowest gap (px) across a space the model wrote between two letters or digits; undefined when it wrote none there. */
function narrowestWrittenSpace(
  chars: readonly RecognizedChar[],
  widestGap: (a: RecognizedChar, b: RecognizedChar) => number,
): number | undefined {
  let narrowest: number | undefined;
  for (let i = 1; i + 1 < chars.length; i++) {
    const [before, space, after] = [chars[i - 1]!, chars[i]!, chars[i + 1]!];
    if (space.char !== ' ' || !isAlnum(before.char) || !isAlnum(after.char)) continue;
    const gap = widestGap(before, after);
    if (narrowest === undefined || gap < narrowest) narrowest = gap;
  }
  return narrowest;
}

/**
 * Whether the model saw this line's word spaces: it wrote some, and left out fewer than twice
 * as many (and than 3) space-wide gaps between letters. JPEG noise can hide most of them from
 * it ("Youmayconveyacoveredwork inobject"): its one or two spaces then say nothing of the
 * font's. A letter-spaced UI font leaves a gap or two out on its own ("Featu res").
 */
function modelSawSpaces(
  chars: readonly RecognizedChar[],
  widestGap: (a: RecognizedChar, b: RecognizedChar) => number,
  minSpace: number,
): boolean {
  let written = 0,
    leftOut = 0;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i]!.char === ' ') written++;
    else if (
      i > 0 &&
      isLatinLetter(chars[i - 1]!.char) &&
      isLatinLetter(chars[i]!.char) &&
      widestGap(chars[i - 1]!, chars[i]!) >= minSpace
    )
      leftOut++;
  }
  return written > 0 && leftOut < Math.max(3, 2 * written);
}

export const centre = (c: RecognizedChar) => (c.start + c.end) / 2;

/**
 * Which columns of the box hold ink (pixels that differ clearly from the box's background),
 * and how tall the ink is: the text's own height, without the detector's margins.
 */
function inkMask(
  image: RgbImage,
  left: number,
  top: number,
  width: number,
  height: number,
): { columns: Uint8Array; inkHeight: number } | null {
  const gray = new Uint8Array(width * height);
  const histogram = new Uint32Array(256);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = ((top + y) * image.width + left + x) * 3;
      const v = (image.data[s]! * 77 + image.data[s + 1]! * 150 + image.data[s + 2]! * 29) >> 8;
      gray[y * width + x] = v;
      histogram[v]!++;
    }
  }
  let background = 0;
  for (let v = 1; v < 256; v++) if (histogram[v]! > histogram[background]!) background = v;
  let contrast = 0;
  for (let i = 0; i < gray.length; i++) contrast = Math.max(contrast, Math.abs(gray[i]! - background));
  if (contrast < 40) return null;
  const threshold = contrast * 0.35;
  const columns = new Uint8Array(width);
  const rows = new Uint8Array(height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (Math.abs(gray[y * width + x]! - background) > threshold) {
        columns[x] = 1;
        rows[y] = 1;
      }
    }
  }
  let first = -1,
    last = -1;
  for (let y = 0; y < height; y++)
    if (rows[y]) {
      if (first < 0) first = y;
      last = y;
    }
  if (first < 0) return null;
  return { columns, inkHeight: last - first + 1 };
}
