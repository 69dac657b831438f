// A formula's structure from where its symbols stand, written as LaTeX. The classic approach
// (Anderson's syntax-directed recognition; Zanibbi's baseline structure trees): structures
// first (formula-structure.ts: fraction bars and root signs, widest first; limits; accents),
// then on each baseline (formula-baselines.ts), symbols smaller than the baseline's own and
// raised or lowered become super- and subscripts, read again as baselines of their own.
// This file chooses glyph readings by size and writes the result out.
import { centerY, impliedEm, median, right, type GlyphReading, type PlacedSymbol } from './formula-symbols.js';
import { operatorName } from './formula-names.js';
import {
  flexibleRoles,
  nodeEm,
  uprightReading,
  type Context,
  type Entry,
  type Level,
  type Node,
} from './formula-nodes.js';
import { structure } from './formula-structure.js';
import { axisLevel, levelOf, placementOf } from './formula-baselines.js';
import { findGrid, splitColumns, type Grid } from './formula-grid.js';

export interface FormulaReading {
  latex: string;
  /** Mean shape distance of the symbols' chosen glyphs: near 0 for a typeset formula, high for other text. */
  meanDistance: number;
}

/** LaTeX for the symbols of one formula; null when there is nothing to read. */
export function readFormula(symbols: PlacedSymbol[]): FormulaReading | null {
  const glyphs = symbols.filter((s) => s.kind === 'glyph' && s.readings.length);
  if (!symbols.length) return null;
  const em = mainEm(glyphs);
  const context: Context = { em };
  const chosen = symbols.map((s) => (s.kind === 'glyph' ? { ...s, readings: preferFittingSize(s, em) } : s));
  const latex = writeLevel(chosen, context, em).trim();
  if (!latex) return null;
  const distances = chosen.filter((s) => s.kind === 'glyph').map((s) => s.readings[0]?.distance ?? 1);
  return { latex, meanDistance: distances.length ? distances.reduce((a, b) => a + b, 0) / distances.length : 0 };
}

/** The main size: what most of the largest ordinary symbols imply (delimiters and sums grow, so they are left out). */
function mainEm(glyphs: PlacedSymbol[]): number {
  const ems = glyphs
    .map((s) => ({ s, r: s.readings[0]! }))
    .filter(
      ({ r }) => !flexibleRoles.has(r.role) && r.role !== 'accent' && r.bottom - r.top >= 0.3 && r.distance < 0.04,
    )
    .map(({ s, r }) => impliedEm(s.box, r))
    .sort((a, b) => b - a);
  if (!ems.length) return median(glyphs.map((s) => s.box.height)) || 10;
  const reference = ems[Math.min(1, ems.length - 1)]!;
  return median(ems.filter((e) => e >= reference * 0.85));
}

/**
 * Shapes alike at different sizes (x and X, o and O, c and C) are told apart by size: of near
 * readings, the one whose implied size is a size TeX uses (main, script, scriptscript) wins.
 */
function preferFittingSize(symbol: PlacedSymbol, em: number): GlyphReading[] {
  const [best, ...rest] = symbol.readings;
  // Only letters and digits come in sizes that differ and nothing else (+ and ∓ are not a size apart).
  const sized = (r: GlyphReading) =>
    (r.role === 'ord' || r.role === 'word') && /^([a-zA-Z0-9]|\\[A-Za-z]+)$/.test(r.latex) && r.latex !== '\\infty';
  if (!best || !sized(best)) return symbol.readings;
  // A small glyph's height is known to a pixel either way: a size within that is no misfit.
  const misfit = (r: GlyphReading) => {
    const e = impliedEm(symbol.box, r);
    const slack = Math.log((symbol.box.height + 1) / Math.max(1, symbol.box.height));
    return Math.min(...[1, 0.7, 0.5].map((k) => Math.max(0, Math.abs(Math.log(e / (em * k))) - slack)));
  };
  const near = [best, ...rest.filter((r) => r.distance <= best.distance + 0.02 && sized(r))];
  const score = (r: GlyphReading) => r.distance + 0.2 * misfit(r);
  const fitted = near.reduce((a, b) => (score(b) < score(a) ? b : a));
  return fitted === best ? symbol.readings : [fitted, ...symbol.readings.filter((r) => r !== fitted)];
}

