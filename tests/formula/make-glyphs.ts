// Generates app/engine/formula-glyphs.json.gz, the formula reader's symbol templates: every
// entry of app/engine/formula-glyph-set.ts typeset by KaTeX in Chromium at several sizes (as
// web pages and papers set them), each cut out to its ink with where it stands against the
// baseline. Run: npx tsx tests/formula/make-glyphs.ts   (needs /usr/bin/chromium)
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import sharp from 'sharp';
import { launchChromium } from '../fixtures/chromium.js';
import { glyphEntries, grownDelimiters, type GlyphRole } from '../../app/engine/formula-glyph-set.js';
import type { GlyphTemplateFile, GlyphTemplate } from '../../app/engine/formula-glyphs.js';

const require = createRequire(import.meta.url);
const katexDir = path.dirname(require.resolve('katex/dist/katex.min.js'));
const outFile = fileURLToPath(new URL('../../app/engine/formula-glyphs.json.gz', import.meta.url));

/** Font sizes in CSS pixels: display formulas on screens run 16-40 px, their scripts down to 8. */
const sizes = [9, 11, 13, 15, 17, 20, 23, 27, 32, 38];

interface Cell {
  latex: string;
  role: GlyphRole;
  source: string;
  dotless?: boolean;
}

function cells(): Cell[] {
  const list: Cell[] = [];
  for (const e of glyphEntries) {
    list.push({ latex: e.latex, role: e.role, source: `\\displaystyle ${e.source}`, dotless: e.dotless });
    // Inside fractions and scripts, sums and integrals are drawn smaller (text style).
    if (e.role === 'big') list.push({ latex: e.latex, role: e.role, source: `\\textstyle ${e.source}` });
  }
  for (const d of grownDelimiters) {
    for (const em of [1.2, 1.8, 2.4, 3.0, 3.6, 4.4]) {
      const strut = `\\rule{0pt}{${em / 2}em}\\rule[-${em / 2}em]{0pt}{0pt}`;
      const role: GlyphRole = d === '|' ? 'fence' : /[)\]}]/.test(d) ? 'close' : 'open';
      const source = role === 'close' ? `\\left. ${strut} \\right${d}` : `\\left${d} ${strut} \\right.`;
      list.push({ latex: d, role, source });
    }
  }
  return list;
}

async function main() {
  const list = cells();
  const browser = await launchChromium();
  const templates: GlyphTemplate[] = [];
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(path.join(katexDir, 'katex.min.css')).href);
    for (const size of sizes) {
      const columns = 12;
      const cellW = Math.ceil(size * 7),
        cellH = Math.ceil(size * 7);
      const html = `<!doctype html><html><head><link rel="stylesheet" href="${pathToFileURL(path.join(katexDir, 'katex.min.css')).href}">
        <script src="${pathToFileURL(path.join(katexDir, 'katex.min.js')).href}"></script>
        <style>body{margin:0;background:#fff;color:#000}.cell{position:absolute;width:${cellW}px;height:${cellH}px;display:flex;align-items:center;justify-content:center}
        .cell .katex{font-size:${size}px}.mark{display:inline-block;width:1px;height:0}</style></head><body></body></html>`;
      await page.setContent(html, { waitUntil: 'load' });
      const marks = await page.evaluate(
        ({ sources, columns, cellW, cellH }) => {
          const k = (window as unknown as { katex: { renderToString(s: string, o: object): string } }).katex;
          const out: { x: number; y: number }[] = [];
          sources.forEach((source, i) => {
            const cell = document.createElement('div');
            cell.className = 'cell';
            cell.style.left = `${(i % columns) * cellW}px`;
            cell.style.top = `${Math.floor(i / columns) * cellH}px`;
            cell.innerHTML = `<span><span class="mark"></span>${k.renderToString(source, { throwOnError: true })}</span>`;
            document.body.appendChild(cell);
          });
          document.body.style.height = `${Math.ceil(sources.length / columns) * cellH}px`;
          document.body.style.width = `${columns * cellW}px`;
          for (const mark of document.querySelectorAll('.mark')) {
            const r = mark.getBoundingClientRect();
            out.push({ x: r.left, y: r.bottom });
          }
          return out;
        },
        { sources: list.map((c) => c.source), columns, cellW, cellH },
      );
      await page.evaluate(() => document.fonts.ready);
      const width = columns * cellW,
        height = Math.ceil(list.length / columns) * cellH;
      await page.setViewportSize({ width, height });
      const shot = await page.screenshot({ fullPage: true });
      const { data, info } = await sharp(shot).greyscale().raw().toBuffer({ resolveWithObject: true });
      list.forEach((cell, i) => {
        const x0 = (i % columns) * cellW,
          y0 = Math.floor(i / columns) * cellH;
        const ink = (x: number, y: number) => 255 - data[(y0 + y) * info.width + x0 + x]!;
        let minX = cellW,
          minY = cellH,
          maxX = -1,
          maxY = -1;
        for (let y = 0; y < cellH; y++)
          for (let x = 0; x < cellW; x++) {
            if (ink(x, y) > 40) {
              minX = Math.min(minX, x);
              maxX = Math.max(maxX, x);
              minY = Math.min(minY, y);
              maxY = Math.max(maxY, y);
            }
          }
        if (maxX < 0) throw new Error(`nothing drawn for ${cell.source} at ${size}px`);
        if (cell.dotless) {
          // The dot is the ink above the first empty row: the stem starts below it.
          const rowInk = (y: number) => {
            for (let x = minX; x <= maxX; x++) if (ink(x, y) > 40) return true;
            return false;
          };
          let y = minY;
          while (y <= maxY && rowInk(y)) y++;
          while (y <= maxY && !rowInk(y)) y++;
          minY = y;
          minX = cellW;
          maxX = -1;
          for (let yy = minY; yy <= maxY; yy++)
            for (let x = 0; x < cellW; x++)
              if (ink(x, yy) > 40) {
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
              }
        }
        const w = maxX - minX + 1,
          h = maxY - minY + 1;
        const pixels = Buffer.alloc(w * h);
        for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels[y * w + x] = ink(minX + x, minY + y);
        const mark = marks[i]!;
        templates.push({
          latex: cell.latex,
          role: cell.role,
          size,
          // Ink top and bottom against the baseline, in em (up is negative, as on screen).
          top: (y0 + minY - mark.y) / size,
          bottom: (y0 + maxY + 1 - mark.y) / size,
          width: w,
          height: h,
          pixels: pixels.toString('base64'),
        });
      });
      console.log(`${size}px: ${list.length} glyphs`);
    }
  } finally {
    await browser.close();
  }
  const file: GlyphTemplateFile = { katex: require('katex/package.json').version as string, sizes, templates };
  writeFileSync(outFile, gzipSync(JSON.stringify(file), { level: 9 }));
  console.log(`wrote ${templates.length} templates to ${outFile}`);
}

await main();
