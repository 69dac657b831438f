// `npm run bench:corpus`: makes the tuning corpus and its held-out split in bench-corpus/ (not
// committed: it is made anew from this machine's packages, the same for the same packages).
// Each split has gt.jsonl in ../shared/bench's format plus each image's variant.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { planCorpus, type ImageFormat, type PagePlan, type Split } from './corpus-plan.js';
import { drawPages, type DrawnPage } from './draw-pages.js';
import { drawTerminals, terminalToolsPresent } from './draw-terminals.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const defaultCorpusDir = path.join(repoRoot, 'bench-corpus');

export interface CorpusItem {
  id: string;
  image: string;
  kind: string;
  lang: string;
  width: number;
  height: number;
  text: string;
  lines: { text: string; box: [number, number, number, number] }[];
  variant: Pick<PagePlan, 'split' | 'font' | 'fontSize' | 'theme' | 'scale' | 'format' | 'rendering'>;
}

async function encode(png: Buffer, format: ImageFormat): Promise<{ bytes: Buffer; ext: string }> {
  if (format === 'jpeg-q70') return { bytes: await sharp(png).jpeg({ quality: 70 }).toBuffer(), ext: 'jpg' };
  if (format === 'webp') return { bytes: await sharp(png).webp({ quality: 75 }).toBuffer(), ext: 'webp' };
  return { bytes: png, ext: 'png' };
}

export async function makeCorpus(options: {
  dir?: string;
  pages?: number;
  terminals?: number;
  log?: (s: string) => void;
}) {
  const dir = options.dir ?? defaultCorpusDir;
  const log = options.log ?? (() => {});
  const plans = planCorpus(options.pages ?? 160, terminalToolsPresent() ? (options.terminals ?? 24) : 0);
  if (!terminalToolsPresent())
    log('xterm, Xvfb or ImageMagick missing: no terminal pages (apt-get install xterm xvfb x11-utils imagemagick)');
  const items: Record<Split, CorpusItem[]> = { tuning: [], heldout: [] };
  for (const split of ['tuning', 'heldout'] as const) {
    rmSync(path.join(dir, split), { recursive: true, force: true });
    mkdirSync(path.join(dir, split), { recursive: true });
  }
  let done = 0;
  const onPage = async (plan: PagePlan, page: DrawnPage) => {
    const { bytes, ext } = await encode(page.png, plan.format);
    const meta = await sharp(page.png).metadata();
    const image = `${plan.id}.${ext}`;
    writeFileSync(path.join(dir, plan.split, image), bytes);
    const lines = page.lines.filter((l) => l.text);
    items[plan.split].push({
      id: plan.id,
      image,
      kind: plan.kind,
      lang: plan.lang,
      width: meta.width!,
      height: meta.height!,
      text: lines.map((l) => l.text).join('\n'),
      lines,
      variant: {
        split: plan.split,
        font: plan.font,
        fontSize: plan.fontSize,
        theme: plan.theme,
        scale: plan.scale,
        format: plan.format,
        rendering: plan.rendering,
      },
    });
    if (++done % 25 === 0) log(`${done}/${plans.length} pages`);
  };
  await drawPages(plans, onPage);
  await drawTerminals(plans, onPage);
  for (const split of ['tuning', 'heldout'] as const) {
    const sorted = items[split].sort((a, b) => a.id.localeCompare(b.id));
    writeFileSync(path.join(dir, split, 'gt.jsonl'), sorted.map((i) => JSON.stringify(i)).join('\n') + '\n');
  }
  const lineCount = (s: Split) => items[s].reduce((n, i) => n + i.lines.length, 0);
  log(
    `corpus in ${path.relative(process.cwd(), dir) || '.'}: tuning ${items.tuning.length} images, ${lineCount('tuning')} lines; held-out ${items.heldout.length} images, ${lineCount('heldout')} lines`,
  );
  return items;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  await makeCorpus({ pages: arg('--pages'), terminals: arg('--terminals'), log: (s) => console.log(s) });
}
