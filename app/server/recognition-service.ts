// The Open API's operations, free of HTTP: who may ask (tokens, quotas, requests in flight),
// where the image comes from, the engine node queue, the wait budget, and the result store.
// The routes only turn requests into calls here and the answers back into replies.
import { randomUUID } from 'node:crypto';
import {
  cancelledMessage,
  failedResponse,
  OcrError,
  parseOcrType,
  parseOptions,
  State,
  tipsResponse,
  type OcrResponse,
  type OcrType,
  type QuotaCount,
  type RecognizeOptions,
  type TextCellInfo,
  type TipsResponse,
} from '../protocol/index.js';
import type { ServerConfig } from './config.js';
import {
  QueueFullError,
  type Job,
  type JobContext,
  type JobRunner,
  type ResultKeeper,
  type TokenAuthority,
  type UploadKeeper,
} from './backend.js';
import { fetchImageUrl } from './url-fetch.js';
import type { ImageInput } from './inputs.js';

export interface CodeRequest {
  token: string | undefined;
  /** The query's parameters (`type` and the seven options), names already lower-case. */
  query: Record<string, string | undefined>;
  /** Reads the image's input form from the body; may throw OcrError (state 7). */
  readInput: () => Promise<ImageInput>;
  /** Where clients reach us (`--public-url`): URLs into our own image bed are read from disk. */
  origin: string;
  /** Aborted when the client hangs up before its answer. */
  signal?: AbortSignal;
}

export interface CodeOutcome {
  body: OcrResponse | TipsResponse;
  /** Milliseconds from admission to answer, for the log. */
  ms: number;
}

const uploadsPath = /^\/uploads\/([^/]+)$/;

interface Slot {
  release(settledByFinisher?: boolean): Promise<void>;
}

/** A job taken and not yet finished: who may cancel it, and its lines so far when they were asked for. */
interface LiveJob {
  account: string;
  cancel: AbortController;
  startedAt: number;
  lines?: TextCellInfo[];
}

/**
 * With progress=1, op=code answers when the job is done, or after this long once its first
 * lines are read (a dialog is answered whole, in one request): the state-0 answer carries the
 * lines so far. Answered at 250 ms with no lines yet, a full-HD capture's first lines reached the panel only
 * at the next poll (0.48 s, read at 0.35 s).
 */
const progressFirstAnswerMs = 250;
/** ...and at the latest after this long, lines or not: a job still waiting for a node gets its id, to poll or cancel. */
const progressFirstAnswerLatestMs = 1000;

/** `progress=1` and the like: the query's switches read as the options are. */
const isOn = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());

interface Admitted {
  id: string;
  account: string;
  type: OcrType;
  options: RecognizeOptions;
  slot: Slot;
}

export class RecognitionService {
  private readonly inFlight = new Map<string, number>();
  /**
   * Jobs this front took and still counts in flight, by response id: with Redis, the result can
   * be read (idcode) a moment before this front hears the job is done, and a client that saw it
   * done must be able to send the next one at once.
   */
  private readonly running = new Map<string, () => Promise<void>>();
  /** Jobs this front took, until they finish: for op=cancel and the lines of `progress=1`. */
  private readonly live = new Map<string, LiveJob>();

  constructor(
    private readonly config: ServerConfig,
    private readonly tokens: TokenAuthority,
    private readonly runner: JobRunner,
    private readonly results: ResultKeeper,
    private readonly uploads: UploadKeeper,
  ) {}

