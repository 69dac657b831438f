// `npm run bench:latency`: what a user waits for, one capture at a time. Captures of four sizes
// (one line, a dialog, a full-HD screen, a 4K screen) are built from the held-out split of the
// project's corpus, each read warm several times by our engine and by @gutenye/ocr-node (the
// same PP-OCRv4 models) in the same run. Per size: median wall time, CPU-seconds, the time
// inside the models (the floor for these models on this machine) and CER. Prints figures,
// asserts nothing (DESIGN rule 12).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, freemem, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OcrEngine } from '../../app/engine/engine.js';
import { recognize } from '../../app/server/image-to-response.js';
import { processInfo } from '../../app/protocol/response.js';
import { OcrType, type TextCellInfo } from '../../app/protocol/types.js';
import { hasBench, type GroundTruth, type Prediction } from './bench-data.js';
import { benchOutDir, score } from './scorer.js';
import { buildCaptures, type Capture } from './latency-captures.js';
import { startServer } from '../../app/server/start.js';
import { OcrClient } from '../../app/client/index.js';
import { embeddedNodePlan } from '../../main/server/node-plan.js';

/** A line read, with its axis-aligned box in the capture's pixels. */
interface ReadLine {
  text: string;
  box: [number, number, number, number];
}

interface Reading {
  lines: ReadLine[];
  wallMs: number;
  cpuMs: number;
  /** Time inside the models, when the reader reports it. */
  modelMs?: number;
  /** Where the time went, stage by stage, when the reader reports it. */
  stages?: Record<string, number>;
  /** When the first lines came, read as they are read (from the read's start). */
  firstLinesMs?: number;
}

type Reader = (file: string, bytes: Buffer) => Promise<Omit<Reading, 'wallMs' | 'cpuMs'>>;

async function timedRead(read: Reader, file: string, bytes: Buffer): Promise<Reading> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await read(file, bytes);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ...result, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
};

/**
 * Each tile of a capture (a window placed on the desktop) as a scoring item: the lines read
 * whose centre lies in it, in the order read. Lines read on the empty desktop count against
 * the reader as an item whose truth is empty.
 */
function tileItems(capture: Capture, lines: readonly ReadLine[]): { gt: GroundTruth[]; predictions: Prediction[] } {
  const gt: GroundTruth[] = [];
  const predictions: Prediction[] = [];
  const claimed = new Set<ReadLine>();
  capture.tiles.forEach((tile, i) => {
    const [left, top, width, height] = tile.box;
    const inside = lines.filter((l) => {
      const x = l.box[0] + l.box[2] / 2,
        y = l.box[1] + l.box[3] / 2;
      return x >= left && x < left + width && y >= top && y < top + height;
    });
    inside.forEach((l) => claimed.add(l));
    const id = `${capture.name}#${i}`;
    gt.push({ id, image: capture.file, kind: capture.size, lang: tile.lang, width, height, text: tile.text });
    predictions.push({ id, text: inside.map((l) => l.text).join('\n') });
  });
  const stray = lines.filter((l) => !claimed.has(l));
  if (stray.length) {
    const id = `${capture.name}#desktop`;
    gt.push({ id, image: capture.file, kind: capture.size, lang: 'en', width: 0, height: 0, text: '' });
    predictions.push({ id, text: stray.map((l) => l.text).join('\n') });
  }
  return { gt, predictions };
}

