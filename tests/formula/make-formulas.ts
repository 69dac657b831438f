// Typesets formulas with KaTeX in Chromium and saves each as a snip (PNG) with its LaTeX, as
// ../shared/bench/formulas does: in several sizes and themes. The formulas are the grammar's
// (tests/formula/formula-grammar.ts), so a fresh seed gives a set the reader has never seen.
//   npx tsx tests/formula/make-formulas.ts --out DIR [--count 60] [--seed 7]
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { launchChromium } from '../fixtures/chromium.js';
import { FormulaGrammar, seededRandom } from './formula-grammar.js';

const require = createRequire(import.meta.url);
const katexDir = path.dirname(require.resolve('katex/dist/katex.min.js'));

/** Page and ink colours of the themes formulas are read in: paper, dark editor, sepia. */
const themes = [
  { background: '#ffffff', color: '#000000' },
  { background: '#1e1e1e', color: '#e0e0e0' },
  { background: '#fbfaf5', color: '#202020' },
  { background: '#1e1e1e', color: '#ffffff' },
];

export interface FormulaSample {
  id: string;
  image: string;
  latex: string;
}

/** Renders `latexes` to PNGs in `outDir`; returns their ground-truth lines. */
export async function renderFormulas(
  latexes: string[],
  outDir: string,
  seed: number,
  prefix = 'gen',
): Promise<FormulaSample[]> {
  mkdirSync(outDir, { recursive: true });
  const random = seededRandom(seed ^ 0x9e3779b9);
  const browser = await launchChromium();
  const samples: FormulaSample[] = [];
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    // A file:// origin, so the page may load KaTeX's script and fonts from node_modules.
    await page.goto(pathToFileURL(path.join(katexDir, 'katex.min.css')).href);
    await page.setContent(
      `<!doctype html><html><head><link rel="stylesheet" href="${pathToFileURL(path.join(katexDir, 'katex.min.css')).href}">
      <script src="${pathToFileURL(path.join(katexDir, 'katex.min.js')).href}"></script></head><body style="margin:0"><div id="snip" style="display:inline-block"></div></body></html>`,
      { waitUntil: 'load' },
    );
    for (const [i, latex] of latexes.entries()) {
      const theme = themes[Math.floor(random() * themes.length)]!;
      const size = 18 + Math.floor(random() * 12);
      const padding = 18 + Math.floor(random() * 24);
      await page.evaluate(
        ({ latex, theme, size, padding }) => {
          const snip = document.getElementById('snip')!;
          snip.style.cssText = `display:inline-block;background:${theme.background};color:${theme.color};padding:${padding}px;font-size:${size / 1.21}px`;
          (window as unknown as { katex: { render(s: string, e: HTMLElement, o: object): void } }).katex.render(
            latex,
            snip,
            { displayMode: true, throwOnError: true },
          );
          (snip.firstElementChild as HTMLElement).style.margin = '0';
        },
        { latex, theme, size, padding },
      );
      await page.evaluate(() => document.fonts.ready);
      const id = `${prefix}-${String(i + 1).padStart(3, '0')}`;
      const image = `${id}.png`;
      await page.locator('#snip').screenshot({ path: path.join(outDir, image) });
      samples.push({ id, image, latex });
    }
  } finally {
    await browser.close();
  }
  writeFileSync(
    path.join(outDir, 'gt.jsonl'),
    samples.map((s) => JSON.stringify({ ...s, kind: 'formula', lang: 'math' })).join('\n') + '\n',
  );
  return samples;
}

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seed = Number(argument('seed', '7'));
  const count = Number(argument('count', '60'));
  const grammar = new FormulaGrammar(seededRandom(seed));
  const latexes = Array.from({ length: count }, () => grammar.formula());
  const samples = await renderFormulas(latexes, argument('out', 'bench-results/formulas-generated'), seed);
  console.log(`wrote ${samples.length} formulas`);
}
