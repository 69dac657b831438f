// A formula snip cut into its symbols: ink separated from paper (light or dark theme alike),
// connected pieces found, pieces that make one symbol together (the dot of an i, the bars of =,
// the two strokes of <=) joined when KaTeX has a glyph that looks like the pair, and each symbol
// given its nearest glyphs. Fraction bars and radical signs are told by their shape, not by
// templates: they are drawn as long as their content.
import type { RgbImage } from './raster.js';
import { toGray } from './raster.js';
import {
  GlyphClassifier,
  labelPieces,
  pieceThreshold,
  type GlyphCandidate,
  type InkCrop,
  type Piece,
} from './formula-glyphs.js';
import type { GlyphRole } from './formula-glyph-set.js';
import { defaultEngineConfig, type FormulaConfig } from './config.js';

export interface SymbolBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface SymbolReading {
  latex: string;
  role: GlyphRole;
  /** Shape distance to the nearest template of this symbol (0 is identical). */
  distance: number;
  /** The template's ink top and bottom against its baseline, in em. */
  top: number;
  bottom: number;
  /** The template's ink width, in em. */
  width: number;
}

export interface FormulaSymbol {
  box: SymbolBox;
  /** bar: a horizontal stroke (minus, fraction bar, overline); radical: a root sign with its vinculum. */
  kind: 'glyph' | 'bar' | 'radical';
  /** Nearest glyphs first; empty for bars and radicals. */
  readings: SymbolReading[];
  /** For a radical: where its vinculum begins, the left edge of the space under it (an index stands left of it). */
  bodyLeft?: number;
}

/** Ink darkness 0..255 against the background, whichever is lighter. */
export function inkMap(image: RgbImage): Uint8Array {
  const gray = toGray(image);
  // The paper is the commonest grey of the whole snip (a snip's border may catch a window frame).
  const histogram = new Uint32Array(256);
  for (const v of gray) histogram[v]!++;
  let background = 0;
  for (let v = 1; v < 256; v++) if (histogram[v]! > histogram[background]!) background = v;
  const ink = new Uint8Array(gray.length);
  let strongest = 0;
  for (let i = 0; i < gray.length; i++) strongest = Math.max(strongest, Math.abs(gray[i]! - background));
  if (strongest < 24) return ink;
  for (let i = 0; i < gray.length; i++) {
    ink[i] = Math.min(255, Math.round((Math.abs(gray[i]! - background) * 255) / strongest));
  }
  return ink;
}

interface Group {
  ids: number[];
  left: number;
  top: number;
  right: number;
  bottom: number;
  area: number;
}

const boxOf = (g: Group): SymbolBox => ({
  left: g.left,
  top: g.top,
  width: g.right - g.left + 1,
  height: g.bottom - g.top + 1,
});

/** A snip's pieces of ink, and what is known of them as they are joined. */
interface Snip {
  ink: Uint8Array;
  labels: Int32Array;
  width: number;
  height: number;
  groups: Group[];
  crop: (g: Group) => InkCrop;
  readingsOf: Map<Group, GlyphCandidate[]>;
}

/** Bars (fraction lines, minus signs), root signs (they hold others under their vinculum) and the rest. */
function sortPieces({ groups, labels, width }: Snip): { bars: Set<Group>; radicals: Set<Group>; glyphs: Group[] } {
  const radicals = new Set<Group>();
  const bars = new Set<Group>();
  for (const g of groups) {
    const w = g.right - g.left + 1,
      h = g.bottom - g.top + 1;
    if (isBar(g, w, h)) bars.add(g);
    // (An integral's bowl can hold its lower limit and its hook look like a vinculum: a root sign is not that narrow.)
    else if (w >= h * 0.6 && containsOthers(g, groups) && hasVinculum(g, labels, width)) radicals.add(g);
  }
  return { bars, radicals, glyphs: groups.filter((g) => !bars.has(g) && !radicals.has(g)) };
}

export class FormulaSymbolReader {
  constructor(
    private readonly config: FormulaConfig = defaultEngineConfig.formula,
    readonly classifier = GlyphClassifier.load(),
  ) {}