/** `floorEm`: the size the level is known to have at least (the formula's main size, for its own baseline). */
function writeLevel(symbols: PlacedSymbol[], context: Context, floorEm?: number): string {
  return writeSequence(structure(symbols, context), context, floorEm);
}

function writeSequence(nodes: Node[], context: Context, floorEm?: number): string {
  if (!nodes.length) return '';
  const measured = levelOf(nodes, context);
  // A baseline of few ordinary glyphs, (a/b)^2 say, may measure only its scripts: then its
  // axis is where its relations, operators and fraction bars sit.
  const level = floorEm && measured.em < floorEm * 0.9 ? (axisLevel(nodes, floorEm) ?? measured) : measured;
  for (const n of nodes) if (n.type === 'glyph') placeMark(n, level);
  const grid = findGrid(nodes, level);
  if (grid) return writeGrid(nodes, grid, level, context);
  const entries: Entry[] = [];
  for (const n of nodes) {
    let placement = placementOf(n, level);
    const last = entries[entries.length - 1];
    if (placement === 'base' || !last) {
      entries.push({ base: n, sup: [], sub: [] });
      continue;
    }
    // A script smaller still than the script before it belongs to that script (z_j in e^{z_j}).
    const nested = (['sup', 'sub'] as const).find((side) => {
      const previous = last[side][last[side].length - 1];
      return (
        previous &&
        previous.box.left <= n.box.left &&
        Number.isFinite(nodeEm(previous)) &&
        nodeEm(n) < nodeEm(previous) * 0.85 &&
        Math.abs(centerY(n.box) - centerY(previous.box)) < previous.box.height * 1.2
      );
    });
    if (nested) placement = nested;
    last[placement].push(n);
  }
  return writeEntries(entries, level, context);
}

const marks = new Set(['\\cdot', '\\dot', ',', "'", '.']);

/**
 * A mark of a few pixels (a dot, a tick) is told by where it stands, not by its blurred shape:
 * on the axis it is a product dot, on the baseline a full stop or a comma, high up a prime.
 */
function placeMark(n: Extract<Node, { type: 'glyph' }>, level: Level): void {
  if (!marks.has(n.reading.latex) || n.box.width > level.em * 0.3 || n.box.height > level.em * 0.35) return;
  const middle = centerY(n.box);
  const latex =
    Math.abs(middle - level.axis) < level.em * 0.15
      ? '\\cdot'
      : middle > level.baseline - level.em * 0.15
        ? n.box.top + n.box.height > level.baseline + level.em * 0.1
          ? ','
          : '.'
        : middle < level.baseline - level.em * 0.45
          ? "'"
          : n.reading.latex;
  if (latex === n.reading.latex) return;
  const reading = n.readings.find((r) => r.latex === latex) ?? {
    ...n.reading,
    latex,
    role: latex === '\\cdot' ? 'bin' : latex === "'" ? 'ord' : 'punct',
  };
  n.reading = reading;
}

function writeGrid(nodes: Node[], grid: Grid, level: Level, context: Context): string {
  const before = writeSequence(nodes.slice(0, grid.open), context);
  const after = writeSequence(nodes.slice(grid.close + 1), context);
  const open = nodes[grid.open] as Extract<Node, { type: 'glyph' }>;
  const cells = grid.rows.map((row) => splitColumns(row, level).map((cell) => writeSequence(cell, context)));
  let middle: string;
  if (open.reading.latex === '(' && cells.length === 2 && cells.every((r) => r.length === 1)) {
    middle = `\\binom{${cells[0]![0]}}{${cells[1]![0]}}`;
  } else {
    const env =
      ({ '(': 'pmatrix', '[': 'bmatrix', '\\{': 'Bmatrix', '|': 'vmatrix' } as Record<string, string>)[
        open.reading.latex
      ] ?? 'matrix';
    middle = `\\begin{${env}} ${cells.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{${env}}`;
  }
  return joinTokens([before, middle, after].filter(Boolean));
}

