// What the pool and an engine node say to each other over the node process's IPC channel.
import type { OcrType, OcrResponse, RecognizeOptions, TextCellInfo } from '../../protocol/index.js';

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
  /** Hand on the lines as they are read (`lines` messages), and stop at a `cancel`. */
  stream: boolean;
}

/** The job is no longer wanted: a streaming node stops at its next strip of lines. */
export interface CancelMessage {
  kind: 'cancel';
  jobId: number;
}

export type PoolMessage = JobMessage | CancelMessage;

export type NodeMessage =
  | { kind: 'ready'; loadMs: number }
  | { kind: 'load-failed'; message: string }
  | { kind: 'done'; jobId: number; response: OcrResponse; engineMs?: number }
  /** Lines of a streaming job read so far; `restart`: they replace those sent before. */
  | { kind: 'lines'; jobId: number; lines: TextCellInfo[]; restart: boolean };
