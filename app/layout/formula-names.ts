// Names the formula layout gives special treatment.

/** Names KaTeX sets upright as operators; a run of upright letters spelling one is written `\name`. */
export const operatorNames = [
  'arcsin',
  'arccos',
  'arctan',
  'sinh',
  'cosh',
  'tanh',
  'sin',
  'cos',
  'tan',
  'cot',
  'sec',
  'csc',
  'log',
  'ln',
  'lg',
  'exp',
  'lim',
  'max',
  'min',
  'sup',
  'inf',
  'det',
  'dim',
  'ker',
  'deg',
  'gcd',
  'arg',
  'Pr',
  'mod',
];

/** Operators whose limits KaTeX sets above and below in display style (integrals keep them as scripts). */
export const limitsAboveBelow = new Set([
  '\\sum',
  '\\prod',
  '\\bigcup',
  '\\bigcap',
  '\\lim',
  '\\max',
  '\\min',
  '\\sup',
  '\\inf',
]);

/** Upright glyphs that are drawn alike; a run of letters is matched against the names with them folded. */
const lookalikes: Record<string, string> = { I: 'l', '1': 'l', '0': 'o', O: 'o' };

/** The operator name the letters spell, allowing for look-alike glyphs (Iim is lim); undefined if none. */
export function operatorName(letters: string): string | undefined {
  if (operatorNames.includes(letters)) return letters;
  const folded = [...letters].map((c) => lookalikes[c] ?? c).join('');
  return operatorNames.find((name) => [...name].map((c) => lookalikes[c] ?? c).join('') === folded);
}
