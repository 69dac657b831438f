// One engine node: a child process that owns one OcrEngine and answers one job at a time.
// It knows nothing of queues or deadlines; the pool in the server process handles those.
import { OcrEngine } from '../../engine/engine.js';
import { languageSetting } from '../../engine/config.js';
import { cancelledMessage, failedResponse, OcrError, processInfo, State } from '../../protocol/index.js';
import { toLocation } from '../../layout/result.js';
import { recognize } from '../image-to-response.js';
import type { JobMessage, NodeMessage, NodeWorkerData, PoolMessage } from './messages.js';

const send = process.send?.bind(process);
if (!send) throw new Error('engine-node.ts runs as a child process of the engine node pool, with an IPC channel');
const { nodeIndex, threads, language } = JSON.parse(process.argv[2] ?? '{}') as NodeWorkerData;
const post = (message: NodeMessage) => send(message);
// The server is gone (crashed or killed): a node has no one left to answer.
process.on('disconnect', () => process.exit(0));

let engine: OcrEngine;
try {
  engine = await OcrEngine.load({
    config: {
      ...languageSetting(language ?? process.env.OCR_ASSISTANT_LANGUAGE),
      runtime: { intraOpThreads: threads },
    },
  });
  post({ kind: 'ready', loadMs: engine.loadMs });
} catch (error) {
  post({ kind: 'load-failed', message: (error as Error).message });
  process.exit(1);
}

/** Jobs the pool no longer wants; a streaming job stops at its next strip of lines. */
const cancelled = new Set<number>();

process.on('message', (message: PoolMessage) => {
  if (message.kind === 'cancel') cancelled.add(message.jobId);
  else void read(message);
});

async function read(job: JobMessage): Promise<void> {
  const { jobId } = job;
  // A cancel that crossed its job's answer is for a job long done: jobs come one at a time, in order.
  for (const id of cancelled) if (id < jobId) cancelled.delete(id);
  // Each strip's lines go to the pool as they are read; a cancel is honoured between strips
  // (the recognizer's batches of one strip are not interrupted: native runs cannot be).
  const onLines: NonNullable<Parameters<typeof recognize>[1]['onLines']> = (lines, restart) => {
    if (cancelled.has(jobId)) throw new OcrError(State.failed, cancelledMessage);
    const cells = lines.map((line) => ({ words: line.text, pageIndex: 0, location: toLocation(line.box) }));
    post({ kind: 'lines', jobId, lines: cells, restart });
  };
  const node = processInfo(nodeIndex);
  const outcome = await recognize(
    engine,
    { image: job.image, type: job.type, options: job.options, id: job.responseId, ...(job.stream && { onLines }) },
    node,
  );
  const response = cancelled.delete(jobId)
    ? failedResponse(job.type, State.failed, cancelledMessage, node, job.responseId)
    : outcome.response;
  post({ kind: 'done', jobId, response, engineMs: outcome.engineMs });
}
