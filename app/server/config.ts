// Every limit and duration of the server in one typed config, with the defaults a desktop
// machine serving a few people would want. The CLI flags and the app override parts of it.
import { availableParallelism } from 'node:os';
import { defaultTranslationOptions } from './translation/translate-result.js';

export interface ServerConfig {
  host: string;
  port: number;
  /** Token store, uploads. */
  dataDir: string;
  /**
   * The server's address as clients reach it (`https://ocr.example.com`): the start of the URLs
   * it hands out (uploads, result files). Unset: the address it listens on. Never the request's
   * Host header, which any client can set to anything.
   */
  publicUrl?: string;
  /** Engine nodes (child processes), each with its own models. */
  nodes: number;
  /** ONNX threads per node; by default the cores shared out among the nodes. */
  threadsPerNode: number;
  /** The engines' language setting (auto, jpn, kor, chi_tra, ukr, fra, deu, spa, ita, por, none; see languageSetting); unset: auto, or OCR_ASSISTANT_LANGUAGE. */
  readingLanguage?: string;
  /** Fetch `url` inputs from loopback, private and link-local addresses too. */
  allowPrivateUrls: boolean;
  /** How long `op=code` waits for the engine before answering state 0 with the id. */
  waitBudgetMs: number;
  /** A node that has not answered by then is replaced; the request gets state 4. */
  jobDeadlineMs: number;
  /** How long a finished result stays fetchable through `op=idcode`. */
  resultTtlMs: number;
  /** The result store's bound: the oldest results go first past it. */
  maxResults: number;
  /** Requests one token may have in flight (queued or running) before state 6. */
  maxInFlightPerToken: number;
  /** Jobs waiting for a node across all tokens before state 6. */
  maxQueued: number;
  /** Largest request body, in bytes (an image as a file, base64 or a form). */
  bodyLimit: number;
  /**
   * Bytes all request bodies being read may hold at once. Each authenticated request reserves
   * its body's size (the body limit when it does not say) before a byte is read; past this,
   * state 6 at once. Requests with a bad token never get to send a body at all.
   */
  bodyBudget: number;
  /** Deadlines: headers, a whole request's arrival (headers and body), and a silent connection. */
  timeouts: { headersMs: number; requestMs: number; idleMs: number; keepAliveMs: number };
  urlFetch: { timeoutMs: number; maxBytes: number; maxRedirects: number };
  /**
   * The image bed: one upload's size, how long and how many are kept, the disk they may take in
   * all (the oldest go first), and the bytes one account may upload per day.
   */
  uploads: { maxBytes: number; ttlMs: number; maxFiles: number; maxTotalBytes: number; dailyBytesPerAccount: number };
  /** Daily limit of tokens made without `--limit`. */
  defaultDailyLimit: number;
  /**
   * The translation server for `trans=` (`apertium:URL` or `libretranslate:URL[#key]`), or none:
   * then `trans=` answers the recognition with a message saying so. Nothing is sent anywhere else.
   */
  translator?: string;
  /** The most a translation may add to a request; past it, the text goes out untranslated (and says so). */
  translationTimeoutMs: number;
}

export type ServerConfigOverrides = Partial<Omit<ServerConfig, 'urlFetch' | 'uploads' | 'timeouts'>> & {
  urlFetch?: Partial<ServerConfig['urlFetch']>;
  uploads?: Partial<ServerConfig['uploads']>;
  timeouts?: Partial<ServerConfig['timeouts']>;
};

const MB = 1024 * 1024;

export function resolveServerConfig(given: ServerConfigOverrides & { dataDir: string }): ServerConfig {
  // An option left unset (undefined) keeps its default rather than erasing it.
  const overrides = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as typeof given;
  const cores = availableParallelism();
  const nodes = Math.max(1, overrides.nodes ?? cores);
  return {
    host: '127.0.0.1',
    port: 8080,
    allowPrivateUrls: false,
    waitBudgetMs: 20_000,
    jobDeadlineMs: 60_000,
    resultTtlMs: 30 * 60_000,
    maxResults: 2000,
    translationTimeoutMs: defaultTranslationOptions.timeoutMs,
    maxInFlightPerToken: 16,
    maxQueued: 256,
    bodyLimit: 60 * MB,
    bodyBudget: 4 * (overrides.bodyLimit ?? 60 * MB),
    defaultDailyLimit: 10_000,
    ...overrides,
    nodes,
    // A connection is silent while its request waits for the engine: longer than the wait budget.
    timeouts: {
      headersMs: 15_000,
      requestMs: 120_000,
      idleMs: (overrides.waitBudgetMs ?? 20_000) + 30_000,
      keepAliveMs: 5_000,
      ...overrides.timeouts,
    },
    threadsPerNode: overrides.threadsPerNode ?? Math.max(1, Math.floor(cores / nodes)),
    urlFetch: { timeoutMs: 15_000, maxBytes: 50 * MB, maxRedirects: 3, ...overrides.urlFetch },
    uploads: {
      maxBytes: 50 * MB,
      ttlMs: 24 * 3600_000,
      maxFiles: 1000,
      maxTotalBytes: 2048 * MB,
      dailyBytesPerAccount: 500 * MB,
      ...overrides.uploads,
    },
  };
}
