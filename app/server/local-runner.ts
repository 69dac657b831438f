// The single-machine job runner: the pool of engine node processes in this server process,
// each job finished here as soon as its node answers.
import type { Job, JobContext, JobRunner, SubmittedJob } from './backend.js';
import type { EngineNodePool } from './nodes/pool.js';
import type { JobFinisher } from './job-finisher.js';

export class LocalJobRunner implements JobRunner {
  constructor(
    private readonly pool: EngineNodePool,
    private readonly finisher: JobFinisher,
  ) {}

  async submit(job: Job, context: JobContext): Promise<SubmittedJob> {
    // pool.run throws QueueFullError at once when its queue is full.
    const answered = this.pool.run(job);
    return {
      finished: answered.then((response) => this.finisher.finish(response, job.image, context)),
      expectedWaitMs: 0,
    };
  }

  status() {
    return this.pool.status();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