  /**
   * The symbols of a snip, left to right: its pieces of ink sorted into bars, root signs and
   * glyphs, cut-off specks given back, stacked pieces joined where KaTeX has one glyph like
   * them, operator names read whole, and glyphs that small type ran together cut apart.
   */
  read(image: RgbImage): FormulaSymbol[] {
    const snip = this.piecesOf(image);
    if (!snip) return [];
    const { bars, radicals, glyphs } = sortPieces(snip);
    for (const g of glyphs) snip.readingsOf.set(g, this.classify(snip.crop(g)));
    this.rejoinSpecks(snip, glyphs);
    this.joinBarStacks(snip, bars, glyphs);
    const all = this.joinStackedPieces(snip, bars, [...glyphs, ...bars]);
    this.matchOperatorWords(
      all.filter((g) => !bars.has(g)),
      snip.crop,
      snip.readingsOf,
      all,
    );
    return this.symbolsOf(snip, bars, radicals, all);
  }

  /** The snip's pieces of ink, or null when there are too many for a formula. */
  private piecesOf(image: RgbImage): Snip | null {
    const { width, height } = image;
    const ink = inkMap(image);
    const { labels, pieces } = labelPieces(ink, width, height, pieceThreshold);
    // Specks of JPEG noise are not symbols (a dot of i or a decimal point is bigger than 2 px),
    // nor is a window edge caught along the snip's border.
    const edge = (p: Piece) =>
      (p.right - p.left + 1 >= width * 0.9 || p.bottom - p.top + 1 >= height * 0.9) &&
      (p.left === 0 || p.top === 0 || p.right === width - 1 || p.bottom === height - 1);
    const kept = pieces.filter((p) => p.area >= 2 && !edge(p));
    // A formula has tens of symbols; a snip of a page has thousands of pieces and is read as text.
    if (kept.length > this.config.maxPieces) return null;
    const groups: Group[] = kept.map((p) => ({
      ids: [p.id],
      left: p.left,
      top: p.top,
      right: p.right,
      bottom: p.bottom,
      area: p.area,
    }));
    return {
      ink,
      labels,
      width,
      height,
      groups,
      crop: (g) => cropGroup(ink, labels, width, height, g).crop,
      readingsOf: new Map(),
    };
  }

  /** Gives cut-off specks back to the glyph they touch. */
  private rejoinSpecks(snip: Snip, glyphs: Group[]): void {
    const { crop, readingsOf } = snip;
    // A speck that is no dot or tick and touches a glyph's box is a piece of that glyph cut off by
    // anti-aliasing (the arm of a small k); it goes back to it.
    // (A blurred dot still reads as a dot: the dot of an i beside the l of "li" stays apart.)
    const poor = (g: Group) => {
      const best = readingsOf.get(g)?.[0];
      const distance = best?.distance ?? 1;
      return distance > 0.12 || (distance > 0.08 && !dotMarks.has(best?.template.latex ?? ''));
    };
    const small = (g: Group, owner: Group) =>
      g.bottom - g.top + 1 <= (owner.bottom - owner.top + 1) * 0.4 &&
      g.right - g.left + 1 <= (owner.right - owner.left + 1) * 0.6;
    for (const speck of glyphs.filter(poor)) {
      const owner = glyphs.find((g) => g !== speck && small(speck, g) && boxGap(g, speck) <= 1);
      if (!owner) continue;
      const merged = mergeGroups([owner, speck]);
      glyphs.splice(glyphs.indexOf(owner), 1, merged);
      glyphs.splice(glyphs.indexOf(speck), 1);
      readingsOf.delete(owner);
      readingsOf.delete(speck);
      readingsOf.set(merged, this.classify(crop(merged)));
    }
  }

  /** Joins bars of one length stacked tight into one glyph. */
  private joinBarStacks(snip: Snip, bars: Set<Group>, glyphs: Group[]): void {
    const { crop, readingsOf } = snip;
    // Bars of one length stacked tight: = and ≡ (however thick a scaled-up screenshot draws them).
    for (const stack of barStacks([...bars])) {
      const merged = mergeGroups(stack);
      const readings = this.classifier.classify(
        crop(merged),
        6,
        (t) => t.pieces === stack.length && !isOperatorWord(t),
      );
      // Thin bars blur across pixel rows, so the match is loose; three like bars are ≡ all the same.
      if (!readings[0] || readings[0].distance > 0.25) continue;
      for (const g of stack) bars.delete(g);
      glyphs.push(merged);
      readingsOf.set(merged, readings);
    }
  }

