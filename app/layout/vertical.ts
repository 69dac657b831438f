// Text set in vertical columns (CJK books, signs, vertical-rl UIs): a column is read top to
// bottom, columns right to left. Pieces the detector found in one column are one line again.
import { unionBox, type TextLine } from './types.js';

const right = (l: TextLine) => l.box.left + l.box.width;

function sameColumn(upper: TextLine, lower: TextLine): boolean {
  const overlap = Math.min(right(upper), right(lower)) - Math.max(upper.box.left, lower.box.left);
  const narrower = Math.min(upper.box.width, lower.box.width);
  const gap = lower.box.top - (upper.box.top + upper.box.height);
  // A missing comma or a wide character leaves a gap of about one character: still one column.
  return overlap >= 0.6 * narrower && gap <= 1.5 * Math.max(upper.box.width, lower.box.width) && gap > -0.5 * narrower;
}

/** Vertical lines merged into columns and put in reading order: right to left, then top down. */
export function verticalColumns(lines: readonly TextLine[]): TextLine[] {
  const sorted = [...lines].sort((a, b) => a.box.top - b.box.top);
  const columns: TextLine[] = [];
  for (const line of sorted) {
    const index = columns.findIndex((c) => sameColumn(c, line));
    if (index < 0) {
      columns.push(line);
      continue;
    }
    const column = columns[index]!;
    columns[index] = {
      ...column,
      text: column.text + line.text,
      box: unionBox([column.box, line.box]),
      fragments: [...column.fragments, ...line.fragments],
    };
  }
  return columns.sort((a, b) => right(b) - right(a) || a.box.top - b.box.top);
}
