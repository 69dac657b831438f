// What the pool and an engine node say to each other over the node process's IPC channel.
import type { OcrType, OcrResponse, RecognizeOptions } from '../../protocol/index.js';

export interface NodeWorkerData {
  nodeIndex: number;
  threads: number;
  language?: string;
}

export interface JobMessage {
  kind: 'job';
  jobId: number;
  image: Uint8Array;
  type: OcrType;
  options: RecognizeOptions;
  responseId: string;
}

export type NodeMessage =
  | { kind: 'ready'; loadMs: number }
  | { kind: 'load-failed'; message: string }
  | { kind: 'done'; jobId: number; response: OcrResponse; engineMs?: number };