  /** Joins stacked or nested pieces into the one glyph KaTeX draws them as; returns every group left. */
  private joinStackedPieces(snip: Snip, bars: Set<Group>, all: Group[]): Group[] {
    const { crop, readingsOf } = snip;
    // Join pieces stacked close together when KaTeX has one glyph that looks like them
    // (i j = <= >= ! ; : ± ≈ ÷ ≡): nearer to that glyph than each piece is to its own.
    // A pair turned down stays turned down while both pieces stand: the scan after a join skips it.
    const refused = new Set<string>();
    const pairKey = (a: Group, b: Group) => `${a.ids.join(',')}|${b.ids.join(',')}`;
    let joined = true;
    while (joined) {
      joined = false;
      all.sort((a, b) => a.left - b.left);
      for (let i = 0; i < all.length && !joined; i++) {
        for (let j = 0; j < all.length && !joined; j++) {
          const a = all[i]!,
            b = all[j]!;
          const contained = inside(a, b);
          if (a === b || !(contained || stackedClose(a, b)) || refused.has(pairKey(a, b))) continue;
          const merged = mergeGroups([a, b]);
          const readings = this.classifier.classify(crop(merged), 6, (t) => t.role !== 'accent' && !isOperatorWord(t));
          const best = readings[0];
          // (A piece inside another belongs to it however the font's own glyph joins up: Θ's bar.)
          // A dot stacked on a stroke is nearly always one glyph (i j ! ; :), however blurred.
          const narrow = (g: Group, speck: Group) => g.right - g.left <= (speck.right - speck.left + 1) * 3;
          const dotted = (isSpeck(a) && narrow(b, a)) || (isSpeck(b) && narrow(a, b));
          const own = (g: Group) => (bars.has(g) ? 0.02 : (readingsOf.get(g)?.[0]?.distance ?? 1));
          if (
            !best ||
            best.distance > (dotted ? 0.09 : 0.045) ||
            (best.template.pieces < 2 && !contained) ||
            best.distance > Math.max(own(a), own(b)) + 0.03
          ) {
            refused.add(pairKey(a, b));
            continue;
          }
          for (const g of [a, b]) {
            bars.delete(g);
            readingsOf.delete(g);
            all.splice(all.indexOf(g), 1);
          }
          all.push(merged);
          readingsOf.set(merged, readings);
          joined = true;
        }
      }
    }
    return all;
  }

  /** Groups as symbols: bars, glyphs (touching ones cut apart), dots attached, root signs. */
  private symbolsOf(snip: Snip, bars: Set<Group>, radicals: Set<Group>, all: Group[]): FormulaSymbol[] {
    const { ink, labels, width, height, readingsOf } = snip;
    const symbols: FormulaSymbol[] = [];
    const dots = all.filter((g) => !bars.has(g) && isDot(g, readingsOf.get(g)));
    for (const g of all) {
      if (bars.has(g)) {
        symbols.push({ box: boxOf(g), kind: 'bar', readings: [] });
        continue;
      }
      const readings = readingsOf.get(g) ?? [];
      const distance = readings[0]?.distance ?? 1;
      // A dot over a glyph that has no i in it: an i fused with its neighbour (li, in).
      const dot = ['i', 'j'].includes(readings[0]?.template.latex ?? '')
        ? undefined
        : dots.find((d) => d !== g && dotAbove(d, g));
      const parts = dot
        ? this.splitTouching(cropGroup(ink, labels, width, height, g), distance, (dot.left + dot.right) / 2)
        : distance > 0.05
          ? this.splitTouching(cropGroup(ink, labels, width, height, g), distance)
          : null;
      if (parts) symbols.push(...parts);
      else symbols.push({ box: boxOf(g), kind: 'glyph', readings: readings.map(toReading) });
    }
    attachDots(symbols);
    for (const g of radicals)
      symbols.push({ box: boxOf(g), kind: 'radical', readings: [], bodyLeft: vinculumStart(g, labels, width) });
    return symbols.sort((a, b) => a.box.left - b.box.left);
  }

