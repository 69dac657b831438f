// Reading order, as a person reads a screen: columns (a sidebar beside a list, two text
// columns) one after the other, top to bottom; a grid of aligned rows (a table, a form)
// row by row. A recursive XY-cut over the line boxes.
import { bottom, median, right, type Box } from './types.js';

export interface OrderConfig {
  /** A vertical channel of empty space at least this many line heights wide separates columns. */
  minColumnGap: number;
  /** Lines whose centres differ by at most this share of their height sit on one row. */
  rowAlignment: number;
  /** Share of the lines of the shorter side with a partner on the same row that makes a grid. */
  gridShare: number;
  /** Mean characters per line above which both sides read as text columns, never as a grid. */
  proseLineLength: number;
}

export const defaultOrderConfig: OrderConfig = {
  minColumnGap: 1.1,
  rowAlignment: 0.2,
  gridShare: 0.8,
  proseLineLength: 24,
};

export interface Orderable {
  box: Box;
  text: string;
}

/**
 * Items in reading order, grouped into blocks: the columns a person reads one after the other.
 * Cuts between rows do not end a block (a paragraph may continue below a gap); cuts between
 * columns do.
 */
export function readingOrder<T extends Orderable>(items: readonly T[], config = defaultOrderConfig): T[][] {
  if (!items.length) return [];
  const lineHeight = median(items.map((i) => Math.min(i.box.height, i.box.width))) || 1;
  return cut(items, lineHeight, config);
}

interface Gap {
  start: number;
  end: number;
}

/** Empty intervals between the items' projections onto one axis. */
function gaps<T extends Orderable>(items: readonly T[], axis: 'x' | 'y'): Gap[] {
  const spans = items
    .map((i) => (axis === 'x' ? [i.box.left, right(i.box)] : [i.box.top, bottom(i.box)]) as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const out: Gap[] = [];
  let end = spans[0]![1];
  for (const [s, e] of spans.slice(1)) {
    if (s > end) out.push({ start: end, end: s });
    end = Math.max(end, e);
  }
  return out;
}

function cut<T extends Orderable>(items: readonly T[], lineHeight: number, config: OrderConfig): T[][] {
  if (items.length <= 1) return [[...items]];
  const columnGaps = gaps(items, 'x').filter((g) => g.end - g.start >= config.minColumnGap * lineHeight);
  if (columnGaps.length && !isGrid(items, columnGaps, config)) {
    return splitAt(items, columnGaps, 'x').flatMap((part) => cut(part, lineHeight, config));
  }
  const rowGaps = gaps(items, 'y');
  if (rowGaps.length) {
    // One cut at the widest gap: a narrow gap inside a two-column region must not split the
    // columns before the columns are found.
    const widest = rowGaps.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const [upper, lower] = splitAt(items, [widest], 'y').map((part) => cut(part, lineHeight, config)) as [T[][], T[][]];
    // The block above the gap and the block below it read on as one.
    return [...upper.slice(0, -1), [...upper[upper.length - 1]!, ...lower[0]!], ...lower.slice(1)];
  }
  return [sortLeaf(items)];
}

function splitAt<T extends Orderable>(items: readonly T[], at: readonly Gap[], axis: 'x' | 'y'): T[][] {
  const parts: T[][] = Array.from({ length: at.length + 1 }, () => []);
  for (const item of items) {
    const start = axis === 'x' ? item.box.left : item.box.top;
    let index = 0;
    while (index < at.length && start >= at[index]!.end) index++;
    parts[index]!.push(item);
  }
  return parts.filter((p) => p.length);
}

/**
 * Rows aligned across the widest column gap (a table, a form of label/value pairs) are read
 * row by row; columns of prose beside each other never are.
 */
function isGrid<T extends Orderable>(items: readonly T[], columnGaps: readonly Gap[], config: OrderConfig): boolean {
  const widest = columnGaps.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  const [leftSide, rightSide] = splitAt(items, [widest], 'x') as [T[], T[]];
  const [fewer, more] = leftSide.length <= rightSide.length ? [leftSide, rightSide] : [rightSide, leftSide];
  if (fewer.length < 1) return false;
  const meanLength = (side: T[]) => side.reduce((s, i) => s + [...i.text].length, 0) / side.length;
  if (
    fewer.length >= 3 &&
    meanLength(leftSide) >= config.proseLineLength &&
    meanLength(rightSide) >= config.proseLineLength
  )
    return false;
  const centre = (b: Box) => b.top + b.height / 2;
  const aligned = fewer.filter((a) =>
    more.some(
      (b) => Math.abs(centre(a.box) - centre(b.box)) <= config.rowAlignment * Math.min(a.box.height, b.box.height),
    ),
  ).length;
  return aligned / fewer.length >= config.gridShare;
}

/** Inside a block: rows top to bottom, each row left to right. */
function sortLeaf<T extends Orderable>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => a.box.top - b.box.top);
  const rows: T[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row && first && item.box.top < first.box.top + first.box.height * 0.5) row.push(item);
    else rows.push([item]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.left - b.box.left));
}
