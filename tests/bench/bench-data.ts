// The shared benchmark: screenshots with ground truth (../shared/bench, read-only).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GroundTruth {
  id: string;
  image: string;
  kind: string;
  lang: string;
  width: number;
  height: number;
  text: string;
  lines?: { text: string; box: [number, number, number, number] }[];
  cells?: string[][];
}

export interface Prediction {
  id: string;
  text: string;
  ms?: number;
  lines?: { text: string; box: number[] }[];
  cells?: string[][];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `OCR_BENCH_DIR`, or `../shared/bench` beside the repository. */
export function benchRoot(): string {
  return process.env.OCR_BENCH_DIR ?? path.resolve(repoRoot, '../shared/bench');
}

export function hasBench(): boolean {
  return existsSync(path.join(benchRoot(), 'screens', 'gt.jsonl'));
}

export function readGroundTruth(set: string): { dir: string; items: GroundTruth[] } {
  const dir = path.join(benchRoot(), set);
  const items = readFileSync(path.join(dir, 'gt.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GroundTruth);
  return { dir, items };
}
