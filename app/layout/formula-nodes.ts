// The formula layout's working pieces: symbols grouped into structures (fractions, roots,
// limits, accents), and the baselines they are read on.
import { bottom, impliedEm, type GlyphReading, type PlacedBox, type PlacedSymbol } from './formula-symbols.js';

export type Node =
  | { type: 'glyph'; box: PlacedBox; reading: GlyphReading; readings: GlyphReading[] }
  | { type: 'bar'; box: PlacedBox }
  | { type: 'frac'; box: PlacedBox; num: PlacedSymbol[]; den: PlacedSymbol[] }
  | { type: 'sqrt'; box: PlacedBox; body: PlacedSymbol[]; index: PlacedSymbol[] }
  | { type: 'limits'; box: PlacedBox; op: GlyphReading; over: PlacedSymbol[]; under: PlacedSymbol[] }
  | { type: 'accent'; box: PlacedBox; accent: string; base: PlacedSymbol[] };

export interface Context {
  /** The formula's main font size in pixels: scripts are 0.7 and 0.5 of it. */
  em: number;
}

export interface Entry {
  base: Node;
  sup: Node[];
  sub: Node[];
}

export interface Level {
  em: number;
  baseline: number;
  axis: number;
}

/** Delimiters and big operators grow with what they hold: their size says nothing of the baseline's. */
export const flexibleRoles = new Set(['open', 'close', 'fence', 'big']);

/** Where a fraction's bar sits: the axis of its baseline. */
export function fracAxis(n: Extract<Node, { type: 'frac' }>): number {
  const over = n.num.length ? Math.max(...n.num.map((s) => bottom(s.box))) : n.box.top;
  const under = n.den.length ? Math.min(...n.den.map((s) => s.box.top)) : bottom(n.box);
  return (over + under) / 2;
}

/**
 * The upright-letter reading of a glyph whose best reading is `best`: that one when it is
 * upright, else an upright one nearly as near when `best` is a Latin letter (x and X fused in "exp").
 */
export function uprightReading(best: GlyphReading, readings: GlyphReading[]): GlyphReading | undefined {
  if (best.role === 'word') return best;
  const upright = readings.find((r) => r.role === 'word');
  return upright && upright.distance <= best.distance + 0.03 && /^[a-zA-Z]$/.test(best.latex) ? upright : undefined;
}

/** A glyph's size; other nodes have none of their own (Infinity: never smaller than a glyph). */
export const nodeEm = (n: Node) =>
  n.type === 'glyph' && n.reading.bottom - n.reading.top >= 0.3 ? impliedEm(n.box, n.reading) : Infinity;