  /** op=code: admission, then the image, the queue and the wait budget. */
  async code(request: CodeRequest): Promise<CodeOutcome> {
    const started = performance.now();
    const answer = (body: OcrResponse | TipsResponse) => ({ body, ms: performance.now() - started });
    const admitted = await this.admit(request);
    if ('refused' in admitted) return answer(admitted.refused);
    const { id, account, type, slot } = admitted;
    let pendingStored = false;
    try {
      const input = await request.readInput();
      const image = await this.imageBytes(input, request.origin);
      // The client hung up while its image arrived or was fetched: nobody is left to answer.
      if (request.signal?.aborted) throw new OcrError(State.failed, 'the client went away before its image was read');
      const pending: OcrResponse = { id, ocrType: type, state: State.pending };
      await this.results.put(account, pending);
      pendingStored = true;
      // The client hanging up before its answer cancels the job as op=cancel does; once it has
      // its answer (state 0 included), it may hang up: the job goes on for idcode.
      const live: LiveJob = { account, cancel: new AbortController(), startedAt: performance.now() };
      const gone = () => live.cancel.abort();
      request.signal?.addEventListener('abort', gone, { once: true });
      // With progress=1 (our extension) the answer is state 0 at once, and idcode's pending
      // answers carry the lines read so far.
      const progress = isOn(request.query.progress);
      if (progress) live.lines = [];
      this.live.set(id, live);
      let firstLinesRead = () => {};
      const firstLines = new Promise<void>((resolve) => (firstLinesRead = resolve));
      const onLines = (lines: TextCellInfo[], restart: boolean) => {
        live.lines = restart ? [...lines] : [...(live.lines ?? []), ...lines];
        if (live.lines.length) firstLinesRead();
      };
      const early = progress
        ? Promise.all([
            sleep(progressFirstAnswerMs),
            Promise.race([firstLines, sleep(progressFirstAnswerLatestMs)]),
          ]).then(() => withProgress(pending, live))
        : undefined;
      const job: Job = { image, type, options: admitted.options, id, signal: live.cancel.signal };
      // trans= (our reading of the guide's translation fields): done when the job is finished.
      const trans = request.query.trans?.trim().slice(0, 40) || undefined;
      const context: JobContext = {
        account,
        origin: request.origin,
        resultTtlMs: this.config.resultTtlMs,
        ...(trans && { trans }),
        ...(input.kind === 'bytes' && input.name && { sourceName: input.name }),
      };
      try {
        return answer(await this.runWithinBudget(progress ? { ...job, onLines } : job, context, pending, slot, early));
      } finally {
        request.signal?.removeEventListener('abort', gone);
      }
    } catch (error) {
      this.live.delete(id);
      await slot.release().catch(() => undefined);
      const failed = refusal(type, error, id);
      // A client polling this id must learn it failed, not see it pending until it expires.
      if (pendingStored) await Promise.resolve(this.results.put(account, failed)).catch(() => undefined);
      return answer(failed);
    }
  }

  /**
   * Who may ask, and what: the token holds a unit of its quota (the response id is the ticket),
   * the type and options parse, and the token has room in flight. Otherwise the answer now.
   */
  private async admit(request: CodeRequest): Promise<{ refused: OcrResponse | TipsResponse } | Admitted> {
    const typeNumber = Number(request.query.type ?? 0);
    const echoType = Number.isInteger(typeNumber) ? typeNumber : 0;
    const id = randomUUID();
    let auth;
    try {
      auth = await this.tokens.admit(request.token, id);
    } catch (error) {
      return { refused: unreachable(echoType, error) };
    }
    if (!auth.ok) return { refused: tipsResponse(echoType, auth.refusal) };
    const { account } = auth;
    let type: OcrType;
    let options: RecognizeOptions;
    try {
      type = parseOcrType(request.query.type);
      options = parseOptions((name) => request.query[name]);
    } catch (error) {
      await this.tokens.settle(account, id, false);
      return { refused: refusal(echoType, error, id) };
    }
    const inFlight = this.inFlight.get(account) ?? 0;
    if (inFlight >= this.config.maxInFlightPerToken) {
      await this.tokens.settle(account, id, false);
      const message = `this token already has ${inFlight} requests in flight (the limit is ${this.config.maxInFlightPerToken}); wait for one to finish, then send more`;
      return { refused: failedResponse(type, State.tooManyRequests, message, undefined, id) };
    }
    return { id, account, type, options, slot: this.takeSlot(account, id) };
  }

  /** A request's place among its token's requests in flight, given back once. */
  private takeSlot(account: string, id: string): Slot {
    this.inFlight.set(account, (this.inFlight.get(account) ?? 0) + 1);
    let released = false;
    return {
      // Its quota unit goes back too, unless the job's finisher has settled it.
      release: async (settledByFinisher = false) => {
        if (released) return;
        released = true;
        this.running.delete(id);
        const left = (this.inFlight.get(account) ?? 1) - 1;
        if (left > 0) this.inFlight.set(account, left);
        else this.inFlight.delete(account);
        if (!settledByFinisher) await this.tokens.settle(account, id, false);
      },
    };
  }

  /**
   * Queues the job and waits for it up to the wait budget: the finished response, or the pending
   * one (state 0, poll idcode) when the budget runs out or the queue is too deep to make it.
   */
  private async runWithinBudget(
    job: Job,
    context: JobContext,
    pending: OcrResponse,
    slot: Slot,
    /** With progress=1: the state-0 answer with the first lines, when they come before the end. */
    early?: Promise<OcrResponse>,
  ): Promise<OcrResponse> {
    const { account } = context;
    let submitted;
    try {
      submitted = await this.runner.submit(job, context);
    } catch (error) {
      if (!(error instanceof QueueFullError)) throw error;
      this.live.delete(job.id);
      const busy = failedResponse(
        job.type,
        State.tooManyRequests,
        `the server is busy (${error.message}); try again in a moment`,
        undefined,
        job.id,
      );
      await this.results.put(account, busy);
      await slot.release();
      return busy;
    }
    this.running.set(job.id, () => slot.release(true));
    // The runner has stored the finished response and settled its quota unit.
    const finished = submitted.finished.then(
      (response) => {
        this.live.delete(job.id);
        void slot.release(true);
        return response;
      },
      async (error: unknown) => {
        this.live.delete(job.id);
        await slot.release().catch(() => undefined);
        return unreachable(job.type, error, job.id);
      },
    );
    if (submitted.expectedWaitMs > this.config.waitBudgetMs) return pending;
    let budgetTimer: NodeJS.Timeout | undefined;
    const budget = new Promise<OcrResponse>((resolve) => {
      budgetTimer = setTimeout(() => resolve(pending), this.config.waitBudgetMs);
    });
    const response = await Promise.race([finished, budget, ...(early ? [early] : [])]);
    clearTimeout(budgetTimer);
    return response;
  }

