// A formula's structures, found before any baseline is read: fraction bars and root signs
// (widest first, each taking what lies over, under or inside it), accents, and limits set
// over and under sums and under lim.
import {
  bottom,
  centerX,
  centerY,
  right,
  union,
  type GlyphReading,
  type PlacedBox,
  type PlacedSymbol,
} from './formula-symbols.js';
import { limitsAboveBelow, operatorName } from './formula-names.js';
import { uprightReading, type Context, type Node } from './formula-nodes.js';

export function structure(symbols: PlacedSymbol[], context: Context): Node[] {
  const remaining = new Set(symbols);
  const nodes: Node[] = [];
  const take = (list: PlacedSymbol[]) => {
    for (const s of list) remaining.delete(s);
    return list;
  };
  const others = (s: PlacedSymbol) => [...remaining].filter((o) => o !== s);

  const wideFirst = symbols.filter((s) => s.kind !== 'glyph').sort((a, b) => b.box.width - a.box.width);
  for (const s of wideFirst) {
    if (!remaining.has(s)) continue;
    const b = s.box;
    if (s.kind === 'radical') {
      const bodyLeft = s.bodyLeft ?? b.left + b.height * 0.5;
      const body = others(s).filter(
        (o) =>
          centerX(o.box) > bodyLeft &&
          centerX(o.box) < right(b) + 1 &&
          centerY(o.box) > b.top &&
          centerY(o.box) < bottom(b) + 1,
      );
      const index = others(s).filter(
        (o) =>
          !body.includes(o) &&
          centerX(o.box) >= b.left - 2 &&
          right(o.box) <= bodyLeft + 2 &&
          bottom(o.box) <= b.top + b.height * 0.65 &&
          o.box.top >= b.top - b.height * 0.5,
      );
      remaining.delete(s);
      nodes.push({ type: 'sqrt', box: union([b, ...index.map((o) => o.box)]), body: take(body), index: take(index) });
      continue;
    }
    // A bar with something over and under it, all within its length, is a fraction.
    const within = (o: PlacedSymbol) => o.box.left >= b.left - 1 && right(o.box) <= right(b) + 1;
    const over = others(s).filter((o) => within(o) && bottom(o.box) <= b.top + 1);
    const under = others(s).filter((o) => within(o) && o.box.top >= bottom(b) - 1);
    remaining.delete(s);
    if (over.length && under.length) {
      nodes.push({
        type: 'frac',
        box: union([b, ...over.map((o) => o.box), ...under.map((o) => o.box)]),
        num: take(over),
        den: take(under),
      });
      continue;
    }
    // A short bar just over a symbol or two (centred within its length) is an accent.
    const covered = others(s).filter(
      (o) =>
        centerX(o.box) >= b.left - 1 &&
        centerX(o.box) <= right(b) + 1 &&
        o.box.top >= bottom(b) - 1 &&
        o.box.top - bottom(b) <= context.em * 0.35,
    );
    const capped = others(s).filter(
      (o) =>
        centerX(o.box) >= b.left &&
        centerX(o.box) <= right(b) &&
        bottom(o.box) <= b.top + 1 &&
        b.top - bottom(o.box) <= context.em * 0.5,
    );
    if (covered.length && !capped.length && isOverline(b, covered, context)) {
      nodes.push({
        type: 'accent',
        box: union([b, ...covered.map((o) => o.box)]),
        accent: covered.length > 1 ? '\\overline' : '\\bar',
        base: take(covered),
      });
    } else {
      nodes.push({ type: 'bar', box: b });
    }
  }

  // Accents: a mark with a symbol right under it.
  for (const s of symbols) {
    if (!remaining.has(s) || s.kind !== 'glyph' || s.readings[0]?.role !== 'accent') continue;
    const base = others(s).filter(
      (o) =>
        centerX(o.box) >= s.box.left - 1 &&
        centerX(o.box) <= right(s.box) + 1 &&
        o.box.top >= bottom(s.box) - 1 &&
        o.box.top - bottom(s.box) < Math.max(o.box.height, s.box.height) * 0.8,
    );
    const nearest = base.sort((a, b) => a.box.top - b.box.top).slice(0, 1);
    if (nearest.length) {
      remaining.delete(s);
      nodes.push({
        type: 'accent',
        box: union([s.box, nearest[0]!.box]),
        accent: s.readings[0]!.latex,
        base: take(nearest),
      });
    } else {
      // Not over anything: a dot on the axis is a product; the mark is read as the next-nearest glyph.
      s.readings = s.readings.filter((r) => r.role !== 'accent');
      if (!s.readings.length) remaining.delete(s);
    }
  }

  // lim, max, min...: upright letters in a row, with what is set under them.
  for (const run of wordRuns([...remaining])) {
    const word = operatorName(run.map((s) => s.readings[0]!.latex).join(''));
    if (!word || !limitsAboveBelow.has(`\\${word}`)) continue;
    const b = union(run.map((s) => s.box));
    const under = others(run[0]!).filter(
      (o) =>
        !run.includes(o) &&
        centerX(o.box) >= b.left - b.width * 0.3 &&
        centerX(o.box) <= right(b) + b.width * 0.3 &&
        o.box.top >= bottom(b) - 1 &&
        o.box.top - bottom(b) <= b.height,
    );
    if (!under.length) continue;
    take(run);
    const op: GlyphReading = { ...run[0]!.readings[0]!, latex: `\\${word}`, role: 'big' };
    nodes.push({ type: 'limits', box: union([b, ...under.map((o) => o.box)]), op, over: [], under: take(under) });
  }

  // Limits set over and under a sum or product (display style).
  for (const s of [...remaining].sort((a, b) => b.box.height - a.box.height)) {
    if (!remaining.has(s) || s.kind !== 'glyph' || !limitsAboveBelow.has(s.readings[0]?.latex ?? '')) continue;
    const b = s.box;
    const beside = (o: PlacedSymbol) =>
      centerX(o.box) >= b.left - b.width * 0.25 && centerX(o.box) <= right(b) + b.width * 0.25;
    const over = others(s).filter(
      (o) => beside(o) && bottom(o.box) <= b.top + b.height * 0.08 && o.box.top >= b.top - b.height * 1.2,
    );
    const under = others(s).filter(
      (o) => beside(o) && o.box.top >= bottom(b) - b.height * 0.08 && bottom(o.box) <= bottom(b) + b.height * 1.2,
    );
    if (!over.length && !under.length) continue;
    remaining.delete(s);
    nodes.push({
      type: 'limits',
      box: union([b, ...over.map((o) => o.box), ...under.map((o) => o.box)]),
      op: s.readings[0]!,
      over: take(over),
      under: take(under),
    });
  }

  for (const s of remaining) {
    if (s.kind === 'glyph') nodes.push({ type: 'glyph', box: s.box, reading: s.readings[0]!, readings: s.readings });
    else nodes.push({ type: 'bar', box: s.box });
  }
  return nodes.sort((a, b) => a.box.left - b.box.left);
}