/** Our engine through the same `recognize()` the server and CLI use: the lines of the Open API answer. */
function ourReader(engine: OcrEngine, streamed = false): Reader {
  return async (_file, bytes) => {
    const started = performance.now();
    let firstLinesMs: number | undefined;
    const onLines = () => (firstLinesMs ??= performance.now() - started);
    const { response, engine: output } = await recognize(
      engine,
      { image: bytes, type: OcrType.text, options: {}, ...(streamed && { onLines }) },
      processInfo(0),
    );
    const lines = (JSON.parse(response.result?.verticalText ?? '[]') as TextCellInfo[])
      .filter((l) => l.words)
      .map((l) => ({
        text: l.words,
        box: [l.location.left, l.location.top, l.location.width, l.location.height] as ReadLine['box'],
      }));
    const t = output?.timings;
    return {
      lines,
      ...(firstLinesMs !== undefined && { firstLinesMs }),
      ...(t && {
        modelMs: t.modelMs,
        stages: {
          decode: t.decodeMs,
          detect: t.detectMs,
          recognize: t.recognizeMs,
          'second reading': t.secondScriptMs ?? 0,
          codes: t.codesMs ?? 0,
        },
      }),
    };
  };
}

/**
 * What the app does: the embedded server's plan of nodes and threads for this machine, the
 * client asking with progress=1 and polling the lines; the first lines are timed where the
 * result panel would get them. (CPU-seconds of the nodes are not this process's: not shown.)
 */
async function appServerReader(): Promise<{ read: Reader; close: () => Promise<void> }> {
  const plan = embeddedNodePlan({ cores: availableParallelism(), freeBytes: freemem() });
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    ...plan,
    dataDir: mkdtempSync(path.join(tmpdir(), 'ocr-latency-')),
    logger: false,
    waitForNodes: true,
  });
  const client = new OcrClient({ baseUrl: server.url, token: server.tokens.add(1_000_000).token });
  const read: Reader = async (_file, bytes) => {
    const started = performance.now();
    let firstLinesMs: number | undefined;
    const response = await client.recognize(bytes, {
      onProgress: (p) => {
        if (p.lines.length) firstLinesMs ??= performance.now() - started;
      },
    });
    const lines = (JSON.parse(response.result?.verticalText ?? '[]') as TextCellInfo[])
      .filter((l) => l.words)
      .map((l) => ({
        text: l.words,
        box: [l.location.left, l.location.top, l.location.width, l.location.height] as ReadLine['box'],
      }));
    return { lines, ...(firstLinesMs !== undefined && { firstLinesMs }) };
  };
  return { read, close: () => server.close() };
}

async function peerReader(): Promise<Reader | null> {
  type Line = { text: string; box?: number[][] };
  let Ocr: { create(): Promise<{ detect(path: string): Promise<Line[]> }> };
  try {
    Ocr = (await import('@gutenye/ocr-node')).default as typeof Ocr;
  } catch {
    return null;
  }
  const ocr = await Ocr.create();
  return async (file) => ({
    lines: (await ocr.detect(file)).map((l) => {
      const xs = (l.box ?? []).map((p) => p[0]!),
        ys = (l.box ?? []).map((p) => p[1]!);
      const left = Math.min(...xs),
        top = Math.min(...ys);
      return { text: l.text, box: [left, top, Math.max(...xs) - left, Math.max(...ys) - top] };
    }),
  });
}

interface SizeFigures {
  /** Medians of each stage's time, and of what is left: layout and the answer's JSON. */
  stages?: Record<string, number>;
  wallMs: number;
  cpuMs: number;
  modelMs?: number;
  cer: number;
  cerWs: number;
  firstLinesMs?: number;
}

/** One reader's reads of one size's captures: every figure kept, then summed up. */
class Tally {
  readonly walls: number[] = [];
  readonly cpus: number[] = [];
  readonly models: number[] = [];
  readonly firsts: number[] = [];
  readonly stages = new Map<string, number[]>();
  readonly gt: GroundTruth[] = [];
  readonly predictions: Prediction[] = [];

  add(reading: Reading): void {
    this.walls.push(reading.wallMs);
    this.cpus.push(reading.cpuMs);
    if (reading.modelMs !== undefined) this.models.push(reading.modelMs);
    if (reading.firstLinesMs !== undefined) this.firsts.push(reading.firstLinesMs);
    if (reading.stages) {
      const rest = Object.values(reading.stages).reduce((a, b) => a + b, 0);
      for (const [stage, ms] of [
        ...Object.entries(reading.stages),
        ['layout and answer', reading.wallMs - rest] as const,
      ])
        this.stages.set(stage, [...(this.stages.get(stage) ?? []), ms]);
    }
  }