  async idcode(token: string | undefined, id: string | undefined): Promise<OcrResponse[] | TipsResponse | 'no'> {
    // A used-up quota still lets a client collect what it has already been counted for.
    const account = await this.tokens.accountOf(token);
    if (!account) return tipsResponse(0, 'invalid-token');
    const response = id ? await this.results.get(account, id.trim()) : undefined;
    // Finished where this client can see it: no longer in flight here either.
    if (response && response.state !== State.pending) await this.running.get(response.id)?.();
    if (!response) return 'no';
    const live = response.state === State.pending ? this.live.get(response.id) : undefined;
    return [live?.account === account ? withProgress(response, live) : response];
  }

  /**
   * op=cancel (our extension): a job of this token's that is not finished is dropped if it still
   * waits, or stopped between strips of lines if a node reads it; its answer is then state 3,
   * counted only if a node had begun it (see isCharged). 'ok' when there was such a job here, else 'no'.
   */
  async cancel(token: string | undefined, id: string | undefined): Promise<'ok' | 'no'> {
    const account = await this.tokens.accountOf(token);
    const live = id ? this.live.get(id.trim()) : undefined;
    if (!account || !live || live.account !== account) return 'no';
    live.cancel.abort(new Error(cancelledMessage));
    return 'ok';
  }

  async count(token: string | undefined): Promise<QuotaCount> {
    return this.tokens.count(token);
  }

  /** Stores an upload; the absolute URL that serves it, or 'no' as the API answers failures. */
  async upload(
    token: string | undefined,
    readFile: () => Promise<Uint8Array | undefined>,
    origin: string,
  ): Promise<string> {
    // The token first: a stranger's upload is not even read.
    const account = await this.tokens.accountOf(token);
    if (!account) return 'no';
    const bytes = await readFile().catch(() => undefined);
    if (!bytes?.length) return 'no';
    try {
      // Checked whole before it is charged, charged before it is written.
      await this.uploads.check(bytes);
      if (!(await this.tokens.chargeUpload(account, bytes.length, this.config.uploads.dailyBytesPerAccount)))
        return 'no';
      return `${origin}/uploads/${await this.uploads.store(bytes)}`;
    } catch {
      return 'no';
    }
  }

  private async imageBytes(input: ImageInput, origin: string): Promise<Uint8Array> {
    if (input.kind === 'bytes') return input.bytes;
    const own = this.ownUpload(input.url, origin);
    if (own) {
      const stored = await this.uploads.read(own);
      if (!stored)
        throw new OcrError(
          State.unsupported,
          'the uploaded image at this URL has expired or never existed; upload it again',
        );
      return stored.bytes;
    }
    const { urlFetch, allowPrivateUrls } = this.config;
    return fetchImageUrl(input.url, { ...urlFetch, allowPrivate: allowPrivateUrls });
  }

  /** An URL into our own image bed, as handed out by `upload`: no need to fetch it over HTTP. */
  private ownUpload(raw: string, origin: string): string | undefined {
    try {
      const url = new URL(raw);
      if (url.origin !== new URL(origin).origin) return undefined;
      return uploadsPath.exec(url.pathname)?.[1];
    } catch {
      return undefined;
    }
  }
}

/** A pending response with the lines read so far, for a request that asked for them (progress=1). */
function withProgress(pending: OcrResponse, live: LiveJob): OcrResponse {
  if (!live.lines) return pending;
  return { ...pending, progress: { lines: live.lines, elapsedMs: Math.round(performance.now() - live.startedAt) } };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

function refusal(ocrType: number, error: unknown, id?: string): OcrResponse {
  if (error instanceof OcrError)
    return failedResponse(ocrType, error.state as Exclude<State, 0 | 2>, error.message, undefined, id);
  return failedResponse(ocrType, State.failed, `the request failed: ${(error as Error).message}`, undefined, id);
}

/** A store or queue that did not answer (Redis restarting): state 3, worth retrying. */
export function unreachable(ocrType: number, error: unknown, id?: string): OcrResponse {
  return failedResponse(
    ocrType,
    State.failed,
    `the server cannot reach its job queue or stores right now (${(error as Error).message}); try again shortly`,
    undefined,
    id,
  );
}
