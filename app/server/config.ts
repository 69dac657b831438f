// Every limit and duration of the server in one typed config, with the defaults a desktop
// machine serving a few people would want. The CLI flags and the app override parts of it.
import { availableParallelism } from 'node:os';

export interface ServerConfig {
  host: string;
  port: number;
  /** Token store, uploads. */
  dataDir: string;
  /** Engine nodes (worker threads), each with its own models. */
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
  urlFetch: { timeoutMs: number; maxBytes: number; maxRedirects: number };
  uploads: { maxBytes: number; ttlMs: number; maxFiles: number };
  /** Daily limit of tokens made without `--limit`. */
  defaultDailyLimit: number;
}

export type ServerConfigOverrides = Partial<Omit<ServerConfig, 'urlFetch' | 'uploads'>> & {
  urlFetch?: Partial<ServerConfig['urlFetch']>;
  uploads?: Partial<ServerConfig['uploads']>;
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
    maxInFlightPerToken: 16,
    maxQueued: 256,
    bodyLimit: 60 * MB,
    defaultDailyLimit: 10_000,
    ...overrides,
    nodes,
    threadsPerNode: overrides.threadsPerNode ?? Math.max(1, Math.floor(cores / nodes)),
    urlFetch: { timeoutMs: 15_000, maxBytes: 50 * MB, maxRedirects: 3, ...overrides.urlFetch },
    uploads: { maxBytes: 50 * MB, ttlMs: 24 * 3600_000, maxFiles: 1000, ...overrides.uploads },
  };
}