  /** Nearest glyphs; a crop of a few pixels each way is a dot or tick, whatever else it resembles. */
  private classify(crop: InkCrop): GlyphCandidate[] {
    if (crop.width <= 4 && crop.height <= 4) return this.classifier.classify(crop, 6, (t) => tinyMarks.has(t.latex));
    return this.classifier.classify(crop, 6, (t) => !isOperatorWord(t));
  }

  /**
   * Runs of pieces side by side that together look like an operator name drawn whole (sin, lim,
   * tan), however their letters touched or parted, become one symbol.
   */
  private matchOperatorWords(
    glyphs: Group[],
    crop: (g: Group) => InkCrop,
    readingsOf: Map<Group, GlyphCandidate[]>,
    all: Group[],
  ): void {
    const sorted = [...glyphs].sort((a, b) => a.left - b.left);
    for (let i = 0; i < sorted.length; i++) {
      const first = sorted[i]!;
      if (!all.includes(first)) continue;
      let best: { run: Group[]; readings: GlyphCandidate[] } | null = null;
      const run = [first];
      for (let j = i; j < sorted.length && run.length <= 5; j++) {
        if (j > i) {
          const next = sorted[j]!,
            last = run[run.length - 1]!;
          const height = Math.max(...run.map((g) => g.bottom - g.top + 1));
          const sameLine =
            Math.min(last.bottom, next.bottom) - Math.max(last.top, next.top) >
            Math.min(last.bottom - last.top, next.bottom - next.top) * 0.3;
          if (!sameLine || next.left - last.right > height * 0.35) break;
          run.push(next);
        }
        const merged = mergeGroups(run);
        const w = merged.right - merged.left + 1,
          h = merged.bottom - merged.top + 1;
        if (w < h * 1.2) continue;
        const readings = this.classifier.classify(crop(merged), 3, isOperatorWord);
        const worstPart = Math.max(...run.map((g) => readingsOf.get(g)?.[0]?.distance ?? 1));
        const fit = readings[0];
        if (
          fit &&
          fit.distance < 0.035 &&
          fit.distance <= worstPart + 0.015 &&
          (!best || fit.distance < best.readings[0]!.distance)
        ) {
          best = { run: [...run], readings };
        }
      }
      if (!best) continue;
      // Part of a longer word (the "ten" of Attention, the "max" of softmax) is no operator.
      const height = Math.max(...best.run.map((g) => g.bottom - g.top + 1));
      const touching = (g: Group | undefined, gap: (g: Group) => number) =>
        g &&
        all.includes(g) &&
        gap(g) <= Math.max(1, height * 0.2) &&
        Math.min(g.bottom, best!.run[0]!.bottom) - Math.max(g.top, best!.run[0]!.top) > 0;
      const before = sorted[i - 1],
        after = sorted[i + best.run.length];
      if (
        touching(before, (g) => best!.run[0]!.left - g.right - 1) ||
        touching(after, (g) => g.left - best!.run[best!.run.length - 1]!.right - 1)
      )
        continue;
      // After an upright letter close by, it is the tail of a word (the "in" of a sin read apart).
      const uprightBefore =
        before &&
        all.includes(before) &&
        readingsOf.get(before)?.[0]?.template.role === 'word' &&
        best.run[0]!.left - before.right - 1 <= height * 0.35;
      if (uprightBefore) continue;
      const merged = mergeGroups(best.run);
      for (const g of best.run) {
        all.splice(all.indexOf(g), 1);
        readingsOf.delete(g);
      }
      all.push(merged);
      readingsOf.set(merged, best.readings);
    }
  }

  /**
   * Small type in screenshots runs letters together (ft, 2σ, xp, "lim" under its dot): a poor
   * match is tried as two or three glyphs side by side, cut through valleys of the ink. `under`,
   * when given, is the x of a dot above the crop: the cut must leave an i or j stem beneath it.
   */
  private splitTouching(placed: PlacedCrop, distance: number, under?: number): FormulaSymbol[] | null {
    const best = this.bestParts(placed, under, 2);
    if (best.symbols.length < 2) return null;
    // A dot above is evidence enough of an i; without one, the parts must fit far better than the whole did.
    // (An i cut from between serifs keeps bits of its neighbours' serifs: it may fit loosely.)
    const fits = under !== undefined ? best.score < 0.11 : best.score < 0.045 && best.score < distance * 0.7;
    if (fits && under !== undefined) {
      // Small stems of i and j look alike; a j's tail would hang below its neighbours, and here none does.
      const lowest = Math.max(...best.symbols.map((p) => p.box.top + p.box.height));
      for (const part of best.symbols) {
        const reading = part.readings[0];
        const stem = part.readings.find((r) => r.latex === 'i');
        if (reading?.latex === 'j' && stem && part.box.top + part.box.height < lowest + 1) {
          part.readings = [{ ...stem, distance: reading.distance }, ...part.readings.filter((r) => r !== stem)];
        }
      }
    }
    return fits ? best.symbols : null;
  }

