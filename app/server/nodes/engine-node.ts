// One engine node: a child process that owns one OcrEngine and answers one job at a time.
// It knows nothing of queues or deadlines; the pool in the server process handles those.
import { OcrEngine } from '../../engine/engine.js';
import { languageSetting } from '../../engine/config.js';
import { processInfo } from '../../protocol/index.js';
import { recognize } from '../image-to-response.js';
import type { JobMessage, NodeMessage, NodeWorkerData } from './messages.js';

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

process.on('message', async (job: JobMessage) => {
  const outcome = await recognize(
    engine,
    { image: job.image, type: job.type, options: job.options, id: job.responseId },
    processInfo(nodeIndex),
  );
  post({ kind: 'done', jobId: job.jobId, response: outcome.response, engineMs: outcome.engineMs });
});
