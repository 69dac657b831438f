// Code and other monospaced text: its indentation is meaning, and its lines are not prose.
import { median, right, verticalOverlap, type Box, type TextLine } from './types.js';
import { isCjk } from '../text/script.js';
import { defaultMonospaceConfig, monospaceGrid } from '../text/monospace.js';

/** Both of a detected box's side margins together, as a share of its height (ink is about 1/1.6 of the box's height). */
const BOX_MARGINS_PER_HEIGHT = 0.375;

/**
 * A block reads as monospaced when every line's width per character is the same within a few
 * percent (proportional fonts vary with the letters: "ill" is narrower than "mmm"), and its
 * lines start at more than one indentation.
 */
export function monospaceAdvance(lines: readonly TextLine[]): number | null {
  const measured = lines.filter(
    (l) => l.direction === 'horizontal' && [...l.text.trim()].length >= 4 && ![...l.text].some(isCjk),
  );
  if (measured.length < 3 || measured.length < lines.length * 0.8) return null;
  const advances = measured.map(advancePerCharacter);
  const typical = median(advances);
  if (!(typical > 0)) return null;
  const consistent = advances.filter((a) => Math.abs(a - typical) <= 0.08 * typical).length;
  if (consistent < measured.length * 0.8) return null;
  // Long lines of prose average a steady width per character in any font: where the
  // recognizer placed the characters, most long lines must stand on a cell grid.
  if (onCellGrid(measured) === false) return null;
  // Code stands one line to a row (the detector may split one at a wide gap). Lines side by
  // side, columns apart, are a form or a table: labels and their values, whose long lines can
  // average a steady width per character in any font.
  const apart = (a: Box, b: Box) => Math.max(b.left - right(a), a.left - right(b)) > 3 * typical;
  const sameRow = (a: Box, b: Box) => verticalOverlap(a, b) >= 0.5 * Math.min(a.height, b.height);
  const besideAnother = lines.filter((l) =>
    lines.some((o) => o !== l && sameRow(l.box, o.box) && apart(l.box, o.box)),
  ).length;
  if (besideAnother > lines.length * 0.2) return null;
  const blockLeft = Math.min(...lines.map((l) => l.box.left));
  const indented = lines.some((l) => l.box.left - blockLeft >= typical * 1.5);
  return indented ? typical : null;
}

/**
 * A line's width per character. The detector's box stands off the ink by about a fifth of its
 * height each side: taken off, so that a short line ("v = []") measures the same advance as a
 * long one.
 */
function advancePerCharacter(line: { box: Box; text: string }): number {
  return (line.box.width - BOX_MARGINS_PER_HEIGHT * line.box.height) / [...line.text.trim()].length;
}

/**
 * Whether lines are set in a fixed-pitch font: half or more of those long enough to tell stand
 * on a cell grid where the recognizer placed their characters (one line of narrow letters in a
 * proportional font, `file.txt:12:`, can fit a grid by chance). Widths per character do not
 * tell: lines of English in a proportional font average the same width within a few percent.
 */
export function monospaced(lines: readonly Pick<TextLine, 'fragments'>[]): boolean {
  return onCellGrid(lines) === true;
}

/**
 * Whether half or more of the lines that can tell stand on a cell grid where the recognizer
 * placed their characters; undefined where none can (too few characters placed).
 */
function onCellGrid(lines: readonly Pick<TextLine, 'fragments'>[]): boolean | undefined {
  const verdicts = lines.map(fixedPitch).filter((v) => v !== undefined);
  if (!verdicts.length) return undefined;
  return verdicts.filter(Boolean).length >= verdicts.length / 2;
}

/** Lines prefixed with the spaces of their indentation, their boxes starting at the block's left edge. */
export function indentLines(lines: readonly TextLine[], advance: number): TextLine[] {
  const blockLeft = Math.min(...lines.map((l) => l.box.left));
  return lines.map((line) => {
    const columns = Math.round((line.box.left - blockLeft) / advance);
    if (columns <= 0) return line;
    return {
      ...line,
      text: ' '.repeat(columns) + line.text,
      box: { ...line.box, left: blockLeft, width: line.box.width + (line.box.left - blockLeft) },
    };
  });
}

/**
 * Whether the line's characters, where the recognizer placed them, stand in the cells of a
 * fixed-pitch font; undefined where it placed none (a second reading) or too few to tell.
 */
function fixedPitch(line: Pick<TextLine, 'fragments'>): boolean | undefined {
  const chars = line.fragments
    .flatMap((f) => f.chars)
    .map((c) => ({ char: c.char, centre: c.box.left + c.box.width / 2 }))
    .sort((a, b) => a.centre - b.centre);
  const letters = chars.filter((c) => c.char.trim() && !isCjk(c.char)).length;
  if (letters < defaultMonospaceConfig.minChars) return undefined;
  return monospaceGrid(chars) !== null;
}
