// What the corpus holds: which page of which kind, in which font, size, theme, scale, rendering
// and file format, for each split. The held-out split draws on other fonts and other sources
// than the tuning split, so a threshold tuned on one says nothing about the other.
import { isHeldOut, Random } from './random.js';
import type { UiLanguage } from './text-sources.js';

export type Split = 'tuning' | 'heldout';
export type PageKind = 'ui' | 'doc' | 'code' | 'large' | 'terminal';
export type ImageFormat = 'png' | 'jpeg-q70' | 'webp';
/** Font rasterisation as fontconfig sets it for the browser: the differences between desktops. */
export type Rendering = 'hinted-gray' | 'unhinted-gray' | 'subpixel';

export interface PagePlan {
  id: string;
  split: Split;
  kind: PageKind;
  lang: UiLanguage;
  font: string;
  fontSize: number;
  theme: 'light' | 'dark';
  scale: number;
  format: ImageFormat;
  rendering: Rendering;
  seed: number;
}

/** Font families by role; each split has its own. CJK pages fall back from the Latin face. */
const fonts: Record<Split, Record<'sans' | 'serif' | 'mono' | 'zh' | 'ja', string[]>> = {
  tuning: {
    sans: ['DejaVu Sans', 'Liberation Sans', 'Open Sans', 'Cantarell', 'Carlito'],
    serif: ['DejaVu Serif', 'Liberation Serif', 'Nimbus Roman', 'C059'],
    mono: ['DejaVu Sans Mono', 'Liberation Mono', 'Hack', 'Fira Code', 'Noto Mono'],
    zh: ['WenQuanYi Micro Hei', 'Noto Sans CJK SC'],
    ja: ['Noto Sans CJK JP', 'IPAGothic'],
  },
  heldout: {
    sans: ['Roboto', 'Arimo', 'Nimbus Sans'],
    serif: ['Tinos', 'P052'],
    mono: ['JetBrains Mono', 'Inconsolata', 'Cousine', 'Nimbus Mono PS'],
    zh: ['Noto Serif CJK SC', 'Droid Sans Fallback'],
    ja: ['VL Gothic', 'IPAPMincho'],
  },
};

export function fontsOf(split: Split) {
  return fonts[split];
}

/** A source serves one split only: the held-out split reads other files than the tuning split. */
export function sourceServes(split: Split, name: string): boolean {
  return isHeldOut(name) === (split === 'heldout');
}

const css = (families: string[]) => families.map((f) => `'${f}'`).join(', ');

export function planCorpus(pagesPerSplit: number, terminalsPerSplit: number): PagePlan[] {
  const plans: PagePlan[] = [];
  for (const split of ['tuning', 'heldout'] as const) {
    const random = new Random(`corpus-${split}`);
    const f = fonts[split];
    const kinds: PageKind[] = [];
    for (let i = 0; i < pagesPerSplit; i++) {
      const r = i % 20;
      kinds.push(r < 8 ? 'ui' : r < 13 ? 'doc' : r < 18 ? 'code' : 'large');
    }
    for (let i = 0; i < terminalsPerSplit; i++) kinds.push('terminal');
    kinds.forEach((kind, i) => {
      const lang: UiLanguage =
        kind === 'ui' || kind === 'large'
          ? random.pick(['en', 'en', 'en', 'en', 'zh', 'zh', 'ja', 'ja', 'de', 'fr'] as const)
          : 'en';
      const latin =
        kind === 'code' || kind === 'terminal' ? f.mono : kind === 'doc' ? random.pick([f.sans, f.serif]) : f.sans;
      const primary = random.pick(latin);
      const family =
        lang === 'zh'
          ? css([primary, random.pick(f.zh)])
          : lang === 'ja'
            ? css([primary, random.pick(f.ja)])
            : css([primary]);
      const fontSize =
        kind === 'terminal' ? random.int(9, 16) : kind === 'doc' ? random.int(12, 20) : random.int(11, 17);
      plans.push({
        id: `${split}-${String(i + 1).padStart(3, '0')}-${kind}-${lang}`,
        split,
        kind,
        lang,
        font: kind === 'terminal' ? primary : family,
        fontSize,
        theme:
          kind === 'terminal'
            ? random.pick(['dark', 'dark', 'light'] as const)
            : random.pick(['light', 'dark'] as const),
        // Terminals are drawn by xterm at its own size: the scale is in the font size instead.
        scale: kind === 'terminal' ? 1 : random.pick([1, 1, 1.25, 1.5, 2]),
        format: random.pick(['png', 'png', 'jpeg-q70', 'webp'] as const),
        rendering: random.pick(['hinted-gray', 'unhinted-gray', 'subpixel'] as const),
        seed: random.int(0, 2 ** 31),
      });
    });
  }
  return plans;
}

/** fontconfig settings for a rendering, on top of the system's own configuration. */
export function fontconfigFor(rendering: Rendering): string {
  const edits: Record<Rendering, string> = {
    'hinted-gray':
      '<edit name="hinting" mode="assign"><bool>true</bool></edit><edit name="hintstyle" mode="assign"><const>hintfull</const></edit><edit name="rgba" mode="assign"><const>none</const></edit>',
    'unhinted-gray':
      '<edit name="hinting" mode="assign"><bool>false</bool></edit><edit name="hintstyle" mode="assign"><const>hintnone</const></edit><edit name="rgba" mode="assign"><const>none</const></edit>',
    subpixel:
      '<edit name="hinting" mode="assign"><bool>true</bool></edit><edit name="hintstyle" mode="assign"><const>hintslight</const></edit><edit name="rgba" mode="assign"><const>rgb</const></edit><edit name="lcdfilter" mode="assign"><const>lcddefault</const></edit>',
  };
  return `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="font"><edit name="antialias" mode="assign"><bool>true</bool></edit>${edits[rendering]}</match>
</fontconfig>`;
}
