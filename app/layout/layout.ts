import { mergeFragmentsIntoLines } from './lines.js';
import { readingOrder } from './order.js';
import { groupParagraphs } from './paragraphs.js';
import { indentLines, monospaceAdvance } from './code.js';
import { type Layout, type Paragraph, type TextFragment, type TextLine } from './types.js';
import { applyTextOptions, type TextOptions } from '../text/options.js';

/** Recognized fragments to paragraphs in reading order. */
export function analyzeLayout(fragments: readonly TextFragment[]): Layout {
  const lines = mergeFragmentsIntoLines(fragments);
  const blocks = readingOrder(lines);
  return { paragraphs: blocks.flatMap(blockParagraphs) };
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
