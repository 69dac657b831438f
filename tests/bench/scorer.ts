// Scoring through ../shared/bench/score.mjs, the benchmark's own scorer: every bench script
// writes its ground truth and predictions as JSONL and reads the scorer's table and rows back.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { benchRoot, type GroundTruth, type Prediction } from './bench-data.js';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const benchOutDir = path.join(repoRoot, 'bench-results');

export interface ScoreRow {
  group: string;
  n: number;
  cer: number;
  cer_ws: number;
  line_f1?: number;
  cell_acc?: number;
  ms_median?: number;
  ms_p90?: number;
}

/** Scores `predictions` against `gt`, leaving both in bench-results/NAME.{gt,pred}.jsonl. */
export async function score(
  gt: readonly GroundTruth[],
  predictions: readonly Prediction[],
  name: string,
): Promise<{ table: string; rows: ScoreRow[] }> {
  mkdirSync(benchOutDir, { recursive: true });
  const gtFile = path.join(benchOutDir, `${name}.gt.jsonl`);
  const predFile = path.join(benchOutDir, `${name}.pred.jsonl`);
  writeFileSync(gtFile, gt.map((g) => JSON.stringify(g)).join('\n') + '\n');
  writeFileSync(predFile, predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const scorer = path.join(benchRoot(), 'score.mjs');
  const [{ stdout: table }, { stdout: json }] = await Promise.all([
    run(process.execPath, [scorer, gtFile, predFile]),
    run(process.execPath, [scorer, gtFile, predFile, '--json']),
  ]);
  return { table, rows: (JSON.parse(json) as { rows: ScoreRow[] }).rows };
}
