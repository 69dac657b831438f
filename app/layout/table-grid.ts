// A bordered table's grid from its ruling lines: the rows and columns the lines draw, and the
// cells that span several of them where an inner line is missing (merged cells).
import type { Box } from './types.js';

/** A straight stroke: its middle row (horizontal) or column (vertical), and its extent along itself. */
export interface RulingLine {
  position: number;
  start: number;
  end: number;
}

export interface RulingLines {
  horizontal: readonly RulingLine[];
  vertical: readonly RulingLine[];
}

/** Grid lines, and the cells as rectangles of grid units (row/col of the top-left unit, spans). */
export interface Grid {
  /** Row lines from top to bottom: row r lies between ys[r] and ys[r + 1]. */
  ys: number[];
  /** Column lines from left to right. */
  xs: number[];
  cells: GridCell[];
}

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
}

/** How far (px) a line's end may stop short of the line it meets, or two strokes differ and still be one grid line. */
const tolerance = 4;

/**
 * The grid drawn by the rulings, or null when they draw no table of at least two rows and two
 * columns. A vertical stroke counts only when both its ends meet horizontal rulings (the stem
 * of a letter meets none); a horizontal one only when two such vertical strokes cross it.
 */
export function rulingGrid(rulings: RulingLines): Grid | null {
  const meets = (h: RulingLine, x: number) => h.start - tolerance <= x && x <= h.end + tolerance;
  const vertical = rulings.vertical.filter(
    (v) =>
      rulings.horizontal.some((h) => Math.abs(h.position - v.start) <= tolerance && meets(h, v.position)) &&
      rulings.horizontal.some((h) => Math.abs(h.position - v.end) <= tolerance && meets(h, v.position)),
  );
  const horizontal = rulings.horizontal.filter(
    (h) =>
      vertical.filter(
        (v) => meets(h, v.position) && v.start - tolerance <= h.position && h.position <= v.end + tolerance,
      ).length >= 2,
  );
  const xs = gridLines(vertical.map((v) => v.position));
  const ys = gridLines(horizontal.map((h) => h.position));
  if (xs.length < 3 || ys.length < 3) return null;

  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // A separator exists where a stroke on the grid line covers the middle of the unit's side.
  const hasVertical = (r: number, c: number) => {
    const mid = (ys[r]! + ys[r + 1]!) / 2;
    return vertical.some(
      (v) => Math.abs(v.position - xs[c]!) <= tolerance && v.start - tolerance <= mid && mid <= v.end + tolerance,
    );
  };
  const hasHorizontal = (r: number, c: number) => {
    const mid = (xs[c]! + xs[c + 1]!) / 2;
    return horizontal.some((h) => Math.abs(h.position - ys[r]!) <= tolerance && meets(h, mid));
  };

  // Units joined where their separator is missing; each group is one cell.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !hasVertical(r, c + 1)) join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !hasHorizontal(r + 1, c)) join(r * cols + c, (r + 1) * cols + c);
    }
  }
  const groups = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const g = groups.get(root);
      if (!g) groups.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        g.r0 = Math.min(g.r0, r);
        g.r1 = Math.max(g.r1, r);
        g.c0 = Math.min(g.c0, c);
        g.c1 = Math.max(g.c1, c);
      }
    }
  }
  const cells: GridCell[] = [...groups.values()]
    .map((g) => ({
      row: g.r0,
      col: g.c0,
      rowSpan: g.r1 - g.r0 + 1,
      colSpan: g.c1 - g.c0 + 1,
      box: { left: xs[g.c0]!, top: ys[g.r0]!, width: xs[g.c1 + 1]! - xs[g.c0]!, height: ys[g.r1 + 1]! - ys[g.r0]! },
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { ys, xs, cells };
}

/** Positions within `tolerance` of each other are one line (a 2 px stroke, a line drawn twice). */
function gridLines(positions: readonly number[]): number[] {
  const sorted = [...positions].sort((a, b) => a - b);
  const lines: number[][] = [];
  for (const p of sorted) {
    const last = lines[lines.length - 1];
    if (last && p - last[last.length - 1]! <= tolerance) last.push(p);
    else lines.push([p]);
  }
  return lines.map((l) => l.reduce((s, v) => s + v, 0) / l.length);
}