  /** The last reading of a capture is the one scored. */
  scoreLast(capture: Capture, reading: Reading): void {
    const items = tileItems(capture, reading.lines);
    this.gt.push(...items.gt);
    this.predictions.push(...items.predictions);
  }

  async figures(label: string): Promise<SizeFigures> {
    const { rows } = await score(this.gt, this.predictions, label);
    const all = rows.find((r) => r.group === 'ALL')!;
    return {
      wallMs: median(this.walls),
      cpuMs: median(this.cpus),
      ...(this.models.length && { modelMs: median(this.models) }),
      ...(this.firsts.length && { firstLinesMs: median(this.firsts) }),
      ...(this.stages.size && { stages: Object.fromEntries([...this.stages].map(([k, v]) => [k, median(v)])) }),
      cer: all.cer,
      cerWs: all.cer_ws,
    };
  }
}

/**
 * Every capture of one size read by every reader, `repeats` times each after one warm-up read,
 * the readers taking turns read by read (each round starting with the next one): a shared
 * machine's speed drifts over a run, and readers measured one after another would each get
 * a different machine. Medians over all reads.
 */
async function measureTogether(
  readers: Record<string, Reader>,
  captures: readonly Capture[],
  repeats: number,
  dir: string,
): Promise<Record<string, SizeFigures>> {
  const names = Object.keys(readers);
  const tallies = new Map(names.map((name) => [name, new Tally()]));
  for (const capture of captures) {
    const file = path.join(dir, capture.file);
    const bytes = await readFile(file);
    const last = new Map<string, Reading>();
    // Warm-up: first-use costs are not a capture's.
    for (const name of names) last.set(name, await timedRead(readers[name]!, file, bytes));
    for (let i = 0; i < repeats; i++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length]!;
        const reading = await timedRead(readers[name]!, file, bytes);
        tallies.get(name)!.add(reading);
        last.set(name, reading);
      }
    }
    for (const name of names) tallies.get(name)!.scoreLast(capture, last.get(name)!);
  }
  const size = captures[0]!.size.replace(/\W+/g, '-');
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await tallies.get(name)!.figures(`latency-${size}-${name}`)])),
  );
}

/** Time to the first line shown, a full-HD capture's target (issue 24). */
const firstLineTarget = 400;

const targets: Record<Capture['size'], number> = { 'one line': 60, dialog: 200, 'full HD': 1500, '4K': 5000 };

