// `left=1` and `top=1`: the user's order instead of the reading-order analysis.
//   left: columns left to right, each top to bottom (a line joins the column its span overlaps);
//   top:  rows top to bottom, each left to right (a line joins the row its centre shares).
// Each column or row is one block, as the analysis would hand on.
import { centreY, median } from './types.js';
import type { Orderable } from './order.js';

export type ForcedOrder = 'left' | 'top';

export function forceOrder<T extends Orderable>(lines: readonly T[], order: ForcedOrder): T[][] {
  if (!lines.length) return [];
  return order === 'top' ? rows(lines) : columns(lines);
}

function rows<T extends Orderable>(lines: readonly T[]): T[][] {
  const tolerance = (median(lines.map((l) => l.box.height)) || 1) / 2;
  const sorted = [...lines].sort((a, b) => centreY(a.box) - centreY(b.box));
  const out: T[][] = [];
  let rowCentre = Number.NEGATIVE_INFINITY;
  for (const line of sorted) {
    const current = out.at(-1);
    if (current && Math.abs(centreY(line.box) - rowCentre) <= tolerance) current.push(line);
    else {
      out.push([line]);
      rowCentre = centreY(line.box);
    }
  }
  return out.map((row) => row.sort((a, b) => a.box.left - b.box.left));
}

function columns<T extends Orderable>(lines: readonly T[]): T[][] {
  const sorted = [...lines].sort((a, b) => a.box.left - b.box.left || a.box.top - b.box.top);
  const out: { right: number; lines: T[] }[] = [];
  for (const line of sorted) {
    const current = out.at(-1);
    // Sorted by left edge: a line overlapping the current column's span belongs to it.
    if (current && line.box.left < current.right) {
      current.lines.push(line);
      current.right = Math.max(current.right, line.box.left + line.box.width);
    } else out.push({ right: line.box.left + line.box.width, lines: [line] });
  }
  return out.map((column) => column.lines.sort((a, b) => a.box.top - b.box.top));
}
