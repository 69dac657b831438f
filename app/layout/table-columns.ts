// A borderless table's rows and columns, from where its text stands: rows are the visual lines,
// columns the vertical strips of empty space that no row's text crosses.
import { bottom, median, right, type TextFragment } from './types.js';

export interface TableColumnsConfig {
  /** Empty strips narrower than this many text heights are word spaces, not column gaps. */
  minColumnGap: number;
  /** Fragments on one row overlap vertically by at least this share of the smaller height. */
  minRowOverlap: number;
  /** A column holds text in at least this many rows (a header and one value). */
  minColumnCells: number;
}

// Measured between the characters' middles on the bench's borderless tables (1x, 2x, JPEG):
// column gaps are 0.8 to 1.6 line heights, word spaces up to 0.65 (where CTC places a space's
// neighbours unevenly); the rare wider one leaves a column of one cell, which a table has not.
export const defaultTableColumnsConfig: TableColumnsConfig = {
  minColumnGap: 0.6,
  minRowOverlap: 0.5,
  minColumnCells: 2,
};

/** Fragments side by side on one visual row, left to right. */
export interface FragmentRow {
  fragments: TextFragment[];
  top: number;
  bottom: number;
}

/** Horizontal fragments grouped into rows by vertical overlap, top to bottom. */
export function fragmentRows(fragments: readonly TextFragment[], config = defaultTableColumnsConfig): FragmentRow[] {
  const rows: FragmentRow[] = [];
  const byMiddle = [...fragments].sort((a, b) => a.box.top + a.box.height / 2 - (b.box.top + b.box.height / 2));
  for (const f of byMiddle) {
    const row = rows.find((r) => {
      const overlap = Math.min(r.bottom, bottom(f.box)) - Math.max(r.top, f.box.top);
      return overlap >= config.minRowOverlap * Math.min(r.bottom - r.top, f.box.height);
    });
    if (row) {
      row.fragments.push(f);
      row.top = Math.min(row.top, f.box.top);
      row.bottom = Math.max(row.bottom, bottom(f.box));
    } else {
      rows.push({ fragments: [f], top: f.box.top, bottom: bottom(f.box) });
    }
  }
  for (const r of rows) r.fragments.sort((a, b) => a.box.left - b.box.left);
  return rows.sort((a, b) => a.top - b.top);
}

/**
 * The x positions between columns: the middles of the empty vertical strips, at least
 * `minColumnGap` text heights wide, that no fragment's words cross. The spaces inside a
 * fragment do not cover: the detector may join two cells into one box, their words not.
 */
export function columnBoundaries(fragments: readonly TextFragment[], config = defaultTableColumnsConfig): number[] {
  if (!fragments.length) return [];
  const left = Math.floor(Math.min(...fragments.map((f) => f.box.left)));
  const width = Math.ceil(Math.max(...fragments.map((f) => right(f.box)))) - left;
  const covered = new Uint8Array(width + 1);
  for (const f of fragments) {
    for (const word of words(f)) {
      for (let x = Math.max(0, Math.round(word.left - left)); x < Math.min(width, Math.round(word.right - left)); x++)
        covered[x] = 1;
    }
  }

  const minGap = config.minColumnGap * median(fragments.map((f) => f.box.height));
  const boundaries: number[] = [];
  let gapStart = -1;
  for (let x = 0; x <= width; x++) {
    const empty = x < width && !covered[x];
    if (empty && gapStart < 0) gapStart = x;
    if (!empty && gapStart >= 0) {
      if (gapStart > 0 && x < width && x - gapStart >= minGap) boundaries.push(left + (gapStart + x) / 2);
      gapStart = -1;
    }
  }
  return withoutSparseColumns(fragmentRows(fragments, config), boundaries, config.minColumnCells);
}

/**
 * Boundaries less those that cut off a column with text in fewer than `minCells` rows: a word
 * space wider than most in the one long cell that reaches past all others. A column whose one
 * text is in the first row stays: a header over a column left empty.
 */
function withoutSparseColumns(rows: readonly FragmentRow[], boundaries: number[], minCells: number): number[] {
  const columnOf = (x: number) => boundaries.filter((b) => b < x).length;
  for (;;) {
    const filled = new Array<number>(boundaries.length + 1).fill(0);
    const inHeader = new Set<number>();
    rows.forEach((row, r) => {
      const columns = new Set(row.fragments.flatMap((f) => words(f).map((w) => columnOf((w.left + w.right) / 2))));
      for (const c of columns) {
        filled[c]!++;
        if (r === 0) inHeader.add(c);
      }
    });
    const sparse = filled.findIndex((n, c) => n < minCells && !(n === 1 && inHeader.has(c)));
    if (sparse < 0 || !boundaries.length) return boundaries;
    boundaries = boundaries.filter((_, i) => i !== Math.max(0, sparse - 1));
  }
}

/**
 * The extents of a fragment's words (runs of characters between spaces), from the middles of
 * their outer characters as CTC placed them: the detector's box would reach further, into the
 * padding it adds around the ink, and close the narrower column gaps.
 */
function words(f: TextFragment): { left: number; right: number }[] {
  if (!f.chars.length) return [{ left: f.box.left, right: right(f.box) }];
  const out: { left: number; right: number }[] = [];
  let current: { left: number; right: number } | null = null;
  for (const c of f.chars) {
    if (c.char === ' ') {
      current = null;
      continue;
    }
    if (!current) out.push((current = { left: c.box.left, right: right(c.box) }));
    else current.right = Math.max(current.right, right(c.box));
  }
  return out;
}
