import { mergeFragmentsIntoLines } from './lines.js';
import { defaultOrderConfig, readingOrder, type OrderConfig } from './order.js';
import { groupParagraphs, joinLines } from './paragraphs.js';
import { dropOverlappingRepeats } from './duplicates.js';
import { dropRuby } from './ruby.js';
import { forceOrder, type ForcedOrder } from './forced-order.js';
import { verticalColumns } from './vertical.js';
import { rejoinHyphenation } from '../text/hyphenation.js';
import { indentLines, monospaceAdvance, monospaced } from './code.js';
import { type Box, type Layout, type Paragraph, type TextFragment, type TextLine } from './types.js';
import { applyTextOptions, type TextOptions } from '../text/options.js';

export interface LayoutOptions {
  /** The user's order (`left=1`, `top=1`) instead of the reading-order analysis. */
  order?: ForcedOrder;
  /** `duplicate=1`: repeated detections dropped, hyphenated words rejoined. */
  duplicate?: boolean;
}

/** Recognized fragments to paragraphs in reading order. */
export function analyzeLayout(fragments: readonly TextFragment[], options: LayoutOptions = {}): Layout {
  let lines = dropRuby(mergeFragmentsIntoLines(fragments));
  if (options.duplicate) lines = dropOverlappingRepeats(lines);
  const paragraphs = options.order ? forceOrder(lines, options.order).flatMap(blockParagraphs) : readParagraphs(lines);
  if (!options.duplicate) return { paragraphs };
  // Lines stay as found (they are what the boxes show); the running text is made whole.
  return {
    paragraphs: paragraphs.map((p) =>
      p.lines.length > 1 ? { ...p, text: joinLines(rejoinHyphenation(p.lines.map((l) => l.text))) } : p,
    ),
  };
}

/** Reading order told, where it asks, whether lines are set in a fixed-pitch font. */
const ORDER: OrderConfig<TextLine> = { ...defaultOrderConfig, monospaced };

/**
 * Horizontal text by the reading-order analysis; vertical columns right to left, each its own
 * paragraph. On a mixed page each part keeps its direction, and the parts follow each other
 * from the top.
 */
function readParagraphs(lines: readonly TextLine[]): Paragraph[] {
  const standing = lines.filter((l) => l.direction === 'vertical');
  if (!standing.length) return readingOrder(lines, ORDER).flatMap(blockParagraphs);
  // A lone glyph has no direction of its own: among columns (the た that ends a wrapped
  // column) it is a column, read in its place right to left.
  const vertical = lines.filter((l) => l.direction === 'vertical' || isGlyphAmongColumns(l, standing));
  const groups: { top: number; paragraphs: Paragraph[] }[] = readingOrder(
    lines.filter((l) => !vertical.includes(l)),
    ORDER,
  ).map((block) => ({
    top: Math.min(...block.map((l) => l.box.top)),
    paragraphs: blockParagraphs(block),
  }));
  const columns = verticalColumns(vertical);
  groups.push({
    top: Math.min(...columns.map((c) => c.box.top)),
    paragraphs: columns.map((c) => ({ lines: [c], text: c.text, box: c.box })),
  });
  return groups.sort((a, b) => a.top - b.top).flatMap((g) => g.paragraphs);
}

/** One or two characters in a squarish box, between the leftmost and rightmost columns and level with their tops. */
function isGlyphAmongColumns(line: TextLine, columns: readonly TextLine[]): boolean {
  const { left, top, width, height } = line.box;
  if ([...line.text.replace(/\s/g, '')].length > 2 || Math.max(width, height) > 1.6 * Math.min(width, height))
    return false;
  const middle = left + width / 2;
  const columnsLeft = Math.min(...columns.map((c) => c.box.left));
  const columnsRight = Math.max(...columns.map((c) => c.box.left + c.box.width));
  const columnsTop = Math.min(...columns.map((c) => c.box.top));
  return middle > columnsLeft && middle < columnsRight && Math.abs(top - columnsTop) <= Math.max(width, height);
}

/** Prose is grouped into paragraphs; code keeps its indentation and one line per line. */
function blockParagraphs(block: TextLine[]): Paragraph[] {
  const advance = monospaceAdvance(block);
  if (advance === null) return groupParagraphs(block);
  return indentLines(block, advance).map((line) => ({ lines: [line], text: line.text, box: line.box }));
}

/** The text options applied to every line and paragraph alike (app/text/options.ts has the order). */
export function withTextOptions(layout: Layout, options: TextOptions): Layout {
  if (!options.half && !options.symbol && !options.space) return layout;
  const fix = <T extends { text: string }>(item: T): T => ({ ...item, text: applyTextOptions(item.text, options) });
  return { paragraphs: layout.paragraphs.map((p) => ({ ...fix(p), lines: p.lines.map(fix) })) };
}

/** The same layout with every paragraph and line box moved by `map` (e.g. back out of a rotation). */
export function mapLayoutBoxes(layout: Layout, map: (box: Box) => Box): Layout {
  return {
    paragraphs: layout.paragraphs.map((p) => ({
      ...p,
      box: map(p.box),
      lines: p.lines.map((l) => ({ ...l, box: map(l.box) })),
    })),
  };
}
