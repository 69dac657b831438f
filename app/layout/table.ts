// Table mode: recognized text and ruling lines to rows and columns of cells. A bordered table's
// cells come from its lines (merged cells where an inner line is missing); a borderless one's
// from where its text stands. Text outside a bordered grid becomes full-width rows above or
// below it, so nothing read is lost.
import { bottom, median, right, unionBox, type Box, type TextFragment } from './types.js';
import { rulingGrid, type GridCell, type RulingLines } from './table-grid.js';
import { columnBoundaries, fragmentRows, type FragmentRow } from './table-columns.js';
import { joinLines } from './paragraphs.js';
import { spaceBetween } from '../text/script.js';

export interface TableCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The cell's text, its lines joined as running text; '' for an empty cell. */
  text: string;
  box: Box;
}

export interface Table {
  rowCount: number;
  colCount: number;
  /** Every cell once, merged cells by their top-left position, in row then column order. */
  cells: TableCell[];
  /** How the cells were found: from ruling lines, or from the text's alignment alone. */
  kind: 'bordered' | 'borderless';
  /** Rows of text found above a bordered grid (a title, a caption): the header row comes after them. */
  captionRows: number;
}

/** A part of a fragment that lies in one column. */
interface Piece {
  text: string;
  box: Box;
}

/**
 * The table in the fragments (and rulings, when the image has them), or null when there is
 * none: fewer than two rows or columns, or rows that mostly fill a single cell (prose).
 */
export function analyzeTable(fragments: readonly TextFragment[], rulings?: RulingLines): Table | null {
  const horizontal = fragments.filter((f) => f.direction === 'horizontal');
  if (horizontal.length < 2) return null;
  const grid = rulings ? rulingGrid(rulings) : null;
  return grid ? borderedTable(horizontal, grid) : borderlessTable(horizontal);
}

function borderedTable(
  fragments: readonly TextFragment[],
  grid: { xs: number[]; ys: number[]; cells: GridCell[] },
): Table | null {
  const inner = grid.xs.slice(1, -1);
  const tableBox: Box = {
    left: grid.xs[0]!,
    top: grid.ys[0]!,
    width: grid.xs[grid.xs.length - 1]! - grid.xs[0]!,
    height: grid.ys[grid.ys.length - 1]! - grid.ys[0]!,
  };
  const inCell = new Map<GridCell, Piece[]>(grid.cells.map((c) => [c, []]));
  const above: Piece[] = [];
  const below: Piece[] = [];
  for (const piece of fragments.flatMap((f) => splitAtColumns(f, inner))) {
    const x = piece.box.left + piece.box.width / 2;
    const y = piece.box.top + piece.box.height / 2;
    const cell = grid.cells.find((c) => contains(c.box, x, y));
    if (cell) inCell.get(cell)!.push(piece);
    else (y < tableBox.top + tableBox.height / 2 ? above : below).push(piece);
  }
  if (![...inCell.values()].some((pieces) => pieces.length)) return null;
  const colCount = grid.xs.length - 1;
  const outsideRows = (pieces: Piece[]) =>
    linesOf(pieces).map((line) => ({ text: lineText(line), box: unionBox(line.map((p) => p.box)) }));
  const top = outsideRows(above);
  const cells: TableCell[] = top.map((line, i) => ({ row: i, col: 0, rowSpan: 1, colSpan: colCount, ...line }));
  for (const cell of grid.cells) {
    cells.push({
      row: cell.row + top.length,
      col: cell.col,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      text: cellText(inCell.get(cell)!),
      box: cell.box,
    });
  }
  const gridRows = grid.ys.length - 1;
  const bottomRows = outsideRows(below);
  bottomRows.forEach((line, i) =>
    cells.push({ row: top.length + gridRows + i, col: 0, rowSpan: 1, colSpan: colCount, ...line }),
  );
  return {
    rowCount: top.length + gridRows + bottomRows.length,
    colCount,
    cells,
    kind: 'bordered',
    captionRows: top.length,
  };
}

/** Most difference (in line heights) between the middles of the cells of one row. */
const maxRowMisalignment = 0.25;
/** Share of the rows that must be table rows: several cells side by side on one baseline. */
const minTableRows = 0.7;

