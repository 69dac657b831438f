// `ocr-assistant node --redis URL`: engine nodes on this machine that take jobs from the
// queue in Redis. Each job runs on the local pool of node processes (the same pool, deadline
// and replacement as one machine uses); the finished response is stored and counted from
// here. A host killed mid-job stops renewing its job's lock, and BullMQ hands the job to
// another host: the client, still waiting on its front, sees one answer.
import { Worker, type Job as BullJob } from 'bullmq';
import { hostname } from 'node:os';
import { State, type OcrResponse } from '../../protocol/index.js';
import { EngineNodePool } from '../nodes/pool.js';
import type { ServerConfig } from '../config.js';
import { beat, heartbeatMs, leave } from './node-registry.js';
import { blockingConnection, commandConnection, connected, queueName, queuePrefix } from './redis.js';
import { redisStores } from './redis-backend.js';
import type { QueuedJobData } from './redis-runner.js';

export interface NodeHostOptions {
  redisUrl: string;
  config: ServerConfig;
  /** Names this host's nodes on the wire: `NAME-01`, `NAME-02`... */
  name?: string;
  /** How long a job's lock lasts without renewal: how soon a dead host's job moves on. */
  lockMs?: number;
  log?: (message: string) => void;
}

export interface NodeHost {
  name: string;
  close(): Promise<void>;
}

export async function startNodeHost(options: NodeHostOptions): Promise<NodeHost> {
  const { config } = options;
  const log = options.log ?? (() => {});
  const name = options.name ?? `${hostname()}-${process.pid}`;
  const redis = commandConnection(options.redisUrl);
  redis.on('error', () => undefined);
  await connected(redis, options.redisUrl);
  const pool = new EngineNodePool({
    size: config.nodes,
    threadsPerNode: config.threadsPerNode,
    deadlineMs: config.jobDeadlineMs,
    maxQueued: config.nodes,
  });
  await pool.ready;
  const { finisher } = redisStores(redis, config, (error) =>
    log(`could not keep a screenshot for its PDF: ${(error as Error).message}`),
  );
  let averageJobMs = 1000;
  const heartbeat = () =>
    beat(redis, {
      name,
      slots: config.nodes,
      nodes: pool.status().nodes.map((n) => ({ ...n, name: `${name}-${n.name.slice(-2)}` })),
      averageJobMs,
    }).catch((error: Error) => log(`heartbeat: ${error.message}`));

  const process_ = async (job: BullJob<QueuedJobData, OcrResponse>): Promise<OcrResponse> => {
    const data = job.data;
    const image = Buffer.from(data.image, 'base64');
    const started = performance.now();
    const running = pool.run({ image, type: data.type, options: data.options, id: data.id });
    // Fresh state for /health as jobs start and end, not only every few seconds.
    void heartbeat();
    const answer = await running;
    void heartbeat();
    averageJobMs = 0.8 * averageJobMs + 0.2 * (performance.now() - started);
    const index = answer.processId ? answer.processId : undefined;
    const response: OcrResponse = index
      ? { ...answer, processName: `${name}-${String(index).padStart(2, '0')}` }
      : answer;
    // A node process that died under the job: another try, maybe on another host, while tries are left.
    const triesLeft = (job.opts.attempts ?? 1) - job.attemptsMade - 1 > 0;
    if (response.state === State.failed && triesLeft) throw new Error(response.message ?? 'the engine node failed');
    return finisher.finish(response, image, {
      account: data.account,
      origin: data.origin,
      resultTtlMs: data.resultTtlMs,
      ...(data.sourceName && { sourceName: data.sourceName }),
    });
  };

  const lockDuration = options.lockMs ?? 10_000;
  const blocking = blockingConnection(options.redisUrl);
  blocking.on('error', () => undefined);
  const worker = new Worker<QueuedJobData, OcrResponse>(queueName, process_, {
    connection: blocking,
    prefix: queuePrefix,
    concurrency: config.nodes,
    lockDuration,
    stalledInterval: Math.max(1000, lockDuration / 2),
    maxStalledCount: 2,
  });
  worker.on('error', (error) => log(`job queue: ${error.message}`));
  worker.on('failed', (job, error) => log(`job ${job?.id ?? '?'} failed here: ${error.message}`));

  await heartbeat();
  const timer = setInterval(heartbeat, heartbeatMs);

  log(`engine node host ${name}: ${config.nodes} nodes taking jobs from ${options.redisUrl}`);

  return {
    name,
    async close() {
      clearInterval(timer);
      await worker.close();
      await leave(redis, name).catch(() => undefined);
      await pool.close();
      // Connections given to BullMQ stay open after it closes: ours to end.
      blocking.disconnect();
      redis.disconnect();
    },
  };
}
