// `duplicate=1`, its layout half: the same text found twice by overlapping detections (a
// line read once in each of two overlapping strips, a shadowed caption) is kept once.
import { type Box } from './types.js';
import type { Orderable } from './order.js';

function overlapShare(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.min(a.width * a.height, b.width * b.height);
}

const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * Drops a line whose box mostly lies over another's (60% of the smaller) and whose text is
 * the same as, or contained in, the other's. The longer text stays.
 */
export function dropOverlappingRepeats<T extends Orderable>(lines: readonly T[]): T[] {
  const dropped = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      if (dropped.has(i) || dropped.has(j)) continue;
      const a = lines[i]!;
      const b = lines[j]!;
      if (overlapShare(a.box, b.box) < 0.6) continue;
      const ta = squash(a.text);
      const tb = squash(b.text);
      if (!ta || !tb || !(ta.includes(tb) || tb.includes(ta))) continue;
      dropped.add(ta.length >= tb.length ? j : i);
    }
  }
  return lines.filter((_, i) => !dropped.has(i));
}
