// The Open API client: the one way the app, the CLI's --server mode and scripts reach OCR,
// whether the server is the app's own on loopback or another machine. It hides the API's
// asynchronous side: state 0 is polled through idcode, state 6 is retried with backoff.
import {
  isServerUrl,
  optionsToQuery,
  State,
  tipsRefusal,
  type OcrResponse,
  type OcrType,
  type ProgressInfo,
  type QuotaCount,
  type RecognizeOptions,
  type TipsResponse,
} from '../protocol/index.js';
import { OcrClientError } from './errors.js';

export interface OcrClientOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  token: string;
  /** Give up on one image after this long, polling included (default 120 s). */
  deadlineMs?: number;
  /** First wait between idcode polls; it grows to 2 s (default 250 ms). */
  pollIntervalMs?: number;
  /** The wait between idcode polls while lines are coming in (`onProgress`; default 100 ms). */
  progressIntervalMs?: number;
  /** Tries for a state-6 answer before giving up (default 6), waiting 0.5, 1, 2, 4... s. */
  busyRetries?: number;
  busyBackoffMs?: number;
  fetch?: typeof fetch;
}

export interface RecognizeCall {
  type?: OcrType;
  options?: RecognizeOptions;
  /** The image file's own name (`scan.png`): the server titles the result's documents with it. */
  filename?: string;
  /** `trans=`: the language to translate the text into (ISO 639-1), by the server's translator. */
  trans?: string;
  /** Aborting it stops the request, and asks the server to stop its job (op=cancel). */
  signal?: AbortSignal;
  /**
   * The lines read so far, while the server reads (our extension, `progress=1`: the app's own
   * server gives them; another server answers as usual and this is never called).
   */
  onProgress?: (progress: ProgressInfo) => void;
}

export type ImageSource = Uint8Array | { url: string };

const stateKinds = {
  [State.failed]: 'engine',
  [State.timedOut]: 'timeout',
  [State.tooManyRequests]: 'busy',
  [State.unsupported]: 'unsupported',
} as const;

