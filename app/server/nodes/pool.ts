// Engine nodes behind one queue. A node that dies is replaced and its job answered with
// state 3; a node past the deadline is killed, replaced, and its job answered with state 4.
// Every other job, queued or running elsewhere, goes on untouched.
//
// Nodes are child processes, not worker threads: terminating a worker thread while
// onnxruntime is inside a native Run() aborts the whole server process (seen here), and a
// hung node must be killable. A process can always be killed, and it takes nothing with it.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { failedResponse, processInfo, State, type OcrResponse } from '../../protocol/index.js';
import { QueueFullError, type Job, type NodeStatus } from '../backend.js';
import type { JobMessage, NodeMessage, NodeWorkerData, PoolMessage } from './messages.js';

export type PoolJob = Job;

export interface PoolOptions {
  size: number;
  threadsPerNode: number;
  /** The engines' language setting, handed to each node. */
  language?: string;
  deadlineMs: number;
  maxQueued: number;
  /** Told when a node starts, dies or is replaced (the server logs it). */
  onEvent?: (event: NodeEvent) => void;
}

export type NodeEvent =
  | { kind: 'ready'; node: string; loadMs: number }
  | { kind: 'died'; node: string; reason: string }
  | { kind: 'timed-out'; node: string; jobId: string };

export { QueueFullError, type NodeStatus };

interface QueuedJob {
  job: PoolJob;
  resolve: (response: OcrResponse) => void;
}

interface RunningJob extends QueuedJob {
  jobId: number;
  timer: NodeJS.Timeout;
}

class NodeSlot {
  process!: ChildProcess;
  state: NodeStatus['state'] = 'starting';
  running: RunningJob | undefined;
  jobsDone = 0;
  restarts = 0;
  consecutiveFailures = 0;
  /** What the node said when it could not load its models, until it next starts. */
  loadError: string | undefined;
  /** Starts that ended before the node was ready. */
  failedStarts = 0;
  constructor(readonly index: number) {}
  get name() {
    return processInfo(this.index).processName;
  }
}

/**
 * The node's entry: in a bundled build (the desktop app) `engine-node.js` sits beside the
 * bundle that holds this code; from the sources, the loader registers tsx first.
 */
function nodeEntry(): string {
  const bundled = fileURLToPath(new URL('./engine-node.js', import.meta.url));
  return existsSync(bundled) ? bundled : fileURLToPath(new URL('./engine-node-loader.js', import.meta.url));
}