// ---------------------------------------------------------------- writing

function writeEntries(entries: Entry[], level: Level, context: Context): string {
  const tokens: string[] = [];
  const hasIntegral = entries.some((e) => e.base.type === 'glyph' && /^\\(o?int|iint)$/.test(e.base.reading.latex));
  const tall = (n: Node) => n.box.height > level.em * 1.45;
  const openStack: number[] = [];
  const pairs = new Map<number, number>();
  entries.forEach((e, i) => {
    if (e.base.type !== 'glyph') return;
    if (e.base.reading.role === 'open') openStack.push(i);
    else if (e.base.reading.role === 'close' && openStack.length) pairs.set(openStack.pop()!, i);
  });
  const grown = new Set<number>();
  for (const [o, c] of pairs)
    if (tall(entries[o]!.base) || tall(entries[c]!.base)) {
      grown.add(o);
      grown.add(c);
    }

  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const base = entry.base;
    // A run of upright letters is a word: an operator name (\sin) or upright text (\mathrm{...}).
    if (isWordLetter(base) && !entry.sub.length) {
      let j = i;
      let word = '';
      while (
        j < entries.length &&
        (isWordLetter(entries[j]!.base) || (j > i && wordReading(entries[j]!.base))) &&
        (j === i || gapBefore(entries, j) < level.em * 0.25)
      ) {
        word += wordReading(entries[j]!.base)!.latex;
        if (entries[j]!.sup.length || entries[j]!.sub.length) {
          j++;
          break;
        }
        j++;
      }
      const last = entries[j - 1]!;
      const name = operatorName(word);
      if (word.length > 1 || name) {
        tokens.push(withScripts(name ? `\\${name}` : `\\mathrm{${word}}`, last, context));
        i = j - 1;
        continue;
      }
      // A lone upright letter is more likely an italic one (or a digit) drawn alike: n and n, l and 1.
      // (Upright l and the digit 1 differ by a serif: a 1 is allowed a little further.)
      const italic = (base as Extract<Node, { type: 'glyph' }>).readings.find((r) => r.role !== 'word');
      const allowance = italic && /^[0-9]$/.test(italic.latex) ? 0.05 : 0.03;
      if (italic && italic.distance <= (base as Extract<Node, { type: 'glyph' }>).reading.distance + allowance) {
        tokens.push(withScripts(italic.latex, entry, context));
        continue;
      }
    }
    let text = writeNode(base, context);
    if (base.type === 'glyph') {
      const latex = base.reading.latex;
      if (grown.has(i)) text = `${base.reading.role === 'open' ? '\\left' : '\\right'}${latex}`;
      if (
        latex === '|' &&
        !grown.has(i) &&
        gapBefore(entries, i) > level.em * 0.18 &&
        gapAfter(entries, i) > level.em * 0.18
      )
        text = '\\mid';
      if (latex === '\\cdot' && centerY(base.box) > level.axis + level.em * 0.15) text = '.';
      // The differential of an integral is set off by a thin space (\, dx).
      if (
        hasIntegral &&
        latex === 'd' &&
        i > 0 &&
        isLetter(entries[i + 1]?.base) &&
        !(
          entries[i - 1]!.base.type === 'glyph' &&
          (entries[i - 1]!.base as Extract<Node, { type: 'glyph' }>).reading.role === 'big'
        )
      )
        tokens.push('\\,');
    }
    tokens.push(withScripts(text, entry, context));
  }
  return joinTokens(tokens);
}

function withScripts(text: string, entry: Entry, context: Context): string {
  let out = text;
  const primes = entry.sup.length > 0 && entry.sup.every((n) => n.type === 'glyph' && n.reading.latex === "'");
  if (primes) out += "'".repeat(entry.sup.length);
  // Subscript first, as people write x_i^2 and \int_a^b.
  if (entry.sub.length) out += `_${group(writeSequence(entry.sub, context))}`;
  if (entry.sup.length && !primes) out += `^${group(writeSequence(entry.sup, context))}`;
  return out;
}

