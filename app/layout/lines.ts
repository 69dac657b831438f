// Fragments the detector split apart (at a wide word gap, around a symbol) joined back into
// the visual lines a person sees.
import { median, right, unionBox, verticalOverlap, type Box, type TextFragment, type TextLine } from './types.js';
import { isCjk, lastChar, firstChar, spaceBetween } from '../text/script.js';
import { monospaced } from './code.js';

export interface LineMergeConfig {
  /** Fragments on one line overlap vertically by at least this share of the smaller height. */
  minVerticalOverlap: number;
  /** Fragments further apart than this many line heights are separate items (buttons, columns). */
  maxGap: number;
  /** ...except after a marker or a keyword (a bullet, `#`, `def`): its text may stand this far off. */
  maxGapAfterMarker: number;
  /** A fragment of at most this many characters is a marker. */
  markerLength: number;
}

// Measured on the tuning corpus (bench-corpus/tuning, ui, doc and code): separate items side
// by side (a form's label and value, two buttons) stand 0.72 line heights apart and more, box
// to box; a line the detector split stands closer but after a marker or a keyword (`#   comment`,
// `-  item`, `def __exit__` whose underscores the detector did not see: screens-q70's code).
export const defaultLineMergeConfig: LineMergeConfig = {
  minVerticalOverlap: 0.6,
  maxGap: 0.7,
  maxGapAfterMarker: 1.0,
  markerLength: 3,
};

export function mergeFragmentsIntoLines(
  fragments: readonly TextFragment[],
  config = defaultLineMergeConfig,
): TextLine[] {
  const horizontal = fragments.filter((f) => f.direction === 'horizontal').sort((a, b) => a.box.left - b.box.left);
  const lines: TextFragment[][] = [];
  for (const fragment of horizontal) {
    let best: TextFragment[] | undefined;
    let bestGap = Infinity;
    for (const line of lines) {
      const last = line[line.length - 1]!;
      const gap = fragment.box.left - right(last.box);
      const height = Math.min(last.box.height, fragment.box.height);
      if (
        onOneRow(last.box, fragment.box, config) &&
        (gap > -0.5 * height || inkGap(last, fragment) > -0.1 * height || readTwice(last, fragment)) &&
        gap <= (isMarker(last, config) ? config.maxGapAfterMarker : config.maxGap) * height &&
        gap < bestGap
      ) {
        best = line;
        bestGap = gap;
      }
    }
    if (best) best.push(fragment);
    else lines.push([fragment]);
  }
  const merged = joinJustifiedRows(lines, config).map((parts) => toLine(parts, 'horizontal'));
  // Vertical columns stay as the detector found them; ordering them is the vertical layout's job.
  for (const f of fragments) if (f.direction === 'vertical') merged.push(toLine([f], 'vertical'));
  return merged;
}

/**
 * A justified paragraph's line, cut by the detector at its widened word spaces: its pieces
 * stand further apart than items side by side may, but together they span exactly the width
 * of a whole line of the paragraph just above or below. Two columns side by side have no line
 * across both, edge to edge.
 */
function joinJustifiedRows(lines: TextFragment[][], config: LineMergeConfig): TextFragment[][] {
  const boxes = new Map(lines.map((parts) => [parts, unionBox(parts.map((p) => p.box))]));
  const boxOf = (parts: TextFragment[]) => boxes.get(parts)!;
  const used = new Set<TextFragment[]>();
  const out: TextFragment[][] = [];
  const leftToRight = [...lines].sort((a, b) => boxOf(a).left - boxOf(b).left);
  for (const line of leftToRight) {
    if (used.has(line)) continue;
    const height = boxOf(line).height;
    // The pieces of its row to the right, each within a few spaces of the one before.
    const row = [line];
    for (const other of leftToRight) {
      const last = boxOf(row[row.length - 1]!);
      const box = boxOf(other);
      if (used.has(other) || row.includes(other) || !onOneRow(last, box, config)) continue;
      const gap = box.left - right(last);
      // CJK is justified by spacing its letters evenly: it has no word gaps to cut at.
      const wordGap = !isCjk(lastChar(row[row.length - 1]!.at(-1)!.text)) && !isCjk(firstChar(other[0]!.text));
      if (gap > 0 && gap <= JUSTIFIED_MAX_GAP * height && wordGap) row.push(other);
    }
    const span = unionBox(row.map(boxOf));
    const edge = JUSTIFIED_EDGE * height;
    const whole = (other: TextFragment[]) => {
      const box = boxOf(other);
      return (
        !row.includes(other) &&
        box.width >= JUSTIFIED_MIN_WIDTH * height &&
        Math.abs(box.left - span.left) <= edge &&
        Math.abs(right(box) - right(span)) <= edge &&
        Math.abs(box.top - span.top) <= JUSTIFIED_REACH * height &&
        !onOneRow(box, span, config)
      );
    };
    // A terminal's or code's columns are no justified prose: a fixed-pitch font is not justified.
    if (row.length > 1 && lines.some(whole) && !monospaced(row.map((fragments) => ({ fragments })))) {
      for (const piece of row) used.add(piece);
      out.push(row.flat());
    } else {
      used.add(line);
      out.push(line);
    }
  }
  return out;
}