function borderlessTable(fragments: readonly TextFragment[]): Table | null {
  const boundaries = columnBoundaries(fragments);
  if (!boundaries.length) return null;
  const colCount = boundaries.length + 1;
  const height = median(fragments.map((f) => f.box.height));
  const rows = mergeWrappedRows(
    fragmentRows(fragments).map((row) => {
      const byColumn: Piece[][] = Array.from({ length: colCount }, () => []);
      for (const piece of row.fragments.flatMap((f) => splitAtColumns(f, boundaries)))
        byColumn[columnOf(piece.box.left + piece.box.width / 2, boundaries)]!.push(piece);
      const middles = row.fragments.map((f) => f.box.top + f.box.height / 2);
      const aligned =
        byColumn.filter((pieces) => pieces.length).length >= 2 &&
        Math.max(...middles) - Math.min(...middles) <= maxRowMisalignment * height;
      return { row, byColumn, aligned };
    }),
  );
  if (rows.length < 2) return null;
  // A sidebar beside a list, a form, prose in two columns: text side by side, but not on
  // shared baselines row after row as a table's cells are.
  if (rows.filter((r) => r.aligned).length < minTableRows * rows.length) return null;

  const columnExtent = Array.from({ length: colCount }, (_, c) => {
    const pieces = rows.flatMap((r) => r.byColumn[c]!);
    const from = c === 0 ? Math.min(...pieces.map((p) => p.box.left)) : boundaries[c - 1]!;
    const to = c === colCount - 1 ? Math.max(...pieces.map((p) => right(p.box))) : boundaries[c]!;
    return { left: from, width: to - from };
  });
  const cells: TableCell[] = [];
  rows.forEach((r, row) => {
    r.byColumn.forEach((pieces, col) => {
      const box = { ...columnExtent[col]!, top: r.row.top, height: r.row.bottom - r.row.top };
      cells.push({ row, col, rowSpan: 1, colSpan: 1, text: cellText(pieces), box });
    });
  });
  return { rowCount: rows.length, colCount, cells, kind: 'borderless', captionRows: 0 };
}

interface ColumnRow {
  row: FragmentRow;
  byColumn: Piece[][];
  /** Cells side by side on one baseline (a continuation line counts as its row's). */
  aligned: boolean;
}

/**
 * A row that continues the one above it (its first cell empty, closer to it than rows stand to
 * each other) is a cell's text wrapped onto a second line: its pieces join the row above.
 */
function mergeWrappedRows(rows: ColumnRow[]): ColumnRow[] {
  if (rows.length < 3) return rows;
  const pitch = median(rows.slice(1).map((r, i) => r.row.top - rows[i]!.row.top));
  const out: ColumnRow[] = [];
  for (const r of rows) {
    const previous = out[out.length - 1];
    const continues = previous && !r.byColumn[0]!.length && r.row.top - previous.row.top < 0.75 * pitch;
    if (!continues) {
      out.push(r);
      continue;
    }
    r.byColumn.forEach((pieces, c) => previous.byColumn[c]!.push(...pieces));
    previous.row = {
      ...previous.row,
      bottom: Math.max(previous.row.bottom, r.row.bottom),
      fragments: [...previous.row.fragments, ...r.row.fragments],
    };
  }
  return out;
}

function columnOf(x: number, boundaries: readonly number[]): number {
  let c = 0;
  while (c < boundaries.length && x > boundaries[c]!) c++;
  return c;
}

/**
 * A fragment cut where it crosses a column line: the detector sometimes reads two cells as one
 * box, but the recognizer placed every character, so each keeps to its own column.
 */
export function splitAtColumns(fragment: TextFragment, boundaries: readonly number[]): Piece[] {
  const whole = [{ text: fragment.text.trim(), box: fragment.box }];
  const chars = fragment.chars;
  if (!boundaries.length || !chars.length || chars.map((c) => c.char).join('') !== fragment.text)
    return whole.filter((p) => p.text);
  const column = (i: number) => columnOf(chars[i]!.box.left + chars[i]!.box.width / 2, boundaries);
  const pieces: Piece[] = [];
  let start = 0;
  for (let i = 1; i <= chars.length; i++) {
    if (i < chars.length && column(i) === column(start)) continue;
    const text = chars
      .slice(start, i)
      .map((c) => c.char)
      .join('')
      .trim();
    if (text) {
      const from = start === 0 ? fragment.box.left : chars[start]!.box.left;
      const to = i === chars.length ? right(fragment.box) : right(chars[i - 1]!.box);
      pieces.push({
        text,
        box: { left: from, top: fragment.box.top, width: Math.max(1, to - from), height: fragment.box.height },
      });
    }
    start = i;
  }
  return pieces;
}

/** Pieces grouped into visual lines (top to bottom), each left to right. */
function linesOf(pieces: readonly Piece[]): Piece[][] {
  const rows = fragmentRows(
    pieces.map((p) => ({ text: p.text, box: p.box, score: 1, direction: 'horizontal' as const, chars: [] })),
  );
  return rows.map((r) => r.fragments.map((f) => ({ text: f.text, box: f.box })));
}

function lineText(line: readonly Piece[]): string {
  let text = '';
  for (const piece of line) text += text && spaceBetween(text, piece.text) ? ` ${piece.text}` : piece.text;
  return text;
}

/** A cell's text: its lines as running text (a cell that wraps reads as one phrase). */
function cellText(pieces: readonly Piece[]): string {
  return joinLines(linesOf(pieces).map(lineText));
}

function contains(box: Box, x: number, y: number): boolean {
  return x >= box.left && x <= right(box) && y >= box.top && y <= bottom(box);
}