  private bestParts(
    placed: PlacedCrop,
    under: number | undefined,
    depth: number,
  ): { symbols: FormulaSymbol[]; score: number } {
    const { crop } = placed;
    const beneath = under !== undefined && under >= placed.left - 1 && under <= placed.left + crop.width + 1;
    const readings = this.classifier.classify(
      crop,
      6,
      beneath
        ? (t) => t.latex === 'i' || t.latex === 'j'
        : (t) => t.role !== 'accent' && t.role !== 'big' && !isOperatorWord(t),
    );
    let best = {
      symbols: [
        {
          box: { left: placed.left, top: placed.top, width: crop.width, height: crop.height },
          kind: 'glyph' as const,
          readings: readings.map(toReading),
        },
      ] as FormulaSymbol[],
      score: readings[0]?.distance ?? 1,
    };
    const { width: w, height: h, ink } = crop;
    if (depth === 0 || w < 6 || w < h * 0.5) return best;
    const profile = Array.from({ length: w }, (_, x) => {
      let sum = 0;
      for (let y = 0; y < h; y++) sum += ink[y * w + x]!;
      return sum;
    });
    for (let cut = 2; cut <= w - 2; cut++) {
      // Cut only through a valley of the ink profile: where two glyphs touch, the join is thin.
      if (
        profile[cut]! > Math.min(profile[cut - 1]!, profile[cut + 1] ?? Infinity) ||
        profile[cut]! > Math.max(...profile) * 0.3
      )
        continue;
      const left = sub(placed, 0, cut),
        right = sub(placed, cut, w);
      if (!left || !right) continue;
      const a = this.bestParts(left, under, depth - 1),
        b = this.bestParts(right, under, depth - 1);
      // Each extra part costs a little, so a glyph is not cut where it fits whole.
      const score = Math.max(a.score, b.score) + 0.004;
      if (score < best.score) best = { symbols: [...a.symbols, ...b.symbols], score };
    }
    return best;
  }
}

interface PlacedCrop {
  crop: InkCrop;
  left: number;
  top: number;
}

/** Columns [from, to) of a placed crop, trimmed to their ink; null when they hold next to none. */
function sub(placed: PlacedCrop, from: number, to: number): PlacedCrop | null {
  const { crop } = placed;
  const w = to - from;
  let minY = crop.height,
    maxY = -1,
    minX = w,
    maxX = -1;
  for (let y = 0; y < crop.height; y++)
    for (let x = 0; x < w; x++) {
      if (crop.ink[y * crop.width + from + x]! > 60) {
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
    }
  if (maxY < 0 || maxX - minX < 1) return null;
  const cw = maxX - minX + 1,
    ch = maxY - minY + 1;
  const ink = new Uint8Array(cw * ch);
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++) ink[y * cw + x] = crop.ink[(y + minY) * crop.width + from + minX + x]!;
  return { crop: { width: cw, height: ch, ink }, left: placed.left + from + minX, top: placed.top + minY };
}

const toReading = (c: GlyphCandidate): SymbolReading => ({
  latex: c.template.latex,
  role: c.template.role,
  distance: c.distance,
  top: c.template.top,
  bottom: c.template.bottom,
  width: c.template.width / c.template.size,
});

/** Pixels between two boxes (0 when they touch or overlap). */
const boxGap = (a: Group, b: Group) =>
  Math.max(
    0,
    Math.max(a.left, b.left) - Math.min(a.right, b.right) - 1,
    Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom) - 1,
  );

const isSpeck = (g: Group) => g.right - g.left < 4 && g.bottom - g.top < 4;

