// `npm run bench`: our engine and the peers on the shared benchmark, in one run, scored by
// ../shared/bench/score.mjs. Prints figures; asserts nothing (speed is compared, not timed).
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { OcrEngine } from '../../app/engine/engine.js';
import { recognize } from '../../app/server/image-to-response.js';
import { processInfo } from '../../app/protocol/response.js';
import { OcrType, ResultType, type RecognizeOptions, type TextCellInfo } from '../../app/protocol/types.js';
import { benchRoot, hasBench, readGroundTruth, type GroundTruth, type Prediction } from './bench-data.js';
import { benchOutDir as outDir, score } from './scorer.js';
import { gutenyePeer, tesseractPeer, type Peer } from './peers.js';
import { runFormulaBench } from './formula-bench.js';
import { runCorpusBench } from './corpus-bench.js';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Our engine, in-process, through the same `recognize()` the server and CLI use. Table
 * screenshots are sent in table mode (type 2), as a user who wants their cells would.
 */
async function ourPredictions(
  engine: OcrEngine,
  dir: string,
  items: readonly GroundTruth[],
  options: RecognizeOptions = {},
): Promise<Prediction[]> {
  const out: Prediction[] = [];
  for (const item of items) {
    const started = performance.now();
    const bytes = await readFile(path.join(dir, item.image));
    const type = item.kind.startsWith('table') ? OcrType.table : OcrType.text;
    const { response } = await recognize(engine, { image: bytes, type, options }, processInfo(0));
    const ms = performance.now() - started;
    // Text mode: the visual lines in reading order, as the ground truth lists them (one line
    // per line). Table mode: the cells row by row, one a line, as the table kinds' truth does.
    const lines = (JSON.parse(response.result?.verticalText ?? '[]') as TextCellInfo[]).filter((l) => l.words);
    const cells =
      response.result?.resultType === ResultType.table
        ? (JSON.parse(response.result.spiltText ?? '[]') as string[][])
        : undefined;
    out.push({
      id: item.id,
      ms,
      text: lines.map((l) => l.words).join('\n'),
      // A cell's box is the cell, not its text's line: line_f1 would measure nothing there.
      ...(cells
        ? { cells }
        : {
            lines: lines.map((l) => ({
              text: l.words,
              box: [l.location.left, l.location.top, l.location.width, l.location.height],
            })),
          }),
    });
  }
  return out;
}

const totalSeconds = (predictions: readonly Prediction[]) => predictions.reduce((s, p) => s + (p.ms ?? 0), 0) / 1000;
const fmt = (v: number | undefined, digits = 4) => (v === undefined ? '-' : v.toFixed(digits));

/** Peak memory of the CLI itself over every image of the given sets (a separate process). */
async function cliPeakMemory(paths: string[]): Promise<{ peakMb: number; seconds: number } | null> {
  const started = performance.now();
  try {
    // Run as a user runs it: through the command's own first line, which sets its allocator.
    const command = path.join(repoRoot, 'bin/ocr-assistant.js');
    const [file, args] = process.platform === 'win32' ? [process.execPath, [command]] : [command, []];
    const { stderr } = await run(file, [...args, 'recognize', '--jsonl', '--verbose', ...paths], {
      maxBuffer: 256 << 20,
    });
    const match = /peak memory (\d+) MB/.exec(stderr);
    return match ? { peakMb: Number(match[1]), seconds: (performance.now() - started) / 1000 } : null;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    const match = /peak memory (\d+) MB/.exec(stderr);
    return match ? { peakMb: Number(match[1]), seconds: (performance.now() - started) / 1000 } : null;
  }
}

