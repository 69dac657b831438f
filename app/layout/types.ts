// The layout's view of recognized text: boxes in source-image pixels and the text in them.

import type { Box } from '../protocol/index.js';

export type { Box };

/** One character with its box, as the recognizer placed it. */
export interface PlacedChar {
  char: string;
  box: Box;
}

/** A piece of recognized text on one line, as the engine found it. */
export interface TextFragment {
  text: string;
  box: Box;
  score: number;
  direction: 'horizontal' | 'vertical';
  chars: readonly PlacedChar[];
}

/** A visual line: fragments side by side, joined. */
export interface TextLine {
  text: string;
  box: Box;
  direction: 'horizontal' | 'vertical';
  fragments: readonly TextFragment[];
}

/** Lines that belong together: a paragraph, a list item, a button label. */
export interface Paragraph {
  lines: readonly TextLine[];
  text: string;
  box: Box;
}

export interface Layout {
  /** In reading order. */
  paragraphs: readonly Paragraph[];
}

export const right = (b: Box) => b.left + b.width;
export const bottom = (b: Box) => b.top + b.height;
/** The middle of a box, top to bottom: where two boxes on one row are level. */
export const centreY = (b: Box) => b.top + b.height / 2;
/** How many pixels of height two boxes share (negative: the gap between them). */
export const verticalOverlap = (a: Box, b: Box) => Math.min(bottom(a), bottom(b)) - Math.max(a.top, b.top);

export function unionBox(boxes: readonly Box[]): Box {
  let left = Infinity,
    top = Infinity,
    r = -Infinity,
    btm = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.left);
    top = Math.min(top, b.top);
    r = Math.max(r, right(b));
    btm = Math.max(btm, bottom(b));
  }
  return { left, top, width: r - left, height: btm - top };
}

export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