export class OcrClient {
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: OcrClientOptions) {
    this.baseUrl = serverUrl(options.baseUrl);
    // Wrapped: a browser's fetch called as a method of another object throws "Illegal invocation".
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Recognizes one image; resolves with a state-2 response, or throws an OcrClientError. */
  async recognize(image: ImageSource, call: RecognizeCall = {}): Promise<OcrResponse> {
    const deadline = Date.now() + (this.options.deadlineMs ?? 120_000);
    const query = {
      type: String(call.type ?? 0),
      ...optionsToQuery(call.options ?? {}),
      ...(call.onProgress && { progress: '1' }),
      ...(call.trans && { trans: call.trans }),
    };
    const retries = this.options.busyRetries ?? 6;
    for (let attempt = 0; ; attempt++) {
      const body = new FormData();
      if (image instanceof Uint8Array) body.append('file', imageBlob(image), call.filename ?? 'image');
      else body.append('url', image.url);
      const response = this.expectResponse(await this.call('code', query, body, call.signal));
      if (response.state === State.tooManyRequests && attempt < retries && Date.now() < deadline) {
        await sleep(Math.min((this.options.busyBackoffMs ?? 500) * 2 ** attempt, deadline - Date.now()), call.signal);
        continue;
      }
      if (response.state !== State.pending) return settle(response);
      try {
        // The first lines may come with the state-0 answer itself: shown at once, polled for more.
        if (call.onProgress && response.progress) {
          call.onProgress(response.progress);
          await sleep(this.options.progressIntervalMs ?? 100, call.signal);
        }
        return await this.poll(response.id, { deadline, signal: call.signal, onProgress: call.onProgress });
      } catch (error) {
        // Nobody wants the answer any more: the server need not go on reading for nobody.
        if (call.signal?.aborted) void this.cancel(response.id).catch(() => undefined);
        throw error;
      }
    }
  }

  /**
   * Asks the server to stop a request it has not finished (our extension, op=cancel); true when
   * it had one by that id. Other servers do not know the op: false.
   */
  async cancel(id: string): Promise<boolean> {
    return (await this.call('cancel', {}, new URLSearchParams({ id }))) === 'ok';
  }

  /** Fetches the result of an earlier request by id, polling while it is pending. */
  async poll(
    id: string,
    until: { deadline?: number; signal?: AbortSignal; onProgress?: RecognizeCall['onProgress'] } = {},
  ): Promise<OcrResponse> {
    const deadline = until.deadline ?? Date.now() + (this.options.deadlineMs ?? 120_000);
    let wait = this.options.pollIntervalMs ?? 250;
    for (;;) {
      const body = new URLSearchParams({ id });
      const answer = await this.call('idcode', {}, body, until.signal);
      if (answer === 'no')
        throw new OcrClientError('expired', `the server has no result for id ${id}: it is unknown or has expired`);
      if (!Array.isArray(answer)) this.expectResponse(answer as OcrResponse | TipsResponse);
      const response = (answer as OcrResponse[])[0];
      if (!response || typeof response.state !== 'number')
        throw new OcrClientError('protocol', 'idcode answered with an empty or malformed array');
      if (response.state !== State.pending) return settle(response);
      // Lines coming in are polled for at a steady pace: the user watches them arrive.
      if (until.onProgress && response.progress) {
        until.onProgress(response.progress);
        wait = this.options.progressIntervalMs ?? 100;
      }
      if (Date.now() + wait > deadline) {
        throw new OcrClientError(
          'timeout',
          `the result was not ready within ${Math.round((this.options.deadlineMs ?? 120_000) / 1000)} s`,
          response,
        );
      }
      await sleep(wait, until.signal);
      if (!response.progress) wait = Math.min(wait * 2, 2000);
    }
  }

  /** Stores an image on the server's image bed; resolves with the URL that serves it. */
  async upload(image: Uint8Array, signal?: AbortSignal): Promise<string> {
    const body = new FormData();
    body.append('file', imageBlob(image), 'image');
    const answer = await this.call('imgUpload', {}, body, signal);
    if (typeof answer !== 'string' || answer === 'no' || !/^https?:\/\//.test(answer)) {
      throw new OcrClientError(
        'unsupported',
        'the server did not store the image (is the token valid, and the file an image?)',
      );
    }
    return answer;
  }

  /**
   * One of a result's files (`result.files[].url`). It is fetched from this client's server
   * by the URL's path: the server names itself as it was asked, which behind a proxy (or the
   * browser build's forwarder) is not the address this client reaches it by.
   */
  async download(fileUrl: string, signal?: AbortSignal): Promise<Uint8Array> {
    let path: string;
    try {
      path = new URL(fileUrl).pathname;
    } catch {
      throw new OcrClientError('protocol', `not a file URL: ${fileUrl.slice(0, 200)}`);
    }
    if (!/^\/files\/[0-9a-f-]{36}\/[\w.-]+$/i.test(path))
      throw new OcrClientError('protocol', `not a result file of an OCR server: ${path.slice(0, 200)}`);
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}`, { signal });
    } catch (error) {
      if (signal?.aborted) throw new OcrClientError('aborted', 'the request was cancelled');
      throw new OcrClientError(
        'network',
        `cannot reach the OCR server at ${this.baseUrl}: ${(error as Error).message}`,
      );
    }
    if (response.status === 404)
      throw new OcrClientError('expired', 'the server no longer has this file: its result has expired');
    if (!response.ok) throw new OcrClientError('protocol', `the server answered HTTP ${response.status} for the file`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** Today's count and what is left; an invalid token is an error here, not zeros. */
  async quota(signal?: AbortSignal): Promise<QuotaCount> {
    const answer = (await this.call('count', {}, undefined, signal)) as QuotaCount;
    if (typeof answer !== 'object' || typeof answer?.LimitCount !== 'number')
      throw new OcrClientError('protocol', 'count answered without LimitCount');
    if (answer.LimitCount === 0 && answer.TodayCount === 0)
      throw new OcrClientError('invalid-token', 'the server does not know this token');
    return answer;
  }

  /** One HTTP exchange: JSON parsed, plain text as a string, transport failures typed. */
  private async call(
    op: string,
    query: Record<string, string>,
    body: BodyInit | undefined,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const params = new URLSearchParams({ op, app: 'api', token: this.options.token, ...query });
    const path = op === 'count' ? 'Code.aspx' : 'Code.ashx';
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}/${path}?${params}`, {
        method: body ? 'POST' : 'GET',
        body,
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw new OcrClientError('aborted', 'the request was cancelled');
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new OcrClientError(
        'network',
        `cannot reach the OCR server at ${this.baseUrl}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      );
    }
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    if (isJson) {
      try {
        return JSON.parse(text);
      } catch {
        throw new OcrClientError('protocol', `the server answered HTTP ${response.status} with broken JSON`);
      }
    }
    if (!response.ok)
      throw new OcrClientError('protocol', `the server answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    return text;
  }

  /** Tips answers become errors; anything without a numeric state is not the Open API. */
  private expectResponse(answer: unknown): OcrResponse {
    const body = answer as OcrResponse | TipsResponse;
    if (typeof body !== 'object' || body === null)
      throw new OcrClientError('protocol', 'the server did not answer with an Open API response');
    const refusal = tipsRefusal(body);
    if (refusal) throw new OcrClientError(refusal, body.result?.autoText ?? refusal);
    if (typeof (body as OcrResponse).state !== 'number')
      throw new OcrClientError('protocol', 'the response has no state');
    return body as OcrResponse;
  }
}

/** Done is returned; every other final state is thrown with its message. */
function settle(response: OcrResponse): OcrResponse {
  if (response.state === State.done) return response;
  const kind = stateKinds[response.state as keyof typeof stateKinds] ?? 'protocol';
  const fallback = {
    engine: 'the engine failed on this image; try again',
    timeout: 'the engine did not finish this image in time',
    busy: 'the server is busy; try again later',
    unsupported: 'the server refused this image',
    protocol: `the server answered with unknown state ${response.state}`,
  }[kind];
  throw new OcrClientError(kind, response.message ?? fallback, response);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new OcrClientError('aborted', 'the request was cancelled'));
    const timer = setTimeout(resolve, Math.max(0, ms));
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new OcrClientError('aborted', 'the request was cancelled'));
      },
      { once: true },
    );
  });
}

/** A Blob of the image's bytes (copied: a Blob cannot be made over a shared buffer). */
function imageBlob(image: Uint8Array): Blob {
  return new Blob([new Uint8Array(image)]);
}

/** The server's base URL without trailing slashes, or a clear error where it is none. */
function serverUrl(text: string): string {
  if (!isServerUrl(text))
    throw new OcrClientError(
      'invalid-url',
      `"${text}" is not a server address: give one like http://192.168.1.20:8080 or https://ocr.example.com`,
    );
  return text.trim().replace(/\/+$/, '');
}
