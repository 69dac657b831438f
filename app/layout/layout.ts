import { mergeFragmentsIntoLines } from './lines.js';
import { readingOrder } from './order.js';
import { groupParagraphs, joinLines } from './paragraphs.js';
import { dropOverlappingRepeats } from './duplicates.js';
import { forceOrder, type ForcedOrder } from './forced-order.js';
import { rejoinHyphenation } from '../text/hyphenation.js';
import { indentLines, monospaceAdvance } from './code.js';
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
  let lines = mergeFragmentsIntoLines(fragments);
  if (options.duplicate) lines = dropOverlappingRepeats(lines);
  const blocks = options.order ? forceOrder(lines, options.order) : readingOrder(lines);
  const paragraphs = blocks.flatMap(blockParagraphs);
  if (!options.duplicate) return { paragraphs };
  // Lines stay as found (they are what the boxes show); the running text is made whole.
  return { paragraphs: paragraphs.map((p) => (p.lines.length > 1 ? { ...p, text: joinLines(rejoinHyphenation(p.lines.map((l) => l.text))) } : p)) };
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
  return { paragraphs: layout.paragraphs.map((p) => ({ ...p, box: map(p.box), lines: p.lines.map((l) => ({ ...l, box: map(l.box) })) })) };
}
