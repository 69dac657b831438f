// Rows of content stacked between a tall pair of delimiters: binomials and small matrices.
import { bottom, right } from './formula-symbols.js';
import type { Level, Node } from './formula-nodes.js';

export interface Grid {
  open: number;
  close: number;
  rows: Node[][];
}

/** Rows of content stacked between a tall pair of delimiters: a binomial or a matrix. */
export function findGrid(nodes: Node[], level: Level): Grid | null {
  const isDelim = (n: Node, role: 'open' | 'close') =>
    n.type === 'glyph' && (n.reading.role === role || n.reading.role === 'fence') && n.box.height > level.em * 1.1;
  for (let i = 0; i < nodes.length; i++) {
    if (!isDelim(nodes[i]!, 'open')) continue;
    for (let j = i + 1; j < nodes.length; j++) {
      if (!isDelim(nodes[j]!, 'close')) continue;
      const inside = nodes.slice(i + 1, j);
      const rows = splitRows(inside);
      if (rows.length >= 2) return { open: i, close: j, rows };
      break;
    }
  }
  return null;
}

/** Groups of nodes separated by a horizontal band that no node crosses. */
export function splitRows(nodes: Node[]): Node[][] {
  if (nodes.length < 2) return [nodes];
  const sorted = [...nodes].sort((a, b) => a.box.top - b.box.top);
  const rows: Node[][] = [];
  let current: Node[] = [],
    reach = -Infinity;
  for (const n of sorted) {
    if (current.length && n.box.top > reach) {
      rows.push(current);
      current = [];
    }
    current.push(n);
    reach = Math.max(reach, bottom(n.box));
  }
  rows.push(current);
  return rows.map((r) => r.sort((a, b) => a.box.left - b.box.left));
}

export function splitColumns(row: Node[], level: Level): Node[][] {
  const cells: Node[][] = [];
  let reach = -Infinity;
  for (const n of row) {
    if (!cells.length || n.box.left - reach > level.em * 0.7) cells.push([]);
    cells[cells.length - 1]!.push(n);
    reach = Math.max(reach, right(n.box));
  }
  return cells;
}
