// The formula reader's symbol classifier: nearest templates among KaTeX's own glyphs.
// Web and paper formulas are set in KaTeX/Computer Modern fonts, so the exact shapes are known;
// a snipped symbol is scaled to a small square and compared with every template, its aspect
// ratio counted apart (scaling to a square hides it).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { GlyphRole } from './formula-glyph-set.js';

export interface GlyphTemplate {
  latex: string;
  role: GlyphRole;
  /** Font size it was drawn at, CSS px. */
  size: number;
  /** Ink top and bottom against the baseline, in em (negative is above). */
  top: number;
  bottom: number;
  width: number;
  height: number;
  /** Ink darkness 0..255, row-major, base64. */
  pixels: string;
}

export interface GlyphTemplateFile {
  katex: string;
  sizes: number[];
  templates: GlyphTemplate[];
}

/** A grey crop of ink: 0 is paper, 255 full ink. */
export interface InkCrop {
  width: number;
  height: number;
  ink: Uint8Array;
}

const side = 16;

/** The crop scaled (area-averaged) to side x side, darkness 0..1, centred on its mass. */
export function shapeFeature(crop: InkCrop): Float32Array {
  const out = new Float32Array(side * side);
  const { width: w, height: h, ink } = crop;
  const sx = w / side,
    sy = h / side;
  for (let oy = 0; oy < side; oy++) {
    const y0 = oy * sy,
      y1 = y0 + sy;
    for (let ox = 0; ox < side; ox++) {
      const x0 = ox * sx,
        x1 = x0 + sx;
      let sum = 0,
        area = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          sum += (ink[y * w + x]! / 255) * wx * wy;
          area += wx * wy;
        }
      }
      out[oy * side + ox] = area ? sum / area : 0;
    }
  }
  // Thin strokes at small sizes come out faint; stretching the darkness range evens that out.
  let max = 0;
  for (const v of out) max = Math.max(max, v);
  if (max > 0) for (let i = 0; i < out.length; i++) out[i] = Math.min(1, out[i]! / max);
  return out;
}

export interface PreparedTemplate extends Omit<GlyphTemplate, 'pixels'> {
  feature: Float32Array;
  logAspect: number;
  /** Separate pieces of ink the glyph is drawn in (i, = and <= have two). */
  pieces: number;
}

export interface GlyphCandidate {
  template: PreparedTemplate;
  distance: number;
}

/** Symbols seldom written, each the twin of a common one (ħ and h, ∓ and ±, ϱ and ρ): a near tie goes to the common. */
const rareSymbols = new Set([
  '\\hbar',
  '\\mp',
  '\\varrho',
  '\\vartheta',
  '\\varepsilon',
  '\\iota',
  '\\upsilon',
  '\\varphi',
  '\\simeq',
  '\\propto',
  '\\mapsto',
]);

export class GlyphClassifier {
  constructor(readonly templates: PreparedTemplate[]) {}

  static load(file = fileURLToPath(new URL('./formula-glyphs.json.gz', import.meta.url))): GlyphClassifier {
    const data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as GlyphTemplateFile;
    return new GlyphClassifier(
      data.templates.map((t) => {
        const ink = new Uint8Array(Buffer.from(t.pixels, 'base64'));
        const { pixels: _pixels, ...rest } = t;
        return {
          ...rest,
          feature: shapeFeature({ width: t.width, height: t.height, ink }),
          logAspect: Math.log(t.width / t.height),
          pieces: labelPieces(ink, t.width, t.height, pieceThreshold).pieces.length,
        };
      }),
    );
  }

  /**
   * The best template of each distinct symbol, nearest first. `allow` limits the search (a bar
   * is only ever a bar); the distance is the mean squared difference of the scaled shapes plus
   * a penalty on the difference in aspect ratio.
   */
  classify(crop: InkCrop, limit = 6, allow?: (t: PreparedTemplate) => boolean): GlyphCandidate[] {
    const feature = shapeFeature(crop);
    const logAspect = Math.log(crop.width / crop.height);
    const best = new Map<string, GlyphCandidate>();
    for (const t of this.templates) {
      // A template of a very different shape of box costs more than any match that is kept is
      // worth (0.04 x 1.1^2): skipping it before the pixel comparison halves the work.
      const aspect = logAspect - t.logAspect;
      if (Math.abs(aspect) > 1.1) continue;
      if (allow && !allow(t)) continue;
      let d = 0;
      for (let i = 0; i < feature.length; i++) {
        const e = feature[i]! - t.feature[i]!;
        d += e * e;
      }
      // Sizes near the crop's give the truest anti-aliasing; a symbol far smaller or larger than
      // the template is still compared, at a small cost.
      const distance =
        d / feature.length +
        0.04 * aspect * aspect +
        0.002 * Math.abs(Math.log(crop.height / t.height)) +
        (rareSymbols.has(t.latex) ? 0.008 : 0);
      const key = `${t.role}:${t.latex}`;
      const seen = best.get(key);
      if (!seen || seen.distance > distance) best.set(key, { template: t, distance });
    }
    return [...best.values()].sort((a, b) => a.distance - b.distance).slice(0, limit);
  }
}

export interface Piece {
  id: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  area: number;
}

/**
 * Connected pieces of ink (8-neighbours) at least `threshold` dark: each pixel's piece id in
 * `labels` (0 for paper), and each piece's box and area.
 */
export function labelPieces(
  ink: Uint8Array,
  width: number,
  height: number,
  threshold: number,
): { labels: Int32Array; pieces: Piece[] } {
  const labels = new Int32Array(width * height);
  const pieces: Piece[] = [];
  const stack: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (ink[start]! < threshold || labels[start]) continue;
    const id = pieces.length + 1;
    const piece: Piece = { id, left: width, top: height, right: -1, bottom: -1, area: 0 };
    labels[start] = id;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % width,
        y = (p - x) / width;
      piece.area++;
      if (x < piece.left) piece.left = x;
      if (x > piece.right) piece.right = x;
      if (y < piece.top) piece.top = y;
      if (y > piece.bottom) piece.bottom = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (!labels[q] && ink[q]! >= threshold) {
            labels[q] = id;
            stack.push(q);
          }
        }
      }
    }
    pieces.push(piece);
  }
  return { labels, pieces };
}

/** The ink darkness at which the reader cuts a snip into pieces; templates count theirs alike. */
export const pieceThreshold = 70;