export async function runLatencyBench(args: string[] = process.argv.slice(2)): Promise<number> {
  if (!hasBench()) {
    console.error('no ../shared/bench beside the repository: its scorer is needed (set OCR_BENCH_DIR)');
    return 2;
  }
  const repeats = Number(/^--repeats=(\d+)$/.exec(args.find((a) => a.startsWith('--repeats=')) ?? '')?.[1] ?? 5);
  const withPeer = !args.includes('--no-peers');
  const dir = path.join(benchOutDir, 'latency');
  mkdirSync(dir, { recursive: true });
  const captures = await buildCaptures(dir, (s) => console.log(s));
  // --sizes=dialog,full HD: just those (for an A/B run of one change).
  const only = args
    .find((a) => a.startsWith('--sizes='))
    ?.slice('--sizes='.length)
    .split(',');
  const sizes = [...new Set(captures.map((c) => c.size))].filter((size) => !only || only.includes(size));
  console.log(
    `== captures (in ${path.relative(process.cwd(), dir)}/), each read warm ${repeats} times after one warm-up`,
  );
  for (const size of sizes) {
    const mine = captures.filter((c) => c.size === size);
    const lines = mine.reduce((n, c) => n + c.tiles.reduce((m, t) => m + t.text.split('\n').length, 0), 0);
    console.log(
      `${size}: ${mine.length} captures, ${mine.map((c) => `${c.width}x${c.height}`).join(' ')}, ${lines} lines`,
    );
  }

  // Every reader loaded at once, so that they can take turns (see measureTogether): our engine
  // read whole and with its lines handed on, the app's way through its own server, the peer.
  const engine = await OcrEngine.load();
  const app = await appServerReader();
  const peer = withPeer ? await peerReader() : null;
  const readers: Record<string, Reader> = {
    ours: ourReader(engine),
    streamed: ourReader(engine, true),
    app: app.read,
    ...(peer && { gutenye: peer }),
  };
  const figures = new Map<
    string,
    { ours: SizeFigures; streamed?: SizeFigures; app?: SizeFigures; peer?: SizeFigures }
  >();
  for (const size of sizes) {
    const measured = await measureTogether(
      readers,
      captures.filter((c) => c.size === size),
      repeats,
      dir,
    );
    figures.set(size, {
      ours: measured.ours!,
      streamed: measured.streamed,
      app: measured.app,
      ...(measured.gutenye && { peer: measured.gutenye }),
    });
  }
  await app.close();
  await engine.dispose();

  const s = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(3));
  const r = (a: number, b: number | undefined) => (b ? (a / b).toFixed(2) : '-');
  console.log(
    `\n== latency, warm, median of every read (${process.platform} ${process.arch}, Node ${process.versions.node})`,
  );
  console.log(
    [
      'size',
      'ours s',
      'ours CPU-s',
      'models s',
      'ours cer',
      'ours cer_ws',
      'peer s',
      'peer CPU-s',
      'peer cer',
      'wall ours/peer',
      'CPU ours/peer',
      'target s',
    ].join('\t'),
  );
  for (const size of sizes) {
    const { ours: o, peer: p } = figures.get(size)!;
    console.log(
      [
        size,
        s(o.wallMs),
        s(o.cpuMs),
        s(o.modelMs),
        o.cer.toFixed(4),
        o.cerWs.toFixed(4),
        s(p?.wallMs),
        s(p?.cpuMs),
        p ? p.cer.toFixed(4) : '-',
        r(o.wallMs, p?.wallMs),
        r(o.cpuMs, p?.cpuMs),
        s(targets[size as Capture['size']]),
      ].join('\t'),
    );
  }
  console.log(
    `\n== lines as they are read (the result panel's way), target for full HD: first lines <= ${s(firstLineTarget)} s`,
  );
  console.log(
    [
      'size',
      'first lines s',
      'whole answer s',
      'cer',
      'whole answer, not streamed s',
      'app: first lines s',
      'app: whole answer s',
      'app: cer',
    ].join('\t'),
  );
  for (const size of sizes) {
    const { ours: o, streamed: st, app: a } = figures.get(size)!;
    if (st)
      console.log(
        [
          size,
          s(st.firstLinesMs),
          s(st.wallMs),
          st.cer.toFixed(4),
          s(o.wallMs),
          s(a?.firstLinesMs),
          s(a?.wallMs),
          a ? a.cer.toFixed(4) : '-',
        ].join('\t'),
      );
  }
  console.log(
    '"app": through the embedded server as the app reads (its node plan for this machine, progress=1, the client polling every 100 ms).',
  );
  console.log('\n== where our time goes (median ms per stage)');
  const stageNames = Object.keys(figures.get(sizes[0]!)!.ours.stages ?? {});
  console.log(['size', ...stageNames].join('\t'));
  for (const size of sizes) {
    const st = figures.get(size)!.ours.stages ?? {};
    console.log([size, ...stageNames.map((k) => (st[k] ?? 0).toFixed(0))].join('\t'));
  }
  console.log(
    '\n"models s" is the time inside the detection and recognition models alone: what is left when all our own work is gone.',
  );
  writeFileSync(path.join(dir, 'figures.json'), JSON.stringify(Object.fromEntries(figures), null, 2));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await runLatencyBench();
}
