// The formula reader on formulas typeset fresh by KaTeX in Chromium (none of them in the
// benchmark), one for each kind of structure the issue lists, in light and dark themes and
// several sizes: what it writes must typeset to the same formula.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from '../fixtures/chromium.js';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../app/engine/image.js';
import { FormulaSymbolReader } from '../../app/engine/formula-symbols.js';
import { resolveEngineConfig } from '../../app/engine/config.js';
import { readFormula } from '../../app/layout/formula.js';
import { isTypesetFormula } from '../../app/layout/formula-result.js';
import { renderFormulas, type FormulaSample } from './make-formulas.js';
import { typesetForm } from './formula-helpers.js';
import { expectDrawnIn, testFont } from '../fixtures/fonts.js';

const limits = resolveEngineConfig().limits;

/** One formula of each structure: fractions, scripts (nested), radicals, big operators with limits, lim, accents, binomials, matrices... */
const formulas = [
  '\\frac{a+b}{c-d} = \\frac{1}{2}',
  'x_{i}^{2} + y_{j}^{n+1} = z_{k}',
  '\\sqrt{x^2+y^2} \\le \\sqrt[3]{27}',
  '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}',
  '\\prod_{i=1}^{N} a_{i} \\ge 0',
  '\\int_{0}^{1} x^2 \\, dx = \\frac{1}{3}',
  '\\oint_{C} \\vec{F} \\cdot d\\vec{r} = 0',
  '\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1',
  '\\alpha + \\beta \\ne \\gamma \\approx \\delta',
  '\\log(xy) = \\log x + \\log y',
  'e^{x} \\to \\infty \\Rightarrow x \\to \\infty',
  '\\left( \\frac{a}{b} \\right)^{2} = \\frac{a^2}{b^2}',
  '\\hat{y} = \\bar{x} + \\vec{v}',
  '\\binom{n}{k} = \\frac{n!}{k!(n-k)!}',
  'A = \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
  '\\exp(i\\theta) = \\cos\\theta + i\\sin\\theta',
];

let dir: string;
let samples: FormulaSample[];
const reader = new FormulaSymbolReader();

async function read(file: string) {
  const image = await decodeImage(readFileSync(file), limits);
  return readFormula(reader.read(image));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'formulas-'));
  samples = await renderFormulas(formulas, dir, 20261126, 'test');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('formula reader', () => {
  it('writes LaTeX that typesets to the same formula, for every kind of structure', async () => {
    const wrong: string[] = [];
    for (const sample of samples) {
      const formula = await read(path.join(dir, sample.image));
      expect(formula, sample.latex).not.toBeNull();
      expect(typesetForm(formula!.latex), `KaTeX cannot parse ${formula!.latex}`).not.toBeNull();
      if (typesetForm(formula!.latex) !== typesetForm(sample.latex))
        wrong.push(`${sample.latex}  read as  ${formula!.latex}`);
      expect(isTypesetFormula(formula!), sample.latex).toBe(true);
    }
    expect(wrong).toEqual([]);
  });

  it('reads the same formula at twice the size (a HiDPI screen) and from a JPEG', async () => {
    const sample = samples[3]!; // the sum with limits and a fraction
    const file = path.join(dir, sample.image);
    const { width } = await sharp(file).metadata();
    const larger = path.join(dir, 'larger.png');
    await sharp(file)
      .resize({ width: width! * 2 })
      .toFile(larger);
    const jpeg = path.join(dir, 'lossy.jpg');
    await sharp(file).jpeg({ quality: 80 }).toFile(jpeg);
    for (const variant of [larger, jpeg]) {
      expect(typesetForm((await read(variant))!.latex), variant).toBe(typesetForm(sample.latex));
    }
  });

  it('tells ordinary text apart: a line of a UI or a document is no formula', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ deviceScaleFactor: 1 });
      for (const [i, text] of [
        'Settings saved. Restart the application to apply them.',
        'Connection refused: is the server running?',
      ].entries()) {
        await page.setContent(
          `<p id="line" style="display:inline-block;margin:0;padding:16px;font:${testFont('15px', 'DejaVu Sans')}">${text}</p>`,
        );
        await expectDrawnIn(page, '#line', 'DejaVu Sans');
        const file = path.join(dir, `text-${i}.png`);
        await page.locator('#line').screenshot({ path: file });
        const formula = await read(file);
        expect(formula && isTypesetFormula(formula), text).toBeFalsy();
      }
    } finally {
      await browser.close();
    }
  });

  it('finds nothing in a blank snip', async () => {
    const blank = await sharp({ create: { width: 120, height: 60, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const image = await decodeImage(blank, limits);
    expect(readFormula(reader.read(image))).toBeNull();
  });
});
