import { mergeFragmentsIntoLines } from './lines.js';
import { readingOrder } from './order.js';
import { groupParagraphs } from './paragraphs.js';
import type { Layout, TextFragment } from './types.js';

/** Recognized fragments to paragraphs in reading order. */
export function analyzeLayout(fragments: readonly TextFragment[]): Layout {
  const lines = mergeFragmentsIntoLines(fragments);
  const blocks = readingOrder(lines);
  return { paragraphs: blocks.flatMap((block) => groupParagraphs(block)) };
}