/** A justified line's widened word spaces: at most this many line heights (three words on a line). */
const JUSTIFIED_MAX_GAP = 8;
/** Its ends and the whole line's stand this share of a line height apart at most. */
const JUSTIFIED_EDGE = 0.5;
/** The whole line is this many line heights wide at least: a paragraph's, not a label's. */
const JUSTIFIED_MIN_WIDTH = 12;
/**
 * ...and stands at most this many line heights above or below, top to top: two lines of prose
 * (the line next to it may be cut too).
 */
const JUSTIFIED_REACH = 3.4;

/** Two boxes on one line: of like heights, overlapping over most of the smaller one's height. */
function onOneRow(a: Box, b: Box, config: LineMergeConfig): boolean {
  const height = Math.min(a.height, b.height);
  return (
    verticalOverlap(a, b) >= config.minVerticalOverlap * height &&
    Math.max(a.height, b.height) / Math.max(1, height) < 1.6
  );
}

const isMarker = (fragment: TextFragment, config: LineMergeConfig) =>
  [...fragment.text.replace(/\s/g, '')].length <= config.markerLength;

function toLine(parts: readonly TextFragment[], direction: TextLine['direction']): TextLine {
  let text = '';
  parts.forEach((part, i) => {
    if (i > 0) {
      const gap = inkGap(parts[i - 1]!, part);
      const height = median(parts.map((p) => p.box.height));
      // CJK on both sides: a space only where the gap is as wide as a character or more.
      const wide = isCjk(lastChar(text)) && isCjk(firstChar(part.text)) ? gap > 0.7 * height : gap > 0.15 * height;
      if (wide && spaceBetween(text, part.text)) text += ' ';
      else if (wide && isCjk(lastChar(text)) && isCjk(firstChar(part.text))) text += ' ';
    }
    const own = part.text.trim();
    // A letter both pieces read where they overlap is written once; the space the piece read
    // after it stays ("and" beside "d keep").
    const rest = own.slice(firstChar(own).length);
    text += i > 0 && readTwice(parts[i - 1]!, part) ? (/^\s/.test(rest) ? ' ' : '') + rest.trimStart() : own;
  });
  return { text, box: unionBox(parts.map((p) => p.box)), direction, fragments: parts };
}

/**
 * Whether two pieces of one line overlap by one character that both read: the detector's boxes,
 * grown around their words, overlap at a narrow word space, and each crop then holds the
 * other's outer letter ("again, t" beside "then"). The same letter, in the same place.
 */
function readTwice(before: TextFragment, after: TextFragment): boolean {
  const last = before.chars.findLast((c) => c.char.trim());
  const first = after.chars.find((c) => c.char.trim());
  if (!last || !first || last.char !== first.char) return false;
  // The recognizer places a character by a narrow slice of its glyph: the two slices of one
  // letter stand less than half a letter (0.3 of the line's height) apart.
  const centre = (box: Box) => box.left + box.width / 2;
  return Math.abs(centre(last.box) - centre(first.box)) <= 0.3 * Math.min(before.box.height, after.box.height);
}

/**
 * The gap between two fragments' ink: from their outer characters' places where the recognizer
 * gave them, else from their boxes. Detector boxes are grown around the ink by a share of the
 * text's height, so at display sizes (80 px and more) two words' boxes overlap though a full
 * space lies between their letters ("Welcomeback").
 */
function inkGap(before: TextFragment, after: TextFragment): number {
  const last = before.chars.findLast((c) => c.char.trim());
  const first = after.chars.find((c) => c.char.trim());
  if (last && first) return first.box.left - right(last.box);
  return after.box.left - right(before.box);
}
