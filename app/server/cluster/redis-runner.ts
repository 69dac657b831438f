// A front's job runner in the many-machine mode: jobs go to a BullMQ queue in Redis, and
// engine node hosts on any machine take them. The front only waits for the answer; the host
// that finishes a job stores its result and counts it, so nothing depends on this front
// staying alive. Back-pressure comes from the queue's depth against the live hosts' slots.
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { State, type OcrResponse } from '../../protocol/index.js';
import {
  QueueFullError,
  type Job,
  type JobContext,
  type JobRunner,
  type ResultKeeper,
  type SubmittedJob,
} from '../backend.js';
import { withTranslation, type Translation } from '../translation/index.js';
import { liveHosts } from './node-registry.js';
import { queueName, queuePrefix } from './redis.js';

/** What a job carries through Redis. */
export interface QueuedJobData {
  image: string;
  type: Job['type'];
  options: Job['options'];
  id: string;
  account: string;
  origin: string;
  resultTtlMs: number;
  sourceName?: string;
}

export interface RedisRunnerOptions {
  /** Jobs that may wait per engine node slot before state 6. */
  maxQueuedPerSlot: number;
  /** How long the front waits for a job it took before it stops listening (the result stays in Redis). */
  deadlineMs: number;
  /** Tries of a job whose node died under it: BullMQ gives it to another node. */
  attempts: number;
  /** The front's translator for `trans=` (the fronts translate; node hosts only read). */
  translation?: Translation;
}

export class RedisJobRunner implements JobRunner {
  private readonly queue: Queue;
  private readonly events: QueueEvents;

  constructor(
    private readonly redis: Redis,
    blocking: Redis,
    private readonly results: ResultKeeper,
    private readonly options: RedisRunnerOptions,
  ) {
    this.queue = new Queue(queueName, { connection: redis, prefix: queuePrefix });
    this.events = new QueueEvents(queueName, { connection: blocking, prefix: queuePrefix });
    // Redis restarting: the connection says so, and comes back by itself.
    this.queue.on('error', () => undefined);
    this.events.on('error', () => undefined);
  }

  async submit(job: Job, context: JobContext): Promise<SubmittedJob> {
    const hosts = await liveHosts(this.redis);
    const slots = hosts.reduce((n, h) => n + h.slots, 0);
    if (!slots) throw new QueueFullError('no engine node is connected to the job queue');
    const waiting = await this.queue.getWaitingCount();
    if (waiting >= slots * this.options.maxQueuedPerSlot)
      throw new QueueFullError(`${waiting} images are waiting for ${slots} engine nodes`);
    const averageJobMs = hosts.reduce((sum, h) => sum + h.averageJobMs * h.slots, 0) / slots;
    const { trans, ...forNode } = context;
    const data: QueuedJobData = {
      image: Buffer.from(job.image.buffer, job.image.byteOffset, job.image.length).toString('base64'),
      type: job.type,
      options: job.options,
      id: job.id,
      ...forNode,
    };
    const added = await this.queue.add('recognize', data, {
      jobId: job.id,
      attempts: this.options.attempts,
      removeOnComplete: { age: 600 },
      removeOnFail: { age: 600 },
    });
    const pending: OcrResponse = { id: job.id, ocrType: job.type, state: State.pending };
    // The host stored the finished response; a wait that ends otherwise (deadline, Redis away)
    // leaves the client to poll idcode, which reads what the host stores.
    const finished = added.waitUntilFinished(this.events, this.options.deadlineMs).then(
      (response: OcrResponse) => (trans ? this.translated(response, trans, context) : response),
      async () => (await Promise.resolve(this.results.find(job.id)).catch(() => undefined)) ?? pending,
    );
    return { finished, expectedWaitMs: ((waiting + 1) / slots) * averageJobMs };
  }

  /**
   * trans=: the front translates what a host read and stores it over the host's answer (a
   * client polling idcode meanwhile sees the text, then the text with its translation).
   */
  private async translated(response: OcrResponse, trans: string, context: JobContext): Promise<OcrResponse> {
    const answer = await withTranslation(response, trans, this.options.translation);
    if (answer !== response)
      await Promise.resolve(this.results.put(context.account, answer, context.resultTtlMs)).catch(() => undefined);
    return answer;
  }

  async status() {
    const hosts = await liveHosts(this.redis);
    return { nodes: hosts.flatMap((h) => h.nodes), queued: await this.queue.getWaitingCount() };
  }

  async close(): Promise<void> {
    await this.events.close();
    await this.queue.close();
  }
}
