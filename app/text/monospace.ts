// Monospace lines (terminals, code, URLs in a fixed-pitch font): every character stands in a
// cell of the same width, so a word space is an empty cell, not a gap of some share of the text
// height. Beside a narrow glyph (`.`, `:`, `i`, `l`) a monospace font leaves a gap as wide as a
// proportional font's word space: measured by height, `github.com` reads `github. com` and
// `https` reads `ht tps`. Measured by cells, neither does.
import { isCjk } from './script.js';

export interface MonospaceConfig {
  /** Fewest characters (spaces not counted) on a line before its pitch is trusted. */
  minChars: number;
  /** Largest root-mean-square distance of the characters from their cells, as a share of the pitch. */
  maxRmsResidual: number;
  /** Largest distance of any one character from its cell, as a share of the pitch. */
  maxResidual: number;
}

/** Measured on the tuning corpus (bench-corpus/tuning): 172 of 185 terminal lines and 88 of 108
 * code lines fit, none of 168 lines in proportional UI and document fonts (the nearest: RMS 0.145). */
export const defaultMonospaceConfig: MonospaceConfig = { minChars: 12, maxRmsResidual: 0.13, maxResidual: 0.3 };

/** A character and the middle of its place along the line, px. */
export interface PlacedCentre {
  char: string;
  centre: number;
}

export interface MonospaceGrid {
  /** Width of one cell, px. */
  pitch: number;
  /** Each non-space character's cell, in the order of `chars` without its spaces. */
  cells: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/**
 * The cell grid the line's characters stand on, or null where they do not stand on one (a
 * proportional font, CJK text, too few characters). Spaces only mark where the reader saw one.
 */
export function monospaceGrid(
  chars: readonly PlacedCentre[],
  config: MonospaceConfig = defaultMonospaceConfig,
): MonospaceGrid | null {
  const letters: { x: number; spaceBefore: boolean }[] = [];
  let spaceBefore = false;
  for (const c of chars) {
    if (c.char === ' ') {
      spaceBefore = true;
      continue;
    }
    if (isCjk(c.char)) return null;
    letters.push({ x: c.centre, spaceBefore });
    spaceBefore = false;
  }
  if (letters.length < config.minChars) return null;
  // First guess of the pitch: the distance between neighbours the model wrote no space between.
  const adjacent: number[] = [];
  for (let i = 1; i < letters.length; i++)
    if (!letters[i]!.spaceBefore) adjacent.push(letters[i]!.x - letters[i - 1]!.x);
  if (adjacent.length < config.minChars / 2) return null;
  let pitch = median(adjacent);
  if (!(pitch > 0)) return null;
  let cells: number[] = [];
  let offset = letters[0]!.x;
  for (let round = 0; round < 3; round++) {
    cells = [0];
    for (let i = 1; i < letters.length; i++) {
      const step = Math.max(1, Math.round((letters[i]!.x - letters[i - 1]!.x) / pitch));
      cells.push(cells[i - 1]! + step);
    }
    // Least squares: x = offset + pitch * cell.
    const n = letters.length;
    const meanCell = cells.reduce((s, k) => s + k, 0) / n;
    const meanX = letters.reduce((s, l) => s + l.x, 0) / n;
    let covariance = 0,
      variance = 0;
    for (let i = 0; i < n; i++) {
      covariance += (cells[i]! - meanCell) * (letters[i]!.x - meanX);
      variance += (cells[i]! - meanCell) ** 2;
    }
    if (variance === 0) return null;
    pitch = covariance / variance;
    offset = meanX - pitch * meanCell;
    if (!(pitch > 0)) return null;
  }
  let sumSquares = 0,
    worst = 0;
  letters.forEach((l, i) => {
    const residual = Math.abs(l.x - (offset + pitch * cells[i]!)) / pitch;
    sumSquares += residual ** 2;
    worst = Math.max(worst, residual);
  });
  const rms = Math.sqrt(sumSquares / letters.length);
  if (rms > config.maxRmsResidual || worst > config.maxResidual) return null;
  return { pitch, cells };
}
