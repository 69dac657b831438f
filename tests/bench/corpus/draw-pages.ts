// Draws the corpus's browser pages in Debian's Chromium, one browser per font rendering (the
// fontconfig file is read at launch), one context per device scale, and measures each page's
// ground truth in the page before its screenshot.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumPath } from '../../fixtures/chromium.js';
import { fontconfigFor, sourceServes, type PagePlan, type Rendering } from './corpus-plan.js';
import { measureLinesInPage, type MeasuredLine } from './measure-lines.js';
import { codePage, docPage, largePage, themes, uiPage, type PageStyle } from './page-layouts.js';
import { Random } from './random.js';
import { codeSources, drawLines, proseSources, uiSources, type SourceFile, type UiLanguage } from './text-sources.js';

export interface DrawnPage {
  png: Buffer;
  /** Lines in image pixels. */
  lines: MeasuredLine[];
}

class SourcePools {
  private cache = new Map<string, SourceFile[]>();
  private get(key: string, all: () => SourceFile[], split: PagePlan['split']): SourceFile[] {
    const k = `${key}:${split}`;
    if (!this.cache.has(k))
      this.cache.set(
        k,
        all().filter((s) => sourceServes(split, s.name)),
      );
    return this.cache.get(k)!;
  }
  ui = (lang: UiLanguage, split: PagePlan['split']) => this.get(`ui-${lang}`, () => uiSources(lang), split);
  prose = (split: PagePlan['split']) => this.get('prose', proseSources, split);
  code = (split: PagePlan['split']) => this.get('code', codeSources, split);
}

/** A paragraph cut to a page's worth at a sentence or word end. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  return sentence > max / 2 ? cut.slice(0, sentence + 1) : cut.slice(0, cut.lastIndexOf(' '));
}

function pageHtml(plan: PagePlan, pools: SourcePools): string {
  const random = new Random(plan.seed);
  const theme = random.pick(themes[plan.theme]);
  const style: PageStyle = { theme, font: plan.font, fontSize: plan.fontSize };
  switch (plan.kind) {
    case 'ui':
      return uiPage(random, style, drawLines(random, pools.ui(plan.lang, plan.split), 40, 48));
    case 'large':
      return largePage(random, style, drawLines(random, pools.ui(plan.lang, plan.split), random.int(1, 4), 28));
    case 'doc': {
      const sources = pools.prose(plan.split);
      for (let tries = 0; ; tries++) {
        const paragraphs = random.pick(sources).read();
        if (paragraphs.length === 0 && tries < 50) continue;
        const start = random.int(0, Math.max(0, paragraphs.length - 1));
        const chosen = paragraphs.slice(start, start + random.int(1, 4)).map((p) => shorten(p, 700));
        let budget = 1400;
        const kept = chosen.filter((p) => (budget -= p.length) > 0 || p === chosen[0]);
        const heading = random.chance(0.3) ? drawLines(random, pools.ui('en', plan.split), 1, 40)[0] : undefined;
        return docPage(random, style, kept, heading);
      }
    }
    case 'code': {
      const sources = pools.code(plan.split);
      for (let tries = 0; ; tries++) {
        const lines = random.pick(sources).read();
        if (lines.filter((l) => l.trim()).length < 8 && tries < 50) continue;
        const count = random.int(10, 26);
        const start = random.int(0, Math.max(0, lines.length - count));
        return codePage(
          random,
          style,
          lines.slice(start, start + count).map((l) => (l.length > 100 ? l.slice(0, 100).trimEnd() : l)),
        );
      }
    }
    case 'terminal':
      throw new Error('terminal pages are drawn by xterm');
  }
}

async function launch(rendering: Rendering): Promise<Browser> {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-fonts-'));
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(file, fontconfigFor(rendering));
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--font-render-hinting=none'].filter(
      // Chromium's own hinting switch overrides fontconfig: only the unhinted rendering sets it.
      (a) => rendering === 'unhinted-gray' || !a.startsWith('--font-render-hinting'),
    ),
    env: { ...process.env, FONTCONFIG_FILE: file },
  });
}

/** Draws every browser page of the plan; `onPage` receives each as it is done. */
export async function drawPages(
  plans: readonly PagePlan[],
  onPage: (plan: PagePlan, page: DrawnPage) => Promise<void>,
): Promise<void> {
  const pools = new SourcePools();
  for (const rendering of ['hinted-gray', 'unhinted-gray', 'subpixel'] as const) {
    const mine = plans.filter((p) => p.rendering === rendering && p.kind !== 'terminal');
    if (mine.length === 0) continue;
    const browser = await launch(rendering);
    const contexts = new Map<number, BrowserContext>();
    try {
      for (const plan of mine) {
        let context = contexts.get(plan.scale);
        if (!context) {
          context = await browser.newContext({
            viewport: { width: 1500, height: 1000 },
            deviceScaleFactor: plan.scale,
          });
          contexts.set(plan.scale, context);
        }
        const page = await context.newPage();
        try {
          await page.setContent(pageHtml(plan, pools), { waitUntil: 'load' });
          await page.evaluate(() => document.fonts.ready);
          // tsx names functions with a `__name` helper the page does not have: give it one.
          const lines = (await page.evaluate(
            `(() => { const __name = (f) => f; return (${measureLinesInPage.toString()})(); })()`,
          )) as MeasuredLine[];
          const png = await page.locator('#shot').screenshot({ type: 'png', scale: 'device' });
          const s = plan.scale;
          await onPage(plan, {
            png,
            lines: lines.map((l) => ({
              text: l.text,
              box: [
                Math.round(l.box[0] * s),
                Math.round(l.box[1] * s),
                Math.round(l.box[2] * s),
                Math.round(l.box[3] * s),
              ],
            })),
          });
        } finally {
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
  }
}
