// Baselines: a level's own size and baseline, and where each of its pieces stands against it
// (on it, or raised or lowered as a script).
import { centerY, impliedBaseline, impliedEm, median, union } from './formula-symbols.js';
import { flexibleRoles, fracAxis, type Context, type Level, type Node } from './formula-nodes.js';

/** The level's own size and baseline: those of its largest ordinary glyphs. */
export function levelOf(nodes: Node[], context: Context): Level {
  const glyphs = nodes.filter(
    (n): n is Extract<Node, { type: 'glyph' }> =>
      n.type === 'glyph' &&
      !flexibleRoles.has(n.reading.role) &&
      n.reading.role !== 'accent' &&
      n.reading.bottom - n.reading.top >= 0.3,
  );
  const measured = glyphs.map((n) => ({
    em: impliedEm(n.box, n.reading),
    baseline: impliedBaseline(n.box, n.reading),
  }));
  if (!measured.length) {
    const box = union(nodes.map((n) => n.box));
    const bars = nodes.filter((n) => n.type === 'frac' || n.type === 'bar');
    const axis = bars.length
      ? median(bars.map((n) => (n.type === 'frac' ? fracAxis(n) : centerY(n.box))))
      : centerY(box);
    const em = Math.min(context.em, Math.max(box.height, 4));
    return { em, axis, baseline: axis + em * 0.25 };
  }
  const largest = Math.max(...measured.map((m) => m.em));
  const main = measured.filter((m) => m.em >= largest * 0.83);
  const em = median(main.map((m) => m.em));
  const baseline = median(main.map((m) => m.baseline));
  return { em, baseline, axis: baseline - em * 0.25 };
}

/** A level known to be `em` large: its axis where its relations, operators and fraction bars sit. */
export function axisLevel(nodes: Node[], em: number): Level | undefined {
  const axes = nodes.flatMap((n) =>
    n.type === 'frac'
      ? [fracAxis(n)]
      : n.type === 'bar' || (n.type === 'glyph' && (n.reading.role === 'rel' || n.reading.role === 'bin'))
        ? [centerY(n.box)]
        : [],
  );
  if (!axes.length) return undefined;
  const axis = median(axes);
  return { em, axis, baseline: axis + em * 0.25 };
}

export type Placement = 'base' | 'sup' | 'sub';

export function placementOf(n: Node, level: Level): Placement {
  const { em, baseline, axis } = level;
  const side = (y: number): Placement => (y < baseline - em * 0.3 ? 'sup' : 'sub');
  switch (n.type) {
    case 'glyph': {
      if (n.reading.role === 'big') return 'base';
      const e = impliedEm(n.box, n.reading);
      if (n.reading.role === 'open' || n.reading.role === 'close' || n.reading.role === 'fence') {
        return e < em * 0.83 && Math.abs(centerY(n.box) - axis) > em * 0.2 ? side(centerY(n.box)) : 'base';
      }
      // Scripts of the smallest size are no smaller than their base (TeX stops shrinking at half
      // size): there only the raise tells them.
      if (e >= em * 0.83)
        return n.reading.role === 'ord' && impliedBaseline(n.box, n.reading) < baseline - Math.max(em * 0.2, 2.5)
          ? 'sup'
          : 'base';
      // Relations and operators measured by their width are sized roughly; only off the axis are they scripts.
      if ((n.reading.role === 'rel' || n.reading.role === 'bin') && Math.abs(centerY(n.box) - axis) < em * 0.2)
        return 'base';
      // A comma or full stop is small but sits on the baseline.
      if (n.reading.role === 'punct' && Math.abs(impliedBaseline(n.box, n.reading) - baseline) < em * 0.12)
        return 'base';
      return side(centerY(n.box));
    }
    case 'bar':
      return n.box.width < em * 0.55 && Math.abs(centerY(n.box) - axis) > em * 0.15 ? side(centerY(n.box)) : 'base';
    case 'limits':
      return 'base';
    case 'frac':
    case 'sqrt':
    case 'accent': {
      const mid = n.type === 'frac' ? fracAxis(n) : centerY(n.box);
      if (n.box.height < em * 1.6 && mid < axis - em * 0.35) return 'sup';
      if (n.box.height < em * 1.6 && mid > baseline) return 'sub';
      return 'base';
    }
  }
}
