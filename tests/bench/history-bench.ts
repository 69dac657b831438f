// `npm run bench:history`: what the history costs the main process as it grows. Fills a store
// to 5000 entries (the largest cap Settings allows), then times add() with a full-screen-sized
// entry at 10 and at 5000 entries, list() (the History view's first page, and a search),
// get() and opening the store at start. Figures, not assertions: the machine's speed drifts.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Recognition } from '../../app/ipc.js';
import { HistoryStore } from '../../main/history/history-store.js';

const words = 'error warning build failed cannot open file 第二季度 报表 Invoice total settings network proxy'.split(
  ' ',
);
const sentence = (n: number) => Array.from({ length: n }, (_, i) => words[(i * 7 + n) % words.length]).join(' ');

/** A recognition of about a full screen: 95 lines, a 40 kB response, a 300 kB image. */
function fullScreen(): Recognition {
  const lines = Array.from({ length: 95 }, (_, i) => ({
    words: sentence(6 + (i % 9)),
    pageIndex: 0,
    location: { left: 10, top: 20 * i, width: 600, height: 18 },
  }));
  const text = lines.map((l) => l.words).join('\n');
  return {
    id: randomUUID(),
    mode: 'text',
    createdAt: new Date().toISOString(),
    image: new Uint8Array(300_000).fill(7),
    width: 1920,
    height: 1080,
    text,
    lines,
    lang: 'eng',
    elapsedMs: 900,
    response: {
      id: randomUUID(),
      ocrType: 0,
      state: 2,
      result: { autoText: text, spiltText: text, verticalText: JSON.stringify(lines) },
    },

    rows: null,
    codes: [],
    formula: null,
  };
}

/** A small entry, to fill the store quickly: the index still holds its text. */
function small(i: number): Recognition {
  const text = `${sentence(40)} #${i}\n${sentence(60)}\n${sentence(50)}`;
  return {
    ...fullScreen(),
    id: randomUUID(),
    image: new Uint8Array(2000),
    text,
    lines: [],
    response: { id: randomUUID(), ocrType: 0, state: 2, result: { autoText: text } },
  };
}

const thumbnail = `data:image/png;base64,${Buffer.alloc(6000, 3).toString('base64')}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
function timed(n: number, work: () => void): number[] {
  return Array.from({ length: n }, () => {
    const start = performance.now();
    work();
    return performance.now() - start;
  });
}
const ms = (x: number) => `${x.toFixed(2)} ms`;

const folder = mkdtempSync(path.join(tmpdir(), 'ocr-history-bench-'));
try {
  const cap = 5000;
  const store = new HistoryStore(folder, cap);
  const addAtTen = timed(10, () => store.add(fullScreen(), thumbnail));
  const fillStart = performance.now();
  for (let i = store.size; i < cap; i++) store.add(small(i), thumbnail);
  console.log(`filled to ${store.size} entries in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
  const addAtCap = timed(50, () => store.add(fullScreen(), thumbnail));
  const list = timed(20, () => store.list());
  const search = timed(20, () => store.list('proxy #4321'));
  const some = store.list(undefined, 50).map((e) => e.id);
  const get = timed(50, () => store.get(some[Math.floor(Math.random() * some.length)]!));
  const opened = timed(3, () => new HistoryStore(folder, cap));
  console.log('history store, main process (median / p95):');
  console.log(`  add(), full-screen entry, at 10 entries:   ${ms(median(addAtTen))} / ${ms(p95(addAtTen))}`);
  console.log(
    `  add(), full-screen entry, at ${cap} entries: ${ms(median(addAtCap))} / ${ms(p95(addAtCap))}  (target: under 20 ms)`,
  );
  console.log(`  list(), first 200, at ${cap}:                ${ms(median(list))} / ${ms(p95(list))}`);
  console.log(`  list(query), at ${cap}:                      ${ms(median(search))} / ${ms(p95(search))}`);
  console.log(`  get(), at ${cap}:                            ${ms(median(get))} / ${ms(p95(get))}`);
  console.log(`  opening the store at start, at ${cap}:       ${ms(median(opened))}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