export async function runBenchmark(args: string[] = process.argv.slice(2)): Promise<number> {
  if (!hasBench()) {
    console.error(`no benchmark data at ${benchRoot()} (set OCR_BENCH_DIR)`);
    return 2;
  }
  const quick = args.includes('--quick');
  const withPeers = !args.includes('--no-peers');
  mkdirSync(outDir, { recursive: true });
  const sets = quick ? ['screens'] : ['screens', 'screens-x2', 'screens-q70'];

  const engine = await OcrEngine.load();
  console.log(
    `OCR Assistant engine: models loaded in ${engine.loadMs.toFixed(0)} ms (${engine.config.runtime.intraOpThreads} threads)\n`,
  );
  const peers = withPeers
    ? (await Promise.all([gutenyePeer(), tesseractPeer()])).filter((p): p is Peer => p !== null)
    : [];
  // The corpus made here, its held-out split beside the tuning split (--corpus-only: just that).
  await runCorpusBench({
    engine,
    read: (dir, items) => ourPredictions(engine, dir, items),
    score,
    peers: quick ? [] : peers,
    quick,
  });
  if (args.includes('--corpus-only')) {
    await engine.dispose();
    return 0;
  }
  const ours = new Map<string, Prediction[]>();
  for (const set of sets) {
    const { dir, items } = readGroundTruth(set);
    const predictions = await ourPredictions(engine, dir, items);
    ours.set(set, predictions);
    const { table } = await score(items, predictions, `${set}-ours`);
    console.log(
      `== ours on ${set} (${items.length} images, ${(items.length / totalSeconds(predictions)).toFixed(2)} images/s)\n${table}`,
    );
  }
  // Turned screenshots with autodirection=1, as a client that asks for it would send them.
  {
    const { dir, items } = readGroundTruth('screens');
    const turned = items.filter((g) => g.kind.startsWith('rotated'));
    const predictions = await ourPredictions(engine, dir, turned, { autodirection: true });
    const { table } = await score(turned, predictions, 'screens-rotated-autodirection');
    console.log(`== ours on the turned screens with autodirection=1 (target: cer <= 0.03 per kind)\n${table}`);
  }
  // Formulas (type 3), with the peers' text scored alongside.
  await runFormulaBench(engine, peers, { outDir, repoRoot, generated: quick ? 0 : 60 });
  await engine.dispose();

  // The targets, on the main set: ui + doc + code, with and without Japanese UI
  // (kana are not in the PP-OCRv4 dictionary: a known limit of the models, shown, not hidden).
  const { items: screens } = readGroundTruth('screens');
  const predictions = ours.get('screens')!;
  const textKinds = screens.filter((g) => ['ui', 'doc', 'code'].includes(g.kind));
  const subsets: [string, GroundTruth[]][] = [
    ['ui+doc+code', textKinds],
    ['ui+doc+code without ja', textKinds.filter((g) => g.lang !== 'ja')],
    ['doc', screens.filter((g) => g.kind === 'doc')],
  ];
  console.log('== targets (screens)');
  console.log('subset\tcer\tcer_ws\tline_f1\ttarget');
  for (const [name, gt] of subsets) {
    const ids = new Set(gt.map((g) => g.id));
    const { rows } = await score(
      gt,
      predictions.filter((p) => ids.has(p.id)),
      `target-${name.replace(/\W+/g, '-')}`,
    );
    const all = rows.find((r) => r.group === 'ALL')!;
    const target = name === 'doc' ? 'cer <= 0.005' : 'cer <= 0.02, cer_ws <= 0.03, line_f1 >= 0.90';
    console.log(`${name}\t${fmt(all.cer)}\t${fmt(all.cer_ws)}\t${fmt(all.line_f1)}\t${target}`);
  }
  console.log('');

  if (withPeers) {
    const { dir } = readGroundTruth('screens');
    const ourSeconds = totalSeconds(predictions);
    for (const peer of peers) {
      const peerPredictions = await peer.predict(dir, screens);
      const { table } = await score(screens, peerPredictions, `screens-${peer.name.replace(/\W+/g, '-')}`);
      const peerSeconds = totalSeconds(peerPredictions);
      console.log(
        `== ${peer.name} on screens (${screens.length} images, ${(screens.length / peerSeconds).toFixed(2)} images/s)\n${table}`,
      );
      console.log(
        `speed: ours ${(screens.length / ourSeconds).toFixed(2)} images/s vs ${peer.name} ${(screens.length / peerSeconds).toFixed(2)} images/s = ${(peerSeconds / ourSeconds).toFixed(2)}x${peer.name === '@gutenye/ocr-node' ? ' (target >= 3x)' : ''}\n`,
      );
    }
    if (!peers.some((p) => p.name.startsWith('tesseract')))
      console.log(
        '(tesseract with eng+chi_sim is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim to compare)\n',
      );
  }

  const paths = sets.flatMap((set) => {
    const { dir, items } = readGroundTruth(set);
    return items.map((g) => path.join(dir, g.image));
  });
  const memory = await cliPeakMemory(paths);
  console.log(
    memory
      ? `CLI over ${paths.length} images in one process: peak memory ${memory.peakMb} MB (target <= 500 MB), ${memory.seconds.toFixed(1)} s wall including start-up`
      : 'CLI peak memory: not measured (the CLI did not report it)',
  );
  console.log(`\npredictions and ground truth subsets written to ${path.relative(process.cwd(), outDir) || '.'}/`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await runBenchmark();
}
