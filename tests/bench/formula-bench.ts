// The formula part of `npm run bench`: type 3 on ../shared/bench/formulas and on a set of
// formulas typeset fresh for this run (a random seed, printed: formulas the reader was never
// tuned on), scored by ../shared/bench/score-formula.mjs; the peers' text scored the same way.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OcrEngine } from '../../app/engine/engine.js';
import { recognize } from '../../app/server/image-to-response.js';
import { processInfo } from '../../app/protocol/response.js';
import { OcrType, ResultType } from '../../app/protocol/types.js';
import { benchRoot, readGroundTruth } from './bench-data.js';
import type { Peer } from './peers.js';
import { FormulaGrammar, seededRandom } from '../formula/formula-grammar.js';
import { renderFormulas } from '../formula/make-formulas.js';

const run = promisify(execFile);

interface FormulaTruth {
  id: string;
  image: string;
  latex: string;
}
interface FormulaPrediction {
  id: string;
  latex: string;
  ms: number;
}

/** score-formula.mjs's table (n, render_match, token_er, ms_median); it loads KaTeX from `repoRoot`'s node_modules. */
async function scoreFormulas(
  truth: FormulaTruth[],
  predictions: FormulaPrediction[],
  name: string,
  outDir: string,
  repoRoot: string,
): Promise<string> {
  const gtFile = path.join(outDir, `${name}.gt.jsonl`);
  const predFile = path.join(outDir, `${name}.pred.jsonl`);
  writeFileSync(gtFile, truth.map((t) => JSON.stringify(t)).join('\n') + '\n');
  writeFileSync(predFile, predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const { stdout } = await run(process.execPath, [path.join(benchRoot(), 'score-formula.mjs'), gtFile, predFile], {
    cwd: repoRoot,
  });
  return stdout;
}

async function ourFormulas(engine: OcrEngine, dir: string, items: FormulaTruth[]): Promise<FormulaPrediction[]> {
  const out: FormulaPrediction[] = [];
  for (const item of items) {
    const started = performance.now();
    const { response } = await recognize(
      engine,
      { image: await readFile(path.join(dir, item.image)), type: OcrType.formula, options: {} },
      processInfo(0),
    );
    // A snip answered as text (resultType 0) wrote no LaTeX: it scores as an empty prediction.
    const latex = response.result?.resultType === ResultType.webPage ? (response.result.autoText ?? '') : '';
    out.push({ id: item.id, latex, ms: performance.now() - started });
  }
  return out;
}

function readFormulaTruth(dir: string): FormulaTruth[] {
  return readFileSync(path.join(dir, 'gt.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FormulaTruth);
}

export async function runFormulaBench(
  engine: OcrEngine,
  peers: Peer[],
  options: { outDir: string; repoRoot: string; generated: number },
): Promise<void> {
  const { outDir, repoRoot } = options;
  mkdirSync(outDir, { recursive: true });
  const { dir, items: truth } = readGroundTruth('formulas');
  const items = readFormulaTruth(dir);
  const ours = await ourFormulas(engine, dir, items);
  console.log(
    `== ours on formulas (${items.length} images, type 3; target: render_match >= 0.6, token_er <= 0.15)\n${await scoreFormulas(items, ours, 'formulas-ours', outDir, repoRoot)}`,
  );

  if (options.generated > 0 && existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const grammar = new FormulaGrammar(seededRandom(seed));
    const generatedDir = path.join(outDir, 'formulas-generated');
    const samples = await renderFormulas(
      Array.from({ length: options.generated }, () => grammar.formula()),
      generatedDir,
      seed,
    );
    const predictions = await ourFormulas(engine, generatedDir, samples);
    console.log(
      `== ours on ${samples.length} formulas typeset for this run (seed ${seed}: never seen before; deeper nesting than the bench's)\n${await scoreFormulas(samples, predictions, 'formulas-generated-ours', outDir, repoRoot)}`,
    );
  }

  for (const peer of peers) {
    // The peers write text, not LaTeX: scored as if their text were the formula, as a user would paste it.
    const predictions = (await peer.predict(dir, truth)).map((p) => ({
      id: p.id,
      latex: p.text.trim(),
      ms: p.ms ?? 0,
    }));
    console.log(
      `== ${peer.name} on formulas\n${await scoreFormulas(items, predictions, `formulas-${peer.name.replace(/\W+/g, '-')}`, outDir, repoRoot)}`,
    );
  }
}