export class EngineNodePool {
  private readonly slots: NodeSlot[];
  private readonly queue: QueuedJob[] = [];
  private nextJobId = 1;
  private closed = false;
  /**
   * Resolves once every node has loaded its models the first time; rejects, with the nodes' own
   * reason, once every node has failed to start and none ever was ready.
   */
  readonly ready: Promise<void>;
  private settleReady!: { resolve: () => void; reject: (error: Error) => void };
  private everReady = false;
  /** Set while no node has ever started and every one has failed to: why, for every request. */
  private startFailure: string | undefined;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: options.size }, (_, i) => new NodeSlot(i));
    this.ready = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    // Those who never wait for readiness must not see an unhandled rejection.
    this.ready.catch(() => undefined);
    for (const slot of this.slots) this.spawn(slot);
  }

  /**
   * Queues a job; the promise always resolves with a response, never rejects, once queued. While
   * no node can start at all, the answer is state 3 with the reason at once, not at the deadline.
   */
  run(job: PoolJob): Promise<OcrResponse> {
    if (this.closed) throw new Error('the engine node pool is closed');
    if (this.startFailure)
      return Promise.resolve(failedResponse(job.type, State.failed, this.startFailure, undefined, job.id));
    if (this.queue.length >= this.options.maxQueued)
      throw new QueueFullError(`${this.queue.length} images are already waiting`);
    return new Promise((resolve) => {
      const queued: QueuedJob = { job, resolve };
      this.queue.push(queued);
      job.signal?.addEventListener('abort', () => this.drop(queued), { once: true });
      this.dispatch();
    });
  }

  status(): { nodes: NodeStatus[]; queued: number; failure?: string } {
    return {
      nodes: this.slots.map((s) => ({ name: s.name, state: s.state, jobsDone: s.jobsDone, restarts: s.restarts })),
      queued: this.queue.length,
      ...(this.startFailure ? { failure: this.startFailure } : {}),
    };
  }

  /** Ends a node as if it had crashed (supervisors and tests): its job gets state 3, a new node takes its place. */
  async killNode(index: number): Promise<void> {
    const slot = this.slots[index];
    if (slot) await killProcess(slot.process);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) {
      queued.resolve(
        failedResponse(
          queued.job.type,
          State.failed,
          'the server is shutting down; try again',
          undefined,
          queued.job.id,
        ),
      );
    }
    await Promise.all(this.slots.map((slot) => killProcess(slot.process)));
  }

  private spawn(slot: NodeSlot): void {
    const data: NodeWorkerData = {
      nodeIndex: slot.index,
      threads: this.options.threadsPerNode,
      language: this.options.language,
    };
    // 'advanced' serialization carries the image as bytes, not as a JSON array of numbers.
    // execArgv is not inherited: the node needs none of the parent's flags (vitest's, say).
    // Two glibc arenas, not one per thread: each arena keeps what its thread once held, and
    // fewer of them cut an engine's peak memory by a sixth (see bin/ocr-assistant.js).
    const child = fork(nodeEntry(), [JSON.stringify(data)], {
      serialization: 'advanced',
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { MALLOC_ARENA_MAX: '2', ...process.env },
    });
    slot.process = child;
    slot.state = 'starting';
    child.on('message', (message: NodeMessage) => this.onMessage(slot, message));
    child.on('error', (error) => this.options.onEvent?.({ kind: 'died', node: slot.name, reason: error.message }));
    child.on('exit', (code, signal) => {
      if (slot.process !== child) return;
      this.onExit(slot, signal ?? `code ${code}`);
    });
  }

  private onMessage(slot: NodeSlot, message: NodeMessage): void {
    if (message.kind === 'ready') {
      slot.state = 'idle';
      slot.consecutiveFailures = 0;
      slot.loadError = undefined;
      this.everReady = true;
      this.startFailure = undefined;
      this.options.onEvent?.({ kind: 'ready', node: slot.name, loadMs: message.loadMs });
      if (this.slots.every((s) => s.state !== 'starting')) this.settleReady.resolve();
      this.dispatch();
    } else if (message.kind === 'load-failed') {
      slot.loadError = message.message;
      this.options.onEvent?.({
        kind: 'died',
        node: slot.name,
        reason: `could not load the models: ${message.message}`,
      });
    } else if (message.kind === 'lines') {
      const running = slot.running;
      if (running?.jobId === message.jobId) running.job.onLines?.(message.lines, message.restart);
    } else if (message.kind === 'done') {
      const running = slot.running;
      if (!running || running.jobId !== message.jobId) return;
      clearTimeout(running.timer);
      slot.running = undefined;
      slot.state = 'idle';
      slot.jobsDone++;
      running.resolve(message.response);
      this.dispatch();
    }
  }

  private onExit(slot: NodeSlot, how: string): void {
    const running = slot.running;
    slot.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      const { job } = running;
      running.resolve(
        failedResponse(
          job.type,
          State.failed,
          `engine node ${slot.name} stopped while reading this image; try again`,
          processInfo(slot.index),
          job.id,
        ),
      );
    }
    if (this.closed) return;
    this.options.onEvent?.({ kind: 'died', node: slot.name, reason: `exited (${how})` });
    if (slot.state === 'starting') {
      slot.failedStarts++;
      this.checkStartFailure(slot.loadError ?? `the engine node exited while loading (${how})`);
    }
    slot.restarts++;
    slot.consecutiveFailures++;
    slot.state = 'starting';
    // A node that cannot start (missing models, no memory) must not spin: back off, up to 30 s.
    const delay = slot.consecutiveFailures > 1 ? Math.min(30_000, 250 * 2 ** slot.consecutiveFailures) : 0;
    setTimeout(() => {
      if (!this.closed) this.spawn(slot);
    }, delay).unref();
  }

  /**
   * A job no longer wanted: answered at once if it waits in the queue; if a node reads it, the
   * node is told, and stops at its next strip of lines (or answers "cancelled" when it is done).
   */
  private drop(queued: QueuedJob): void {
    const waiting = this.queue.indexOf(queued);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      queued.resolve(unwantedResponse(queued.job));
      return;
    }
    const slot = this.slots.find((s) => s.running?.job === queued.job);
    if (slot?.running) slot.process.send({ kind: 'cancel', jobId: slot.running.jobId } satisfies PoolMessage);
  }

  /** The next queued job whose client is still there; the others are answered without a node. */
  private nextWanted(): QueuedJob | undefined {
    for (let queued = this.queue.shift(); queued; queued = this.queue.shift()) {
      if (!queued.job.signal?.aborted) return queued;
      queued.resolve(unwantedResponse(queued.job));
    }
    return undefined;
  }

  /** No node was ever ready and each has now failed to start: say so to everyone waiting. */
  private checkStartFailure(reason: string): void {
    if (this.everReady || !this.slots.every((s) => s.failedStarts > 0)) return;
    this.startFailure = `no engine node could load the OCR models: ${reason}`;
    this.settleReady.reject(new Error(this.startFailure));
    for (const queued of this.queue.splice(0)) {
      queued.resolve(failedResponse(queued.job.type, State.failed, this.startFailure, undefined, queued.job.id));
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.state !== 'idle') continue;
      const queued = this.nextWanted();
      if (!queued) return;
      const jobId = this.nextJobId++;
      const { job } = queued;
      const timer = setTimeout(() => this.onDeadline(slot, jobId), this.options.deadlineMs);
      slot.running = { ...queued, jobId, timer };
      slot.state = 'busy';
      const message: JobMessage = {
        kind: 'job',
        jobId,
        image: job.image,
        type: job.type,
        options: job.options,
        responseId: job.id,
        stream: job.onLines !== undefined,
      };
      slot.process.send(message satisfies PoolMessage);
    }
  }

  private onDeadline(slot: NodeSlot, jobId: number): void {
    const running = slot.running;
    if (!running || running.jobId !== jobId) return;
    slot.running = undefined;
    this.options.onEvent?.({ kind: 'timed-out', node: slot.name, jobId: running.job.id });
    running.resolve(failedResponse(running.job.type, State.timedOut, undefined, undefined, running.job.id));
    // The node may be stuck in native code: only killing the process frees it.
    void killProcess(slot.process);
  }
}

/** The answer to a job dropped before a node finished it: why, as its canceller said (an Error's message). */
function unwantedResponse(job: PoolJob): OcrResponse {
  const reason: unknown = job.signal?.reason;
  const message =
    reason instanceof Error && reason.name !== 'AbortError'
      ? reason.message
      : 'the client went away before its image was read';
  return failedResponse(job.type, State.failed, message, undefined, job.id);
}

/** Kills a node's process and waits for it to be gone (at once if it already is). */
function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