/** Upright letters side by side on one line, close enough to be one word; each glyph's best reading made the upright one. */
function wordRuns(symbols: PlacedSymbol[]): PlacedSymbol[][] {
  const letters = symbols
    .filter((s) => s.kind === 'glyph' && s.readings[0] && uprightReading(s.readings[0], s.readings))
    .sort((a, b) => a.box.left - b.box.left);
  const runs: PlacedSymbol[][] = [];
  for (const s of letters) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const sameLine =
      last &&
      Math.min(bottom(last.box), bottom(s.box)) - Math.max(last.box.top, s.box.top) >
        Math.min(last.box.height, s.box.height) * 0.4;
    if (run && last && sameLine && s.box.left - right(last.box) < Math.max(last.box.height, s.box.height) * 0.3)
      run.push(s);
    else runs.push([s]);
  }
  return runs
    .filter((r) => r.length > 1)
    .map((run) => {
      for (const s of run) {
        const upright = uprightReading(s.readings[0]!, s.readings)!;
        s.readings = [upright, ...s.readings.filter((r) => r !== upright)];
      }
      return run;
    });
}

/** A short bar just over one or a few symbols, no longer than they are: \bar or \overline, not a minus. */
function isOverline(bar: PlacedBox, under: PlacedSymbol[], context: Context): boolean {
  const content = union(under.map((o) => o.box));
  return bar.width <= content.width + context.em * 0.3 && bar.width >= content.width * 0.35 && under.length <= 4;
}
