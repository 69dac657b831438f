// Reading order, as a person reads a screen: columns (a sidebar beside a list, two text
// columns) one after the other, top to bottom; a grid of aligned rows (a table, a form)
// row by row. A recursive XY-cut over the line boxes.
import { bottom, centreY, median, right, unionBox, type Box } from './types.js';
import { isCjkLetter } from '../text/script.js';

export interface OrderConfig<T extends Orderable = Orderable> {
  /** A vertical channel of empty space at least this many line heights wide separates columns. */
  minColumnGap: number;
  /**
   * Lines whose centres differ by at most this share of their height sit on one row. A Latin
   * shortcut beside a Han menu item sits 0.22 of a line off it (the boxes of the two scripts).
   */
  rowAlignment: number;
  /** Share of the lines of the shorter side with a partner on the same row that makes a grid. */
  gridShare: number;
  /** Mean characters per line above which both sides read as text columns, never as a grid. */
  proseLineLength: number;
  /**
   * Prose's lines follow at most this many line heights apart, top to top: 1.0-1.35 of the
   * detector's boxes at a line-height of 1.25-1.7 em; a form's rows stood 1.74 apart on a
   * German dialog of long labels, and were read as two columns of prose at 1.8.
   */
  proseLinePitch: number;
  /**
   * Whether lines are set in a fixed-pitch font (code, a terminal): columns of code are never
   * wrapped labels. Without it, no line is taken for code.
   */
  monospaced?: (lines: readonly T[]) => boolean;
}

export const defaultOrderConfig: OrderConfig = {
  minColumnGap: 1.1,
  rowAlignment: 0.3,
  gridShare: 0.8,
  proseLineLength: 24,
  proseLinePitch: 1.6,
};

export interface Orderable {
  box: Box;
  text: string;
}

/** The configuration, and what was found on the whole page before it was cut into regions. */
interface Reading<T extends Orderable> extends OrderConfig<T> {
  /** Lines of the page's wrapped labels and values: each such stack is one cell wherever it is read. */
  wrappedLines: ReadonlySet<T>;
}

/**
 * Items in reading order, grouped into blocks: the columns a person reads one after the other.
 * Cuts between rows do not end a block (a paragraph may continue below a gap); cuts between
 * columns do.
 */
export function readingOrder<T extends Orderable>(
  items: readonly T[],
  config: OrderConfig<T> = defaultOrderConfig,
): T[][] {
  if (!items.length) return [];
  const lineHeight = median(items.map((i) => Math.min(i.box.height, i.box.width))) || 1;
  // Judged on the whole page: in a region cut out of it, a few rows of a column of code look
  // like a label wrapped onto a second line.
  const wrappedLines = new Set(
    stacksOf(items, lineHeight)
      .filter((stack) => stack.lines.length > 1 && wrapped(stack, items, lineHeight, config))
      .flatMap((stack) => stack.lines),
  );
  return cut(items, lineHeight, { ...config, wrappedLines });
}

interface Gap {
  start: number;
  end: number;
}