const group = (latex: string) =>
  /^([a-zA-Z0-9]|\\[a-zA-Z]+)$/.test(latex) ? (latex.length === 1 ? latex : `{${latex}}`) : `{${latex}}`;

function writeNode(n: Node, context: Context): string {
  switch (n.type) {
    case 'glyph':
      return n.reading.role === 'word' && !n.reading.latex.startsWith('\\')
        ? `\\mathrm{${n.reading.latex}}`
        : n.reading.latex;
    case 'bar':
      return '-';
    case 'frac':
      return `\\frac{${writeLevel(n.num, context)}}{${writeLevel(n.den, context)}}`;
    case 'sqrt': {
      const index = n.index.length ? `[${writeLevel(n.index, context)}]` : '';
      return `\\sqrt${index}{${writeLevel(n.body, context)}}`;
    }
    case 'accent':
      return `${n.accent}{${writeLevel(n.base, context)}}`;
    case 'limits': {
      const under = n.under.length ? `_${group(writeLevel(n.under, context))}` : '';
      const over = n.over.length ? `^${group(writeLevel(n.over, context))}` : '';
      return `${n.op.latex}${under}${over}`;
    }
  }
}

const isWordLetter = (n: Node) => n.type === 'glyph' && n.reading.role === 'word' && !n.reading.latex.startsWith('\\');
const wordReading = (n: Node): GlyphReading | undefined =>
  n.type === 'glyph' ? uprightReading(n.reading, n.readings) : undefined;
const isLetter = (n: Node | undefined) =>
  n?.type === 'glyph' && n.reading.role === 'ord' && /^([a-zA-Z]|\\[a-z]+)$/.test(n.reading.latex);
const gapBefore = (entries: Entry[], i: number) =>
  i > 0 ? entries[i]!.base.box.left - right(entries[i - 1]!.base.box) : Infinity;
const gapAfter = (entries: Entry[], i: number) =>
  i + 1 < entries.length ? entries[i + 1]!.base.box.left - right(entries[i]!.base.box) : Infinity;

const spaced = new Set([
  '=',
  '<',
  '>',
  '+',
  '-',
  '\\pm',
  '\\mp',
  '\\le',
  '\\ge',
  '\\ne',
  '\\approx',
  '\\equiv',
  '\\to',
  '\\times',
  '\\cdot',
  '\\mid',
  '\\in',
  '\\sim',
  '\\Rightarrow',
  '\\Leftrightarrow',
  '\\leftarrow',
  '\\mapsto',
  '\\subset',
  '\\subseteq',
  '\\propto',
  '\\simeq',
  '\\div',
  '\\notin',
  '\\ll',
  '\\gg',
]);

/** Tokens as a person would type them: spaces around relations and operators, and wherever a command would run into a letter. */
function joinTokens(tokens: string[]): string {
  let out = '';
  for (const t of tokens) {
    if (!out) {
      out = t;
      continue;
    }
    const previous = lastToken(out);
    // A minus that opens a group is a sign, written against its number (-b, not - b).
    const sign = previous === '-' && (out === '-' || /[({[]\s*-$/.test(out));
    // Also between a command or group and what follows it (\\sigma \\sqrt, \\frac{1}{2} x): easier to read, same formula.
    const needsSpace =
      !sign &&
      (spaced.has(t) ||
        spaced.has(previous) ||
        t === '\\,' ||
        previous === ',' ||
        ((/\\[a-zA-Z]+$/.test(out) || /[}\]]$/.test(out)) && /^[a-zA-Z\\]/.test(t) && !t.startsWith('\\right')) ||
        (/[\^_][a-zA-Z0-9]$/.test(out) && /^[a-zA-Z0-9\\]/.test(t)));
    out += needsSpace ? ` ${t}` : t;
  }
  return out;
}

function lastToken(text: string): string {
  const m = /(\\[a-zA-Z]+|.)$/.exec(text);
  return m ? m[1]! : '';
}
