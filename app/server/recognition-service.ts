// The Open API's operations, free of HTTP: who may ask (tokens, quotas, requests in flight),
// where the image comes from, the engine node queue, the wait budget, and the result store.
// The routes only turn requests into calls here and the answers back into replies.
import { randomUUID } from 'node:crypto';
import {
  failedResponse,
  OcrError,
  parseOcrType,
  parseOptions,
  State,
  tipsResponse,
  type OcrResponse,
  type OcrType,
  type QuotaCount,
  type TipsResponse,
} from '../protocol/index.js';
import type { ServerConfig } from './config.js';
import type { TokenStore } from './token-store.js';
import type { ResultStore } from './result-store.js';
import type { ImageBed } from './image-bed.js';
import type { ResultFiles } from './result-files.js';
import { EngineNodePool, QueueFullError } from './nodes/pool.js';
import { fetchImageUrl } from './url-fetch.js';
import type { ImageInput } from './inputs.js';

export interface CodeRequest {
  token: string | undefined;
  /** The query's parameters (`type` and the seven options), names already lower-case. */
  query: Record<string, string | undefined>;
  /** Reads the image's input form from the body; may throw OcrError (state 7). */
  readInput: () => Promise<ImageInput>;
  /** `http://host:port` as the client addressed us: URLs into our own image bed are read from disk. */
  origin: string;
}

export interface CodeOutcome {
  body: OcrResponse | TipsResponse;
  /** Milliseconds from admission to answer, for the log. */
  ms: number;
}

const uploadsPath = /^\/uploads\/([^/]+)$/;

export class RecognitionService {
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly config: ServerConfig,
    private readonly tokens: TokenStore,
    private readonly pool: EngineNodePool,
    private readonly results: ResultStore,
    private readonly imageBed: ImageBed,
    private readonly files: ResultFiles,
  ) {}

  async code(request: CodeRequest): Promise<CodeOutcome> {
    const started = performance.now();
    const answer = (body: OcrResponse | TipsResponse) => ({ body, ms: performance.now() - started });
    const typeNumber = Number(request.query.type ?? 0);
    const echoType = Number.isInteger(typeNumber) ? typeNumber : 0;
    const auth = this.tokens.authorize(request.token);
    if (!auth.ok) return answer(tipsResponse(echoType, auth.refusal));
    let type: OcrType;
    let options;
    try {
      type = parseOcrType(request.query.type);
      options = parseOptions((name) => request.query[name]);
    } catch (error) {
      return answer(refusal(echoType, error));
    }
    const inFlight = this.inFlight.get(auth.account) ?? 0;
    if (inFlight >= this.config.maxInFlightPerToken) {
      return answer(
        failedResponse(
          type,
          State.tooManyRequests,
          `this token already has ${inFlight} requests in flight (the limit is ${this.config.maxInFlightPerToken}); wait for one to finish, then send more`,
        ),
      );
    }
    this.inFlight.set(auth.account, inFlight + 1);
    let settled = false;
    const release = () => {
      if (settled) return;
      settled = true;
      const left = (this.inFlight.get(auth.account) ?? 1) - 1;
      if (left > 0) this.inFlight.set(auth.account, left);
      else this.inFlight.delete(auth.account);
    };
    try {
      const image = await this.imageBytes(await request.readInput(), request.origin);
      const id = randomUUID();
      let job: Promise<OcrResponse>;
      try {
        job = this.pool.run({ image, type, options, id });
      } catch (error) {
        if (error instanceof QueueFullError) {
          release();
          return answer(failedResponse(type, State.tooManyRequests, `the server is busy (${error.message}); try again in a moment`));
        }
        throw error;
      }
      const pending: OcrResponse = { id, ocrType: type, state: State.pending };
      this.results.put(auth.account, pending);
      const finished = job.then(async (response) => {
        release();
        const answered = await this.files.attach(response, image, request.origin);
        this.results.put(auth.account, answered);
        if (answered.state === State.done) this.tokens.recordSuccess(auth.account);
        return answered;
      });
      let budgetTimer: NodeJS.Timeout | undefined;
      const budget = new Promise<OcrResponse>((resolve) => {
        budgetTimer = setTimeout(() => resolve(pending), this.config.waitBudgetMs);
      });
      const response = await Promise.race([finished, budget]);
      clearTimeout(budgetTimer);
      return answer(response);
    } catch (error) {
      release();
      return answer(refusal(type, error));
    }
  }

  idcode(token: string | undefined, id: string | undefined): OcrResponse[] | TipsResponse | 'no' {
    const auth = this.tokens.authorize(token);
    // A used-up quota still lets a client collect what it has already been counted for.
    if (!auth.ok && auth.refusal === 'invalid-token') return tipsResponse(0, auth.refusal);
    const account = auth.ok ? auth.account : this.tokens.accountOf(token);
    const response = id && account ? this.results.get(account, id.trim()) : undefined;
    return response ? [response] : 'no';
  }

  count(token: string | undefined): QuotaCount {
    return this.tokens.count(token);
  }

  /** Stores an upload; the absolute URL that serves it, or 'no' as the API answers failures. */
  async upload(token: string | undefined, readFile: () => Promise<Uint8Array | undefined>, origin: string): Promise<string> {
    // The token first: a stranger's upload is not even read.
    if (!this.tokens.accountOf(token)) return 'no';
    const bytes = await readFile().catch(() => undefined);
    if (!bytes?.length) return 'no';
    try {
      return `${origin}/uploads/${await this.imageBed.store(bytes)}`;
    } catch {
      return 'no';
    }
  }

  private async imageBytes(input: ImageInput, origin: string): Promise<Uint8Array> {
    if (input.kind === 'bytes') return input.bytes;
    const own = this.ownUpload(input.url, origin);
    if (own) {
      const stored = await this.imageBed.read(own);
      if (!stored) throw new OcrError(State.unsupported, 'the uploaded image at this URL has expired or never existed; upload it again');
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

function refusal(ocrType: number, error: unknown): OcrResponse {
  if (error instanceof OcrError) return failedResponse(ocrType, error.state as Exclude<State, 0 | 2>, error.message);
  return failedResponse(ocrType, State.failed, `the request failed: ${(error as Error).message}`);
}