/** Empty intervals between the items' projections onto one axis. */
function gaps(items: readonly { box: Box }[], axis: 'x' | 'y'): Gap[] {
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

function cut<T extends Orderable>(items: readonly T[], lineHeight: number, config: Reading<T>): T[][] {
  if (items.length <= 1) return [[...items]];
  const columnGaps = gaps(items, 'x').filter(
    (g) => g.end - g.start >= config.minColumnGap * lineHeight && sideBySide(items, g, lineHeight),
  );
  if (columnGaps.length && !isGrid(items, columnGaps, config)) {
    return splitAt(items, columnGaps, 'x').flatMap((part) => cut(part, lineHeight, config));
  }
  // Not between the lines of one wrapped label: its lines stay together in one leaf.
  const rowGaps = gaps(cellsOf(items, lineHeight, config), 'y');
  if (rowGaps.length) {
    // One cut at the widest gap: a narrow gap inside a two-column region must not split the
    // columns before the columns are found.
    const widest = rowGaps.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const [upper, lower] = splitAt(items, [widest], 'y').map((part) => cut(part, lineHeight, config)) as [T[][], T[][]];
    // The block above the gap and the block below it read on as one.
    return [...upper.slice(0, -1), [...upper[upper.length - 1]!, ...lower[0]!], ...lower.slice(1)];
  }
  return [sortLeaf(items, config)];
}

/**
 * Whether what stands left of the gap and what stands right of it share rows: a button alone
 * under a form, past the form's right edge, makes no column (the form above is read first).
 */
function sideBySide(items: readonly { box: Box }[], gap: Gap, lineHeight: number): boolean {
  const extent = (side: readonly { box: Box }[]) => [
    Math.min(...side.map((i) => i.box.top)),
    Math.max(...side.map((i) => bottom(i.box))),
  ];
  const [leftTop, leftBottom] = extent(items.filter((i) => right(i.box) <= gap.start));
  const [rightTop, rightBottom] = extent(items.filter((i) => i.box.left >= gap.end));
  return Math.min(leftBottom!, rightBottom!) - Math.max(leftTop!, rightTop!) >= lineHeight;
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
function isGrid<T extends Orderable>(items: readonly T[], columnGaps: readonly Gap[], config: Reading<T>): boolean {
  const widest = columnGaps.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  const [leftSide, rightSide] = splitAt(items, [widest], 'x') as [T[], T[]];
  const [fewer, more] = leftSide.length <= rightSide.length ? [leftSide, rightSide] : [rightSide, leftSide];
  if (fewer.length < 1) return false;
  const meanLength = (side: T[]) => side.reduce((s, i) => s + [...i.text].length, 0) / side.length;
  // Prose is set close, a line under the line before at one leading; a form's rows stand
  // apart (a field's frame, its padding): long labels there are still a form. Where some lines
  // follow closer than most (a label wrapped onto a second line), the usual step is the pitch
  // of the form's rows, not prose's leading.
  const setClose = (side: T[]) => {
    const height = median(side.map((i) => i.box.height)) || 1;
    const tops = side.map((i) => i.box.top).sort((a, b) => a - b);
    // Boxes on one row (a justified line the detector cut at a wide gap) take no step.
    const steps = tops
      .slice(1)
      .map((top, i) => top - tops[i]!)
      .filter((step) => step >= 0.5 * height);
    if (!steps.length) return false;
    // Of two steps (three lines: a wrapped label and the next row's), the wider is the usual:
    // nothing shows that the closer one is.
    const usual = steps.length === 2 ? Math.max(...steps) : median(steps);
    return usual <= config.proseLinePitch * height && usual <= WRAPPED_LEADING_SHARE * Math.min(...steps);
  };
  if (
    fewer.length >= 3 &&
    meanLength(leftSide) >= config.proseLineLength &&
    meanLength(rightSide) >= config.proseLineLength &&
    setClose(leftSide) &&
    setClose(rightSide)
  )
    return false;
  // Items past the other side's first or last line (a dialog's buttons under a menu's
  // shortcuts) can have no partner there: they are a row of their own, not evidence against
  // the grid, as long as they are a few. Past it by half a line at least: a column's last line
  // that merely ends where the column beside it ends faces it.
  const [moreTop, moreBottom] = [Math.min(...more.map((i) => i.box.top)), Math.max(...more.map((i) => bottom(i.box)))];
  const faces = (box: Box) => bottom(box) > moreTop - 0.5 * box.height && box.top < moreBottom + 0.5 * box.height;
  const facing = fewer.filter((a) => faces(a.box));
  // A row of buttons past the side counts once, however many buttons it holds (OK, Cancel);
  // beside such a row, one facing item (a menu's one shortcut) is enough to pair.
  const pastRows = rowCount(fewer.filter((a) => !facing.includes(a)));
  const partners =
    facing.length >= config.gridShare * (facing.length + pastRows) - 1 && facing.length >= (pastRows ? 1 : 2)
      ? facing
      : fewer;
  const lineAligned = partners.filter((a) =>
    more.some(
      (b) => Math.abs(centreY(a.box) - centreY(b.box)) <= config.rowAlignment * Math.min(a.box.height, b.box.height),
    ),
  ).length;
  if (lineAligned / partners.length >= config.gridShare) return true;
  // A form's label beside a value wrapped onto two lines (or the other way round) is level with
  // the value as a whole, not with one of its lines: compare the cells, each a stack of lines.
  const lineHeight = median(items.map((i) => i.box.height)) || 1;
  const [fewerCells, moreCells] = [cellsOf(fewer, lineHeight, config), cellsOf(more, lineHeight, config)];
  if (fewerCells.length < 2 || (fewerCells.length === fewer.length && moreCells.length === more.length)) return false;
  // As with lines: a few cells past the other side's extent (the buttons under a form) have
  // no partner there and are no evidence against the grid. Three facing cells at least: a
  // stack of many lines is one cell, and two centres level with something can be chance.
  const facingCells = fewerCells.filter((a) => faces(a.lines[0]!.box) || faces(a.lines[a.lines.length - 1]!.box));
  const pastCellRows = rowCount(fewerCells.filter((a) => !facingCells.includes(a)));
  const partnerCells =
    facingCells.length >= config.gridShare * (facingCells.length + pastCellRows) - 1 && facingCells.length >= 3
      ? facingCells
      : fewerCells;
  const cellAligned = partnerCells.filter((a) =>
    moreCells.some((b) => Math.abs(centreY(a.box) - centreY(b.box)) <= config.rowAlignment * lineHeight),
  ).length;
  return cellAligned / partnerCells.length >= config.gridShare;
}

/** How many rows the items stand on: each a run of items whose centres are level. */
function rowCount(items: readonly { box: Box }[]): number {
  const centres = items.map((i) => centreY(i.box)).sort((a, b) => a - b);
  const height = median(items.map((i) => i.box.height)) || 1;
  return centres.filter((y, i) => i === 0 || y - centres[i - 1]! > LEVEL_SHARE * height).length;
}

interface Cell<T> {
  lines: T[];
  box: Box;
}

/**
 * Lines stacked one under the other with no more than half a line between them, overlapping
 * across: one label, button or field whose text wrapped. Not when a line of the stack is level
 * with a line beside it and the stack's text is not centred: then the stack is a column of rows
 * (a terminal's `ls -l`, a table), read row by row; unless the page showed it is a label or
 * value that wrapped (`wrapped`).
 */
function cellsOf<T extends Orderable>(items: readonly T[], lineHeight: number, config: Reading<T>): Cell<T>[] {
  const cells = stacksOf(items, lineHeight);
  // Level with another line: more lines level with it among all the items than in its own
  // cell. Counted in the items' sorted centres, as this runs at every cut of a long page.
  const centres = items.map((i) => centreY(i.box)).sort((a, b) => a - b);
  const reach = LEVEL_SHARE * lineHeight;
  const levelCount = (y: number) => firstAbove(centres, y + reach) - firstAtLeast(centres, y - reach);
  const levelWithAnother = (cell: Cell<T>) =>
    cell.lines.some((line) => {
      const y = centreY(line.box);
      const own = cell.lines.filter((l) => Math.abs(centreY(l.box) - y) <= reach).length;
      return levelCount(y) > own;
    });
  // Centred lines of different widths are one label's text (a button's): they stay one cell
  // beside the next button, though their lines are level with its lines. Not in a terminal or
  // code, whose pieces of rows can stand centred one over the other by chance.
  const centred = (cell: Cell<T>) => {
    const middles = cell.lines.map((l) => l.box.left + l.box.width / 2);
    const lefts = cell.lines.map((l) => l.box.left);
    return (
      Math.max(...middles) - Math.min(...middles) <= 0.5 * lineHeight &&
      Math.max(...lefts) - Math.min(...lefts) >= 0.5 * lineHeight &&
      !config.monospaced?.(items.filter((i) => cell.lines.some((l) => level(l.box, i.box, lineHeight))))
    );
  };
  const wrappedLabel = (cell: Cell<T>) => cell.lines.every((line) => config.wrappedLines.has(line));
  return cells.flatMap((cell) =>
    cell.lines.length > 1 && !centred(cell) && !wrappedLabel(cell) && levelWithAnother(cell)
      ? cell.lines.map((line) => ({ lines: [line], box: { ...line.box } }))
      : [cell],
  );
}

/**
 * Lines stacked one under the other with no more than half a line between them, overlapping
 * across, at one leading.
 */
function stacksOf<T extends Orderable>(items: readonly T[], lineHeight: number): Cell<T>[] {
  const cells: Cell<T>[] = [];
  for (const item of [...items].sort((a, b) => a.box.top - b.box.top)) {
    const cell = cells.find((c) => {
      const last = c.lines[c.lines.length - 1]!.box;
      const gap = item.box.top - bottom(last);
      if (item.box.top < last.top + last.height * 0.5 || gap >= 0.5 * lineHeight) return false;
      const overlap = Math.min(right(last), right(item.box)) - Math.max(last.left, item.box.left);
      if (overlap <= 0.3 * Math.min(last.width, item.box.width)) return false;
      // A wrapped text's lines follow at one leading: a wider gap after them starts the next
      // row's label (a form set tight, two-line labels one under the other). Measured last:
      // most cells are ruled out above, and this runs at every cut of a long page.
      const leading = c.lines.slice(1).map((line, i) => line.box.top - bottom(c.lines[i]!.box));
      return !leading.length || gap <= Math.max(...leading) + 0.25 * lineHeight;
    });
    if (cell) {
      cell.lines.push(item);
      cell.box = unionBox([cell.box, item.box]);
    } else cells.push({ lines: [item], box: { ...item.box } });
  }
  return cells;
}

/**
 * A label or value of a few words wrapped onto a second or third line, level line by line with
 * another such cell beside it: its text is one, and is read before the cell beside it. Told
 * from a table's rows (a terminal's, code's columns) by three things:
 * - the stack stands apart from the rows above and below it, further than its own leading
 *   (a form's rows have padding between them; a table's, code's and a terminal's do not);
 * - the wrap itself: the first word of each next line would not have fit at the end of the
 *   line above, before the gutter to the item beside it or the right edge of the widest other
 *   line in its column, and the line above does not end a label with its colon. A column of
 *   table cells or file names leaves room there;
 * - the lines on its rows are not set in a fixed-pitch font (code, a terminal).
 */
function wrapped<T extends Orderable>(
  stack: Cell<T>,
  items: readonly T[],
  lineHeight: number,
  config: OrderConfig<T>,
): boolean {
  // Words: a space between them, or CJK letters (written without one). A column of file names
  // or numbers has none.
  const words = (text: string) => /\s/.test(text.trim()) || [...text].some(isCjkLetter);
  if (stack.lines.length > MAX_WRAPPED_LINES || !stack.lines.some((l) => words(l.text))) return false;
  const leading = Math.max(...stack.lines.slice(1).map((line, i) => line.box.top - bottom(stack.lines[i]!.box)));
  const reach = Math.max(0, leading) + 0.25 * lineHeight;
  const others = items.filter((i) => !stack.lines.includes(i));
  // What stands on the stack's rows, and the rows above and below: a terminal's boxes overlap
  // their neighbours'.
  const rows = items.filter((i) => stack.lines.some((line) => level(i.box, line.box, lineHeight)));
  const offRows = others.filter((i) => !rows.includes(i));
  const closeAbove = offRows.some((i) => i.box.top < stack.box.top && bottom(i.box) >= stack.box.top - reach);
  const closeBelow = offRows.some((i) => bottom(i.box) > bottom(stack.box) && i.box.top <= bottom(stack.box) + reach);
  if (closeAbove || closeBelow) return false;
  if (config.monospaced?.(rows)) return false;
  // A piece of a line overlapping it (a word the detector found twice) is no cell beside it.
  const overlapping = (a: Box, b: Box) => Math.min(right(a), right(b)) > Math.max(a.left, b.left);
  if (
    others.some((i) => stack.lines.some((line) => level(i.box, line.box, lineHeight) && overlapping(i.box, line.box)))
  )
    return false;
  // The column's width: the widest other line starting where the stack starts, else the region's.
  const column = others.filter((i) => Math.abs(i.box.left - stack.box.left) <= lineHeight);
  const columnRight = Math.max(...(column.length ? column : others).map((i) => right(i.box)));
  return stack.lines.slice(0, -1).every((line, index) => {
    const next = stack.lines[index + 1]!;
    const nextChars = [...next.text.trim()];
    // A label ends at its colon: the line below is the next label ("Git dir:" over "Out dir:").
    if (!nextChars.length || /[:：]$/.test(line.text.trim())) return false;
    // CJK wraps between any two letters: its first "word" is one letter.
    const wordLength = isCjkLetter(nextChars[0]!) ? 1 : [...next.text.trim().split(/\s+/)[0]!].length;
    const advance = next.box.width / nextChars.length;
    const beside = others.filter((i) => i.box.left >= right(line.box) && level(i.box, line.box, lineHeight));
    const gutter = beside.length ? Math.min(...beside.map((i) => i.box.left)) - MIN_GUTTER * lineHeight : Infinity;
    const limit = Math.min(gutter, columnRight);
    return right(line.box) + advance * (wordLength + 1) > limit;
  });
}

/** A wrapped label or value has at most this many lines; more are a column of rows. */
const MAX_WRAPPED_LINES = 3;

/** The least empty space, in line heights, kept between a wrapped cell and the cell beside it. */
const MIN_GUTTER = 1;

/**
 * Prose's lines follow at one leading, a paragraph's break now and then: its usual step is at
 * most this many times its closest one.
 */
const WRAPPED_LEADING_SHARE = 1.3;

/** Two lines whose centres are at most this share of a line height apart stand on one row. */
const LEVEL_SHARE = 0.3;

/** Whether two boxes stand on one row: their centres within `LEVEL_SHARE` of a line height. */
const level = (a: Box, b: Box, lineHeight: number) => Math.abs(centreY(a) - centreY(b)) <= LEVEL_SHARE * lineHeight;

/** In ascending `sorted`, the index of the first value >= `y`. */
function firstAtLeast(sorted: readonly number[], y: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** In ascending `sorted`, the index of the first value > `y`. */
function firstAbove(sorted: readonly number[], y: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Inside a block: rows top to bottom, each row left to right. A row is of cells (a wrapped
 * label, a two-line button): each cell's lines are read together, as its text is one.
 */
function sortLeaf<T extends Orderable>(items: readonly T[], config: Reading<T>): T[] {
  const lineHeight = median(items.map((i) => i.box.height)) || 1;
  const cells = cellsOf(items, lineHeight, config).sort((a, b) => a.box.top - b.box.top);
  const rows: Cell<T>[][] = [];
  for (const cell of cells) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (
      row &&
      first &&
      (cell.box.top < first.box.top + first.lines[0]!.box.height * 0.5 ||
        (cell.lines.length + first.lines.length > 2 &&
          Math.abs(centreY(cell.box) - centreY(first.box)) <= 0.25 * lineHeight))
    )
      row.push(cell);
    else rows.push([cell]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.left - b.box.left).flatMap((c) => c.lines));
}
