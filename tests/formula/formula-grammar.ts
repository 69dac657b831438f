// Random formulas of the kinds users snip from papers and course notes: fractions, scripts
// (nested), radicals with and without index, sums, products and integrals with limits, lim,
// Greek letters, functions, relations and arrows, growing brackets, accents, binomials and
// small matrices. Seeded, so a set can be made again; used to test the formula reader on
// formulas it was never tuned on.

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const letters = 'abcdefghkmnprstuvwxyzABCDEFGHKLMNPQRSTUVWXYZ'.split('');
const greek = [
  '\\alpha',
  '\\beta',
  '\\gamma',
  '\\delta',
  '\\epsilon',
  '\\zeta',
  '\\eta',
  '\\theta',
  '\\kappa',
  '\\lambda',
  '\\mu',
  '\\nu',
  '\\xi',
  '\\pi',
  '\\rho',
  '\\sigma',
  '\\tau',
  '\\phi',
  '\\chi',
  '\\psi',
  '\\omega',
  '\\Gamma',
  '\\Delta',
  '\\Theta',
  '\\Lambda',
  '\\Sigma',
  '\\Phi',
  '\\Omega',
];
const binaries = ['+', '-', '\\cdot', '\\times', '\\pm'];
const relations = [
  '=',
  '<',
  '>',
  '\\le',
  '\\ge',
  '\\ne',
  '\\approx',
  '\\equiv',
  '\\sim',
  '\\to',
  '\\Rightarrow',
  '\\in',
];
const functions = ['\\sin', '\\cos', '\\tan', '\\log', '\\ln', '\\exp'];
const indices = ['i', 'j', 'k', 'n', 'm'];

export class FormulaGrammar {
  constructor(private readonly random: () => number) {}

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }
  private chance(p: number): boolean {
    return this.random() < p;
  }

  atom(): string {
    const r = this.random();
    if (r < 0.45) return this.pick(letters);
    if (r < 0.7) return String(Math.floor(this.random() * 10));
    return this.pick(greek);
  }

  /** A small script: an atom, a short sum, or (rarely) a script of its own. */
  script(depth: number): string {
    if (depth > 1 || this.chance(0.6)) return this.atom();
    if (this.chance(0.5)) return `${this.atom()} ${this.pick(['+', '-'])} ${this.atom()}`;
    return `${this.atom()}_{${this.atom()}}`;
  }

  term(depth: number): string {
    const r = this.random();
    if (depth > 2 || r < 0.3) return this.atom();
    if (r < 0.45) return `${this.atom()}^{${this.script(depth + 1)}}`;
    if (r < 0.55) return `${this.atom()}_{${this.script(depth + 1)}}`;
    if (r < 0.65) return `\\frac{${this.expr(depth + 1, 2)}}{${this.expr(depth + 1, 2)}}`;
    if (r < 0.72)
      return this.chance(0.7)
        ? `\\sqrt{${this.expr(depth + 1, 2)}}`
        : `\\sqrt[${this.pick(['3', 'n', '4'])}]{${this.expr(depth + 1, 2)}}`;
    if (r < 0.78) return `\\left( ${this.expr(depth + 1, 3)} \\right)`;
    if (r < 0.84) return `${this.pick(functions)} ${this.atom()}`;
    if (r < 0.88) return `\\${this.pick(['hat', 'bar', 'vec'])}{${this.pick(letters)}}`;
    if (r < 0.91) return `\\binom{${this.pick(indices)}}{${this.pick(indices)}}`;
    if (r < 0.93) return `${this.atom()}_{${this.pick(indices)}}^{${this.script(depth + 1)}}`;
    return `f(${this.pick(letters)})`;
  }

  expr(depth: number, maxTerms = 3): string {
    const count = 1 + Math.floor(this.random() * maxTerms);
    const terms = [this.term(depth)];
    for (let i = 1; i < count; i++) terms.push(this.pick(binaries), this.term(depth));
    return terms.join(' ');
  }

  bigOperator(): string {
    const i = this.pick(indices);
    switch (Math.floor(this.random() * 6)) {
      case 0:
        return `\\sum_{${i}=1}^{${this.pick(['n', 'N', '\\infty', 'm'])}} ${this.term(1)}`;
      case 1:
        return `\\prod_{${i}=1}^{${this.pick(['n', 'N', 'k'])}} ${this.term(1)}`;
      case 2:
        return `\\int_{${this.atom()}}^{${this.atom()}} ${this.term(1)} \\, d${this.pick(['x', 't', 'u'])}`;
      case 3:
        return `\\oint_{C} ${this.term(1)} \\, d${this.pick(['z', 's'])}`;
      case 4:
        return `\\lim_{${this.pick(['n', 'x', 'h'])} \\to ${this.pick(['\\infty', '0'])}} ${this.term(1)}`;
      default:
        return `\\begin{pmatrix} ${this.atom()} & ${this.atom()} \\\\ ${this.atom()} & ${this.atom()} \\end{pmatrix}`;
    }
  }

  formula(): string {
    const left = this.chance(0.4) ? this.bigOperator() : this.expr(0);
    const right = this.chance(0.25) ? this.bigOperator() : this.expr(0);
    return `${left} ${this.pick(relations)} ${right}`;
  }
}
