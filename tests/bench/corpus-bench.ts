// The corpus in `npm run bench`: our engine on the tuning split and on the held-out split, each
// variant (kind, scale, format, theme, font rendering, language) on its own row, and the
// held-out/tuning ratio that shows over-fitting. Peers read the held-out split in the same run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { OcrEngine } from '../../app/engine/engine.js';
import type { GroundTruth, Prediction } from './bench-data.js';
import { defaultCorpusDir, makeCorpus, type CorpusItem } from './corpus/make-corpus.js';
import type { Peer } from './peers.js';

export interface ScoredRow {
  group: string;
  n: number;
  cer: number;
  cer_ws: number;
  line_f1?: number;
}

export type Scorer = (
  gt: readonly GroundTruth[],
  predictions: readonly Prediction[],
  name: string,
) => Promise<{ table: string; rows: ScoredRow[] }>;
export type Reader = (dir: string, items: readonly GroundTruth[]) => Promise<Prediction[]>;

function readSplit(dir: string, split: string): CorpusItem[] {
  return readFileSync(path.join(dir, split, 'gt.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusItem);
}

/** The rows of the report: a name and which images it covers. */
const variantRows: [string, (i: CorpusItem) => boolean][] = [
  ['all', () => true],
  ['base (scale 1, png)', (i) => i.variant.scale === 1 && i.variant.format === 'png' && i.kind !== 'terminal'],
  ['scale 1.25', (i) => i.variant.scale === 1.25],
  ['scale 1.5', (i) => i.variant.scale === 1.5],
  ['scale 2', (i) => i.variant.scale === 2],
  ['jpeg q70', (i) => i.variant.format === 'jpeg-q70'],
  ['webp', (i) => i.variant.format === 'webp'],
  ['light', (i) => i.variant.theme === 'light'],
  ['dark', (i) => i.variant.theme === 'dark'],
  ['hinted gray', (i) => i.variant.rendering === 'hinted-gray' && i.kind !== 'terminal'],
  ['unhinted gray', (i) => i.variant.rendering === 'unhinted-gray' && i.kind !== 'terminal'],
  ['subpixel', (i) => i.variant.rendering === 'subpixel' && i.kind !== 'terminal'],
  ['kind ui', (i) => i.kind === 'ui'],
  ['kind doc', (i) => i.kind === 'doc'],
  ['kind code', (i) => i.kind === 'code'],
  ['kind large (36-100 px)', (i) => i.kind === 'large'],
  ['kind terminal (xterm)', (i) => i.kind === 'terminal'],
  ['ui en', (i) => i.kind === 'ui' && i.lang === 'en'],
  ['ui zh', (i) => i.kind === 'ui' && i.lang === 'zh'],
  ['ui ja', (i) => i.kind === 'ui' && i.lang === 'ja'],
  ['ui de+fr', (i) => i.kind === 'ui' && (i.lang === 'de' || i.lang === 'fr')],
];

const fmt = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(4));

export async function runCorpusBench(options: {
  engine: OcrEngine;
  read: Reader;
  score: Scorer;
  peers: readonly Peer[];
  quick: boolean;
  dir?: string;
}): Promise<void> {
  const dir = options.dir ?? process.env.OCR_CORPUS_DIR ?? defaultCorpusDir;
  if (!existsSync(path.join(dir, 'heldout', 'gt.jsonl'))) {
    console.log(`== making the tuning corpus in ${dir} (npm run bench:corpus)`);
    await makeCorpus({ dir, log: (s) => console.log(s) });
  }
  const splits = { tuning: readSplit(dir, 'tuning'), heldout: readSplit(dir, 'heldout') };
  // --quick: every third image, the same ones each run.
  if (options.quick)
    for (const s of ['tuning', 'heldout'] as const) splits[s] = splits[s].filter((_, i) => i % 3 === 0);
  const predictions: Record<string, Prediction[]> = {};
  for (const split of ['tuning', 'heldout'] as const) {
    predictions[split] = await options.read(path.join(dir, split), splits[split]);
  }
  const rowOf = async (split: 'tuning' | 'heldout', name: string, test: (i: CorpusItem) => boolean) => {
    const items = splits[split].filter(test);
    if (items.length === 0) return undefined;
    const ids = new Set(items.map((i) => i.id));
    const { rows } = await options.score(
      items,
      predictions[split]!.filter((p) => ids.has(p.id)),
      `corpus-${split}-${name.replace(/\W+/g, '-')}`,
    );
    return rows.find((r) => r.group === 'ALL');
  };
  const lines = (s: 'tuning' | 'heldout') => splits[s].reduce((n, i) => n + i.lines.length, 0);
  console.log(
    `== ours on the corpus: tuning ${splits.tuning.length} images (${lines('tuning')} lines), held-out ${splits.heldout.length} images (${lines('heldout')} lines); targets cer <= 0.012 (terminal <= 0.02, ui ja <= 0.04), line_f1 >= 0.98, held-out within 1.3x of tuning`,
  );
  console.log('variant\ttuning n\tcer\tcer_ws\tline_f1\theld-out n\tcer\tcer_ws\tline_f1\tratio');
  for (const [name, test] of variantRows) {
    const [t, h] = await Promise.all([rowOf('tuning', name, test), rowOf('heldout', name, test)]);
    const ratio = t && h && t.cer > 0 ? (h.cer / t.cer).toFixed(2) : '-';
    console.log(
      `${name}\t${t?.n ?? 0}\t${fmt(t?.cer)}\t${fmt(t?.cer_ws)}\t${fmt(t?.line_f1)}\t${h?.n ?? 0}\t${fmt(h?.cer)}\t${fmt(h?.cer_ws)}\t${fmt(h?.line_f1)}\t${ratio}`,
    );
  }
  console.log('');
  for (const peer of options.peers) {
    const items = splits.heldout;
    const peerPredictions = await peer.predict(path.join(dir, 'heldout'), items);
    const ours = await rowOf('heldout', 'all', () => true);
    const { rows } = await options.score(items, peerPredictions, `corpus-heldout-${peer.name.replace(/\W+/g, '-')}`);
    const theirs = rows.find((r) => r.group === 'ALL');
    console.log(
      `held-out split: ours cer ${fmt(ours?.cer)} vs ${peer.name} cer ${fmt(theirs?.cer)} (${items.length} images)`,
    );
  }
  if (options.peers.length) console.log('');
}