const dotMarks = new Set(['\\cdot', '\\dot']);

function isDot(g: Group, readings: GlyphCandidate[] | undefined): boolean {
  return isSpeck(g) && dotMarks.has(readings?.[0]?.template.latex ?? '');
}

/** The dot sits over the glyph, close above it. */
function dotAbove(dot: Group, g: Group): boolean {
  const x = (dot.left + dot.right) / 2;
  // A dot centred over a glyph is an accent (\dot{x}), not the dot of an i run into a neighbour.
  if (dot.bottom < g.top && Math.abs(x - (g.left + g.right) / 2) < (g.right - g.left) * 0.15) return false;
  // Beside a taller letter (the l of "li") the dot sits lower than the glyph's top.
  return (
    x >= g.left &&
    x <= g.right &&
    dot.bottom < g.top + (g.bottom - g.top) * 0.4 &&
    g.top - dot.bottom <= Math.max(3, (g.bottom - g.top) * 0.5)
  );
}

/** A dot left over right above an i or j stem (parted from it in small type) is that letter's dot. */
function attachDots(symbols: FormulaSymbol[]): void {
  const isDot = (s: FormulaSymbol) =>
    s.kind === 'glyph' && s.box.width <= 4 && s.box.height <= 4 && tinyMarks.has(s.readings[0]?.latex ?? '');
  for (const dot of symbols.filter(isDot)) {
    // (The stem alone may read as a 1 or an l: an i reading nearly as near will do.)
    const stemReading = (s: FormulaSymbol) =>
      s.readings.find(
        (r) => (r.latex === 'i' || r.latex === 'j') && r.distance <= (s.readings[0]?.distance ?? 0) + 0.06,
      );
    const stem = symbols.find(
      (s) =>
        s !== dot &&
        s.kind === 'glyph' &&
        stemReading(s) &&
        dot.box.left + dot.box.width / 2 >= s.box.left - 1 &&
        dot.box.left + dot.box.width / 2 <= s.box.left + s.box.width + 1 &&
        dot.box.top + dot.box.height <= s.box.top &&
        s.box.top - (dot.box.top + dot.box.height) <= Math.max(2, s.box.height * 0.5),
    );
    // The stem keeps its own box: its readings (dotless templates) measure the stem alone.
    if (!stem) continue;
    const reading = stemReading(stem)!;
    stem.readings = [reading, ...stem.readings.filter((r) => r !== reading)];
    symbols.splice(symbols.indexOf(dot), 1);
  }
}

const isOperatorWord = (t: { latex: string; role: string }) => t.role === 'word' && t.latex.startsWith('\\');

const tinyMarks = new Set(['\\cdot', '\\dot', ',', "'", '.']);

/** A straight horizontal stroke: much wider than tall, and solid. */
function isBar(g: Group, w: number, h: number): boolean {
  return w >= 4 && w >= h * 3.5 && g.area >= w * h * 0.7;
}

/** A root sign's box holds the symbols under it. */
function containsOthers(g: Group, groups: Group[]): boolean {
  return groups.some(
    (o) =>
      o !== g &&
      o.left > g.left &&
      o.right <= g.right + 1 &&
      o.top > g.top &&
      o.bottom <= g.bottom + 1 &&
      o.left > g.left + (g.right - g.left) * 0.1,
  );
}

/** A root sign ends in a horizontal stroke over its right part, at the top of its box. */
function hasVinculum(g: Group, labels: Int32Array, width: number): boolean {
  const from = g.left + Math.round((g.right - g.left) * 0.6);
  let best = 0;
  for (let y = g.top; y <= Math.min(g.bottom, g.top + 2); y++) {
    let run = 0;
    for (let x = from; x <= g.right; x++) if (labels[y * width + x] === g.ids[0]) run++;
    best = Math.max(best, run);
  }
  return best >= (g.right - from + 1) * 0.7;
}

function vinculumStart(g: Group, labels: Int32Array, width: number): number {
  let start = g.right;
  for (let y = g.top; y <= Math.min(g.bottom, g.top + 2); y++) {
    let x = g.right;
    while (x > g.left && labels[y * width + x - 1] === g.ids[0]) x--;
    if (labels[y * width + x] === g.ids[0]) start = Math.min(start, x);
  }
  return start;
}

