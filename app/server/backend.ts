// What the Open API's operations stand on, as interfaces: tokens and quotas, results, uploads,
// screenshots kept for result files, and the engine nodes' queue. One machine uses SQLite,
// files and the in-process pool of node processes; many machines (`serve --redis`) use Redis
// and a BullMQ queue, so that any front can answer for any other and nothing accepted is lost.
import type {
  OcrResponse,
  OcrType,
  QuotaCount,
  RecognizeOptions,
  TextCellInfo,
  TokenRefusal,
} from '../protocol/index.js';

export type MaybePromise<T> = T | Promise<T>;

export type Authorization = { ok: true; account: string } | { ok: false; refusal: TokenRefusal };

export interface TokenAuthority {
  /** The account a token counts against, whatever its quota; undefined for a bad token. */
  accountOf(token: string | undefined): MaybePromise<string | undefined>;
  /**
   * Admits one request of a known token with quota left, and holds one unit of that quota for
   * it (`ticket`) until it is settled: requests in flight at once cannot spend a unit twice.
   */
  admit(token: string | undefined, ticket: string): MaybePromise<Authorization>;
  /** Ends an admitted request: a success counts in `TodayCount`; anything else frees its unit. */
  settle(account: string, ticket: string, success: boolean): MaybePromise<void>;
  count(token: string | undefined): MaybePromise<QuotaCount>;
  /**
   * Adds an upload's bytes to the account's bytes for today, unless that would pass `dailyLimit`:
   * then nothing is added and the answer is false. Uploads cost disk, so they are metered too.
   */
  chargeUpload(account: string, bytes: number, dailyLimit: number): MaybePromise<boolean>;
}

export interface ResultKeeper {
  /** `ttlMs`: how long it lives, when the front that took the job says (else the keeper's own). */
  put(account: string, response: OcrResponse, ttlMs?: number): MaybePromise<void>;
  /** A live response, if it is this account's. */
  get(account: string, id: string): MaybePromise<OcrResponse | undefined>;
  /** A live response by id alone (its result files' URLs name only the id). */
  find(id: string): MaybePromise<OcrResponse | undefined>;
  /** How many are held, where that is cheap to know. */
  readonly size?: number;
}

export interface UploadKeeper {
  /** Throws (state 7) unless the bytes are an image we keep, decoded whole to the last pixel. */
  check(bytes: Uint8Array): Promise<void>;
  /** Stores an image (checked already); the name it is served under. */
  store(bytes: Uint8Array): Promise<string>;
  read(name: string): Promise<{ bytes: Uint8Array; mimeType: string } | undefined>;
}

export interface SourceImageKeeper {
  /** `title`: the image file's own name, for the documents made from it. */
  put(id: string, bytes: Uint8Array, ttlMs?: number, title?: string): Promise<void>;
  get(id: string): Promise<Uint8Array | undefined>;
  /** The title kept with an image, where the keeper keeps titles. */
  title?(id: string): Promise<string | undefined>;
}

export interface Job {
  image: Uint8Array;
  type: OcrType;
  options: RecognizeOptions;
  /** The response's `id`, also the job's quota ticket. */
  id: string;
  /**
   * Aborted when the client has gone (hung up before its answer): a job not yet started is then
   * dropped, uncharged; one begun is stopped (see `onLines`). Aborted with an Error, its message
   * is the answer's. One machine's pool honours it; the Redis queue does not see it.
   */
  signal?: AbortSignal;
  /**
   * The lines as a node reads them, top to bottom (`restart`: they replace those given before).
   * A job that has it can also be stopped while it runs, between strips of lines. One machine's
   * pool gives them; the Redis queue does not.
   */
  onLines?: (lines: TextCellInfo[], restart: boolean) => void;
}

/** Who asked, for what happens when the job is done: where its result goes and what it counts. */
export interface JobContext {
  account: string;
  /** `http://host:port` as the client addressed the front: the result files' URLs start with it. */
  origin: string;
  /** How long the front keeps results: the finished result and its files live that long. */
  resultTtlMs: number;
  /** `trans=`: the language to translate the result into, as the client wrote it. */
  trans?: string;
  /** The image file's own name, where it came as a named file: its documents' title. */
  sourceName?: string;
}

export interface NodeStatus {
  name: string;
  state: 'starting' | 'idle' | 'busy';
  jobsDone: number;
  restarts: number;
}

export interface SubmittedJob {
  /** The response once the job is done, stored and counted (by whichever process finished it). */
  finished: Promise<OcrResponse>;
  /**
   * How long the job will likely wait before a node takes it, from the queue's depth and the
   * nodes' pace: past the wait budget the front answers state 0 at once rather than hold on.
   */
  expectedWaitMs: number;
}

/** The engine nodes behind a queue. */
export interface JobRunner {
  /** Queues a job; rejects with QueueFullError (state 6) when the queue and nodes cannot take it. */
  submit(job: Job, context: JobContext): Promise<SubmittedJob>;
  /** `failure`: why no node can start, while none ever has (a supervisor should see it). */
  status(): MaybePromise<{ nodes: NodeStatus[]; queued: number; failure?: string }>;
  close(): Promise<void>;
}

/** The queue cannot take the job: the caller answers state 6. */
export class QueueFullError extends Error {
  override name = 'QueueFullError';
}
