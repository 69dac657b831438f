// Fragments the detector split apart (at a wide word gap, around a symbol) joined back into
// the visual lines a person sees.
import { median, right, unionBox, verticalOverlap, type TextFragment, type TextLine } from './types.js';
import { isCjk, lastChar, firstChar, spaceBetween } from '../text/script.js';

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
      const overlap = verticalOverlap(last.box, fragment.box);
      const similar = Math.max(last.box.height, fragment.box.height) / Math.max(1, height) < 1.6;
      if (
        overlap >= config.minVerticalOverlap * height &&
        similar &&
        gap > -0.5 * height &&
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
  const merged = lines.map((parts) => toLine(parts, 'horizontal'));
  // Vertical columns stay as the detector found them; ordering them is the vertical layout's job.
  for (const f of fragments) if (f.direction === 'vertical') merged.push(toLine([f], 'vertical'));
  return merged;
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
    text += part.text.trim();
  });
  return { text, box: unionBox(parts.map((p) => p.box)), direction, fragments: parts };
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