/** A piece within another's box (the bar of Θ, the dot of ⊙). */
function inside(inner: Group, outer: Group): boolean {
  // Not a dot: the dot of an i beside a taller l lies within the pair's box too.
  if (isSpeck(inner)) return false;
  return inner.left > outer.left && inner.right < outer.right && inner.top > outer.top && inner.bottom < outer.bottom;
}

function mergeGroups(groups: Group[]): Group {
  return {
    ids: groups.flatMap((g) => g.ids),
    area: groups.reduce((a, g) => a + g.area, 0),
    left: Math.min(...groups.map((g) => g.left)),
    top: Math.min(...groups.map((g) => g.top)),
    right: Math.max(...groups.map((g) => g.right)),
    bottom: Math.max(...groups.map((g) => g.bottom)),
  };
}

/** Runs of two or more bars of one length, one under another, close together. */
function barStacks(bars: Group[]): Group[][] {
  const stacks: Group[][] = [];
  const sorted = bars.sort((a, b) => a.top - b.top);
  const used = new Set<Group>();
  for (const first of sorted) {
    if (used.has(first)) continue;
    const stack = [first];
    for (const next of sorted) {
      const last = stack[stack.length - 1]!;
      if (used.has(next) || stack.includes(next) || next.top <= last.bottom) continue;
      const sameLength = Math.abs(next.left - first.left) <= 2 && Math.abs(next.right - first.right) <= 2;
      if (sameLength && next.top - last.bottom - 1 <= (first.right - first.left + 1) * 0.5) stack.push(next);
    }
    if (stack.length >= 2) {
      stacks.push(stack);
      for (const g of stack) used.add(g);
    }
  }
  return stacks;
}

/** Two pieces one above the other, overlapping across, with little between them. */
function stackedClose(a: Group, b: Group): boolean {
  const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1;
  const narrower = Math.min(a.right - a.left, b.right - b.left) + 1;
  if (overlap < narrower * 0.5) return false;
  const gap = Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom) - 1;
  // One above the other, not one beside a tall other (a limit tucked under an integral's tail).
  const [upper, lower] = a.top <= b.top ? [a, b] : [b, a];
  if (lower.top <= upper.bottom - 1) return false;
  const scale = Math.max(
    a.right - a.left + 1,
    b.right - b.left + 1,
    0.6 * Math.max(a.bottom - a.top + 1, b.bottom - b.top + 1),
  );
  return gap <= scale * 0.7;
}

/** The group's ink, with the faint edge pixels that touch it (anti-aliasing), and nothing of others. */
function cropGroup(ink: Uint8Array, labels: Int32Array, width: number, height: number, g: Group): PlacedCrop {
  const ids = new Set(g.ids);
  const left = Math.max(0, g.left - 1),
    top = Math.max(0, g.top - 1);
  const right = Math.min(width - 1, g.right + 1),
    bottom = Math.min(height - 1, g.bottom + 1);
  const w = right - left + 1,
    h = bottom - top + 1;
  const out = new Uint8Array(w * h);
  let minX = w,
    minY = h,
    maxX = -1,
    maxY = -1;
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      const p = y * width + x;
      let mine = ids.has(labels[p]!);
      if (!mine && !labels[p]) {
        for (let dy = -1; dy <= 1 && !mine; dy++)
          for (let dx = -1; dx <= 1 && !mine; dx++) {
            const nx = x + dx,
              ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < width && ny < height && ids.has(labels[ny * width + nx]!)) mine = true;
          }
      }
      if (mine && ink[p]! > 40) {
        out[(y - top) * w + (x - left)] = ink[p]!;
        minX = Math.min(minX, x - left);
        maxX = Math.max(maxX, x - left);
        minY = Math.min(minY, y - top);
        maxY = Math.max(maxY, y - top);
      }
    }
  }
  if (maxX < 0) return { crop: { width: 1, height: 1, ink: new Uint8Array([255]) }, left: g.left, top: g.top };
  const cw = maxX - minX + 1,
    ch = maxY - minY + 1;
  const trimmed = new Uint8Array(cw * ch);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) trimmed[y * cw + x] = out[(y + minY) * w + x + minX]!;
  return { crop: { width: cw, height: ch, ink: trimmed }, left: left + minX, top: top + minY };
}
