// What the formula layout analysis is given: symbols placed on the snip, each with the glyphs
// it may be (nearest first) and where such a glyph's ink stands against the baseline. The engine
// produces these (app/engine/formula-symbols.ts); layout only reasons about their positions.

export interface PlacedBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type SymbolRole = 'ord' | 'word' | 'bin' | 'rel' | 'open' | 'close' | 'punct' | 'big' | 'accent' | 'fence';

export interface GlyphReading {
  latex: string;
  role: SymbolRole;
  distance: number;
  /** Ink top and bottom against the baseline, and ink width, in em. */
  top: number;
  bottom: number;
  width: number;
}

export interface PlacedSymbol {
  box: PlacedBox;
  kind: 'glyph' | 'bar' | 'radical';
  readings: GlyphReading[];
  bodyLeft?: number;
}

export const right = (b: PlacedBox) => b.left + b.width;
export const bottom = (b: PlacedBox) => b.top + b.height;
export const centerX = (b: PlacedBox) => b.left + b.width / 2;
export const centerY = (b: PlacedBox) => b.top + b.height / 2;

export function union(boxes: PlacedBox[]): PlacedBox {
  const left = Math.min(...boxes.map((b) => b.left)),
    top = Math.min(...boxes.map((b) => b.top));
  return { left, top, width: Math.max(...boxes.map(right)) - left, height: Math.max(...boxes.map(bottom)) - top };
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The em a glyph reading implies: from its height, or for flat marks (dots, dashes, =) from its width. */
export function impliedEm(box: PlacedBox, reading: GlyphReading): number {
  const inkEm = reading.bottom - reading.top;
  return inkEm >= 0.3 ? box.height / inkEm : box.width / Math.max(reading.width, 0.05);
}

/** Where the reading puts the symbol's baseline, in pixels. */
export function impliedBaseline(box: PlacedBox, reading: GlyphReading): number {
  return bottom(box) - reading.bottom * impliedEm(box, reading);
}
