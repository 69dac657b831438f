// The symbols the formula reader knows, each with the LaTeX that KaTeX typesets it from and the
// role it plays in a formula's layout. The template generator (tests/formula/make-glyphs.ts)
// renders every entry with KaTeX in Chromium; the reader compares snipped symbols with them.

/**
 * ord: a letter or digit that sits on the baseline and can carry scripts;
 * word: an upright letter (function names such as sin, \mathrm text);
 * bin, rel: binary operators and relations; open, close: delimiters; punct: , ; ! and the like;
 * big: sums, products and integrals (limits above and below, or as scripts);
 * accent: a mark set over the symbol below it.
 */
export type GlyphRole = 'ord' | 'word' | 'bin' | 'rel' | 'open' | 'close' | 'punct' | 'big' | 'accent' | 'fence';

export interface GlyphEntry {
  /** What the reader writes for it: a LaTeX token (`\alpha`, `x`, `\le`); for `word` the bare letter. */
  latex: string;
  /** What KaTeX is given to draw it alone. */
  source: string;
  role: GlyphRole;
  /** Drawn with its dot taken away (an i or j stem alone; the fonts have no dotless glyphs of their own). */
  dotless?: boolean;
}

const lowercase = 'abcdefghijklmnopqrstuvwxyz'.split('');
const uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const greekLower = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'rho',
  'varrho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
];
const greekUpper = ['Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega'];

const entry = (latex: string, role: GlyphRole, source = latex): GlyphEntry => ({ latex, source, role });

export const glyphEntries: GlyphEntry[] = [
  ...lowercase.map((c) => entry(c, 'ord')),
  ...uppercase.map((c) => entry(c, 'ord')),
  ...'0123456789'.split('').map((c) => entry(c, 'ord')),
  ...greekLower.map((g) => entry(`\\${g}`, 'ord')),
  ...greekUpper.map((g) => entry(`\\${g}`, 'ord')),
  ...[...lowercase, ...uppercase].map((c) => entry(c, 'word', `\\mathrm{${c}}`)),
  // Dotless i and j: small type often parts a dot from its stem, or fuses the stem with a neighbour.
  ...(['i', 'j'] as const).flatMap((c) => [
    { ...entry(c, 'ord'), dotless: true },
    { ...entry(c, 'word', `\\mathrm{${c}}`), dotless: true },
  ]),
  entry('\\infty', 'ord'),
  entry('\\partial', 'ord'),
  entry('\\nabla', 'ord'),
  entry('\\hbar', 'ord'),
  entry('\\ell', 'ord'),
  entry('+', 'bin'),
  entry('\\pm', 'bin'),
  entry('\\mp', 'bin'),
  entry('\\times', 'bin'),
  entry('\\div', 'bin'),
  entry('\\cdot', 'bin'),
  entry('\\cup', 'bin'),
  entry('\\cap', 'bin'),
  entry('\\circ', 'bin'),
  entry('/', 'ord'),
  entry('=', 'rel'),
  entry('<', 'rel'),
  entry('>', 'rel'),
  entry('\\le', 'rel'),
  entry('\\ge', 'rel'),
  entry('\\ne', 'rel'),
  entry('\\approx', 'rel'),
  entry('\\equiv', 'rel'),
  entry('\\sim', 'rel'),
  entry('\\simeq', 'rel'),
  entry('\\propto', 'rel'),
  entry('\\to', 'rel'),
  entry('\\leftarrow', 'rel'),
  entry('\\Rightarrow', 'rel'),
  entry('\\Leftrightarrow', 'rel'),
  entry('\\mapsto', 'rel'),
  entry('\\in', 'rel'),
  entry('\\notin', 'rel'),
  entry('\\subset', 'rel'),
  entry('\\subseteq', 'rel'),
  entry('\\ll', 'rel'),
  entry('\\gg', 'rel'),
  entry('\\forall', 'ord'),
  entry('\\exists', 'ord'),
  entry('\\neg', 'ord'),
  entry('(', 'open'),
  entry(')', 'close'),
  entry('[', 'open'),
  entry(']', 'close'),
  entry('\\{', 'open'),
  entry('\\}', 'close'),
  entry('\\langle', 'open'),
  entry('\\rangle', 'close'),
  entry('|', 'fence'),
  entry('\\|', 'fence'),
  entry(',', 'punct'),
  entry(';', 'punct'),
  entry(':', 'rel'),
  entry('!', 'close'),
  entry("'", 'ord', "{}'"),
  entry('\\ldots', 'ord'),
  entry('\\cdots', 'ord'),
  entry('\\sum', 'big'),
  entry('\\prod', 'big'),
  entry('\\int', 'big'),
  entry('\\oint', 'big'),
  entry('\\iint', 'big'),
  entry('\\bigcup', 'big'),
  entry('\\bigcap', 'big'),
  entry('\\hat', 'accent', '\\hat{\\phantom{x}}'),
  entry('\\tilde', 'accent', '\\tilde{\\phantom{x}}'),
  entry('\\vec', 'accent', '\\vec{\\phantom{x}}'),
  entry('\\dot', 'accent', '\\dot{\\phantom{x}}'),
];

/**
 * Operator names, drawn whole: at screen sizes their letters often touch (the serifs of "lim",
 * the "an" of tan), so the reader also matches a run of pieces against the whole word.
 */
export const operatorWords = [
  'sin',
  'cos',
  'tan',
  'cot',
  'sec',
  'csc',
  'log',
  'ln',
  'exp',
  'lim',
  'max',
  'min',
  'sup',
  'inf',
  'det',
  'sinh',
  'cosh',
  'tanh',
  'arg',
  'dim',
  'ker',
  'gcd',
];
glyphEntries.push(...operatorWords.map((w) => entry(`\\${w}`, 'word')));

/** Delimiters drawn taller by \left ... \right: KaTeX takes them from larger fonts or stacks pieces. */
export const grownDelimiters = ['(', ')', '[', ']', '\\{', '\\}', '|'];
